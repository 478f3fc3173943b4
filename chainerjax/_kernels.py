"""The op kernel cache: where a FunctionNode's forward becomes compiled JAX.

For a FunctionNode that does not write its own ``backward``, the forward is a
pure function of its input arrays and of the node's attributes. Per (class,
static attributes, which inputs are differentiated) this module keeps

* ``fwd``:      ``jax.jit(forward)``, used when no gradient is needed;
* ``fwd_vjp``:  ``jax.jit(lambda *xs: jax.vjp(forward, *xs))``, which returns
  the outputs and the VJP (a pytree holding the residuals; those that are
  the op's own inputs are not returned but put back by the caller, see
  :class:`Residuals`);
* ``bwd``:      ``jax.jit(lambda vjp, gys: vjp(gys))``.

Backward therefore never re-traces nor recomputes the forward. Attributes
that hold arrays, and attributes a class lists in ``_dynamic_attributes``
(scalars that change from call to call, such as a constant multiplier), are
passed to the kernel as arguments; every other attribute is part of the cache
key, so a new value compiles a new kernel.
"""
import math

import jax
import numpy

_Tracer = jax.core.Tracer
_array_types = (numpy.ndarray, jax.Array)

# Attributes the graph machinery sets on a FunctionNode instance; never part
# of an op's definition.
_BOOKKEEPING = frozenset([
    'inputs', 'outputs', 'rank', '_input_indexes_to_retain',
    '_output_indexes_to_retain', '_retained_output_data',
    '_local_function_hooks', '_vjp', '_vjp_key', '_in_data', '_out_meta',
    '_diff_mask', '_function', 'lazy_grad_sum', '_n_local_function_hooks',
    '_stack', '_kernel_dyn', '_kernel_sig', '_in_devices', '_kernel',
])

_cache = {}
stats = {'compiles': 0}


class UnhashableAttributeError(TypeError):
    pass


def _freeze(value):
    if isinstance(value, list):
        return ('__list__',) + tuple(_freeze(v) for v in value)
    if isinstance(value, tuple):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return ('__dict__',) + tuple(
            sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, slice):
        return ('__slice__', value.start, value.stop, value.step)
    if isinstance(value, numpy.dtype):
        return value
    try:
        hash(value)
    except TypeError:
        raise UnhashableAttributeError(value)
    # 1 == 1.0 == True hash alike but trace differently: keep the type.
    return (type(value), value)


def signature(node):
    """Returns (static key, dynamic attribute values) of a node."""
    cls = type(node)
    dynamic_names = cls._dynamic_attributes
    static = []
    dyn_names = []
    dyn_vals = []
    for k, v in node.__dict__.items():
        if k in _BOOKKEEPING:
            continue
        if k in dynamic_names or isinstance(v, _array_types):
            dyn_names.append(k)
            dyn_vals.append(v)
        else:
            try:
                static.append((k, _freeze(v)))
            except UnhashableAttributeError:
                raise TypeError(
                    'Attribute {!r} of {} holds an unhashable value of type '
                    '{}; an op attribute must be hashable or an array (or be '
                    'listed in _dynamic_attributes).'.format(
                        k, cls.__name__, type(v).__name__))
    return (cls, tuple(static), tuple(dyn_names)), tuple(dyn_vals)


def _inexact(x):
    return x.dtype.kind in 'fc'


class Kernel(object):
    """The compiled functions of one op definition."""

    __slots__ = ('fwd', 'fwd_vjp', 'bwd', 'call', 'mask')

    def __init__(self, node, key, mask):
        cls, _, dyn_names = key
        # The originals (not the frozen key) are what forward sees.
        static = {k: v for k, v in node.__dict__.items()
                  if k not in _BOOKKEEPING and k not in dyn_names}

        def call(dyn_vals, xs):
            clone = cls.__new__(cls)
            d = clone.__dict__
            d.update(static)
            d.update(zip(dyn_names, dyn_vals))
            outs = clone.forward(tuple(xs))
            if not isinstance(outs, tuple):
                raise TypeError(
                    '{}.forward must return a tuple of arrays, got {}'.format(
                        cls.__name__, type(outs).__name__))
            return outs

        def fwd_vjp(dyn_vals, xs):
            diff = [x for x, m in zip(xs, mask) if m]

            def f(*d):
                it = iter(d)
                full = [next(it) if m else x for x, m in zip(xs, mask)]
                outs = call(dyn_vals, full)
                return tuple(o for o in outs if _inexact(o)), outs

            _, vjp, outs = jax.vjp(f, *diff, has_aux=True)
            return outs, Residuals.of(vjp, xs, dyn_vals)

        def count(f):
            def g(*args):
                stats['compiles'] += 1
                return f(*args)
            return g

        self.call = call
        self.mask = mask
        self.fwd = jax.jit(count(call))
        self.fwd_vjp = jax.jit(count(fwd_vjp))
        self.bwd = jax.jit(count(lambda res, gys: res.vjp()(gys)))


