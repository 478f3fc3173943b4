"""Optimizers, update rules and hyperparameters (``chainer.optimizer``).

The structure is Chainer's: a :class:`GradientMethod` gives every parameter
of its target link an :class:`UpdateRule` (``param.update_rule``) whose
:class:`Hyperparameter` falls back to the optimizer's; hooks run before or
after the update; ``serialize`` writes ``t``, ``epoch`` and each rule's state
under ``<param path>/<state name>`` exactly as Chainer does, so optimizer
snapshots interchange with real Chainer.

What differs is how the arithmetic runs. A built-in rule describes its update
as a pure function (:meth:`UpdateRule._update_pure`) of hyperparameter values,
the parameter, the gradient and the state, written with ``jax.numpy``.
:meth:`GradientMethod.update` groups the enabled parameters by rule class and
runs one ``jax.jit``-compiled function per group over lists of arrays.
Hyperparameters enter the compiled function as traced scalars, so changing
``optimizer.lr`` (e.g. by ``ExponentialShift``) does not recompile;
compilation happens once per structure of shapes and dtypes (count:
``_update_compiles``).

Rules whose class overrides ``update``/``update_core``/``update_core_cpu``/
``update_core_gpu`` (user subclasses), rules with their own hooks and
parameters whose class overrides ``Parameter.update`` are updated one by one
exactly as Chainer does (``UpdateRule.update``), so custom rules written with
NumPy keep working.

On ``'@numpy'`` the new parameter values are written in place into the
parameter's NumPy array (Chainer's aliasing semantics); state arrays are
stored as zero-copy NumPy views.
"""
import collections
import copy
import math
import sys
import warnings

import jax
import jax.numpy as jnp
import numpy

from chainerjax import _structure
from chainerjax import optimizer_hooks
from chainerjax import variable
from chainerjax.backends import _cpu

_Tracer = jax.core.Tracer
_ndarray = numpy.ndarray

# Number of times a grouped update function has been traced (compiled).
_update_compiles = 0


# ---------------------------------------------------------------------------
# helpers


def _is_tracer(x):
    return isinstance(x, _Tracer)


def _zeros_like(param):
    """``xp.zeros_like(param.data)`` on the parameter's device."""
    d = param._data
    if type(d) is _ndarray:
        return numpy.zeros_like(d)
    if param._device._is_numpy and not _is_tracer(d):
        return numpy.zeros(d.shape, d.dtype)
    return jnp.zeros_like(d)


def _ones_like(param):
    d = param._data
    if type(d) is _ndarray:
        return numpy.ones_like(d)
    if param._device._is_numpy and not _is_tracer(d):
        return numpy.ones(d.shape, d.dtype)
    return jnp.ones_like(d)


def _assign_raw(var, new):
    """Replaces ``var``'s raw array without changing its device."""
    var._data = new
    var._np_view = None
    node = var._node
    node._set_data_type(new)
    if node.data is not None:
        node.data = new


def _writable(a):
    return type(a) is _ndarray and a.flags.writeable


def _write_param(param, new):
    """Writes the updated array into ``param``.

    On ``'@numpy'`` with a writable NumPy array, in place (as Chainer);
    otherwise the raw array is replaced (a ``jax.Array`` or a tracer).
    """
    d = param._data
    if (_writable(d) and not _is_tracer(new)
            and d.shape == new.shape and d.dtype == new.dtype):
        _cpu.write_into(d, new)
        return
    if param._device._is_numpy and not _is_tracer(new) and (
            type(d) is _ndarray or d is None):
        # Keep '@numpy' parameters writable NumPy arrays.
        _assign_raw(param, _cpu.copy(new))
        return
    _assign_raw(param, new)


def _set_grad_raw(param, g):
    param._grad_var = variable.Variable._from_op(g, param._device, False)


def _raw_grad(param):
    gv = param._grad_var
    return None if gv is None else gv._data


def _builtin_hook(hook):
    module = getattr(type(hook), '__module__', '') or ''
    return module.startswith('chainerjax.optimizer')


def _make_grads_writable(params):
    """Gives '@numpy' parameters writable NumPy gradients, for user hooks
    written Chainer's way (``param.grad *= rate``, ``grad[...] = ...``)."""
    for p in params:
        gv = p._grad_var
        if gv is None or not p._device._is_numpy:
            continue
        d = gv._data
        if _writable(d) or _is_tracer(d):
            continue
        p._grad_var = variable.Variable._from_op(numpy.array(d), p._device,
                                                 False)


def _is_deserializer(serializer):
    try:
        from chainerjax import serializer as serializer_module
    except ImportError:
        serializer_module = None
    if serializer_module is not None and hasattr(
            serializer_module, 'Deserializer'):
        if isinstance(serializer, serializer_module.Deserializer):
            return True
    return any(c.__name__.endswith('Deserializer')
               for c in type(serializer).__mro__)


