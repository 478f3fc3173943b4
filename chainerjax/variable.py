"""Variable, VariableNode and Parameter: Chainer's graph values on JAX.

A :class:`Variable` holds its array in ``_data``; what that is depends on its
device (see ``docs/differences.md``):

* on ``'@numpy'`` (the default for NumPy input) ``.array`` and ``.grad`` are
  ``numpy.ndarray``. Arrays that JAX computed are shown as zero-copy,
  read-only NumPy views; arrays the user gave stay the user's (writable);
* on a JAX device (``'@jax:cpu:0'``, ``'@jax:gpu:0'``, ...) they are
  ``jax.Array``;
* inside a traced computation (``jax.jit``, ``chainerjax.jit``) they are
  tracers, whatever the device.
"""
import warnings
import weakref

import jax
import numpy

from chainerjax import _structure
from chainerjax import backend
from chainerjax import configuration
from chainerjax.backends import _cpu
from chainerjax.backends import _jax

_Tracer = jax.core.Tracer
_ndarray = numpy.ndarray
_cpu_device = backend._cpu_device
_array_types = (numpy.ndarray, jax.Array)


def _device_of(data):
    if data is None or type(data) is _ndarray:
        return _cpu_device
    if isinstance(data, _Tracer):
        return _cpu_device
    if isinstance(data, jax.Array):
        return _jax.JaxDevice.from_array(data)
    return _cpu_device


def _check_array(data, what='data'):
    if not isinstance(data, _array_types):
        raise TypeError(
            '{} or {} are expected. Actual: {}'.format(
                numpy.ndarray, jax.Array, type(data)))


def _raise_grad_error(exc_type, func, msg):
    detail = ''
    if func is not None:
        detail = 'Function `{0}` ({1}) has a bug.\n'.format(
            getattr(func, '_impl_name', type(func).__name__), func.label)
        detail += 'Please report this error to its developer.\n'
    raise exc_type(detail + msg)


def _check_grad_type(func, x, gx):
    """Checks a gradient array against the variable (or node) ``x``."""
    if not isinstance(gx, _array_types):
        _raise_grad_error(
            TypeError, func,
            'Type of grad is invalid:\nExpected: Any of {}\nActual: {}'
            .format(_array_types, type(gx)))
    x_dtype = x.dtype
    x_shape = x.shape
    if x_dtype is None or x_shape is None:
        return
    if gx.dtype != x_dtype:
        _raise_grad_error(
            TypeError, func,
            'Dtype of data and grad mismatch\ngrad: %s != data: %s'
            % (gx.dtype, x_dtype))
    if tuple(gx.shape) != tuple(x_shape):
        _raise_grad_error(
            ValueError, func,
            'Shape of data and grad mismatch\ngrad: %s != data: %s'
            % (tuple(gx.shape), tuple(x_shape)))


class TracedValueError(TypeError):
    """A value was read on the host (``item()``, ``cuda.to_cpu``) while a
    computation is being traced, where values are not known yet.
    ``chainerjax.jit`` turns it into an ``UntraceableError`` naming the
    line."""


