"""FunctionNode: one application of an op in the computational graph.

A built-in op only defines ``forward`` (in ``jax.numpy``) and its type
checks; its backward comes from ``jax.vjp`` through the kernel cache in
:mod:`chainerjax._kernels`, and double backprop works for it without more
code. An op whose author writes ``backward`` (as every user-defined Chainer
FunctionNode does) gets exactly that backward, also when JAX traces it
(it is wrapped in ``jax.custom_vjp``).
"""
import collections
import copy as copy_module
import weakref

import jax
import numpy

import chainerjax
from chainerjax import _kernels
from chainerjax import backend
from chainerjax import configuration
from chainerjax import variable
from chainerjax.backends import _cpu
from chainerjax.utils import type_check

_config = configuration.config
_Tracer = jax.core.Tracer
_Variable = variable.Variable
_ndarray = numpy.ndarray


# Signatures (op definition, input shapes and dtypes) whose type checks
# passed; see FunctionNode.apply.
_type_checked = set()


def _is_float(x):
    return x.dtype.kind in 'fc'


class FunctionNode(object):
    """Base class of the nodes of the computational graph.

    Subclasses implement :meth:`forward` (tuple of arrays in, tuple of arrays
    out), optionally :meth:`check_type_forward`, and optionally
    :meth:`backward`. Apply a node with :meth:`apply`.

    Attributes:
        inputs: tuple of the input :class:`~chainerjax.variable.VariableNode`.
        outputs: tuple of weak references to the output nodes.
        rank (int): the topological order of this node in the graph.
    """

    inputs = None
    outputs = None
    rank = 0
    lazy_grad_sum = False
    _input_indexes_to_retain = None
    _output_indexes_to_retain = None
    _retained_output_data = None
    _local_function_hooks = None
    _n_local_function_hooks = 0
    _vjp = None
    _in_data = None
    _out_meta = None
    _diff_mask = None
    _kernel_sig = None
    _kernel_dyn = None
    _kernel = None
    # Attribute names passed to the compiled kernel as arguments (not part
    # of the compile cache key), for scalars that change between calls.
    _dynamic_attributes = frozenset()
    # Input positions that never get a gradient (e.g. soft targets).
    _no_grad_inputs = ()
    _derived_backward = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._derived_backward = (
            cls.backward is FunctionNode.backward
            and cls.backward_accumulate is FunctionNode.backward_accumulate)
        if not isinstance(cls._dynamic_attributes, frozenset):
            cls._dynamic_attributes = frozenset(cls._dynamic_attributes)

    @property
    def local_function_hooks(self):
        """Ordered dict of the hooks registered to this node only."""
        if self._local_function_hooks is None:
            self._local_function_hooks = collections.OrderedDict()
        return self._local_function_hooks

    @property
    def label(self):
        """A short name of the op (its class name by default)."""
        return self.__class__.__name__

    @property
    def output_data(self):
        """The retained output arrays (None for the others)."""
        if self._retained_output_data is None:
            raise RuntimeError('retained output data is gone')
        out_data = [None] * len(self.outputs)
        for index, data in zip(self._output_indexes_to_retain,
                               self._retained_output_data):
            out_data[index] = data
        return tuple(out_data)

    # ----- forward --------------------------------------------------------
    def apply(self, inputs):
        """Computes the outputs and, if needed, links them into the graph.

        Args:
            inputs: tuple of Variables or arrays.

        Returns:
            A tuple of :class:`~chainerjax.Variable`.
        """
        input_vars = [x if isinstance(x, _Variable) else _as_input(x)
                      for x in inputs]
        in_data = tuple([x._data for x in input_vars])
        requires_grad = any([x._node.requires_grad for x in input_vars])

        derived = self._derived_backward
        if derived:
            sig = _kernels.signature(self)
        if _config.type_check:
            if derived and not sig[1]:
                # A built-in op's checks depend only on its static
                # attributes and the inputs' shapes and dtypes: run them
                # once per such signature.
                tc_key = (sig[0], tuple([(d.shape, d.dtype)
                                         for d in in_data]))
                if tc_key not in _type_checked:
                    self._check_data_type_forward(in_data)
                    if len(_type_checked) > 100000:
                        _type_checked.clear()
                    _type_checked.add(tc_key)
            else:
                self._check_data_type_forward(in_data)

        hooks = getattr(chainerjax._thread_local, 'function_hooks', None)
        if self._n_local_function_hooks:
            hooks = collections.OrderedDict(hooks or ())
            hooks.update(self.local_function_hooks)
        hooks = hooks.values() if hooks else ()
        for hook in hooks:
            hook.forward_preprocess(self, in_data)

        enable_backprop = _config.enable_backprop
        # Gradients are prepared only where they can flow; the graph is
        # recorded whenever enable_backprop is on, as in Chainer.
        enable_bp = requires_grad and enable_backprop
        self._input_indexes_to_retain = None
        self._output_indexes_to_retain = None
        if derived:
            outputs = self._forward_derived(input_vars, in_data, enable_bp,
                                            sig)
        else:
            outputs = self._forward_custom(input_vars, in_data)

        for hook in hooks:
            hook.forward_postprocess(self, in_data)

        if _config.debug:
            self._check_nan_inf(outputs, 'forward')

        device = input_vars[0]._device if input_vars else \
            backend.get_device_from_array(*outputs)
        ret = tuple([_Variable._from_op(y, device, requires_grad)
                     for y in outputs])

        if enable_backprop:
            self.rank = max([x._node.rank for x in input_vars]) \
                if input_vars else 0
            nodes = tuple([x._node for x in input_vars])
            self.inputs = nodes
            for y in ret:
                y._node.set_creator_node(self)
            self.outputs = tuple([weakref.ref(y._node) for y in ret])
            if self._derived_backward:
                if enable_bp:
                    for node, data in zip(nodes, in_data):
                        node.data = data
            else:
                indexes = self._input_indexes_to_retain
                if indexes is None:
                    indexes = range(len(in_data))
                for index in indexes:
                    input_vars[index].retain_data()
                indexes = self._output_indexes_to_retain
                if indexes is not None:
                    self._retained_output_data = tuple(
                        [outputs[i] for i in indexes])
                    for i in indexes:
                        ret[i]._node.data = outputs[i]
        return ret

    def _forward_derived(self, input_vars, in_data, enable_bp, sig):
        key, dyn = sig
        if enable_bp:
            no_grad = self._no_grad_inputs
            if no_grad:
                mask = tuple([x._node.requires_grad
                              and d.dtype.kind in 'fc' and i not in no_grad
                              for i, (x, d) in enumerate(zip(input_vars,
                                                             in_data))])
            else:
                mask = tuple([x._node.requires_grad and d.dtype.kind in 'fc'
                              for x, d in zip(input_vars, in_data)])
            kernel = _kernels.get_kernel(self, key, mask)
            try:
                outputs, vjp = kernel.fwd_vjp(dyn, in_data)
            except TypeError as e:
                raise _kernels.as_shape_error(e, self)
            if _ndarray in map(type, in_data):
                _cpu.note_host_reads(outputs, in_data)
            d = self.__dict__
            d['_vjp'] = vjp.attach(in_data, dyn)
            d['_diff_mask'] = mask
            d['_kernel_sig'] = key
            d['_kernel_dyn'] = dyn
            d['_kernel'] = kernel
            d['_out_meta'] = tuple([(y.shape, y.dtype) for y in outputs])
        else:
            kernel = _kernels.get_kernel(self, key, None)
            try:
                outputs = kernel.fwd(dyn, in_data)
            except TypeError as e:
                raise _kernels.as_shape_error(e, self)
            if _ndarray in map(type, in_data):
                _cpu.note_host_reads(outputs, in_data)
        return outputs

    def _forward_custom(self, input_vars, in_data):
        # The author's forward sees what Chainer would give it: NumPy arrays
        # on '@numpy', JAX arrays on JAX devices, tracers while traced.
        traced = False
        user_data = []
        for x, d in zip(input_vars, in_data):
            if isinstance(d, _Tracer):
                traced = True
                user_data.append(d)
            else:
                user_data.append(x.array)
        user_data = tuple(user_data)
        if traced:
            outputs = _custom_vjp_forward(self, user_data)
        else:
            with backend.using_device(
                    backend.get_device_from_array(*user_data)):
                outputs = self.forward(user_data)
        if not isinstance(outputs, tuple):
            raise TypeError(
                '{}.forward must return a tuple of arrays, got {}'.format(
                    self.label, type(outputs).__name__))
        if any(isinstance(y, numpy.generic) for y in outputs):
            # NumPy turns 0-d results into scalars; accept them as arrays.
            outputs = tuple(numpy.asarray(y) if isinstance(y, numpy.generic)
                            else y for y in outputs)
        for y in outputs:
            if not isinstance(y, (numpy.ndarray, jax.Array)):
                raise TypeError(
                    'forward output must be a tuple of ndarrays.\n'
                    'Function: {}\nActual output types: {}'.format(
                        self.label, tuple(type(o) for o in outputs)))
        return outputs

    def _check_nan_inf(self, arrays, phase):
        for a in arrays:
            if a is None or isinstance(a, _Tracer) or not _is_float(a):
                continue
            a = numpy.asarray(a)
            if numpy.isnan(a).any():
                raise RuntimeError(
                    'NaN is detected on {} computation of {}'.format(
                        phase, self.label))
            if numpy.isinf(a).any():
                raise RuntimeError(
                    'Inf is detected on {} computation of {}'.format(
                        phase, self.label))

    def _check_data_type_forward(self, in_data):
        in_type = type_check.get_light_types(in_data)
        try:
            with type_check.light_mode:
                self.check_type_forward(in_type)
            return
        except type_check.InvalidType:
            pass
        in_type = type_check.get_types(in_data, 'in_types', False)
        with type_check.get_function_check_context(self):
            self.check_type_forward(in_type)

    def check_type_forward(self, in_types):
        """Checks the input types before forward (override to add checks)."""
        pass

    def check_layout_forward(self, input_vars):
        pass

    def forward(self, inputs):
        """Computes the output arrays from the input arrays.

        The default dispatches to :meth:`forward_gpu` for arrays on a JAX GPU
        when a subclass defines it, and to :meth:`forward_cpu` otherwise.
        """
        if self._uses_gpu(inputs) and (
                type(self).forward_gpu is not FunctionNode.forward_gpu):
            return self.forward_gpu(inputs)
        return self.forward_cpu(inputs)

    @staticmethod
    def _uses_gpu(arrays):
        for a in arrays:
            if isinstance(a, jax.Array) and not isinstance(a, _Tracer):
                return next(iter(a.devices())).platform == 'gpu'
        return False

    def forward_cpu(self, inputs):
        raise NotImplementedError(
            '{} defines neither forward nor forward_cpu'.format(self.label))

    def forward_gpu(self, inputs):
        raise NotImplementedError(
            '{} defines neither forward nor forward_gpu'.format(self.label))

    def forward_chainerx(self, inputs):
        return chainerjax.Fallback

    def retain_inputs(self, indexes):
        """Keeps the inputs at ``indexes`` for backward (call in forward)."""
        self._input_indexes_to_retain = indexes

    def retain_outputs(self, indexes):
        """Keeps the outputs at ``indexes`` for backward (call in forward)."""
        self._output_indexes_to_retain = indexes

    # ----- backward -------------------------------------------------------
    def backward(self, target_input_indexes, grad_outputs):
        """Computes gradients w.r.t. the inputs at ``target_input_indexes``.

        Args:
            target_input_indexes (tuple of int): inputs whose gradients are
                needed (sorted).
            grad_outputs (tuple of Variable or None): gradients w.r.t. the
                outputs.

        Returns:
            A tuple of Variables (or None), either one per input or one per
            target index.

        The default derives the gradient with ``jax.vjp``; override it only
        where a different gradient is wanted.
        """
        if self._vjp is None:
            raise RuntimeError(
                'The backward of {} is not available: the node was applied '
                'without recording the graph (no input required a gradient, '
                'or enable_backprop was False) or it was already '
                'released.'.format(self.label))
        if _config.enable_backprop:
            return self._backward_differentiable(
                target_input_indexes, grad_outputs)
        return self._backward_fast(target_input_indexes, grad_outputs)

    def _gy_arrays(self, grad_outputs):
        gys = []
        for (shape, dtype), gy in zip(self._out_meta, grad_outputs):
            if dtype.kind not in 'fc':
                continue
            if gy is None:
                gys.append(jax.numpy.zeros(shape, dtype))
            else:
                gys.append(gy._data)
        return tuple(gys)

    def _backward_fast(self, target_input_indexes, grad_outputs):
        mask = self._diff_mask
        kernel = self._kernel
        if kernel is None:
            kernel = _kernels.get_kernel(self, self._kernel_sig, mask)
        try:
            if len(grad_outputs) == 1 and grad_outputs[0] is not None and \
                    self._out_meta[0][1].kind in 'fc':
                gy = grad_outputs[0]
                gxs = kernel.bwd(self._vjp, (gy._data,))
                device = gy._device
            else:
                gxs = kernel.bwd(self._vjp, self._gy_arrays(grad_outputs))
                device = None
                for gy in grad_outputs:
                    if gy is not None:
                        device = gy._device
                        break
            leaves = self._vjp.leaves
            if _ndarray in map(type, leaves):
                _cpu.note_host_reads(gxs, leaves)
        except RuntimeError as e:
            if 'deleted' not in str(e):
                raise
            raise RuntimeError(
                '{}: the graph holds an array that has been deleted since it '
                'was built: a compiled step (chainerjax.jit) reused (donated) '
                'the buffers of the parameters it updated. Call backward '
                'before the compiled step, or build the graph again after '
                'it.'.format(self.label)) from e
        from_op = _Variable._from_op
        if len(gxs) == len(mask) == len(target_input_indexes):
            # Every input is differentiated and wanted (the common case).
            return tuple([from_op(gx, device, True) for gx in gxs])
        full = [None] * len(mask)
        it = iter(gxs)
        for i, m in enumerate(mask):
            if m:
                full[i] = next(it)
        return tuple([None if full[i] is None else
                      from_op(full[i], device, True)
                      for i in target_input_indexes])

    def _backward_differentiable(self, target_input_indexes, grad_outputs):
        n = len(self.inputs)
        xs = [node.get_variable() for node in self.inputs]
        gys = []
        for (shape, dtype), gy in zip(self._out_meta, grad_outputs):
            if dtype.kind not in 'fc':
                continue
            if gy is None:
                gy = _Variable._from_op(jax.numpy.zeros(shape, dtype),
                                        xs[0]._device, True)
            gys.append(gy)
        node = _VJPNode(self._kernel_sig, self._diff_mask, self._kernel_dyn,
                        n, self.label)
        gxs = node.apply(xs + gys)
        full = [None] * n
        it = iter(gxs)
        for i, m in enumerate(self._diff_mask):
            if m:
                full[i] = next(it)
        return tuple([full[i] for i in target_input_indexes])

    def backward_accumulate(self, target_input_indexes, grad_outputs,
                            grad_inputs):
        """Computes gradients and adds them to ``grad_inputs``."""
        gxs = self._backward_target_inputs(target_input_indexes, grad_outputs)
        return tuple([gx if g_input is None else
                      g_input if gx is None else
                      gx + g_input
                      for gx, g_input in zip(gxs, grad_inputs)])

    def _backward_target_inputs(self, target_input_indexes, grad_outputs):
        gxs = self.backward(target_input_indexes, grad_outputs)
        len_gxs = len(gxs)
        if len_gxs == len(self.inputs):
            gxs = tuple([gxs[i] for i in target_input_indexes])
        elif len_gxs != len(target_input_indexes):
            msg = 'number of gradients returned from backward is incorrect: '
            if len(self.inputs) == len(target_input_indexes):
                msg += '%s != expected %s' % (len_gxs, len(self.inputs))
            else:
                msg += '%s != expected %s or %s' % (
                    len_gxs, len(self.inputs), len(target_input_indexes))
            raise ValueError(self._get_error_message(msg))
        return gxs

    def get_retained_inputs(self):
        """Returns the retained input Variables (a tuple)."""
        if self._input_indexes_to_retain is None or self.inputs is None:
            if self._derived_backward and self.inputs is not None:
                return tuple([x.get_variable() for x in self.inputs])
            return ()
        inputs = self.inputs
        return tuple([inputs[index].get_variable()
                      for index in self._input_indexes_to_retain])

    def get_retained_outputs(self):
        """Returns the retained output Variables (a tuple)."""
        ret = []
        outputs = self.outputs
        new_outputs = list(outputs)
        outputs_modified = False
        indexes = self._output_indexes_to_retain or ()
        for index, data in zip(indexes, self._retained_output_data):
            output = outputs[index]()
            if output is None:
                output_var = _Variable(data)
                output_var.creator_node = self
                new_outputs[index] = weakref.ref(output_var._node)
                outputs_modified = True
            else:
                output_var = output.get_variable()
            ret.append(output_var)
        if outputs_modified:
            self.outputs = tuple(new_outputs)
        return tuple(ret)

    def unchain(self):
        """Purges the references to the inputs and outputs."""
        for y in self.outputs or ():
            y_ref = y()
            if y_ref is not None:
                y_ref.unchain()
        self.inputs = None
        self._vjp = None
        self._in_data = None

    def add_hook(self, hook, name=None):
        """Registers a function hook to this node only."""
        if not isinstance(hook, chainerjax.FunctionHook):
            raise TypeError('Hook must be of type FunctionHook')
        if name is None:
            name = hook.name
        hooks = self.local_function_hooks
        if name in hooks:
            raise KeyError('Hook %s already exists' % name)
        hooks[name] = hook
        self._n_local_function_hooks = len(hooks)
        hook.added(self)

    def delete_hook(self, name):
        """Unregisters the function hook ``name``."""
        if name in self.local_function_hooks:
            self.local_function_hooks[name].deleted(self)
            del self.local_function_hooks[name]
            self._n_local_function_hooks = len(self.local_function_hooks)
        else:
            raise KeyError('Hook %s does not exist' % name)

    def _get_error_message(self, message):
        lines = [
            message,
            '  function={} ({})'.format(type(self).__name__, self.label)
        ]
        if self.inputs:
            for i, input in enumerate(self.inputs):
                lines.append(
                    '    input {}: shape={} dtype={}'.format(
                        i, input.shape, input.dtype))
        if self.outputs:
            for i, output_ref in enumerate(self.outputs):
                output = output_ref()
                if output is None:
                    lines.append('    output {}: not available')
                else:
                    lines.append(
                        '    output {}: shape={} dtype={}'.format(
                            i, output.shape, output.dtype))
        return '\n'.join(lines)