# ---------------------------------------------------------------------------
# hooks


class _Hookable(object):
    """Ordered 'pre' and 'post' hooks (shared by rules and optimizers)."""

    def __init__(self, invalid_timing_fallback=False):
        self._pre_update_hooks = collections.OrderedDict()
        self._post_update_hooks = collections.OrderedDict()
        self._invalid_timing_fallback = invalid_timing_fallback

    def add_hook(self, hook, name, timing):
        if not callable(hook):
            raise TypeError('hook function must be callable')
        if timing not in ('pre', 'post', 'auto'):
            raise ValueError(
                'timing must be one of (\'pre\', \'post\', \'auto\')')
        if timing == 'auto':
            timing = getattr(hook, 'timing', 'pre')
            if (timing not in ('pre', 'post')
                    and self._invalid_timing_fallback):
                warnings.warn(
                    'Hook timing attribute not in (\'pre\', \'post\'), '
                    'defaulting timing to \'pre\'.')
                timing = 'pre'
        if name is None:
            name = getattr(hook, 'name', getattr(hook, '__name__', None))
            if name is None:
                raise ValueError(
                    'the name of the hook function is not specified')
        if name in self._pre_update_hooks or name in self._post_update_hooks:
            raise KeyError('hook "{}" already exists'.format(name))
        if timing == 'pre':
            self._pre_update_hooks[name] = hook
        else:
            self._post_update_hooks[name] = hook
        _structure.changed()

    def remove_hook(self, name):
        _structure.changed()
        try:
            del self._pre_update_hooks[name]
        except KeyError:
            del self._post_update_hooks[name]

    def _hooks(self, timing):
        if timing == 'pre':
            return self._pre_update_hooks
        if timing == 'post':
            return self._post_update_hooks
        raise ValueError('timing must be either \'pre\' or \'post\'')

    def call_hooks(self, timing, args):
        for hook in list(self._hooks(timing).values()):
            self.call_hook(hook, args)

    def call_hook(self, hook, args):
        if not _builtin_hook(hook):
            _make_grads_writable(args[1:])
        hook(*args)

    def __bool__(self):
        return bool(self._pre_update_hooks or self._post_update_hooks)


_MISSING = object()


def _float_scalar(value):
    if isinstance(value, (float, numpy.floating)):
        return True
    return isinstance(value, (numpy.ndarray, jax.Array)) and \
        value.ndim == 0 and value.dtype.kind == 'f'


class Hyperparameter(object):
    """A set of hyperparameters whose missing entries come from a parent.

    Args:
        parent (Hyperparameter): where values not set here are looked up.
    """

    def __init__(self, parent=None):
        self._parent = parent

    def __setattr__(self, name, value):
        d = self.__dict__
        old = d.get(name, _MISSING)
        d[name] = value
        # a new entry, or one that stops or starts being a float scalar,
        # changes what a compiled step passes in (chainerjax.jit)
        if old is _MISSING or _float_scalar(old) != _float_scalar(value):
            _structure.changed()

    def __getattr__(self, name):
        if '_parent' not in self.__dict__:
            raise AttributeError('_parent is not set up yet')
        return getattr(self._parent, name)

    def __repr__(self):
        d = self.get_dict()
        return 'Hyperparameter(%s)' % ', '.join(
            '%s=%s' % (k, d[k]) for k in sorted(d))

    @property
    def parent(self):
        """The parent hyperparameter."""
        return self._parent

    def get_dict(self):
        """Returns all visible entries (own and inherited) as a dict."""
        d = {} if self._parent is None else self._parent.get_dict()
        for k, v in self.__dict__.items():
            if k != '_parent':
                d[k] = v
        return d


# ---------------------------------------------------------------------------
# the grouped, compiled update


def _group_update_impl(pure, names, static, flags, hp, params, grads,
                       states):
    """Applies ``pure`` to every parameter of a group.

    ``hp`` is an ``(n, len(names) + 1)`` array: the hyperparameter values of
    each parameter followed by its loss scale. ``flags[i]`` is
    ``(divide_by_loss_scale, master_dtype_or_None)``.
    """
    global _update_compiles
    _update_compiles += 1
    new_params, new_states, new_grads, low_params = [], [], [], []
    k = len(names)
    for i, (p, g, s) in enumerate(zip(params, grads, states)):
        scale, low_dtype = flags[i]
        row = hp[i]
        values = {name: row[j] for j, name in enumerate(names)}
        if low_dtype is not None:
            g = g.astype(p.dtype)
        if scale:
            g = (g / row[k].astype(g.dtype)).astype(g.dtype)
        new_p, new_s = pure(values, static, p, g, s)
        new_params.append(new_p)
        new_states.append(new_s)
        new_grads.append(g if scale and low_dtype is None else None)
        low_params.append(None if low_dtype is None
                          else new_p.astype(low_dtype))
    return new_params, new_states, new_grads, low_params