class VariableNode(object):
    """The node of a variable in the backward graph.

    A :class:`FunctionNode` refers to its inputs by their nodes, so the graph
    survives the Python Variables that built it. The node keeps the array
    only when it is retained (:meth:`retain_data`).

    Attributes:
        creator_node: the :class:`FunctionNode` that produced it, or None.
        rank (int): its depth in the graph (leaf: 0).
        requires_grad (bool): whether gradients flow to it.
        data: the retained array, or None.
    """

    __slots__ = ('_variable', 'creator_node', 'rank', 'requires_grad',
                 'data', 'name', 'dtype', 'shape', '__weakref__',
                 '_old_style_grad_generator')

    def __init__(self, variable, name, requires_grad=True):
        self._variable = weakref.ref(variable)
        self.creator_node = None
        self.rank = 0
        self.requires_grad = requires_grad
        self.data = None
        self.name = name
        self._old_style_grad_generator = None
        data = variable._data
        if data is None:
            self.dtype = None
            self.shape = None
        else:
            self.dtype = data.dtype
            self.shape = data.shape

    @property
    def creator(self):
        """The creator, as a legacy ``Function`` if it was created by one."""
        node = self.creator_node
        if node is None:
            return None
        return getattr(node, '_function', node)

    @creator.setter
    def creator(self, func):
        self.set_creator(func)

    @property
    def grad(self):
        var = self._variable()
        return None if var is None else var.grad

    @property
    def grad_var(self):
        var = self._variable()
        return None if var is None else var.grad_var

    @property
    def label(self):
        if self.shape == ():
            return str(self.dtype)
        return '(%s), %s' % (', '.join(map(str, self.shape)), self.dtype)

    def get_variable(self):
        """Returns the Variable of this node, recreating it if needed."""
        var = self._variable()
        if var is not None:
            return var
        var = Variable._from_node_data(self)
        self._variable = weakref.ref(var)
        return var

    def get_variable_or_none(self):
        return self._variable()

    def set_creator(self, creator):
        self.set_creator_node(getattr(creator, 'node', creator))

    def set_creator_node(self, fnode):
        self.creator_node = fnode
        self.rank = fnode.rank + 1

    def unchain(self):
        self.creator_node = None

    def retain_data(self):
        var = self._variable()
        if var is not None:
            self.data = var._data
        else:
            raise RuntimeError('Cannot retain variable data: the variable '
                               'has been already released')

    def _set_data_type(self, d):
        if d is None:
            self.dtype = None
            self.shape = None
        else:
            self.dtype = d.dtype
            self.shape = tuple(d.shape)

    def _check_old_style_gradient(self):
        return None