def _as_input(x):
    if isinstance(x, (numpy.ndarray, jax.Array)):
        return _Variable(x, requires_grad=False)
    if x is None:
        raise TypeError('None cannot be an input of a function.')
    raise TypeError(
        'Inputs of a function must be Variables or arrays (numpy.ndarray or '
        'jax.Array); got {}'.format(type(x)))


class _VJPNode(FunctionNode):
    """The backward of a derived op, as an op of its own (double backprop).

    Its inputs are the original inputs followed by the output gradients; its
    forward applies ``jax.vjp`` of the original op, and its own backward is
    derived again, so any order of differentiation works.
    """

    def __init__(self, sig, mask, dyn, n_inputs, label):
        self.sig = sig
        self.mask = mask
        self.n_inputs = n_inputs
        self.orig_label = label
        for i, v in enumerate(dyn):
            setattr(self, 'dyn%d' % i, v)
        self.n_dyn = len(dyn)

    @property
    def label(self):
        return '_VJP(' + self.orig_label + ')'

    def forward(self, inputs):
        n = self.n_inputs
        xs, gys = inputs[:n], inputs[n:]
        dyn = tuple([getattr(self, 'dyn%d' % i) for i in range(self.n_dyn)])
        mask = self.mask
        call = _kernels.get_kernel(None, self.sig, mask).call
        diff = [x for x, m in zip(xs, mask) if m]

        def f(*d):
            it = iter(d)
            full = [next(it) if m else x for x, m in zip(xs, mask)]
            outs = call(dyn, full)
            return tuple([o for o in outs if _is_float(o)])

        _, vjp = jax.vjp(f, *diff)
        return tuple(vjp(tuple(gys)))


