"""The backward pass: visits function nodes by rank, accumulates gradients.

Shared by :meth:`Variable.backward`, :func:`chainerjax.backward` and
:func:`chainerjax.grad`. The semantics are Chainer's: a leaf's existing
``grad`` is accumulated into (backward) or ignored (grad), intermediate
gradients are dropped unless ``retain_grad=True``, and with
``enable_backprop`` on (double backprop) every gradient is a graph Variable.
"""
import collections
import heapq
import os
import warnings

import jax
import numpy

import chainerjax
from chainerjax import _kernels
from chainerjax import configuration
from chainerjax import variable
from chainerjax.backends import _cpu

_config = configuration.config
_Variable = variable.Variable
_Tracer = jax.core.Tracer

# adds into its first argument's buffer: a gradient the table summed itself
# (no one else holds it) is accumulated in place, as NumPy's ``+=`` would,
# instead of allocating a new array for every contribution (the 35 timesteps
# of an LSTM's weight gradients)
_add_into = jax.jit(lambda total, g: total + g, donate_argnums=0)


def _sum_grads(grads):
    # grads: a non-empty list of Variables
    if len(grads) == 1:
        return grads[0]
    if _config.enable_backprop:
        from chainerjax.functions.math import basic_math
        return basic_math.add(*grads)
    first = grads[0]
    total = first._data
    owned = first._summed and isinstance(total, jax.Array) and \
        not isinstance(total, _Tracer)
    for g in grads[1:]:
        data = g._data
        if owned and type(data) is type(total) and \
                data.shape == total.shape and data.dtype == total.dtype:
            total = _add_into(total, data)
        else:
            total = total + data
            owned = isinstance(total, jax.Array) and \
                not isinstance(total, _Tracer)
    var = _Variable._from_op(total, first._device, True)
    var._summed = True
    return var


def _release(grad):
    # a summed gradient handed to user code: never added into in place
    grad._summed = False
    return grad


class _GradTable(object):

    def __init__(self, load_leaf_grads):
        self.grads = {}
        self._load = load_leaf_grads

    def get_as_list(self, node):
        grads = self.grads
        lst = grads.get(node)
        if lst is None:
            lst = []
            if self._load and node.creator_node is None:
                var = node._variable()
                if var is not None:
                    gv = var._grad_var
                    var._grad_var = None
                    if gv is not None:
                        lst.append(gv)
            grads[node] = lst
        return lst

    def accumulate(self, node, grad):
        if grad is not None:
            self.get_as_list(node).append(grad)

    def __setitem__(self, node, grad):
        self.grads[node] = [] if grad is None else [grad]

    def pop(self, node):
        if node is None:
            return None
        lst = self.grads.pop(node, None)
        if not lst:
            return None
        # leaves the table: others may hold it from now on
        return _release(_sum_grads(lst))


def _hooks_for(func, base_hooks):
    if func._n_local_function_hooks:
        hooks = collections.OrderedDict(chainerjax.get_function_hooks())
        hooks.update(func.local_function_hooks)
        return hooks.values()
    return base_hooks


def _backprop_step(func, target_input_indexes, out_grad, in_grad, is_debug,
                   enable_backprop=None):
    """Calls the node's backward and appends the results to ``in_grad``."""
    inputs = func.inputs
    cls = type(func)
    # The compiled VJP of a built-in op returns gradients of the inputs'
    # shapes and dtypes by construction; other backwards are checked.
    check = True
    try:
        if cls._derived_backward and func._vjp is not None and \
                enable_backprop is False:
            # Hot path: a built-in op's compiled VJP, no graph recorded.
            gxs = func._backward_fast(target_input_indexes, out_grad)
            check = False
        elif cls.backward_accumulate is not \
                chainerjax.FunctionNode.backward_accumulate:
            grad_inputs = tuple([
                _release(in_grad[inputs[i]].pop()) if in_grad[inputs[i]]
                else None for i in target_input_indexes])
            gxs = func.backward_accumulate(
                target_input_indexes, out_grad, grad_inputs)
        else:
            gxs = func._backward_target_inputs(
                target_input_indexes, out_grad)
    except Exception as e:
        _add_note(e, func)
        raise
    for i, gx in zip(target_input_indexes, gxs):
        if gx is None:
            continue
        if not isinstance(gx, _Variable):
            raise ValueError(func._get_error_message(
                'type of gradients returned from backward is incorrect: '
                '{} != expected {}'.format(type(gx), _Variable)))
        if gx._data is None:
            continue
        x = inputs[i]
        if check:
            variable._check_grad_type(func, x, gx._data)
        in_grad[x].append(gx)
    if is_debug:
        func._check_nan_inf(
            [g._data for lst in in_grad.values() for g in lst], 'backward')
    for lst in in_grad.values():
        if len(lst) > 1:
            if func.lazy_grad_sum or _config.lazy_grad_sum:
                break
            lst[:] = [_sum_grads(lst)]