_group_update = jax.jit(_group_update_impl, static_argnums=(0, 1, 2, 3))
# On JAX devices the old parameter and state buffers are donated (reused for
# the results). Not on '@numpy', where users may hold NumPy views of them.
_group_update_donating = jax.jit(
    _group_update_impl, static_argnums=(0, 1, 2, 3), donate_argnums=(5, 7))

# On '@numpy', parameters whose memory is an XLA buffer (_cpu.XlaMemory)
# are donated alone: XLA writes their new values into the NumPy arrays'
# memory. States are not: users may hold NumPy views of them.
_group_update_params_donated = jax.jit(
    _group_update_impl, static_argnums=(0, 1, 2, 3), donate_argnums=(5,))

# Before a parameter's buffer is donated (reused for its new value), its
# references are counted: the Parameter and its node, the list passed to the
# update, and this function's own. More means something else holds it: the
# graph of a loss not yet backpropagated (a GAN's generator loss through the
# discriminator just updated keeps the discriminator's weights), or the
# user. Donating it would delete it under them, so it is copied first.
_LOCAL_REFS = 3  # the list, the local name, getrefcount's argument


def _copy_held(targets, params):
    for i in range(len(params)):
        a = params[i]
        if not isinstance(a, jax.Array) or isinstance(a, _Tracer):
            continue
        target = targets[i]
        own = _LOCAL_REFS + (target._data is a) + (
            getattr(target._node, 'data', None) is a)
        if sys.getrefcount(a) > own:
            params[i] = jnp.copy(a)


def _hyper_array(rows):
    for row in rows:
        for v in row:
            if isinstance(v, (_Tracer, jax.Array)):
                return jnp.stack([jnp.stack([jnp.asarray(v, jnp.float64)
                                             for v in r]) for r in rows])
    return numpy.array(rows, dtype=numpy.float64)


def _state_raw(rule, name):
    value = rule._state[name]
    cached = rule._state_cache.get(name)
    if cached is not None and cached[0] is value:
        return cached[1]
    return value


def _states_raw(pairs):
    """:func:`_state_raw` of many ``(rule, name)`` pairs, in one loop (a
    compiled step reads them all at every call)."""
    out = []
    for rule, name in pairs:
        value = rule._state[name]
        cache = rule.__dict__.get('_state_cache_')
        if cache:
            cached = cache.get(name)
            if cached is not None and cached[0] is value:
                value = cached[1]
        out.append(value)
    return out


def _set_states_raw(pairs, values, mask):
    """Stores ``values`` (JAX arrays, as a compiled step returns them) in
    the states of ``pairs`` where ``mask`` is true."""
    for (rule, name), value, write in zip(pairs, values, mask):
        if write:
            rule._state[name] = value
            cache = rule.__dict__.get('_state_cache_')
            if cache:
                cache.pop(name, None)


def _store_state(rule, name, new, device):
    if device._is_numpy and not _is_tracer(new):
        view = numpy.asarray(new)
        rule._state[name] = view
        rule._state_cache[name] = (view, new)
    else:
        rule._state[name] = new
        rule._state_cache.pop(name, None)


# Below this many elements in all, a rule's NumPy update in place (SGD's)
# takes less time than a compiled call: an MLP 64-32-10 step (21 thousand
# parameters) took 0.62 ms against 0.68, one of 648 thousand 2.16 against
# 2.03.
_NUMPY_UPDATE_SIZE = 1 << 17


def _update_xla_memory(cls, static, group):
    """Updates on ``'@numpy'`` those of ``group``'s parameters whose memory
    is an XLA buffer (:func:`chainerjax.backends._cpu.xla_backed`: the
    parameters links initialize), in one compiled call that writes the new
    values into the arrays' memory, as Chainer's NumPy update does in
    place; returns the others. The arrays hold the new values when this
    returns."""
    rest, items, memories, seen = [], [], [], set()
    for item in group:
        rule, param, target, g, scale = item
        memory = None
        if scale is None and target is param:
            memory = _cpu.xla_memory(target._data)
        # a second parameter with the same array (shared by assignment) is
        # updated after the first, as Chainer's in-place updates are
        if memory is None or id(memory) in seen:
            rest.append(item)
        else:
            seen.add(id(memory))
            items.append(item)
            memories.append(memory)
    if not items:
        return rest
    rows, grads, states = [], [], []
    for rule, param, target, g, scale in items:
        # no kernel may still read the memory written below
        _cpu.wait_host_reads(target._data)
        rows.append(tuple(rule._hyper_values()) + (1.0,))
        grads.append(g)
        states.append({n: _state_raw(rule, n) for n in rule._state})
    new_params, new_states, _, _ = _group_update_params_donated(
        cls._update_pure, cls._hyper_names, static,
        ((False, None),) * len(items), _hyper_array(rows),
        [m.buffer for m in memories], grads, states)
    for i, (rule, param, target, g, scale) in enumerate(items):
        if not _cpu.adopt(memories[i], new_params[i]):
            _cpu.write_into(target._data, new_params[i])
        for n, v in new_states[i].items():
            _store_state(rule, n, v, target._device)
        rule._after_compiled_update()
    jax.block_until_ready(new_params)
    return rest