class Variable(object):
    """__init__(data=None, *, name=None, grad=None, requires_grad=True)

    An array with a place in the computational graph.

    Args:
        data: the initial array (NumPy or JAX), or None.
        name (str): the name, used in reprs and graphs.
        grad: the initial gradient array.
        requires_grad (bool): whether gradients flow to this variable.

    Example:
        >>> import numpy as np
        >>> import chainerjax as chainer
        >>> x = chainer.Variable(np.array([1., 2.], np.float32))
        >>> y = x * x
        >>> y.grad = np.ones(2, np.float32)
        >>> y.backward()
        >>> x.grad
        array([2., 4.], dtype=float32)
    """

    __array_priority__ = 200
    __hash__ = None
    _np_view = None
    _grad_var = None
    _loss_scale = None
    _grad_valid = True
    # a gradient the backward pass summed and holds alone (_backprop)
    _summed = False

    def __init__(self, data=None, **kwargs):
        name = kwargs.pop('name', None)
        grad = kwargs.pop('grad', None)
        requires_grad = kwargs.pop('requires_grad', True)
        if 'volatile' in kwargs:
            raise ValueError('volatile argument is not supported anymore. '
                             'Use chainer.using_config')
        if kwargs:
            raise TypeError('Variable() got unexpected keyword argument(s): '
                            '{}'.format(', '.join(sorted(kwargs))))
        if not isinstance(requires_grad, bool):
            raise TypeError('requires_grad must be a bool')
        if data is not None:
            _check_array(data)
        self._data = data
        self._device = _device_of(data)
        self._node = VariableNode(self, name, requires_grad)
        if grad is not None:
            self.grad = grad

    @classmethod
    def _from_op(cls, data, device, requires_grad):
        # Fast constructor for function outputs (no checks).
        var = cls.__new__(cls)
        var._data = data
        var._device = device
        var._node = VariableNode(var, None, requires_grad)
        return var

    @classmethod
    def _from_node_data(cls, node):
        var = cls.__new__(cls)
        var._data = node.data
        var._device = _device_of(node.data)
        var._node = node
        return var

    # ----- representation -------------------------------------------------
    def __repr__(self):
        return _format(self, ', ')

    def __str__(self):
        return _format(self, ' ')

    def summary(self):
        if self.name:
            return '<variable %s>' % self.name
        return '<variable at 0x%x>' % id(self)

    def debug_print(self):
        """Returns a text summary of the array, its device and gradient."""
        lines = [self.summary(), '- device: %s' % self.device,
                 '- backend: %s' % type(self._data),
                 '- shape: %s' % (self.shape,), '- dtype: %s' % self.dtype]
        arr = self.array
        if arr is not None and not isinstance(arr, _Tracer):
            a = numpy.asarray(arr)
            if a.size:
                lines += ['- statistics: mean=%.8f, std=%.8f'
                          % (float(a.mean()), float(a.std()))]
        grad = self.grad
        if grad is None:
            lines.append('- grad: None')
        elif isinstance(grad, _Tracer):
            lines.append('- grad: (traced)')
        else:
            g = numpy.asarray(grad)
            lines.append('- grad: mean=%.8f, std=%.8f'
                         % (float(g.mean()), float(g.std())))
        return '\n'.join(lines)

    # ----- array access ---------------------------------------------------
    @property
    def array(self):
        """The array: NumPy on ``'@numpy'``, ``jax.Array`` on JAX devices."""
        d = self._data
        if type(d) is _ndarray:
            if _cpu._host_reads:
                # the caller may write into it
                _cpu.wait_host_reads(d)
            return d
        if d is None or not self._device._is_numpy:
            return d
        if isinstance(d, _Tracer):
            return d
        view = self._np_view
        if view is None or view.base is None:
            view = self._np_view = numpy.asarray(d)
        return view

    @array.setter
    def array(self, d):
        if d is not None:
            _check_array(d)
        self._set_array(d)

    data = array

    def _set_array(self, d):
        self._data = d
        self._np_view = None
        if d is not None and not isinstance(d, _Tracer):
            is_numpy = type(d) is _ndarray
            if is_numpy != self._device._is_numpy:
                self._device = _device_of(d)
        self._node._set_data_type(d)
        if self._node.data is not None:
            self._node.data = d

    @property
    def raw_array(self):
        return self._data

    @property
    def node(self):
        return self._node

    @property
    def name(self):
        return self._node.name

    @name.setter
    def name(self, n):
        self._node.name = n

    @property
    def label(self):
        return self._node.label

    @property
    def creator(self):
        """The function that made this variable (a legacy Function or a
        FunctionNode), or None."""
        return self._node.creator

    @creator.setter
    def creator(self, func):
        self._node.creator = func

    @property
    def creator_node(self):
        return self._node.creator_node

    @creator_node.setter
    def creator_node(self, func):
        self._node.set_creator_node(func)

    @property
    def rank(self):
        return self._node.rank

    @property
    def requires_grad(self):
        return self._node.requires_grad

    @property
    def device(self):
        return self._device

    @property
    def xp(self):
        if isinstance(self._data, _Tracer):
            return jax.numpy
        return self._device.xp

    @property
    def shape(self):
        return tuple(self._data.shape)

    @property
    def ndim(self):
        return self._data.ndim

    @property
    def size(self):
        return self._data.size

    @property
    def dtype(self):
        return self._data.dtype

    @property
    def T(self):
        from chainerjax.functions.array import transpose
        return transpose.transpose(self)

    def __len__(self):
        shape = self._data.shape
        if len(shape) == 0:
            raise TypeError('len() of unsized object')
        return shape[0]

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __pos__(self):
        return self

    def __bool__(self):
        raise TypeError('Variables cannot be evaluated as Python bool.')

    def _error_nobp_op(self, op):
        raise TypeError(
            'Variables do not support {} operator. '
            'You could use `array` attribute instead.'.format(op))

    def __lt__(self, other):
        self._error_nobp_op('<')

    def __le__(self, other):
        self._error_nobp_op('<=')

    def __eq__(self, other):
        self._error_nobp_op('==')

    def __ne__(self, other):
        self._error_nobp_op('!=')

    def __gt__(self, other):
        self._error_nobp_op('>')

    def __ge__(self, other):
        self._error_nobp_op('>=')

    def item(self):
        """Returns the only element as a Python scalar."""
        d = self._data
        if isinstance(d, _Tracer):
            raise TracedValueError(
                'Variable.item() was called on a traced value inside a '
                'compiled (jitted) computation, where values are not known '
                'yet. Return or chainer.report() the Variable instead.')
        return d.item()

    # ----- gradients ------------------------------------------------------
    @property
    def grad(self):
        if not self._grad_valid:
            raise RuntimeError(
                'Cannot retrieve Variable.grad. '
                'Either it must be set manually or Variable.cleargrad() '
                'must be called beforehand.')
        gv = self._grad_var
        return None if gv is None else gv.array

    @grad.setter
    def grad(self, g):
        if g is not None:
            _check_grad_type(None, self, g)
            gv = Variable._from_op(g, self._device, True)
        else:
            gv = None
        self._grad_var = gv
        self._grad_valid = True

    @property
    def grad_var(self):
        return self._grad_var

    @grad_var.setter
    def grad_var(self, g):
        if g is not None:
            _check_grad_type(None, self, g._data)
        self._grad_var = g
        self._grad_valid = True

    def _set_grad_var_without_check(self, gv):
        self._grad_var = gv
        self._grad_valid = True

    def _set_grad_var_if_available(self, gv):
        if self._grad_var is None or gv is not None:
            self._grad_var = gv

    def cleargrad(self):
        """Clears the gradient (sets it to None)."""
        self._grad_var = None
        self._grad_valid = True

    def zerograd(self):
        """Sets the gradient to zeros (deprecated in Chainer: use
        :meth:`cleargrad`)."""
        warnings.warn(
            'Variable.zerograd is deprecated. Use Variable.cleargrad '
            'instead.', DeprecationWarning)
        self._grad_valid = True
        if self._data is None:
            return
        self._grad_var = Variable._from_op(
            _zeros_like(self._data), self._device, True)

    def addgrad(self, var):
        """Adds the gradient of ``var`` to this variable's gradient."""
        if not isinstance(var, Variable):
            raise TypeError('addgrad takes a Variable, got {}'.format(
                type(var)))
        src = var._grad_var
        if src is None:
            return
        g = src._data
        if self._data is not None and var._device != self._device:
            g = self._device.send(_cpu._array_to_cpu(g)
                                  if not self._device._is_numpy else g)
        if self._grad_var is None:
            new = g if not self._device._is_numpy else numpy.array(g)
        else:
            new = self._grad_var._data + g
        self._grad_var = Variable._from_op(new, self._device, False)

    def copydata(self, var):
        """Copies the array of ``var`` into this variable (in place on
        NumPy; by replacement on JAX devices)."""
        src = var._data
        dst = self._data
        if dst is None:
            self._set_array(self._device.send(src) if src is not None
                            else None)
            return
        if type(dst) is _ndarray and dst.flags.writeable:
            _cpu.write_into(dst, src)
            self._np_view = None
        else:
            self._set_array(self._device.send(
                _cpu._array_to_cpu(src) if self._device._is_numpy else src)
                .astype(dst.dtype, copy=False).reshape(dst.shape))

    # ----- devices --------------------------------------------------------
    def to_device(self, device):
        """Moves the array and gradient to ``device`` (any specifier)."""
        device = backend.get_device(device)
        self._to_device(device)

    def _to_device(self, device):
        _structure.changed()
        if self._data is not None:
            self._data = device.send(self._data)
            self._np_view = None
            if self._node.data is not None:
                self._node.data = self._data
        gv = self._grad_var
        if gv is not None:
            gv._data = device.send(gv._data)
            gv._np_view = None
            gv._device = device
        self._device = device

    def to_cpu(self):
        """Moves the array and gradient to host NumPy (``'@numpy'``)."""
        self.to_device(_cpu_device)

    def to_gpu(self, device=None):
        """Moves the array and gradient to a JAX GPU."""
        from chainerjax.backends import cuda
        cuda.check_cuda_available()
        if device is None:
            target = _jax.JaxDevice.from_spec('gpu', 0)
        elif isinstance(device, int):
            target = _jax.JaxDevice.from_spec('gpu', device)
        else:
            target = backend.get_device(device)
        self.to_device(target)

    def to_intel64(self):
        raise RuntimeError('iDeep is not supported by chainerjax.')

    def to_chx(self):
        raise RuntimeError(
            'ChainerX is not available in chainerjax; use to_device with a '
            'JAX device such as \'@jax:cpu:0\'.')

    def from_chx(self):
        return self

    # ----- graph ----------------------------------------------------------
    def unchain(self):
        """Deletes the reference to this variable's creator."""
        self._node.unchain()

    def unchain_backward(self):
        """Deletes the references to creators in the whole backward graph
        reachable from this variable."""
        cand = []
        seen = set()
        node = self._node.creator_node
        if node is not None:
            cand.append(node)
        self._node.unchain()
        while cand:
            func = cand.pop()
            if func in seen:
                continue
            seen.add(func)
            for vnode in func.inputs or ():
                creator = vnode.creator_node
                if creator is not None and creator not in seen:
                    cand.append(creator)
                vnode.unchain()

    def retain_data(self):
        self._node.data = self._data

    def set_creator(self, gen_func):
        self._node.set_creator(gen_func)

    def set_creator_node(self, fnode):
        self._node.set_creator_node(fnode)

    def backward(self, retain_grad=False, enable_double_backprop=False,
                 loss_scale=None):
        """Runs backpropagation from this variable.

        Args:
            retain_grad (bool): keep the gradients of intermediate variables.
            enable_double_backprop (bool): record the backward computation in
                the graph so that it can be differentiated again.
            loss_scale (float): multiply the initial gradient by this factor;
                optimizers divide the parameter gradients by it again.
        """
        from chainerjax import _backprop
        data = self._data
        if data is None:
            raise RuntimeError('backward() was called on a Variable without '
                               'an array.')
        if self._grad_var is None:
            if data.size != 1:
                raise TypeError(
                    'backward() was called on a Variable of shape {} without '
                    'a gradient. Only a variable with one element gets the '
                    'default gradient 1; set var.grad first (for example '
                    'var.grad = xp.ones_like(var.array)).'.format(
                        tuple(data.shape)))
            if data.ndim != 0:
                warnings.warn(
                    'Treating a variable with only one element as a scalar'
                    ' in Variable.backward is deprecated. A scalar variable'
                    ' must be a 0-dimensional array. Apply'
                    ' chainer.functions.squeeze to obtain a scalar variable.'
                    ' If the size of this variable accidentally becomes one,'
                    ' set zero to grad.', DeprecationWarning)
            one = _ones_like(data)
            if loss_scale is not None:
                one = one * one.dtype.type(loss_scale)
            self._grad_var = Variable._from_op(one, self._device, False)
        grad_var = self._grad_var
        self._grad_var = None
        local = configuration.config._local
        had = 'enable_backprop' in local.__dict__
        old = local.__dict__.get('enable_backprop')
        local.enable_backprop = enable_double_backprop
        try:
            _backprop._backprop_to_all(
                [(self._node, grad_var)], retain_grad, loss_scale)
        finally:
            if had:
                local.enable_backprop = old
            else:
                del local.enable_backprop

    # ----- array-like helpers --------------------------------------------
    def reshape(self, *shape):
        """Returns ``F.reshape(self, shape)``."""
        from chainerjax.functions.array import reshape
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = shape[0]
        return reshape.reshape(self, tuple(shape))

    def transpose(self, *axes):
        """Returns ``F.transpose(self, axes)``."""
        from chainerjax.functions.array import transpose
        if len(axes) == 0:
            axes = None
        elif len(axes) == 1 and (isinstance(axes[0], (tuple, list))
                                 or axes[0] is None):
            axes = axes[0]
        return transpose.transpose(self, axes)

    def mean(self, axis=None, *, weights=None, keepdims=False):
        from chainerjax.functions.math import average
        return average.average(self, axis=axis, weights=weights,
                               keepdims=keepdims)

    def __getitem__(self, slices):
        from chainerjax.functions.array import get_item
        return get_item.get_item(self, slices)

    def __copy__(self):
        return self._copy_to(Variable())

    def _copy_to(self, target):
        target.__dict__ = self.__dict__.copy()
        target._node = VariableNode(target, self.name, self.requires_grad)
        target._node._set_data_type(self._data)
        return target

    def __getstate__(self):
        state = self.__dict__.copy()
        state['_data'] = _cpu._array_to_cpu(self._data) \
            if not isinstance(self._data, numpy.ndarray) and \
            self._data is not None and self._device._is_numpy else self._data
        state.pop('_np_view', None)
        state['_node'] = (self._node.name, self._node.requires_grad)
        state.pop('_device', None)
        return state

    def __setstate__(self, state):
        name, requires_grad = state.pop('_node')
        self.__dict__.update(state)
        self._device = _device_of(self._data)
        self._node = VariableNode(self, name, requires_grad)