@jax.tree_util.register_pytree_node_class
class Residuals(object):
    """The VJP of one op call, less the residuals that are the op's own
    inputs.

    A jitted function returns fresh copies of the inputs it returns, so a
    VJP holding a Linear's weight matrix (a residual of ``x W^T``) would
    copy it at every forward. The kernel returns only the other residuals
    and, in the pytree structure, where the inputs go; ``attach`` puts the
    caller's input arrays back after the call.
    """

    __slots__ = ('leaves', 'treedef', 'sources')

    def __init__(self, leaves, treedef, sources):
        self.leaves = leaves
        self.treedef = treedef
        # for each leaf of the VJP, the index of the input (then of the
        # dynamic attribute) it is, or -1; None once attached
        self.sources = sources

    @classmethod
    def of(cls, vjp, xs, dyn_vals):
        """Called while tracing: ``xs`` and ``dyn_vals`` are tracers."""
        leaves, treedef = jax.tree_util.tree_flatten(vjp)
        where = {}
        for i, v in enumerate(tuple(xs) + tuple(dyn_vals)):
            if isinstance(v, _Tracer):
                where.setdefault(id(v), i)
        sources = tuple([where.get(id(v), -1) for v in leaves])
        if all(i < 0 for i in sources):
            return cls(leaves, treedef, None)
        return cls([v for v, i in zip(leaves, sources) if i < 0], treedef,
                   sources)

    def attach(self, xs, dyn_vals):
        """Puts the input arrays back (after the call)."""
        sources = self.sources
        if sources is None:
            return self
        given = tuple(xs) + tuple(dyn_vals)
        own = iter(self.leaves)
        self.leaves = [next(own) if i < 0 else given[i] for i in sources]
        self.sources = None
        return self

    def vjp(self):
        return jax.tree_util.tree_unflatten(self.treedef, self.leaves)

    def tree_flatten(self):
        return self.leaves, (self.treedef, self.sources)

    @classmethod
    def tree_unflatten(cls, aux, leaves):
        return cls(list(leaves), aux[0], aux[1])


def as_shape_error(error, node):
    """The exception to raise for a TypeError that tracing the kernel of
    ``node`` raised. For chainerjax's own functions, whose forwards are
    JAX's operations, a TypeError about shapes comes from a JAX shape rule
    (``dot_general requires contracting dimensions to have the same
    shape``): NumPy, and so Chainer with ``type_check`` off, raises
    ValueError there, and so does this. A user's FunctionNode gets its own
    error back."""
    message = str(error)
    if type(node).__module__.startswith('chainerjax.') and (
            'shape' in message or 'dimension' in message):
        new = ValueError(message)
        new.__cause__ = error
        new.__suppress_context__ = True
        return new
    return error


def get_kernel(node, key, mask):
    k = (key, mask)
    kernel = _cache.get(k)
    if kernel is None:
        kernel = Kernel(node, key, mask)
        _cache[k] = kernel
    return kernel


def pure_forward(key, dyn_vals, xs, node=None):
    """Runs the op's forward un-jitted (used inside other traces)."""
    return get_kernel(node, key, None).call(dyn_vals, xs)


def clear_cache():
    _cache.clear()


# ----- the compiled backward of a whole graph ----------------------------

def _backward_graph(plan, residuals, root_grads, leaf_grads):
    """The backward pass of a graph of built-in ops, traced as one
    computation (see :func:`chainerjax._backprop._compiled_backprop`).

    ``plan`` (static) numbers the variable nodes: ``(root_ids, funcs,
    leaf_ids)`` with, per function node in the order the backward visits
    them, ``(out_ids, out_meta, in_ids)``: the ids of its float outputs
    (-1: gone), their ``(shape, dtype)``, and the id of each differentiated
    input (-1: needs no gradient). ``residuals`` are the nodes' VJPs
    (:class:`Residuals`), ``root_grads`` the gradients backward starts from,
    ``leaf_grads`` the leaves' gradients before (None: none). Gradients are
    summed in the order the eager backward sums them."""
    root_ids, funcs, leaf_ids = plan
    table = {}

    def add(i, g):
        prev = table.get(i)
        table[i] = g if prev is None else prev + g

    for i, g in zip(leaf_ids, leaf_grads):
        if g is not None:
            table[i] = g
    for i, g in zip(root_ids, root_grads):
        add(i, g)
    for res, (out_ids, out_meta, in_ids) in zip(residuals, funcs):
        gys = []
        for i, (shape, dtype) in zip(out_ids, out_meta):
            g = table.pop(i, None) if i >= 0 else None
            gys.append(jax.numpy.zeros(shape, dtype) if g is None else g)
        gxs = res.vjp()(tuple(gys))
        for i, gx in zip(in_ids, gxs):
            if i >= 0:
                add(i, gx)
    return [table[i] for i in leaf_ids]


backward_graph = jax.jit(_backward_graph, static_argnums=0)

# XLA's CPU backend allocates a computation's scratch memory in one block
# per call; glibc maps a block over 32 MiB (its largest mmap threshold)
# afresh each time, and every page of it faults in again: a small CNN's
# whole backward (69 MiB of scratch) took 10 ms more than its nodes' kernels
# one by one, whose buffers malloc reuses.
_MAX_CPU_SCRATCH = 32 << 20


def backward_graph_pays(plan, residuals, root_grads, leaf_grads, cpu):
    """Compiles :data:`backward_graph` for these arguments (its calls
    then find the executable compiled) and returns whether to use it: on
    the CPU, only if its scratch memory stays under malloc's reuse
    threshold. A graph whose intermediate gradients alone take half of it
    is not compiled (its scratch was 1.3 to 11 times theirs: the CNN's,
    SqueezeNet's and the LSTM's would have compiled for 1 to 4 s, to be
    left unused)."""
    if cpu:
        grads_bytes = sum([math.prod(shape) * numpy.dtype(dtype).itemsize
                           for _, out_meta, _ in plan[1]
                           for shape, dtype in out_meta])
        if grads_bytes >= _MAX_CPU_SCRATCH // 2:
            return False
    compiled = backward_graph.lower(
        plan, residuals, root_grads, leaf_grads).compile()
    if not cpu:
        return True
    temp = _scratch_bytes(compiled)
    return temp is None or temp < _MAX_CPU_SCRATCH


def _scratch_bytes(compiled):
    try:
        return compiled.memory_analysis().temp_size_in_bytes
    except Exception:  # no analysis on this backend
        return None