def _update_in_place(cls, group):
    """Updates on ``'@numpy'`` those of ``group``'s parameters whose rule
    class has a NumPy in-place update (:meth:`UpdateRule._update_in_place`)
    the way Chainer does, with NumPy in place; returns the others (a loss
    scale, a float32 master copy, a state that is not a writable NumPy
    array)."""
    rest = []
    names = cls._hyper_names
    for item in group:
        rule, param, target, g, scale = item
        p = target._data
        state = rule._state
        if (scale is not None or target is not param or not _writable(p)
                or not all(_writable(v) for v in state.values())):
            rest.append(item)
            continue
        # no kernel may still read the arrays written below
        for a in (p, *state.values()):
            _cpu.wait_host_reads(a)
        hp = dict(zip(names, rule._hyper_values()))
        cls._update_in_place(hp, p, numpy.asarray(g), state)
        rule._after_compiled_update()
    return rest


def _run_rules(items):
    """Updates ``items`` = [(rule, param, target, grad, scale)] grouped.

    ``target`` is the Variable actually updated (``param`` itself or the
    rule's float32 master copy); ``grad`` is the raw gradient; ``scale`` the
    loss scale or None. States must already be initialized.
    """
    groups = collections.OrderedDict()
    for item in items:
        rule, param, target = item[0], item[1], item[2]
        cls = rule._pure_owner()
        dev = target._device
        key = (cls, rule._static_config(), dev)
        groups.setdefault(key, []).append(item)
    for (cls, static, dev), group in groups.items():
        # only a class's own NumPy update goes with its own pure update
        in_place = dev._is_numpy and '_update_in_place' in cls.__dict__
        if dev._is_numpy and not (in_place and sum(
                item[2]._data.size for item in group) < _NUMPY_UPDATE_SIZE):
            group = _update_xla_memory(cls, static, group)
            if not group:
                continue
        if in_place:
            group = _update_in_place(cls, group)
            if not group:
                continue
        names = cls._hyper_names
        rows, targets, params, grads, states, flags = [], [], [], [], [], []
        for rule, param, target, g, scale in group:
            rows.append(tuple(rule._hyper_values())
                        + (1.0 if scale is None else scale,))
            targets.append(target)
            params.append(target._data)
            grads.append(g)
            states.append({n: _state_raw(rule, n) for n in rule._state})
            low = param._data.dtype if target is not param else None
            flags.append((scale is not None,
                          None if low is None else numpy.dtype(low)))
        donating = not dev._is_numpy
        if donating:
            _copy_held(targets, params)
        update = _group_update_donating if donating else _group_update
        new_params, new_states, new_grads, low_params = update(
            cls._update_pure, names, static, tuple(flags),
            _hyper_array(rows), params, grads, states)
        for i, (rule, param, target, g, scale) in enumerate(group):
            _write_param(target, new_params[i])
            for n, v in new_states[i].items():
                _store_state(rule, n, v, target._device)
            if new_grads[i] is not None:
                _set_grad_raw(target, new_grads[i])
            if low_params[i] is not None:
                _write_param(param, low_params[i])
            rule._after_compiled_update()


# ---------------------------------------------------------------------------
# update rules

_OVERRIDABLE = ('update', 'update_core', 'update_core_cpu',
                'update_core_gpu', '_UpdateRule__update')