def _add_note(e, func):
    try:
        e.add_note('(raised in the backward of {})'.format(func.label))
    except Exception:
        pass


# The compiled backward (see _compiled_backprop): a graph is compiled the
# CHAINERJAX_COMPILED_BACKWARD-th time its structure is seen (0: never), at
# most _MAX_PLANS structures per process, of at most _MAX_FUNCS nodes, and
# used where it pays (_kernels.backward_graph_pays).
_COMPILE_AT = int(os.environ.get('CHAINERJAX_COMPILED_BACKWARD', '2'))
_MAX_PLANS = 64
_MAX_FUNCS = 1000
_MAX_SIGHTINGS = 1024
_sightings = {}
# plan -> whether its compiled backward is used
_plans = {}


def _compiled_backprop(outputs, loss_scale):
    """Runs the backward from ``outputs`` (list of (node, grad Variable)) as
    one compiled call, where every node on the way is a built-in op with its
    VJP kept (no user backward, no local hooks) and the graph's structure
    has been seen before; returns False, having changed nothing, where not.

    Eagerly, each node's backward is a compiled kernel of its own, called
    from Python one after the other: for an MLP, six calls whose dispatch
    and hand-offs between XLA's threads cost about as much as the smallest
    products. Here the VJPs of all nodes run in one XLA computation,
    summing the gradients in the same order, so the results are the eager
    backward's. The plan (which node's gradient goes where, the shapes) is
    the cache key: a graph built the same way at every iteration compiles
    once, on its second backward (a graph seen once is not worth a
    compile), and a process stops compiling new structures after
    ``_MAX_PLANS`` (a model whose graph changes at every step)."""
    ids = {}

    def node_id(node):
        i = ids.get(node)
        if i is None:
            i = ids[node] = len(ids)
        return i

    root_ids = []
    root_grads = []
    device = None
    # the nodes in the order the eager backward visits them (by decreasing
    # rank, ties in the order they were reached), so that gradients are
    # summed in its order
    heap = []
    counter = 0
    seen = set()
    for y, gy in outputs:
        func = y.creator_node
        if func is None or gy is None or isinstance(gy._data, _Tracer):
            return False
        root_ids.append(node_id(y))
        root_grads.append(gy._data)
        if device is None:
            device = gy._device
        if func not in seen:
            seen.add(func)
            heapq.heappush(heap, (-func.rank, counter, func))
            counter += 1
    # each node's part of the plan, as it is visited
    plan_funcs = []
    kernels = []
    residuals = []
    host = []
    leaf_ids = []
    leaves = []
    leaf_grads = []
    while heap:
        func = heapq.heappop(heap)[2]
        if not func._derived_backward or func._vjp is None or \
                func._n_local_function_hooks or func.inputs is None:
            return False
        if len(plan_funcs) == _MAX_FUNCS:
            return False
        out_ids = []
        out_meta = []
        for ref, meta in zip(func.outputs, func._out_meta):
            if meta[1].kind not in 'fc':
                continue
            y = ref()
            # an output since cut from the graph (unchain: truncated BPTT's
            # state) keeps its gradient as a leaf, as eagerly
            out_ids.append(-1 if y is None or y.creator_node is None
                           else node_id(y))
            out_meta.append(meta)
        in_ids = []
        for x, m in zip(func.inputs, func._diff_mask):
            if not m:
                continue
            if not x.requires_grad:
                in_ids.append(-1)
                continue
            creator = x.creator_node
            if creator is None:
                if x not in ids:
                    leaf_ids.append(node_id(x))
                    var = x._variable()
                    leaves.append(var)
                    gv = None if var is None else var._grad_var
                    leaf_grads.append(None if gv is None else gv._data)
            elif creator not in seen:
                seen.add(creator)
                heapq.heappush(heap, (-creator.rank, counter, creator))
                counter += 1
            in_ids.append(node_id(x))
        plan_funcs.append((tuple(out_ids), tuple(out_meta), tuple(in_ids)))
        kernels.append((func._kernel_sig, func._diff_mask))
        res = func._vjp
        residuals.append(res)
        for a in res.leaves:
            if type(a) is numpy.ndarray:
                host.append(a)
    plan = (tuple(root_ids), tuple(plan_funcs), tuple(leaf_ids))
    key = (plan, tuple(kernels), tuple([g is None for g in leaf_grads]))
    use = _plans.get(key)
    if use is None:
        count = _sightings.get(key, 0) + 1
        if count < _COMPILE_AT or len(_plans) >= _MAX_PLANS:
            if len(_sightings) >= _MAX_SIGHTINGS:
                _sightings.clear()
            _sightings[key] = count
            return False
        _sightings.pop(key, None)
        data = root_grads[0]
        cpu = not isinstance(data, jax.Array) or \
            next(iter(data.devices())).platform == 'cpu'
        use = _plans[key] = _kernels.backward_graph_pays(
            plan, residuals, root_grads, leaf_grads, cpu)
    if not use:
        return False

    try:
        grads = _kernels.backward_graph(plan, residuals, root_grads,
                                        leaf_grads)
    except RuntimeError as e:
        if 'deleted' not in str(e):
            raise
        raise RuntimeError(
            'backward: the graph holds an array that has been deleted since '
            'it was built: a compiled step (chainerjax.jit) reused (donated) '
            'the buffers of the parameters it updated. Call backward before '
            'the compiled step, or build the graph again after it.') from e
    if host:
        _cpu.note_host_reads(grads, host)
    from_op = _Variable._from_op
    for var, g in zip(leaves, grads):
        if var is not None:
            var._set_grad_var_without_check(from_op(
                g, device if var._device._is_numpy else var._device, True))
            var._loss_scale = loss_scale
    return True