# The array state a share-mode copy of a Parameter keeps in its source.
_SHARED_STATE = ('_data', '_np_view', '_device')


def _shared_attr(name):
    def get(self):
        return getattr(self.__dict__['_share_src'], name)

    def set(self, value):
        setattr(self.__dict__['_share_src'], name, value)
    return property(get, set)


class _SharedArray(object):
    """Mixin of the Parameters made by ``Link.copy(mode='share')``.

    Chainer's copies share the data cell of the original Parameter, so a
    new array assigned to either (``p.array = ...``, an optimizer update) is
    seen by both. chainerjax replaces arrays rather than writing into them
    (always under jit and on JAX devices), so the copy reads and writes its
    array through the original. Gradients, nodes and update rules stay
    separate. Pickling or deep-copying it gives a plain Parameter.
    """

    _data = _shared_attr('_data')
    _np_view = _shared_attr('_np_view')
    _device = _shared_attr('_device')

    def _share_root(self):
        src = self.__dict__['_share_src']
        return src._share_root() if isinstance(src, _SharedArray) else src

    def __reduce_ex__(self, protocol):
        state = self.__getstate__()
        state.pop('_share_src', None)
        return (_new_object, (type(self).__mro__[2],), state)


def _new_object(cls):
    return object.__new__(cls)