# ----- user-written backward under JAX tracing ------------------------------

def _custom_vjp_forward(node, in_data):
    """Runs a node with a hand-written backward under a JAX trace, so that
    jax.grad/jax.vjp around it use that backward (``jax.custom_vjp``)."""
    float_mask = tuple([_is_float(x) for x in in_data])
    state = {}

    def run_forward(xs):
        outs = node.forward(tuple(xs))
        state['in_retain'] = node._input_indexes_to_retain
        state['out_retain'] = node._output_indexes_to_retain
        return tuple(outs)

    @jax.custom_vjp
    def prim(*xs):
        return run_forward(xs)

    def fwd(*xs):
        outs = run_forward(xs)
        return outs, (xs, outs)

    def bwd(res, gys):
        xs, outs = res
        shadow = copy_module.copy(node)
        xvars = [_Variable(x, requires_grad=m)
                 for x, m in zip(xs, float_mask)]
        shadow.inputs = tuple([v._node for v in xvars])
        for v in xvars:
            v._node.data = v._data
        yvars = [_Variable(y) for y in outs]
        for y in yvars:
            y._node.set_creator_node(shadow)
            y._node.data = y._data
        shadow.outputs = tuple([weakref.ref(y._node) for y in yvars])
        out_idx = state.get('out_retain')
        shadow._output_indexes_to_retain = out_idx
        if out_idx is not None:
            shadow._retained_output_data = tuple([outs[i] for i in out_idx])
        shadow._input_indexes_to_retain = state.get('in_retain')
        targets = tuple([i for i, m in enumerate(float_mask) if m])
        gy_vars = tuple([None if g is None else _Variable(g) for g in gys])
        with configuration.using_config('enable_backprop', False):
            gxs = shadow._backward_target_inputs(targets, gy_vars)
        result = []
        it = iter(gxs)
        for x, m in zip(xs, float_mask):
            if m:
                g = next(it)
                result.append(jax.numpy.zeros_like(x) if g is None
                              else jax.numpy.asarray(
                                  g._data if isinstance(g, _Variable) else g))
            else:
                result.append(numpy.zeros(
                    numpy.shape(x), dtype=jax.dtypes.float0))
        return tuple(result)

    prim.defvjp(fwd, bwd)
    return prim(*in_data)


def grad(outputs, inputs, grad_outputs=None, grad_inputs=None,
         set_grad=False, retain_grad=False, enable_double_backprop=False,
         loss_scale=None):
    """Computes the gradients of ``outputs`` w.r.t. ``inputs``.

    Unlike :meth:`Variable.backward`, this does not touch the ``grad`` of
    any variable unless ``set_grad=True``.

    Args:
        outputs (tuple or list of Variable): the outputs.
        inputs (tuple or list of Variable): the inputs.
        grad_outputs: initial gradients of the outputs (None: ones).
        grad_inputs: gradients added to the results.
        set_grad (bool): store the results in ``x.grad_var``.
        retain_grad (bool): keep the gradients of intermediate variables.
        enable_double_backprop (bool): record the computation for further
            differentiation.
        loss_scale (float): multiply the initial gradients by this.

    Returns:
        A list of gradient Variables (None where no gradient flows).
    """
    from chainerjax import _backprop
    return _backprop.grad(outputs, inputs, grad_outputs, grad_inputs,
                          set_grad, retain_grad, enable_double_backprop,
                          loss_scale)