def _backprop_to_all(outputs, retain_grad, loss_scale):
    """Backprop from ``outputs`` (list of (node, grad Variable)) to all
    leaves, setting their ``grad_var``."""
    if _COMPILE_AT and not retain_grad and not _config.enable_backprop \
            and not _config.debug and not chainerjax.get_function_hooks() \
            and _compiled_backprop(outputs, loss_scale):
        return
    # Candidates are visited by decreasing rank; the counter keeps the heap
    # from ever comparing two nodes.
    cand_funcs = []
    seen = set()
    counter = 0
    heappush = heapq.heappush
    heappop = heapq.heappop

    grads = _GradTable(load_leaf_grads=True)
    leaf_nodes = set()
    for y, gy in outputs:
        grads.accumulate(y, gy)
        func = y.creator_node
        if func is None:
            leaf_nodes.add(y)
        elif func not in seen:
            heappush(cand_funcs, (-func.rank, counter, func))
            counter += 1
            seen.add(func)

    is_debug = _config.debug
    enable_backprop = bool(_config.enable_backprop)
    base_hooks = chainerjax.get_function_hooks().values()
    while cand_funcs:
        func = heappop(cand_funcs)[2]
        inputs = func.inputs
        if inputs is None:
            continue
        target_input_indexes = tuple([
            i for i, x in enumerate(inputs) if x.requires_grad])
        outs = [y() for y in func.outputs]
        out_grad = tuple([
            grads.pop(y) if y is not None and y.creator_node is not None
            else None for y in outs])
        if not target_input_indexes:
            continue

        hooks = _hooks_for(func, base_hooks)
        if hooks:
            in_data = tuple([x.data for x in inputs])
            out_grad_data = tuple([None if g is None else g._data
                                   for g in out_grad])
            for hook in hooks:
                hook.backward_preprocess(func, in_data, out_grad_data)

        in_grad = {}
        for i in target_input_indexes:
            x = inputs[i]
            if x not in in_grad:
                in_grad[x] = grads.get_as_list(x)
        _backprop_step(func, target_input_indexes, out_grad, in_grad,
                       is_debug, enable_backprop)

        if hooks:
            for hook in hooks:
                hook.backward_postprocess(func, in_data, out_grad_data)

        if retain_grad:
            for y, gy in zip(outs, out_grad):
                if y is not None:
                    var = y._variable()
                    if var is not None:
                        var._set_grad_var_if_available(gy)
        for x, gx in in_grad.items():
            if not gx:
                continue
            creator = x.creator_node
            if creator is None:
                leaf_nodes.add(x)
            elif creator not in seen:
                heappush(cand_funcs, (-creator.rank, counter, creator))
                counter += 1
                seen.add(creator)

    for x in leaf_nodes:
        var = x._variable()
        gx = grads.pop(x)
        if var is not None:
            if gx is not None and var._device._is_numpy is False and \
                    gx._device is not var._device:
                gx._device = var._device
            var._set_grad_var_without_check(gx)
            var._loss_scale = loss_scale