class UpdateRule(object):
    """How one parameter is updated (Chainer's ``UpdateRule``).

    Subclasses either implement :meth:`update_core` (or
    :meth:`update_core_cpu` and :meth:`update_core_gpu`), as in Chainer, or,
    for a rule that runs compiled and grouped, the pure function
    :meth:`_update_pure` with the class attribute ``_hyper_names``.

    Args:
        parent_hyperparam (Hyperparameter): the defaults.

    Attributes:
        enabled (bool): whether :meth:`update` updates the parameter.
        hyperparam (Hyperparameter): this rule's hyperparameters.
        t (int): the number of updates made by this rule.
    """

    is_elementwise = False
    # Names of the scalar hyperparameters the pure function reads (passed
    # traced); 't' may be listed to get the rule's step count.
    _hyper_names = None

    def __init__(self, parent_hyperparam=None):
        self._state = None
        self._enabled = True
        self.hyperparam = Hyperparameter(parent_hyperparam)
        self.t = 0
        self._use_fp32_update = False
        self._fp32_param = None
        self._hookable = _Hookable()

    @property
    def state(self):
        """The state dictionary (None until the first update)."""
        return self._state

    @property
    def enabled(self):
        return self._enabled

    @enabled.setter
    def enabled(self, value):
        self._enabled = value
        # a compiled step traced with the old value must not be reused
        _structure.changed()

    @property
    def _state_cache(self):
        cache = self.__dict__.get('_state_cache_')
        if cache is None:
            cache = self.__dict__['_state_cache_'] = {}
        return cache

    def add_hook(self, hook, name=None, timing='auto'):
        """Adds a hook called as ``hook(rule, param)`` before ('pre') or
        after ('post') the update."""
        self._hookable.add_hook(hook, name, timing)

    def remove_hook(self, name):
        """Removes the hook registered under ``name``."""
        self._hookable.remove_hook(name)

    # ----- the compiled path ------------------------------------------
    @classmethod
    def _pure_owner(cls):
        for c in cls.__mro__:
            if '_update_pure' in c.__dict__:
                return c
        return None

    def _can_run_compiled(self):
        cls = type(self)
        owner = cls._pure_owner()
        if owner is None or owner._hyper_names is None:
            return False
        for name in _OVERRIDABLE:
            if getattr(cls, name, None) is not getattr(owner, name, None):
                return False
        return not self._hookable

    def _hyper_values(self):
        hp = self.hyperparam
        return tuple(self.t if n == 't' else getattr(hp, n)
                     for n in self._hyper_names)

    def _static_config(self):
        """Hashable values that change the computation's structure."""
        return ()

    @staticmethod
    def _update_pure(hp, static, param, grad, state):
        """Returns ``(new_param, new_state)``; ``hp`` maps the names in
        ``_hyper_names`` to traced scalars (float64 when x64 is on)."""
        raise NotImplementedError

    # Optionally, in the class that defines ``_update_pure``,
    # ``_update_in_place(hp, param, grad, state)``: the same update written
    # with NumPy, in place into the parameter's (and the states') NumPy
    # arrays, as Chainer's ``update_core_cpu``; ``hp`` maps the names in
    # ``_hyper_names`` to Python values. Where a rule is a pass or two over
    # memory (SGD), this is faster on ``'@numpy'`` than a compiled call for
    # small models, and than one whose results must then be copied into
    # arrays of the user's (see ``_run_rules``).
    _update_in_place = None

    def _check_hyperparameters(self, param):
        """Host-side checks on Python hyperparameter values."""

    def _after_compiled_update(self):
        """Host-side bookkeeping after a compiled update (override)."""

    def _update_compiled(self, param):
        g = _raw_grad(param)
        if g is None:
            return
        self._check_hyperparameters(param)
        _run_rules([(self, param, param, g, None)])

    # ----- Chainer's per-parameter path ---------------------------------
    def update(self, param):
        """Updates ``param`` (calls the hooks and :meth:`update_core`)."""
        if not self.enabled:
            return
        self.t += 1
        self.__update(param)

    def __update(self, param):
        try:
            param_dtype = param.dtype
        except RuntimeError:
            param_dtype = None
        is_initialized = param._data is not None
        loss_scale = param._loss_scale

        if self._use_fp32_update and param_dtype == numpy.float16:
            fp32_param = self._get_fp32_param(param)
            if is_initialized:
                g = _raw_grad(param)
                fp32_param._grad_var = None if g is None else \
                    variable.Variable._from_op(
                        g.astype(numpy.float32), fp32_param._device, False)
            param_ = fp32_param
            converted = True
        else:
            param_ = param
            converted = False

        if is_initialized:
            self._init_states(param_)
            if loss_scale is not None:
                g = _raw_grad(param_)
                _set_grad_raw(param_, (g / loss_scale).astype(
                    g.dtype, copy=False))

        self._hookable.call_hooks('pre', args=(self, param_))
        self.update_core(param_)
        self._hookable.call_hooks('post', args=(self, param_))

        if converted:
            if is_initialized:
                new = param_._data.astype(param._data.dtype)
                _write_param(param, new)
            param_._grad_var = None

    def _get_fp32_param(self, param):
        if self._fp32_param is None:
            if param._data is not None:
                d = param._data
                arr = (d.astype(numpy.float32) if type(d) is _ndarray
                       else d.astype(jnp.float32))
                if param._device._is_numpy and not _is_tracer(arr):
                    arr = numpy.array(arr)
                    self._fp32_param = variable.Parameter(arr,
                                                          name=param.name)
                else:
                    p = variable.Parameter(name=param.name)
                    p._device = param._device
                    p._initial_device = param._device
                    _assign_raw(p, arr)
                    self._fp32_param = p
            else:
                self._fp32_param = self._create_uninitialized_parameter(
                    numpy.float32, name=param.name)
        return self._fp32_param

    def _create_uninitialized_parameter(self, dtype, name):
        def initializer(array):
            raise AssertionError('never initialized')
        initializer.dtype = dtype
        return variable.Parameter(initializer, name=name)

    def update_core(self, param):
        """Updates ``param``; dispatches to :meth:`update_core_cpu` on
        ``'@numpy'`` and to :meth:`update_core_gpu` on JAX devices."""
        if param._device._is_numpy:
            self.update_core_cpu(param)
        else:
            self.update_core_gpu(param)

    def update_core_cpu(self, param):
        """Updates a parameter on ``'@numpy'``."""
        if self._pure_owner() is not None and self._hyper_names is not None:
            return self._update_compiled(param)
        raise NotImplementedError

    def update_core_gpu(self, param):
        """Updates a parameter on a JAX device."""
        if self._pure_owner() is not None and self._hyper_names is not None:
            return self._update_compiled(param)
        raise NotImplementedError

    def update_core_chainerx(self, param):
        raise RuntimeError('ChainerX is not available in chainerjax.')

    def init_state(self, param):
        """Initializes ``self.state`` for ``param`` (override)."""
        pass

    def _init_states(self, param):
        state = self._state
        if state is None:
            _structure.changed()
            state = self._state = {}
            self._state_cache.clear()
            self.init_state(param)
        device = param._device
        for name, value in state.items():
            if not isinstance(value, (_ndarray, jax.Array)) or \
                    _is_tracer(value):
                continue
            if device._is_numpy:
                if type(value) is not _ndarray:
                    cached = self._state_cache.get(name)
                    if cached is not None and cached[1] is value:
                        continue
                    state[name] = numpy.array(value)
            elif not device.is_array_supported(value):
                state[name] = device.send(value)

    def serialize(self, serializer):
        """Saves or loads ``t`` and the state arrays (Chainer's keys)."""
        self.t = serializer('t', self.t)
        loading = _is_deserializer(serializer)
        if loading:
            _structure.changed()
        if self._state is None:
            if not loading:
                return
            self._state = {}
            self._state_cache.clear()
            probe = copy.copy(self)
            arr = numpy.empty(1, dtype=numpy.float32)
            probe.init_state(variable.Variable(arr, grad=arr))
            for key in list(self._state):
                try:
                    value = serializer(key, None)
                except KeyError:
                    if self.enabled:
                        raise
                    value = None
                if value is None:
                    self._state = None
                    break
                self._state[key] = value
            return
        for key in list(self._state):
            self._state[key] = serializer(key, self._state[key])
            if loading:
                self._state_cache.pop(key, None)

    def use_fp32_update(self, flag=True):
        """Updates float16 parameters through a float32 master copy."""
        self._use_fp32_update = flag