_shared_classes = {}


def _shared_class(cls):
    """The share-copy class of a Parameter class ``cls``."""
    if issubclass(cls, _SharedArray):
        cls = cls.__mro__[2]
    shared = _shared_classes.get(cls)
    if shared is None:
        shared = type(cls.__name__, (_SharedArray, cls),
                      {'__module__': cls.__module__,
                       '__qualname__': cls.__qualname__})
        _shared_classes[cls] = shared
    return shared


def _format(var, separator):
    arr = var.array
    prefix = 'variable ' + var.name if var.name else 'variable'
    if arr is None:
        body = 'None'
    elif isinstance(arr, _Tracer):
        body = repr(arr)
    else:
        body = numpy.array2string(numpy.asarray(arr), None, None, None,
                                  separator, prefix + '(')
    return prefix + '(' + body + ')'


# compiled once per shape and dtype: a call is a few microseconds where
# jax.numpy's op-by-op dispatch takes tens (the default gradient of every
# loss.backward())
_jit_zeros_like = jax.jit(jax.numpy.zeros_like)
_jit_ones_like = jax.jit(jax.numpy.ones_like)


def _zeros_like(data):
    if type(data) is _ndarray:
        return numpy.zeros_like(data)
    if isinstance(data, _Tracer):
        return jax.numpy.zeros_like(data)
    return _jit_zeros_like(data)