def _check_paired(values, refs, name, ref_name, type_msg):
    """Checks that ``values`` (if given) is a tuple/list as long as
    ``refs``, with Chainer's messages."""
    if values is None:
        return
    if not isinstance(values, (tuple, list)):
        raise TypeError(type_msg.format(type(values)))
    if len(refs) != len(values):
        raise ValueError(
            '{0} must be of the same length as {1}.\n'
            'len({1}) = {2}, len({0}) = {3}'.format(
                name, ref_name, len(refs), len(values)))


def backward(outputs, grad_outputs=None, **kwargs):
    """backward(outputs, grad_outputs=None, *, enable_double_backprop=False)

    Runs backpropagation from several variables at once.

    Args:
        outputs (tuple or list of Variable): where backprop starts.
        grad_outputs (tuple or list of Variable, or None): their initial
            gradients; None uses each output's ``grad_var``.
        enable_double_backprop (bool): record the backward computation.
    """
    enable_double_backprop = kwargs.pop('enable_double_backprop', False)
    if 'retain_grad' in kwargs:
        raise ValueError('semantics for retain_grad=True is under discussion')
    if 'loss_scale' in kwargs:
        raise ValueError('chainer.backward does not support loss_scale option')
    if kwargs:
        raise TypeError('backward() got unexpected keyword argument(s): '
                        '{}'.format(', '.join(sorted(kwargs))))
    if not isinstance(outputs, (tuple, list)):
        raise TypeError(
            'outputs must be a tuple or a list, not {}.'.format(type(outputs)))
    for v in outputs:
        if not isinstance(v, _Variable):
            raise TypeError(
                'each output must be a Variable, not {}'.format(type(v)))
    _check_paired(grad_outputs, outputs, 'grad_outputs', 'outputs',
                  'grad_outputs must be None, a tuple, or a list, not {}.')
    if grad_outputs is None:
        grad_outputs = []
        for y in outputs:
            gv = y._grad_var
            if gv is None:
                warnings.warn(
                    'outputs contains a Variable without grad, or '
                    'duplicate outputs. Note that '
                    'chainer.backward does not set default grad.',
                    RuntimeWarning)
            y._grad_var = None
            grad_outputs.append(gv)
    pairs = [(y._node, gy) for y, gy in zip(outputs, grad_outputs)
             if gy is not None]
    with configuration.using_config('enable_backprop',
                                    enable_double_backprop):
        _backprop_to_all(pairs, False, None)