# ---------------------------------------------------------------------------
# optimizers


class _OptimizerHookable(_Hookable):

    def __init__(self, optimizer):
        super(_OptimizerHookable, self).__init__(
            invalid_timing_fallback=True)
        self.optimizer = optimizer

    def call_hook(self, hook, args):
        self.optimizer.call_hook(hook)


def _is_link(obj):
    try:
        from chainerjax import link as link_module
    except ImportError:
        link_module = None
    if link_module is not None and isinstance(obj, link_module.Link):
        return True
    return all(hasattr(obj, a) for a in ('params', 'namedparams',
                                         'cleargrads'))


class Optimizer(object):
    """Base class of the optimizers (Chainer's ``Optimizer``).

    Attributes:
        target: the link set by :meth:`setup`.
        t (int): the number of updates.
        epoch (int): the epoch count (see :meth:`new_epoch`).
        use_auto_new_epoch (bool): True when an updater calls
            :meth:`new_epoch`.
    """

    target = None
    t = 0
    epoch = 0
    _pre_update_hooks = None
    _post_update_hooks = None
    _loss_scale = None
    _loss_scale_max = 65504
    _loss_scaling_is_dynamic = False
    _loss_scaling_isnan = False
    use_auto_new_epoch = False
    _hookable = None

    def setup(self, link):
        """Sets the target link; returns the optimizer."""
        if not _is_link(link):
            raise TypeError('optimization target must be a link')
        self.target = link
        self.t = 0
        self.epoch = 0
        self._hookable = _OptimizerHookable(self)
        _structure.changed()
        return self

    def update(self, lossfun=None, *args, **kwds):
        """Updates the parameters (see :class:`GradientMethod`)."""
        raise NotImplementedError

    def new_epoch(self, auto=False):
        """Increments :attr:`epoch`.

        Args:
            auto (bool): True when called by an updater (which must set
                :attr:`use_auto_new_epoch`).
        """
        if auto:
            if not self.use_auto_new_epoch:
                raise RuntimeError(
                    'invalid new_epoch call with auto=True.\n'
                    'Fix the updater to set '
                    'optimizer.use_auto_new_epoch = True.')
        elif self.use_auto_new_epoch:
            raise RuntimeError(
                'duplicated new_epoch with the updater.\n'
                'Pass auto_new_epoch=False to the updater or stop calling '
                'new_epoch outside the updater.')
        self.epoch += 1

    def _check_set_up(self):
        if self._hookable is None:
            raise RuntimeError('Optimizer is not set up. Call `setup` method.')

    def add_hook(self, hook, name=None, timing='auto'):
        """Registers a hook; with ``hook.call_for_each_param`` it is called
        as ``hook(rule, param)`` for each parameter, else ``hook(self)``."""
        self._check_set_up()
        self._hookable.add_hook(hook, name, timing)

    def remove_hook(self, name):
        """Removes the hook registered under ``name``."""
        self._check_set_up()
        self._hookable.remove_hook(name)

    def call_hooks(self, timing='pre'):
        """Calls the hooks of ``timing`` in registration order."""
        self._check_set_up()
        self._hookable.call_hooks(timing, ())

    def call_hook(self, hook):
        if not _builtin_hook(hook):
            _make_grads_writable(self.target.params())
        if getattr(hook, 'call_for_each_param', False):
            batched = getattr(hook, '_call_batched', None)
            if batched is not None and batched(self):
                return
            for param in self.target.params():
                hook(param.update_rule, param)
        else:
            hook(self)

    def serialize(self, serializer):
        """Saves or loads ``t``, ``epoch`` and the update rules' states
        (not the parameters)."""
        self.t = serializer('t', self.t)
        self.epoch = serializer('epoch', self.epoch)
        for name, param in self.target.namedparams():
            rule = getattr(param, 'update_rule', None)
            if rule is not None:
                rule.serialize(serializer[name])

    def loss_scaling(self, interval=1000, scale=None):
        """Configures loss scaling: static with ``scale``, dynamic (doubling
        every ``interval`` good steps, halving on overflow) without."""
        if scale is None:
            self._loss_scaling_is_dynamic = True
            if interval < 1:
                raise ValueError('interval must be greater than or equal to 1.'
                                 ' Actual: {}'.format(interval))
            self._loss_scale = 1.0
            self._loss_scaling_multiplier = math.pow(2.0, 1.0 / interval)
            self._loss_scaling_isnan_ever = False
        else:
            if scale <= 0:
                raise ValueError('loss_scale must be a positive number. '
                                 'Actual: {}'.format(scale))
            self._loss_scale = scale

    def set_loss_scale(self, loss_scale):
        """Sets a static loss scale."""
        self.loss_scaling(scale=loss_scale)

    def check_nan_in_grads(self):
        """With dynamic loss scaling, checks the gradients for non-finite
        values (this reads a flag back to the host)."""
        self._loss_scaling_isnan = False
        if not self._loss_scaling_is_dynamic:
            return
        for name, param in self.target.namedparams():
            g = _raw_grad(param)
            if g is None:
                continue
            if _is_tracer(g):
                raise RuntimeError(
                    'Dynamic loss scaling reads the gradients on the host '
                    'and cannot run inside a traced (jitted) step; use a '
                    'static loss scale (optimizer.loss_scaling(scale=...)).')
            if type(g) is _ndarray:
                finite = bool(numpy.all(numpy.isfinite(g)))
            else:
                finite = bool(jnp.all(jnp.isfinite(g)))
            if not finite:
                self._loss_scaling_isnan = True
                self._loss_scaling_isnan_ever = True
                warnings.warn(
                    'Non finite number found in param.grad of {}'
                    ' (iteration: {}, loss_scale: {})'
                    .format(name, self.t, self._loss_scale))

    def is_safe_to_update(self):
        return not self._loss_scaling_isnan

    def update_loss_scale(self):
        if not self._loss_scaling_is_dynamic:
            return
        if self._loss_scaling_isnan:
            multiplier = 0.5
        elif self._loss_scaling_isnan_ever:
            multiplier = self._loss_scaling_multiplier
        else:
            multiplier = 2.0
        self._loss_scale = max(1, min(self._loss_scale_max,
                                      self._loss_scale * multiplier))


