"""The legacy ``chainer.Function`` interface, as an adapter onto FunctionNode.

A Function's ``forward``/``backward`` (or their ``_cpu``/``_gpu`` variants)
take and return plain arrays; its backward is used exactly as written. On
``'@numpy'`` they receive NumPy arrays, as in Chainer; on JAX devices
``jax.Array``; inside ``jax.jit``/``jax.grad`` tracers (NumPy-style code
such as ``x * y + z`` or ``x.dot(W.T)`` works on all of them).
"""
import contextlib
import weakref

import jax
import numpy

from chainerjax import configuration
from chainerjax import function_node
from chainerjax import variable

_Tracer = jax.core.Tracer


@contextlib.contextmanager
def no_backprop_mode():
    """Context in which no computational graph is recorded.

    Example:
        >>> import numpy as np
        >>> import chainerjax as chainer
        >>> x = chainer.Variable(np.ones(2, np.float32))
        >>> with chainer.no_backprop_mode():
        ...     y = x + 1
        >>> y.creator is None
        True
    """
    with configuration.using_config('enable_backprop', False):
        yield


@contextlib.contextmanager
def force_backprop_mode():
    """Context in which the graph is recorded even inside
    :func:`no_backprop_mode`."""
    with configuration.using_config('enable_backprop', True):
        yield


def _for_user(array, like_numpy):
    # Arrays handed to legacy code on '@numpy' are NumPy, as in Chainer.
    if array is None or not like_numpy or isinstance(array, _Tracer) or \
            type(array) is numpy.ndarray:
        return array
    return numpy.asarray(array)


class FunctionAdapter(function_node.FunctionNode):
    """Gives a legacy :class:`Function` the FunctionNode interface.

    Args:
        function (Function): the wrapped function.
    """

    _function = None
    _weak_function = None

    def __init__(self, function):
        super(FunctionAdapter, self).__init__()
        self._weak_function = weakref.ref(function)
        function._owned_node = self

    @property
    def function(self):
        func = self._function
        if func is not None:
            return func
        weak = self._weak_function
        return weak and weak()

    @property
    def label(self):
        return self._function.label

    @property
    def _impl_name(self):
        return self._function.__class__.__name__

    def check_type_forward(self, in_types):
        self._function.check_type_forward(in_types)

    def forward(self, inputs):
        self.retain_inputs(range(len(inputs)))
        return self._function.forward(inputs)

    def backward(self, target_input_indexes, grad_outputs):
        retained = self.get_retained_inputs()
        n = len(self.inputs)
        in_data = [None] * n
        for var, i in zip(retained, self._input_indexes_to_retain):
            in_data[i] = None if var is None else var.array
        in_data = tuple(in_data)
        grad_out = tuple([None if g is None else g.array
                          for g in grad_outputs])
        gxs = self._function.backward(in_data, grad_out)
        if not isinstance(gxs, (tuple, list)):
            raise TypeError(
                '{}.backward must return a tuple of arrays, got {}'.format(
                    self.label, type(gxs).__name__))
        if len(gxs) != n:
            raise ValueError(self._get_error_message(
                'number of gradients returned from backward is incorrect: '
                '{} != expected {}'.format(len(gxs), n)))
        for x, gx in zip(self.inputs, gxs):
            if gx is not None:
                variable._check_grad_type(self, x, gx)
        ret = []
        for i in target_input_indexes:
            gx = gxs[i]
            if gx is None:
                ret.append(None)
            else:
                g = variable.Variable(gx)
                g._node._old_style_grad_generator = self._function.label
                ret.append(g)
        return tuple(ret)


class Function(object):
    """Old-style differentiable function (``chainer.Function``).

    Subclasses implement :meth:`forward` (or :meth:`forward_cpu` and
    :meth:`forward_gpu`) and :meth:`backward` (or its ``_cpu``/``_gpu``
    variants), all of them on tuples of arrays. Call an instance on
    Variables or arrays to apply it.

    Example:
        >>> import numpy as np
        >>> import chainerjax as chainer
        >>> class MulAdd(chainer.Function):
        ...     def forward_cpu(self, inputs):
        ...         x, y, z = inputs
        ...         return x * y + z,
        ...     def backward_cpu(self, inputs, grad_outputs):
        ...         x, y, z = inputs
        ...         gw, = grad_outputs
        ...         return y * gw, x * gw, gw
        >>> x = chainer.Variable(np.float32([1, 2]))
        >>> w = MulAdd()(x, np.float32([3, 4]), np.float32([1, 1]))
        >>> w.array
        array([4., 9.], dtype=float32)
    """

    _node = None
    _owned_node = None

    def __call__(self, *inputs):
        node = self.node
        node._function = self
        node._weak_function = None
        self._node = weakref.ref(node)
        self._owned_node = None
        ret = node.apply(inputs)
        if len(ret) == 1:
            return ret[0]
        return tuple(ret)

    @property
    def inputs(self):
        """The input nodes of the function."""
        return self.node.inputs

    @property
    def outputs(self):
        """Weak references to the output nodes of the function."""
        return self.node.outputs

    @property
    def node(self):
        """The :class:`FunctionAdapter` of this function."""
        ref = self._node
        nd = (ref and ref()) or self._owned_node
        if nd is not None:
            return nd
        nd = FunctionAdapter(self)
        self._owned_node = nd
        return nd

    @property
    def local_function_hooks(self):
        return self.node.local_function_hooks

    @property
    def label(self):
        return self.__class__.__name__

    @property
    def output_data(self):
        return self.node.output_data

    @property
    def rank(self):
        return self.node.rank

    @property
    def stack(self):
        return None

    def check_type_forward(self, in_types):
        """Checks the input types (override with ``type_check.expect``)."""
        pass

    def forward(self, inputs):
        """Dispatches to :meth:`forward_gpu` for arrays on a JAX GPU when it
        is overridden, else to :meth:`forward_cpu`."""
        if function_node.FunctionNode._uses_gpu(inputs) and \
                type(self).forward_gpu is not Function.forward_gpu:
            return self.forward_gpu(inputs)
        return self.forward_cpu(inputs)

    def forward_cpu(self, inputs):
        raise NotImplementedError(
            '{} implements neither forward nor forward_cpu'.format(
                self.label))

    def forward_gpu(self, inputs):
        raise NotImplementedError(
            '{} implements neither forward nor forward_gpu'.format(
                self.label))

    def backward(self, inputs, grad_outputs):
        """Dispatches to :meth:`backward_gpu` for arrays on a JAX GPU when
        it is overridden, else to :meth:`backward_cpu`."""
        if function_node.FunctionNode._uses_gpu(inputs + grad_outputs) and \
                type(self).backward_gpu is not Function.backward_gpu:
            return self.backward_gpu(inputs, grad_outputs)
        return self.backward_cpu(inputs, grad_outputs)

    def backward_cpu(self, inputs, grad_outputs):
        return tuple(None for _ in inputs)

    def backward_gpu(self, inputs, grad_outputs):
        return tuple(None for _ in inputs)

    def unchain(self):
        self.node.unchain()

    def add_hook(self, hook, name=None):
        self.node.add_hook(hook, name)

    def delete_hook(self, name):
        self.node.delete_hook(name)

    def retain_inputs(self, indexes):
        """Keeps only the inputs at ``indexes`` for backward."""
        self.node.retain_inputs(indexes)

    def retain_outputs(self, indexes, retain_after_backward=False):
        """Keeps the outputs at ``indexes`` for backward (see
        :attr:`output_data`)."""
        self.node.retain_outputs(indexes)