def grad(outputs, inputs, grad_outputs=None, grad_inputs=None,
         set_grad=False, retain_grad=False, enable_double_backprop=False,
         loss_scale=None):
    if not isinstance(outputs, (tuple, list)):
        raise TypeError(
            'outputs must be a tuple or a list, not {}.'.format(type(outputs)))
    if not isinstance(inputs, (tuple, list)):
        raise TypeError(
            'inputs must be a tuple or a list, not {}.'.format(type(inputs)))
    _check_paired(grad_outputs, outputs, 'grad_outputs', 'outputs',
                  'grad_outputs must be a tuple or a list or None, not {}.')
    _check_paired(grad_inputs, inputs, 'grad_inputs', 'inputs',
                  'grad_inputs must be a tuple or a list or None, not {}.')

    # The subgraph between inputs and outputs: only its nodes get gradients.
    forward_graph = collections.defaultdict(list)
    candidate_funcs = [v.creator_node for v in outputs
                       if v.creator_node is not None]
    visited = set()
    while candidate_funcs:
        func = candidate_funcs.pop()
        if func in visited:
            continue
        visited.add(func)
        for x in func.inputs or ():
            if not x.requires_grad:
                continue
            forward_graph[x].append(func)
            creator = x.creator_node
            if creator is not None and creator not in visited:
                candidate_funcs.append(creator)

    candidate_vars = [x._node for x in inputs]
    visited = set()
    grad_required = set()
    while candidate_vars:
        x = candidate_vars.pop()
        grad_required.add(x)
        for func in forward_graph[x]:
            if func in visited:
                continue
            visited.add(func)
            for y_ref in func.outputs:
                y = y_ref()
                if y is not None and y in forward_graph:
                    candidate_vars.append(y)

    grads = _GradTable(load_leaf_grads=False)
    if grad_outputs is None:
        grad_outputs = (None,) * len(outputs)
    for y, gy in zip(outputs, grad_outputs):
        if gy is None:
            one = variable._ones_like(y._data)
            if loss_scale is not None:
                one = one * one.dtype.type(loss_scale)
            gy = _Variable._from_op(one, y._device, False)
        grads[y._node] = gy
    if grad_inputs is not None:
        for x, gx in zip(inputs, grad_inputs):
            if gx is not None:
                grads[x._node] = gx

    with configuration.using_config('enable_backprop',
                                    enable_double_backprop):
        ret_dict = _backprop_subgraph(outputs, inputs, grad_required,
                                      retain_grad, grads, loss_scale)
    ret = [ret_dict[x._node] for x in inputs]
    if set_grad:
        for x, gx in zip(inputs, ret):
            x._set_grad_var_without_check(gx)
    return ret


def _backprop_subgraph(outputs, inputs, grad_required, retain_grad, grads,
                       loss_scale):
    cand_funcs = []
    seen = set()
    counter = [0]

    def push(func):
        if func not in seen:
            heapq.heappush(cand_funcs, (-func.rank, counter[0], func))
            counter[0] += 1
            seen.add(func)

    for y in outputs:
        if y.creator_node is not None:
            push(y.creator_node)
    input_nodes = set(x._node for x in inputs)
    ret_dict = {}
    is_debug = _config.debug
    base_hooks = chainerjax.get_function_hooks().values()
    while cand_funcs:
        _, _, func = heapq.heappop(cand_funcs)
        ys = [y() for y in func.outputs]
        gys = tuple([grads.pop(y)
                     if y is not None and y.creator_node is not None else None
                     for y in ys])
        for node, gy in zip(ys, gys):
            if node is not None:
                if node in input_nodes:
                    ret_dict[node] = gy
                if retain_grad:
                    y = node._variable()
                    if y is not None:
                        y._set_grad_var_without_check(gy)
                        y._loss_scale = loss_scale
        input_indexes = []
        x_grads = collections.OrderedDict()
        for i, x in enumerate(func.inputs or ()):
            if x not in grad_required:
                continue
            input_indexes.append(i)
            if x not in x_grads:
                x_grads[x] = grads.get_as_list(x)
        if not input_indexes:
            continue
        hooks = _hooks_for(func, base_hooks)
        if hooks:
            in_data = tuple([x.data for x in func.inputs])
            out_grad_data = tuple([None if g is None else g._data
                                   for g in gys])
            for hook in hooks:
                hook.backward_preprocess(func, in_data, out_grad_data)
        _backprop_step(func, tuple(input_indexes), gys, x_grads, is_debug,
                       bool(_config.enable_backprop))
        if hooks:
            for hook in hooks:
                hook.backward_postprocess(func, in_data, out_grad_data)
        for node, g in x_grads.items():
            if g and node.creator_node is not None:
                push(node.creator_node)
    for x in input_nodes:
        if x not in ret_dict:
            ret_dict[x] = grads.pop(x)
    return ret_dict