class GradientMethod(Optimizer):
    """Base class of first-order optimizers with per-parameter update rules.

    Subclasses implement :meth:`create_update_rule`; :attr:`hyperparam` is
    the parent of every rule's hyperparameter.
    """

    def __init__(self):
        super(GradientMethod, self).__init__()
        self.hyperparam = Hyperparameter()
        self._use_fp32_update = False

    def setup(self, link):
        super(GradientMethod, self).setup(link)
        for param in link.params():
            param.update_rule = self.create_update_rule()
            if self._use_fp32_update:
                param.update_rule.use_fp32_update()
        return self

    def reallocate_cleared_grads(self):
        """Gives every parameter whose gradient is None a zero gradient."""
        for name, param in self.target.namedparams(False):
            if param._grad_var is None and param._data is not None:
                param._grad_var = variable.Variable._from_op(
                    _zeros_like(param), param._device, False)

    def call_hook(self, hook):
        super(GradientMethod, self).call_hook(hook)
        self.reallocate_cleared_grads()

    def update(self, lossfun=None, *args, **kwds):
        """Updates the parameters.

        With ``lossfun``, computes ``loss = lossfun(*args, **kwds)``, clears
        the gradients and runs ``loss.backward(loss_scale=...)`` first;
        without it, the gradients must already be computed.
        """
        if lossfun is not None:
            use_cleargrads = getattr(self, '_use_cleargrads', True)
            loss = lossfun(*args, **kwds)
            if use_cleargrads:
                self.target.cleargrads()
            else:
                self.target.zerograds()
            loss.backward(loss_scale=self._loss_scale)
            del loss

        self.reallocate_cleared_grads()
        self.check_nan_in_grads()
        self.call_hooks('pre')

        self.t += 1
        if self.is_safe_to_update():
            self._update_params()

        self.reallocate_cleared_grads()
        self.call_hooks('post')
        self.update_loss_scale()

    def _update_params(self):
        items = []
        param_update = variable.Parameter.update
        for param in self.target.params():
            rule = param.update_rule
            if (type(param).update is not param_update or rule is None
                    or not rule._can_run_compiled()):
                if items:
                    # keep Chainer's order of side effects
                    _run_rules(items)
                    items = []
                param.update()
                continue
            if not rule.enabled:
                continue
            rule.t += 1
            if param._data is None:
                continue
            if rule._use_fp32_update and param._data.dtype == numpy.float16:
                target = rule._get_fp32_param(param)
            else:
                target = param
            rule._init_states(target)
            g = _raw_grad(param)
            if g is None:
                continue
            rule._check_hyperparameters(target)
            items.append((rule, param, target, g, param._loss_scale))
        if items:
            _run_rules(items)

    def use_cleargrads(self, use=True):
        """Deprecated: chooses ``cleargrads`` (True) or ``zerograds``."""
        warnings.warn(
            'GradientMethod.use_cleargrads is deprecated.',
            DeprecationWarning)
        self._use_cleargrads = use

    def create_update_rule(self):
        """Returns a new update rule for one parameter (override)."""
        raise NotImplementedError

    def use_fp32_update(self, flag=True):
        """Updates float16 parameters through float32 master copies."""
        self._use_fp32_update = flag
        link = getattr(self, 'target', None)
        if link is not None:
            for param in link.params():
                param.update_rule.use_fp32_update()