def _ones_like(data):
    if type(data) is _ndarray:
        return numpy.ones_like(data)
    if isinstance(data, _Tracer):
        return jax.numpy.ones_like(data)
    return _jit_ones_like(data)


def _own_memory(data, device):
    """The array a Parameter keeps of the ``data`` it generated: on
    ``'@numpy'``, a copy in memory that compiled updates can write in place
    (:func:`chainerjax.backends._cpu.xla_backed`)."""
    return _cpu.xla_backed(data) if device._is_numpy else data


class Parameter(Variable):
    """__init__(initializer=None, shape=None, name=None)

    A learnable Variable owned by a :class:`~chainerjax.Link`.

    Args:
        initializer: an :class:`~chainerjax.initializer.Initializer`, a
            scalar (constant), an array (the initial value) or None (NaN
            until initialized).
        shape: the shape to initialize now; None defers initialization to
            :meth:`initialize`.
        name (str): the name.
    """

    initializer = None
    _grad_initializer = None

    def __init__(self, initializer=None, shape=None, name=None):
        from chainerjax import initializers
        if initializer is None:
            initializer = initializers.NaN()
        elif numpy.isscalar(initializer):
            initializer = initializers.Constant(initializer)
        is_array = isinstance(initializer, _array_types)
        if shape is None:
            if is_array:
                # initialized by the given array
                super(Parameter, self).__init__(initializer, name=name)
            else:
                # uninitialized until initialize(shape)
                super(Parameter, self).__init__(name=name)
                self._grad_valid = False
                self._grad_initializer = initializers.NaN(
                    getattr(initializer, 'dtype', None))
        else:
            device = _cpu_device
            init = initializer
            if is_array:
                device = _device_of(initializer)
                init = initializers.Constant(
                    numpy.asarray(initializer) if device._is_numpy
                    else initializer)
            data = _own_memory(initializers.generate_array(
                init, shape, device.xp, device=device), device)
            super(Parameter, self).__init__(name=name)
            self._device = device
            self._set_array(data)
            nan = numpy.full(data.shape, numpy.nan, dtype=data.dtype)
            self._grad_var = Variable._from_op(device.send(nan), device, True)
        self._initial_device = _cpu_device if self._data is None \
            else self._device
        self.initializer = initializer

    update_rule = None

    def __copy__(self):
        return self._copy_to(Parameter.__new__(Parameter))

    def __reduce__(self):
        # As Chainer: the raw gradient and its validity (an uninitialized
        # parameter's grad cannot be read) and the (initial) device.
        gv = self._grad_var
        return _recover_parameter, (
            self.array if self._data is not None else None, self.name,
            None if gv is None else gv.array, self.initializer,
            self.update_rule, self._grad_valid, self.device)

    @property
    def is_initialized(self):
        return self._data is not None

    @property
    def dtype(self):
        if self._data is not None:
            return self._data.dtype
        initializer = self.initializer
        if hasattr(initializer, 'dtype'):
            return numpy.dtype(initializer.dtype)
        raise RuntimeError(
            'Dtype of the parameter is not determined yet because it\'s '
            'uninitialized and dtype was not explicitly given.')

    @property
    def device(self):
        if self._data is None:
            return self._initial_device
        return self._device

    def initialize(self, shape):
        """Allocates and fills the array (and a NaN gradient) of ``shape``."""
        from chainerjax import initializers
        device = self._initial_device
        data = _own_memory(initializers.generate_array(
            self.initializer, shape, device.xp, device=device), device)
        if self._grad_initializer is None:
            grad = None
        else:
            grad = initializers.generate_array(
                self._grad_initializer, shape, device.xp, dtype=data.dtype,
                device=device)
        self._device = device
        self._set_array(data)
        self._grad_var = None if grad is None else Variable._from_op(
            grad, device, True)
        self._grad_valid = True

    def _to_device(self, device):
        self._initial_device = device
        from_jax = self._data is not None and type(self._data) is not _ndarray
        super(Parameter, self)._to_device(device)
        if from_jax and type(self._data) is _ndarray:
            self._set_array(_own_memory(self._data, device))

    def cleargrad(self):
        super(Parameter, self).cleargrad()
        if self._data is None:
            self._grad_initializer = None

    def zerograd(self):
        from chainerjax import initializers
        if self._data is None:
            self._grad_valid = True
            self._grad_initializer = initializers.Zero(
                getattr(self.initializer, 'dtype', None))
            return
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', DeprecationWarning)
            super(Parameter, self).zerograd()

    def update(self):
        """Updates the array by its ``update_rule`` (if any)."""
        if self.update_rule is not None:
            self.update_rule.update(self)


def _recover_parameter(data, name, grad, initializer, update_rule,
                       grad_valid=True, device=None):
    p = Parameter(initializer=initializer, name=name)
    if data is not None:
        p._set_array(data)
        p._device = _device_of(data)
        p._initial_device = p._device
    elif device is not None:
        p._initial_device = device
    if grad is not None:
        p._grad_var = Variable._from_op(grad, p._device, False)
    p._grad_valid = grad_valid
    p.update_rule = update_rule
    return p


def as_variable(obj):
    """Returns ``obj`` if it is a Variable, else a Variable wrapping it with
    ``requires_grad=False``."""
    if isinstance(obj, Variable):
        return obj
    if isinstance(obj, (numpy.generic, int, float, bool, complex)):
        raise TypeError(
            'as_variable takes an array or a Variable, not a Python/NumPy '
            'scalar ({}); wrap it with numpy.asarray first.'.format(
                type(obj)))
    return Variable(obj, requires_grad=False)


def as_array(obj):
    """Returns the array of a Variable, or ``obj`` itself for an array."""
    if isinstance(obj, Variable):
        return obj.array
    return obj