class HyperparameterProxy(object):
    """A property aliasing ``self.hyperparam.<attr_name>``."""

    def __init__(self, attr_name):
        self._attr_name = attr_name
        self.__doc__ = 'Alias to ``self.hyperparam.{}``'.format(attr_name)

    def __get__(self, obj, type=None):
        if obj is None:
            return self
        return getattr(obj.hyperparam, self._attr_name)

    def __set__(self, obj, value):
        setattr(obj.hyperparam, self._attr_name, value)


def make_deprecation_message(module_name):
    return ('chainer.optimizer.{0} is deprecated from v4. '
            'Use chainer.optimizer_hooks.{0} instead.'
            .format(module_name))


def _deprecated_hook(name):
    base = getattr(optimizer_hooks, name)

    def __init__(self, *args, **kwargs):
        warnings.warn(make_deprecation_message(name), DeprecationWarning)
        base.__init__(self, *args, **kwargs)

    return type(name, (base,), {'__init__': __init__,
                                '__module__': __name__})


WeightDecay = _deprecated_hook('WeightDecay')
Lasso = _deprecated_hook('Lasso')
GradientClipping = _deprecated_hook('GradientClipping')
GradientNoise = _deprecated_hook('GradientNoise')
GradientHardClipping = _deprecated_hook('GradientHardClipping')
