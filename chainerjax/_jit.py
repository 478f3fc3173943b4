"""``chainerjax.jit``: compile a whole Chainer step into one XLA computation.

A step is ordinary Chainer code that reads and changes Links, Optimizers,
the random stream and the reporter::

    @chainerjax.jit
    def step(x, t):
        optimizer.update(model, x, t)

The first call runs eagerly (it initializes lazy parameters and optimizer
state). Later calls run a compiled, pure version: every piece of state (the
parameters and their gradients, persistents such as BatchNormalization's
statistics, each update rule's state and step count, the optimizer's ``t``,
its hyperparameters, the random key) goes in as arguments and comes out as
results, and is written back to the Python objects afterwards. So are the
Variables and JAX arrays that Links keep in plain attributes (``L.LSTM``'s
``c`` and ``h``, ``L.Classifier``'s ``loss``): they come back as Variables
without a graph. Values passed to ``chainer.report`` inside the step come
back as results too and are reported to the current reporter after each
call. A step called from a step being traced is part of it.

Changing a hyperparameter (``optimizer.lr = ...``) does not recompile: float
hyperparameters are traced. A new input shape or dtype compiles a new
version (see :attr:`JitStep.compiles`).
"""
import functools
import itertools
import linecache
import operator
import os
import sys
import threading
import traceback
import types
import warnings

import jax
import jax.numpy as jnp
import numpy

from chainerjax import _random
from chainerjax import _structure
from chainerjax import configuration
from chainerjax import optimizer
from chainerjax import variable
from chainerjax.backends import _cpu

_Tracer = jax.core.Tracer
_array_types = (numpy.ndarray, jax.Array)
_PKG_DIR = os.path.dirname(os.path.abspath(__file__))
_RECOMPILE_WARN_AT = 4


class _Inline(threading.local):
    depth = 0


_inline = _Inline()


class inline_steps(object):
    """Context in which a :class:`JitStep` runs its function directly: it
    is part of an enclosing step (one being traced, or a compiled
    update_core running eagerly)."""

    def __enter__(self):
        _inline.depth += 1
        return self

    def __exit__(self, *args):
        _inline.depth -= 1


class UntraceableError(RuntimeError):
    """The step contains code that cannot be compiled (it needs concrete
    values while the step is being traced)."""


def _is_link(obj):
    from chainerjax import link
    return isinstance(obj, link.Link)


def _is_optimizer(obj):
    return isinstance(obj, optimizer.Optimizer)


# ---------------------------------------------------------------------------
# discovering the objects a step touches

_LEAF_TYPES = (numpy.ndarray, jax.Array, int, float, str, bytes,
               type(None), numpy.generic)


def _scan(obj, links, optimizers, seen, depth=0):
    if isinstance(obj, _LEAF_TYPES) or isinstance(obj, variable.Variable) \
            and not isinstance(obj, variable.Parameter):
        return
    if id(obj) in seen or depth > 3:
        return
    seen.add(id(obj))
    if _is_optimizer(obj):
        if obj not in optimizers:
            optimizers.append(obj)
        if obj.target is not None:
            _scan(obj.target, links, optimizers, seen, depth)
        return
    if _is_link(obj):
        if obj not in links:
            links.append(obj)
        return
    if isinstance(obj, functools.partial):
        _scan(obj.func, links, optimizers, seen, depth + 1)
        for a in obj.args:
            _scan(a, links, optimizers, seen, depth + 1)
        for a in obj.keywords.values():
            _scan(a, links, optimizers, seen, depth + 1)
        return
    if isinstance(obj, types.MethodType):
        _scan(obj.__self__, links, optimizers, seen, depth + 1)
        _scan(obj.__func__, links, optimizers, seen, depth + 1)
        return
    if isinstance(obj, types.FunctionType):
        for cell in obj.__closure__ or ():
            try:
                _scan(cell.cell_contents, links, optimizers, seen, depth + 1)
            except ValueError:  # empty cell
                pass
        code_names = _code_names(obj.__code__)
        g = obj.__globals__
        for name in code_names:
            if name in g:
                _scan(g[name], links, optimizers, seen, depth + 1)
        return
    if isinstance(obj, (list, tuple)):
        for a in obj:
            _scan(a, links, optimizers, seen, depth + 1)
    elif isinstance(obj, dict):
        for a in obj.values():
            _scan(a, links, optimizers, seen, depth + 1)
    elif hasattr(obj, '__dict__') and not isinstance(obj, type) and \
            not isinstance(obj, types.ModuleType):
        # e.g. an updater holding its optimizers and iterators
        for a in vars(obj).values():
            if _is_link(a) or _is_optimizer(a) or isinstance(a, dict):
                _scan(a, links, optimizers, seen, depth + 1)


def _code_names(code):
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _code_names(const)
    return names


# ---------------------------------------------------------------------------
# the state of links and optimizers, as a flat list of slots

class _Slot(object):
    """One piece of state: how to read it and how to write it back
    (``save``/``restore``: how to put the Python objects back after a
    trace; by default ``get``/``set``).

    ``kind`` names the common kinds that a layout reads and writes in bulk
    on every call (see :class:`_Group`): ``'data'`` and ``'grad'`` of the
    Parameter ``obj``, ``'state'`` (the array ``key`` of the update rule
    ``obj``) and ``'t'`` (the counter ``obj.t``); None for the rest, which
    go through ``get``/``set`` one by one."""

    __slots__ = ('get', 'set', 'name', 'donate', 'save', 'restore',
                 'attr', 'fixed_shape', 'kind', 'obj', 'key')

    def __init__(self, name, get, set, donate=False, save=None,
                 restore=None, attr=None, fixed_shape=False, kind=None,
                 obj=None, key=None):
        self.name = name
        self.get = get
        self.set = set
        self.save = get if save is None else save
        self.restore = set if restore is None else restore
        # (object, attribute name) for the state held in an attribute
        self.attr = attr
        # Donated buffers are reused for the results. Only arrays the user
        # sees as jax.Array (JAX devices) are donated: a NumPy view of a
        # donated buffer ('@numpy') would silently read freed memory.
        self.donate = donate
        # the shape cannot change while the layout stands (a gradient has
        # its parameter's): an unread value is still passed, to lend its
        # buffer to the new one
        self.fixed_shape = fixed_shape
        self.kind = kind
        self.obj = obj
        self.key = key


def _param_slots(param, path):
    def get_data(p=param):
        return p._data

    def set_data(v, p=param):
        p._data = v
        p._np_view = None

    def get_grad(p=param):
        gv = p._grad_var
        return None if gv is None else gv._data

    def set_grad(v, p=param):
        if v is None:
            p._grad_var = None
        else:
            p._grad_var = variable.Variable._from_op(v, p._device, True)
        p._grad_valid = True

    donate = not param._device._is_numpy
    return [_Slot(path, get_data, set_data, donate, kind='data',
                  obj=param),
            _Slot(path + '@grad', get_grad, set_grad, donate,
                  fixed_shape=True, kind='grad', obj=param)]


def _persistent_slots(link, path):
    slots = []
    for name in sorted(getattr(link, '_persistent', ())):
        value = getattr(link, name)
        if isinstance(value, _array_types) or isinstance(
                value, (int, float, numpy.number)) and \
                not isinstance(value, bool):
            def get(lk=link, n=name):
                return getattr(lk, n)

            def set(v, lk=link, n=name):
                lk.__dict__[n] = v
            slots.append(_Slot(path + '/' + name, get, set))
    return slots


def _state_attr_names(obj, test):
    """The attributes of ``obj`` whose values pass ``test``, but its
    parameters, persistents and child links."""
    d = obj.__dict__
    names = [n for n, v in d.items() if test(v)]
    if names:
        skip = d.get('_persistent', ())
        names = [n for n in names if n not in skip]
    return names


def _is_state_value(value):
    """A Variable (not a Parameter) or a JAX array held as an attribute."""
    if isinstance(value, variable.Variable):
        return not isinstance(value, variable.Parameter) and \
            value._data is not None
    return isinstance(value, jax.Array)


def _attr_slots(obj, path):
    """State a Link (or an updater) keeps in plain attributes: the
    Variables and JAX arrays it holds outside its parameters and
    persistents, such as ``L.LSTM``'s ``c`` and ``h`` or
    ``L.Classifier``'s ``loss``. They are read by the next step, so they
    go in and come out of the compiled step like persistents (a Variable
    comes back without a graph: the graph cannot cross a compiled call).
    """
    slots = []
    for name in sorted(_state_attr_names(obj, _is_state_value)):
        value = obj.__dict__[name]

        def get(o=obj, n=name):
            v = o.__dict__.get(n)
            return v._data if isinstance(v, variable.Variable) else v

        if isinstance(value, variable.Variable):
            rg = value.requires_grad

            def set(v, o=obj, n=name, d=value._device, rg=rg):
                if v is not None:
                    v = variable.Variable._from_op(v, d, rg)
                o.__dict__[n] = v
            tag = '@variable' if rg else '@variable-nograd'
        else:
            def set(v, o=obj, n=name):
                o.__dict__[n] = v
            tag = '@array'

        def save(o=obj, n=name):
            return o.__dict__[n]

        def restore(v, o=obj, n=name):
            o.__dict__[n] = v
        slots.append(_Slot(path + '.' + name + tag, get, set,
                           save=save, restore=restore, attr=(obj, name)))
    return slots


def _holds_tracer(value):
    """A Variable (not a Parameter) holding a traced value, or one."""
    if isinstance(value, variable.Variable):
        return not isinstance(value, variable.Parameter) and \
            isinstance(value._data, _Tracer)
    return isinstance(value, _Tracer)


class _AttrCapture(object):
    """Finds attributes that a traced step set to traced values although
    they held no state before (``self.h = ...`` after ``reset_state()``,
    a new attribute): their values come back as results and are written
    after the call, and the attributes are put back meanwhile."""

    def __init__(self, holders):
        self.holders = holders

    def before(self):
        self.snapshot = [dict(o.__dict__) for o in self.holders]

    def after(self, slot_attrs):
        found, values = [], []
        for i, obj in enumerate(self.holders):
            for name in _state_attr_names(obj, _holds_tracer):
                if (id(obj), name) in slot_attrs:
                    continue
                value = obj.__dict__[name]
                if isinstance(value, variable.Variable):
                    found.append((i, name, True, value.requires_grad,
                                  value._device))
                    values.append(value._data)
                else:
                    found.append((i, name, False, False, None))
                    values.append(value)
        return tuple(found), tuple(values)

    def restore(self):
        # put back (or remove) what still holds a traced value
        for obj, snap in zip(self.holders, self.snapshot):
            for name in list(obj.__dict__):
                if _holds_tracer(obj.__dict__[name]):
                    if name in snap:
                        obj.__dict__[name] = snap[name]
                    else:
                        del obj.__dict__[name]


def _write_attrs(holders, found, values):
    for (i, name, is_var, rg, device), v in zip(found, values):
        if is_var:
            v = variable.Variable._from_op(v, device, rg)
        holders[i].__dict__[name] = v


def _hyper_slots(hyperparam, path):
    """The float entries of a Hyperparameter, or of an optimizer hook
    (``WeightDecay.rate``, ``GradientClipping.threshold``): traced, so that
    changing them between calls needs no recompile."""
    slots = []
    for name, value in sorted(vars(hyperparam).items()):
        if name.startswith('_'):
            continue
        if optimizer._float_scalar(value):
            def get(h=hyperparam, n=name):
                return h.__dict__[n]

            def set(v, h=hyperparam, n=name):
                h.__dict__[n] = v
            slots.append(_Slot(path + '/' + name, get, set))
    return slots


def _hook_slots(hookable, path):
    slots = []
    if hookable is None:
        return slots
    for timing, hooks in (('pre', hookable._pre_update_hooks),
                          ('post', hookable._post_update_hooks)):
        for name, hook in hooks.items():
            # only the built-in hooks: a user's hook may test its settings
            # in Python (`if self.rate:`), which a traced value cannot do
            if type(hook).__module__.startswith(
                    'chainerjax.optimizer_hooks.'):
                slots += _hyper_slots(hook, '{}/hook:{}:{}'.format(
                    path, timing, name))
    return slots


def _rule_slots(rule, path, donate=False):
    slots = []
    for name in sorted(rule._state or ()):
        def get(r=rule, n=name):
            return optimizer._state_raw(r, n)

        def set(v, r=rule, n=name):
            r._state[n] = v
            r._state_cache.pop(n, None)
        slots.append(_Slot(path + '/' + name, get, set, donate,
                           kind='state', obj=rule, key=name))
    slots.append(_counter_slot(rule, path + '/t'))
    slots += _hyper_slots(rule.hyperparam, path + '/hyperparam')
    slots += _hook_slots(rule._hookable, path)
    return slots


def _counter_slot(obj, name):
    def get_t(o=obj):
        return o.t

    def set_t(v, o=obj):
        o.t = v
    return _Slot(name, get_t, set_t, kind='t', obj=obj)


def _optimizer_slots(opt, path):
    def get_epoch(o=opt):
        return o.epoch

    def set_epoch(v, o=opt):
        o.epoch = v
    # the epoch too: new_epoch() may be called inside a step
    slots = [_counter_slot(opt, path + '/t'),
             _Slot(path + '/epoch', get_epoch, set_epoch)]
    slots += _hyper_slots(opt.hyperparam, path + '/hyperparam')
    slots += _hook_slots(opt._hookable, path)
    if opt.target is not None:
        for name, param in sorted(opt.target.namedparams()):
            rule = param.update_rule
            if rule is not None:
                slots += _rule_slots(rule, path + name,
                                     not param._device._is_numpy)
    return slots


def _collect_slots(links, optimizers, others=()):
    slots = []
    seen_params = set()
    seen_links = set()
    for i, link in enumerate(links):
        for lpath, sub in link.namedlinks():
            prefix = 'link%d%s' % (i, lpath)
            for name, param in sorted(sub.namedparams(include_uninit=True)):
                if '/' in name.lstrip('/'):
                    continue  # a child's: visited with the child
                if id(param) in seen_params:
                    continue
                seen_params.add(id(param))
                data_slot, grad_slot = _param_slots(param, prefix + name)
                # a share-mode copy's array lives in its original: one data
                # slot for both (its gradient is its own)
                root = param._share_root() if isinstance(
                    param, variable._SharedArray) else param
                if ('data', id(root)) not in seen_params:
                    seen_params.add(('data', id(root)))
                    slots.append(data_slot)
                slots.append(grad_slot)
            slots += _persistent_slots(sub, prefix)
            if id(sub) not in seen_links:
                seen_links.add(id(sub))
                slots += _attr_slots(sub, prefix)
    for i, opt in enumerate(optimizers):
        slots += _optimizer_slots(opt, 'optimizer%d' % i)
    for i, obj in enumerate(others):
        slots += _attr_slots(obj, 'object%d' % i)
    return slots


def _holders(links, others=()):
    """Every sublink of ``links`` (once) and ``others``: the objects whose
    attributes may hold state."""
    out, seen = [], set()
    for link in links:
        for sub in link.links():
            if id(sub) not in seen:
                seen.add(id(sub))
                out.append(sub)
    return out + list(others)


def _trace_flags(links, optimizers):
    """What a trace bakes in besides the state: which update rules are
    enabled and which hooks are registered."""
    flags = []
    for opt in optimizers:
        hookable = opt._hookable
        if hookable is not None:
            flags.append(tuple(hookable._pre_update_hooks))
            flags.append(tuple(hookable._post_update_hooks))
        if opt.target is None:
            continue
        for param in opt.target.params():
            rule = param.update_rule
            if rule is not None:
                hooks = rule._hookable
                flags.append((rule.enabled, tuple(hooks._pre_update_hooks),
                              tuple(hooks._post_update_hooks)))
    for link in links:
        for sub in link.links():
            hooks = sub.__dict__.get('_local_link_hooks')
            if hooks:
                flags.append(tuple(hooks))
    return tuple(flags)


class _Layout(object):
    """The slots of one set of links and optimizers, valid while
    :mod:`chainerjax._structure` does not change: built once, used by every
    call (walking the link tree each call would cost more than the
    compiled step's dispatch)."""

    def __init__(self, links, optimizers, others):
        self.version = _structure.version
        self.ids = _object_ids(links, optimizers)
        self.links = links
        self.optimizers = optimizers
        self.others_attrs = _others_attrs(others)
        slots = _collect_slots(links, optimizers, others)
        # donated state first: XLA gives a donated buffer to the first
        # output of its shape, and the outputs come in slot order; each
        # kind in one run, read and written in bulk (_Group)
        slots.sort(key=lambda s: (not s.donate, _KINDS.index(s.kind)))
        self.slots = slots
        self.names = tuple(s.name for s in slots)
        self.donated = _groups([s for s in slots if s.donate])
        self.kept = _groups([s for s in slots if not s.donate])
        self.kept_slot = [i for i, s in enumerate(slots) if not s.donate]
        self.donated_slot = [i for i, s in enumerate(slots) if s.donate]
        # Python numbers (hyperparameters, counters) as device scalars: the
        # last conversion of each, reused while the value is the same
        self.kept_cache = [None] * len(self.kept_slot)
        # what the last call left (_LastCall)
        self.last = None
        self.flags = _trace_flags(links, optimizers)
        # what the compile cache is keyed by, hashed once
        self.key = _HashedKey((self.names, self.flags))
        self.holders = _holders(links, others)

    def valid(self, links, optimizers, others):
        if self.version != _structure.version:
            return False
        if links is self.links and optimizers is self.optimizers:
            # the lists this layout was made from (found once for a call
            # with arrays only)
            return not others or self.others_attrs == _others_attrs(others)
        return self.ids == _object_ids(links, optimizers) and \
            self.others_attrs == _others_attrs(others)

    def write(self, values, mask):
        """Writes the values of all slots (in slot order) where ``mask``
        is true."""
        pos = 0
        for group in self.donated + self.kept:
            end = pos + group.size
            group.write(values[pos:end], mask[pos:end])
            pos = end


class _LastCall(object):
    """What a call left for the next one: the state values it wrote (and
    those it read and left), what it passed for them, its counters' new
    values and its compiled entry. A next call that reads the very same
    objects (``_same``) and counter values, with the same kind of
    arguments, skips the checks, conversions and cache lookup the first
    call made."""

    __slots__ = ('call_key', 'donated', 'kept_rest', 'kept',
                 'counter_values', 'counters', 'entry', 'plan')

    def __init__(self, call_key, donated, kept_rest, kept, counter_values,
                 counters, entry, plan):
        self.call_key = call_key
        self.donated = donated
        self.kept_rest = kept_rest
        self.kept = kept
        self.counter_values = counter_values
        self.counters = counters
        self.entry = entry
        self.plan = plan


def _items(positions):
    """A function of a list that returns the tuple of its items at
    ``positions``."""
    positions = tuple(positions)
    if not positions:
        return lambda values: ()
    if len(positions) == 1:
        i = positions[0]
        return lambda values: (values[i],)
    return operator.itemgetter(*positions)


class _CounterPlan(object):
    """How the step counters that an entry keeps on the host are read
    from and written to the objects of one layout: ``read(kept_raw)``
    their values, ``read_rest(kept_raw)`` the other kept values,
    ``advance(values)`` their values after the step (Python ints),
    ``write(new_values)`` stores the new values of those that change."""

    __slots__ = ('layout', 'size', 'read', 'read_rest', 'advance', 'write')

    def __init__(self, entry, layout):
        self.layout = layout
        kept = entry.counter_kept
        incs = entry.counter_inc
        self.size = len(kept)
        self.read = _items(kept)
        counted = set(kept)
        self.read_rest = _items(j for j in range(len(layout.kept_slot))
                                if j not in counted)
        self.advance = lambda values: tuple(map(operator.add, values, incs))
        changed = [(i, j) for i, (j, inc) in enumerate(zip(kept, incs))
                   if inc]
        pick = _items(i for i, j in changed)
        setters = [layout.slots[layout.kept_slot[j]].set for i, j in changed]

        def write(values):
            for set_, v in zip(setters, pick(values)):
                set_(v)
        self.write = write


def _same(values, expected):
    return len(values) == len(expected) and \
        all(map(operator.is_, values, expected))


def _read(groups):
    if len(groups) == 1:
        return groups[0].read()
    out = []
    for group in groups:
        out += group.read()
    return out


# ---------------------------------------------------------------------------
# reading and writing the common kinds of state in bulk: one loop per kind
# instead of a closure call per slot (a model's hundreds of state arrays are
# read and written at every call, from caches the compiled step has just
# swept)

_KINDS = ('data', 'grad', 'state', 't', None)
_get_data = operator.attrgetter('_data')
_get_t = operator.attrgetter('t')
_getrefcount = sys.getrefcount


def _sole_holder_refs():
    # sys.getrefcount of an object that one attribute alone holds, read into
    # a local as _write_grads does (3 on CPython 3.10-3.13: the attribute,
    # the local and the argument), measured rather than assumed
    class Holder(object):
        pass
    holders = [Holder()]
    holders[0].value = Holder()
    for h in holders:
        value = h.value
        return _getrefcount(value)


_SOLE_REFS = _sole_holder_refs()


# (plain loops: CPython 3.11's specialized attribute and item access beats
# map() over setattr/getitem here)

def _read_grads(params):
    return [None if (gv := p._grad_var) is None else gv._data
            for p in params]


def _write_data(params, values, mask):
    for p, v, w in zip(params, values, mask):
        if w:
            p._data = v
            if p._np_view is not None:
                p._np_view = None


def _write_grads(params, values, mask):
    for p, v, w in zip(params, values, mask):
        if not w:
            continue
        gv = p._grad_var
        if v is None:
            p._grad_var = None
        elif gv is not None and _getrefcount(gv) == _SOLE_REFS:
            # the parameter alone holds its gradient Variable: it takes the
            # new array instead of a new Variable and node per parameter
            # and step
            gv._data = v
            if gv._np_view is not None:
                gv._np_view = None
        else:
            p._grad_var = variable.Variable._from_op(v, p._device, True)
        if not p._grad_valid:
            p._grad_valid = True


def _read_states(rules, names):
    return [rule._state[name] for rule, name in zip(rules, names)]


def _write_states(rules, names, values, mask):
    for rule, name, v, w in zip(rules, names, values, mask):
        if w:
            rule._state[name] = v


def _write_t(objs, values, mask):
    for o, v, w in zip(objs, values, mask):
        if w:
            o.t = v


def _read_each(getters):
    return [get() for get in getters]


def _write_each(setters, values, mask):
    for set_, v, w in zip(setters, values, mask):
        if w:
            set_(v)


class _Group(object):
    """A run of slots of one kind: ``read()`` returns their values,
    ``write(values, mask)`` writes those where ``mask`` is true."""

    __slots__ = ('size', 'read', 'write')

    def __init__(self, kind, slots):
        self.size = len(slots)
        objs = [s.obj for s in slots]
        partial = functools.partial
        if kind == 'data':
            self.read = partial(_map_list, _get_data, objs)
            self.write = partial(_write_data, objs)
        elif kind == 'grad':
            self.read = partial(_read_grads, objs)
            self.write = partial(_write_grads, objs)
        elif kind == 'state' and slots[0].donate:
            # JAX devices: no NumPy views of the state to map back
            names = [s.key for s in slots]
            self.read = partial(_read_states, objs, names)
            self.write = partial(_write_states, objs, names)
        elif kind == 'state':
            pairs = [(s.obj, s.key) for s in slots]
            self.read = partial(optimizer._states_raw, pairs)
            self.write = partial(optimizer._set_states_raw, pairs)
        elif kind == 't':
            self.read = partial(_map_list, _get_t, objs)
            self.write = partial(_write_t, objs)
        else:
            self.read = partial(_read_each, [s.get for s in slots])
            self.write = partial(_write_each, [s.set for s in slots])


def _map_list(f, objs):
    return list(map(f, objs))


def _groups(slots):
    return [_Group(kind, list(run)) for (kind, donate), run in
            itertools.groupby(slots, key=operator.attrgetter('kind',
                                                            'donate'))]


_CONTAINERS = frozenset([tuple, list, dict])
_is_none = functools.partial(operator.is_, None)


def _state_signature(donated, kept):
    """The pytree structure of the state values, cheaply: which are None,
    unless one is a container."""
    if _CONTAINERS.isdisjoint(map(type, donated)) and \
            _CONTAINERS.isdisjoint(map(type, kept)):
        return tuple(map(_is_none, donated)), tuple(map(_is_none, kept))
    return jax.tree_util.tree_structure((donated, kept))


class _HashedKey(object):
    """A long tuple as a dict key, its hash computed once (a layout's
    slot names: one per state array)."""

    __slots__ = ('value', 'hash')

    def __init__(self, value):
        self.value = value
        self.hash = hash(value)

    def __hash__(self):
        return self.hash

    def __eq__(self, other):
        return self is other or (isinstance(other, _HashedKey) and
                                 self.hash == other.hash and
                                 self.value == other.value)


def _object_ids(links, optimizers):
    return tuple(map(id, links)), tuple(map(id, optimizers))


def _others_attrs(others):
    # objects other than Links have no setattr hook: compare their state
    # attribute names (and kinds) each call; there are few
    return tuple(
        tuple((n, type(o.__dict__[n]))
              for n in _state_attr_names(o, _is_state_value))
        for o in others)


def _needs_eager_warmup(links, optimizers):
    for link in links:
        for param in link.params(include_uninit=True):
            if param._data is None:
                return True
    for opt in optimizers:
        if opt.target is None:
            continue
        for param in opt.target.params():
            rule = param.update_rule
            if rule is not None and rule.enabled and rule._state is None:
                return True
    return False


_py_numbers = (int, float, numpy.number)


def _commit_like(key, *state_lists):
    # a copy of a NumPy array (XLA could read an aligned one in place while
    # the step runs, and the array can be written into meanwhile)
    key = _cpu.detached(key)
    for values in state_lists:
        for v in values:
            if isinstance(v, jax.Array) and not isinstance(v, _Tracer) and \
                    getattr(v, '_committed', False):
                return jax.device_put(key, v.sharding)
    return jax.device_put(key, jax.devices()[0])


def _device_scalars(layout, kept, skip):
    """``kept`` with Python numbers as device scalars (the last conversion
    of each slot is reused while its value is the same), and None at the
    positions ``skip`` (the counters passed in one vector, the state the
    step does not read)."""
    kept = list(kept)
    for i in skip:
        kept[i] = None
    cache = layout.kept_cache
    for i, v in enumerate(kept):
        if isinstance(v, _py_numbers) and not isinstance(v, bool):
            c = cache[i]
            if c is not None and type(c[0]) is type(v) and c[0] == v:
                kept[i] = c[1]
            else:
                kept[i] = a = _to_jax(v)
                cache[i] = (v, a)
    return kept


def _to_jax(v):
    if v is None or isinstance(v, _Tracer):
        return v
    if isinstance(v, (int, numpy.integer)) and not isinstance(v, bool):
        return jnp.asarray(v, dtype=jnp.int64)
    if isinstance(v, (float, numpy.floating)):
        return jnp.asarray(v, dtype=jnp.float64)
    return v


# ---------------------------------------------------------------------------
# reports made inside a step

class _ReportCapture(object):
    """Collects what ``chainer.report`` stored during the traced step."""

    def __init__(self):
        self.keys = None

    def before(self):
        reporter = _current_reporter()
        if reporter is None:
            self.observation = None
            return
        self.observation = reporter.observation
        self.snapshot = dict(self.observation)

    def after(self):
        obs = self.observation
        if obs is None:
            return (), (), ()
        keys, is_var, values = [], [], []
        for k, v in list(obs.items()):
            if k not in self.snapshot or self.snapshot[k] is not v:
                keys.append(k)
                is_var.append(isinstance(v, variable.Variable))
                values.append(v.array if isinstance(v, variable.Variable)
                              else v)
                # leave no tracer behind in the real reporter
                if k in self.snapshot:
                    obs[k] = self.snapshot[k]
                else:
                    del obs[k]
        return tuple(keys), tuple(is_var), tuple(values)


def _flatten_records(records):
    """The reports recorded while tracing, as static metadata (observer,
    then per key: 'var' or 'array' with the index of its traced value, or
    'const' with a Python value) and the traced values."""
    meta, values = [], []
    for reported, observer in records:
        items = []
        for key, v in reported.items():
            if isinstance(v, variable.Variable):
                items.append((key, 'var', len(values)))
                values.append(v._data)
            elif isinstance(v, _array_types) or isinstance(v, _Tracer):
                items.append((key, 'array', len(values)))
                values.append(v)
            else:
                items.append((key, 'const', v))
        meta.append((observer, tuple(items)))
    return tuple(meta), values


def _report_records(meta, values):
    from chainerjax import reporter
    for observer, items in meta:
        reported = {}
        for key, kind, payload in items:
            if kind == 'var':
                reported[key] = variable.Variable(values[payload],
                                                  requires_grad=False)
            elif kind == 'array':
                reported[key] = values[payload]
            else:
                reported[key] = payload
        reporter.report(reported, observer)


def _reported(keys, is_var, values):
    # a reported Variable is reported as a Variable, as in eager mode
    return [(k, variable.Variable(v, requires_grad=False) if w else v)
            for k, w, v in zip(keys, is_var, values)]


def _current_reporter():
    try:
        from chainerjax import reporter
    except ImportError:
        return None
    try:
        return reporter.get_current_reporter()
    except (IndexError, AttributeError):
        return None


# ---------------------------------------------------------------------------
# errors for code that cannot be traced

_TRACE_ERRORS = tuple(
    getattr(jax.errors, n) for n in (
        'ConcretizationTypeError', 'TracerBoolConversionError',
        'TracerArrayConversionError', 'TracerIntegerConversionError')
    if hasattr(jax.errors, n)) + (variable.TracedValueError,)


def _user_frame(tb):
    frames = traceback.extract_tb(tb)
    for frame in reversed(frames):
        f = os.path.abspath(frame.filename)
        if f.startswith(_PKG_DIR) or os.sep + 'jax' + os.sep in f or \
                os.sep + 'jaxlib' + os.sep in f or f.startswith('<'):
            continue
        return frame
    return frames[-1] if frames else None


def _explain(e):
    frame = _user_frame(e.__traceback__)
    where = ''
    if frame is not None:
        line = frame.line or linecache.getline(frame.filename, frame.lineno)
        where = '\n  File "{}", line {}, in {}\n    {}'.format(
            frame.filename, frame.lineno, frame.name, (line or '').strip())
    return UntraceableError(
        'This step cannot be compiled: it needs a concrete value while '
        'chainerjax.jit traces it.{}\n\nCommon causes and fixes:\n'
        '- Python control flow on array values (`if loss.array > 0:`): use '
        'F.where / jnp.where, or move the test out of the step.\n'
        '- Reading values on the host (`float(loss.array)`, `.item()`, '
        '`cuda.to_cpu(...)`, `numpy.asarray(...)`): chainer.report() the '
        'Variable instead, or return it from the step.\n'
        '- NumPy-only code (e.g. a legacy forward_cpu that calls numpy '
        'functions on its inputs): write it with xp = '
        'chainer.backend.get_array_module(x), or run this step eagerly '
        '(StandardUpdater(..., jit=False), or jit=\'auto\' to fall back '
        'automatically).\n\nJAX said: {}: {}'.format(
            where, type(e).__name__, str(e).split('\n')[0]))


def _check_numpy_random(before, fun):
    """A step that draws from NumPy's global generator while it is traced
    would reuse the numbers of that one draw at every call."""
    after = numpy.random.get_state()
    if after[2] == before[2] and after[3:] == before[3:] and \
            numpy.array_equal(after[1], before[1]):
        return
    raise UntraceableError(
        'The step {!r} draws random numbers from NumPy (numpy.random.*) '
        'while chainerjax.jit traces it: compiled, it would use the same '
        'numbers at every call. Draw them outside the step and pass them '
        'as arguments, use chainerjax random functions (F.dropout, '
        'F.gaussian...) or jax.random with chainerjax.random.next_key(), '
        'or run this step eagerly (jit=False, or jit=\'auto\' to fall '
        'back automatically).'.format(getattr(fun, '__name__', fun)))


# ---------------------------------------------------------------------------

_flat_treedefs = {}


def _split_args(args, kwargs, plain=False):
    """Separates array leaves (traced) from the rest (static). ``plain``:
    the arguments are positional arrays only."""
    if plain:
        n = len(args)
        treedef = _flat_treedefs.get(n)
        if treedef is None:
            treedef = _flat_treedefs[n] = jax.tree_util.tree_structure(
                (tuple(range(n)), {}))
        return list(args), [('__array__', type(a) is numpy.ndarray)
                            for a in args], treedef
    leaves, treedef = jax.tree_util.tree_flatten(
        (args, kwargs), is_leaf=lambda x: isinstance(x, variable.Variable))
    dynamic, static = [], []
    for leaf in leaves:
        if isinstance(leaf, variable.Variable):
            dynamic.append(leaf._data)
            static.append(('__var__', leaf.requires_grad, leaf.name))
        elif isinstance(leaf, _array_types):
            dynamic.append(leaf)
            static.append(('__array__', type(leaf) is numpy.ndarray))
        else:
            static.append(('__static__', leaf))
    return dynamic, static, treedef


def _join_args(dynamic, static, treedef):
    it = iter(dynamic)
    leaves = []
    for kind in static:
        if kind[0] == '__var__':
            leaves.append(variable.Variable(next(it), requires_grad=kind[1],
                                            name=kind[2]))
        elif kind[0] == '__array__':
            leaves.append(next(it))
        else:
            leaves.append(kind[1])
    return jax.tree_util.tree_unflatten(treedef, leaves)


def _hashable_static(static):
    out = []
    for kind in static:
        if kind[0] == '__static__':
            try:
                hash(kind[1])
                out.append(kind)
            except TypeError:
                out.append(('__static__', id(kind[1])))
        else:
            out.append(kind)
    return tuple(out)


def _variable_leaves(out):
    """Which leaves of the step's result are Variables (they come back as
    Variables; arrays come back as arrays)."""
    return tuple(isinstance(v, variable.Variable) for v in
                 jax.tree_util.tree_leaves(
                     out, is_leaf=lambda x: isinstance(x, variable.Variable)))


def _out_from_arrays(out, is_variable):
    if not any(is_variable):
        return out
    if isinstance(out, jax.Array):
        return variable.Variable(out, requires_grad=False)
    leaves, treedef = jax.tree_util.tree_flatten(out)
    if len(leaves) != len(is_variable):
        # a Variable without data: the positions are not known
        is_variable = (True,) * len(leaves)
    return jax.tree_util.tree_unflatten(treedef, [
        variable.Variable(a, requires_grad=False)
        if v and isinstance(a, jax.Array) else a
        for a, v in zip(leaves, is_variable)])


def _out_to_arrays(out):
    return jax.tree_util.tree_map(
        lambda v: v._data if isinstance(v, variable.Variable) else v, out,
        is_leaf=lambda x: isinstance(x, variable.Variable))


class _Entry(object):
    """One compiled version of a step, and what its trace found."""

    def __init__(self, jitted, report_keys, attr_keys, current, write_mask,
                 static):
        self.jitted = jitted
        self.report_keys = report_keys
        self.attr_keys = attr_keys
        self.current = current
        self.write_mask = write_mask
        self.static = static
        self.analysing = False
        # state inputs the step never reads (gradients it clears first,
        # L.Classifier.y it overwrites): passed as None, so that their
        # shapes cannot cause a recompile and they cost no transfer
        self.drop_donated = None
        self.drop_kept = None
        self.counter_kept = ()
        self.counter_inc = ()
        # whether the step computes with the counters (Adam's bias
        # correction) or only increments them (SGD's t): then their input
        # is one placeholder array, passed unchanged at every call
        self.counters_read = True
        self._counter_placeholder = None
        self._kept_written = (None, ())
        self._plan = None
        self.kept_skip = ()
        # whether the step draws random numbers (else no key is passed)
        self.uses_key = True
        self.leaves = ()
        self.out_variables = ()
        # the slots in the order of the step's state outputs, and back
        self.out_order = ()
        self.out_inverse = None

    def plan(self, layout):
        """The :class:`_CounterPlan` of this entry for ``layout``."""
        plan = self._plan
        if plan is None or plan.layout is not layout:
            plan = self._plan = _CounterPlan(self, layout)
        return plan

    def counter_input(self, values):
        """What the compiled step gets for the counters ``values``."""
        if self.counters_read:
            return numpy.array(values, numpy.int64)
        if self._counter_placeholder is None:
            self._counter_placeholder = jnp.zeros(len(values), jnp.int64)
        return self._counter_placeholder

    def kept_written(self, write_mask, n_donated):
        """``(j, skipped)`` for each kept slot ``j`` the step writes
        (``skipped``: not passed in, as it does not read it)."""
        mask, written = self._kept_written
        if mask is not write_mask:
            skip = set(self.kept_skip)
            written = tuple((j, j in skip) for j, w in
                            enumerate(write_mask[n_donated:]) if w)
            self._kept_written = (write_mask, written)
        return written

    def analyse(self, step, layout, donated, kept_raw, kept, dynamic, key):
        """Traces the step once and looks at what it computes: state inputs
        it never reads are dropped, and integer counters it only increments
        by constants (the optimizer's and rules' ``t``, BatchNormalization's
        ``N``) stay Python ints on the host, in one input vector."""
        self.analysing = True
        try:
            traced = self.jitted.trace(donated, kept, dynamic, key, None)
        finally:
            self.analysing = False
        jaxpr = traced.jaxpr.jaxpr
        used = set()
        producer = {}
        for eqn in jaxpr.eqns:
            used.update(v for v in eqn.invars if not hasattr(v, 'val'))
            for v in eqn.outvars:
                producer[v] = eqn
        used.update(v for v in jaxpr.outvars if not hasattr(v, 'val'))
        invars = iter(jaxpr.invars)
        donated_vars = [None if v is None else next(invars) for v in donated]
        kept_vars = [None if v is None else next(invars) for v in kept]
        drop_kept = tuple(v is not None and v not in used for v in kept_vars)
        for leaf in jax.tree_util.tree_leaves(dynamic):
            next(invars)
        # a step that draws no random numbers returns its key unchanged:
        # it is not passed at all (its conversions cost more per call than
        # the rest of a small step's dispatch)
        key_var = next(invars)
        uses_key = any(key_var in eqn.invars for eqn in jaxpr.eqns)

        # the result leaf of each slot the trace wrote
        outvars = iter(jaxpr.outvars)
        slot_out = {}
        for si in self.out_order:
            if self.write_mask[0][si] and self.leaves[si]:
                slot_out[si] = next(outvars)
        # An unread gradient (cleared by the step, then computed anew) is
        # still donated: XLA writes the new gradient into its buffer instead
        # of allocating one per step. Its shape is the parameter's, so it
        # cannot cause a recompile; other unread state is dropped.
        drop_donated = []
        for j, v in enumerate(donated_vars):
            si = layout.donated_slot[j]
            out = slot_out.get(si)
            reuse = v is not None and out is not None and \
                layout.slots[si].fixed_shape and \
                getattr(out, 'aval', None) == v.aval
            drop_donated.append(v is not None and v not in used and
                                not reuse)
        drop_donated = tuple(drop_donated)
        counter_kept, counter_inc = [], []
        for j, raw in enumerate(kept_raw):
            if not isinstance(raw, (int, numpy.integer)) or \
                    isinstance(raw, bool) or kept_vars[j] is None or \
                    drop_kept[j]:
                continue
            si = layout.kept_slot[j]
            if not self.write_mask[0][si]:
                inc = 0
            else:
                inc = _constant_increment(
                    producer.get(slot_out.get(si)), kept_vars[j])
                if inc is None:
                    continue
            counter_kept.append(j)
            counter_inc.append(inc)
        counters_read = _counters_read(
            jaxpr, [kept_vars[j] for j in counter_kept],
            [slot_out.get(layout.kept_slot[j]) for j in counter_kept],
            producer)
        if any(drop_donated) or any(drop_kept) or counter_kept or \
                not uses_key:
            # the call traces again in this form (and counts the compile)
            self.uses_key = uses_key
            self.drop_donated = drop_donated
            self.drop_kept = drop_kept
            self.counter_kept = tuple(counter_kept)
            self.counter_inc = tuple(counter_inc)
            self.counters_read = counters_read
            # kept inputs passed as None: counters and unread state
            self.kept_skip = tuple(sorted(set(counter_kept).union(
                j for j, d in enumerate(drop_kept) if d)))
        else:
            # the call reuses this trace
            step.compiles += 1
            step._note_signature(self.static, dynamic)


def _counters_read(jaxpr, counter_vars, new_vars, producer):
    """Whether ``jaxpr`` computes with any counter: reads one of
    ``counter_vars`` other than to increment it, or uses one of their new
    values (``new_vars``, None for a counter it does not write) other than
    as that counter's output."""
    allowed = {}            # var: the one equation that may read it
    for var, new in zip(counter_vars, new_vars):
        allowed[var] = producer.get(new) if new is not None else None
        if new is not None:
            allowed[new] = None
    for eqn in jaxpr.eqns:
        for v in eqn.invars:
            if not hasattr(v, 'val') and v in allowed and \
                    allowed[v] is not eqn:
                return True
    outputs = set(new for new in new_vars if new is not None)
    for v in jaxpr.outvars:
        if hasattr(v, 'val') or v not in allowed:
            continue
        if v not in outputs:
            return True
        outputs.discard(v)  # its own output, once
    return False


def _constant_increment(eqn, var):
    """``c`` when ``eqn`` computes ``var + c`` for an integer constant."""
    if eqn is None or eqn.primitive.name != 'add' or len(eqn.invars) != 2:
        return None
    a, b = eqn.invars
    if b is var:
        a, b = b, a
    if a is not var or not hasattr(b, 'val'):
        return None
    value = numpy.asarray(b.val)
    if value.ndim != 0 or value.dtype.kind not in 'iu':
        return None
    return int(value)


class JitStep(object):
    """A compiled step (see :func:`jit`).

    Attributes:
        compiles (int): how many times the step has been traced and
            compiled.
        calls (int): how many times it has been called.
    """

    def __init__(self, fun, links=None, optimizers=None, warmup=True,
                 state_objects=()):
        functools.update_wrapper(self, fun)
        self.fun = fun
        self._links = list(links) if links is not None else None
        self._optimizers = list(optimizers) if optimizers is not None \
            else None
        # objects other than Links whose Variable/array attributes are
        # state too (an updater whose update_core is compiled)
        self._state_objects = list(state_objects)
        self._warmup = warmup
        self._cache = {}
        self.compiles = 0
        self.calls = 0
        self._warned = False
        self._signatures = []
        self._key = None
        self._found = None
        self._plain_objects = None
        self._layout = None

    def _objects(self, args, kwargs, plain):
        # arguments that are all arrays (a batch) hold no Link: what the
        # closure holds decides, until the structure changes
        if plain and self._plain_objects is not None and \
                self._plain_objects[0] == _structure.version:
            return self._plain_objects[1]
        found = self._find_objects(args, kwargs)
        if plain:
            self._plain_objects = (_structure.version, found)
        return found

    def _find_objects(self, args, kwargs):
        links = list(self._links or [])
        optimizers = list(self._optimizers or [])
        if self._links is None or self._optimizers is None:
            if self._found is None:
                # what the function's closure and globals hold (cached)
                fl, fo = [], []
                _scan(self.fun, fl, fo, set())
                self._found = (fl, fo)
            found_links = list(self._found[0])
            found_opts = list(self._found[1])
            seen = set(id(o) for o in found_links + found_opts)
            for a in list(args) + list(kwargs.values()):
                _scan(a, found_links, found_opts, seen)
            if self._links is None:
                links = found_links
            if self._optimizers is None:
                optimizers = found_opts
            for opt in optimizers:
                if opt.target is not None and opt.target not in links:
                    links.append(opt.target)
        return links, optimizers

    def __call__(self, *args, **kwargs):
        if _inline.depth:
            # called from a step being traced (or a compiled update_core
            # run eagerly): part of that computation
            return self.fun(*args, **kwargs)
        self.calls += 1
        # the usual call: a batch of arrays
        plain = not kwargs and all([isinstance(a, _array_types)
                                    for a in args])
        links, optimizers = self._objects(args, kwargs, plain)
        layout = self._layout
        if layout is None or not layout.valid(links, optimizers,
                                              self._state_objects):
            if self._warmup and (self.calls == 1 or _needs_eager_warmup(
                    links, optimizers)):
                return self.fun(*args, **kwargs)
            layout = self._layout = _Layout(links, optimizers,
                                            self._state_objects)
        donated = _read(layout.donated)
        kept_raw = _read(layout.kept)
        dynamic, static, treedef = _split_args(args, kwargs, plain)
        cfg = configuration.config
        call_key = (tuple(static) if plain else _hashable_static(static),
                    treedef, bool(cfg.train), bool(cfg.enable_backprop))
        last = layout.last
        layout.last = None
        try:
            if last is not None and last.call_key == call_key and \
                    _same(donated, last.donated) and \
                    _same(last.plan.read_rest(kept_raw), last.kept_rest) \
                    and last.plan.read(kept_raw) == last.counter_values:
                # the state is what the last call left (nothing wrote
                # into it since): its structure, conversions and counters
                # are known
                entry = last.entry
                plan = last.plan
                kept = last.kept
                counter_values = last.counter_values
                counters = last.counters
                key_in = seeded = None
                if entry.uses_key:
                    key_in, seeded = self._key_in(donated, kept)
            else:
                entry, kept, key_in, seeded = self._prepare(
                    layout, donated, kept_raw, dynamic, static, treedef,
                    call_key)
                plan = entry.plan(layout)
                counter_values, counters = (), None
                if plan.size:
                    counter_values = tuple(map(int, plan.read(kept_raw)))
                    counters = entry.counter_input(counter_values)
            entry.current[0] = layout
            if entry.drop_donated is not None and any(entry.drop_donated):
                donated = [None if d else v for v, d in
                           zip(donated, entry.drop_donated)]
            new_state, out, reports, attrs, key_out = entry.jitted(
                donated, kept, dynamic, key_in, counters)
        except _TRACE_ERRORS as e:
            raise _explain(e) from None
        if entry.uses_key:
            if seeded:
                _random.set_state(key_out)
            else:
                self._key = key_out
        # unchanged state that was not donated keeps its Python value (a
        # float hyperparameter stays a float)
        if entry.out_inverse is not None:
            new_state = [new_state[i] for i in entry.out_inverse]
        write_mask = entry.write_mask[0]
        layout.write(new_state, write_mask)
        # the counters kept on the host
        if counters is not None:
            counter_values = plan.advance(counter_values)
            plan.write(counter_values)
            if entry.counters_read:
                counters = entry.counter_input(counter_values)
        # what the next call reads if nothing else writes the state
        n_donated = len(donated)
        kept_written = entry.kept_written(write_mask, n_donated)
        if kept_written:
            kept_raw, kept = list(kept_raw), list(kept)
            for j, skipped in kept_written:
                kept_raw[j] = value = new_state[n_donated + j]
                if not skipped:
                    kept[j] = value
        # (a NumPy value that _prepare replaced by a committed copy is
        # expected as that copy: the next call reads the NumPy array and
        # prepares again, copying it anew)
        layout.last = _LastCall(
            call_key, new_state[:n_donated], plan.read_rest(kept_raw),
            kept, counter_values, counters, entry, plan)
        attr_keys = entry.attr_keys
        if attr_keys[0]:
            _write_attrs(layout.holders, attr_keys[0], attrs)
        report_keys = entry.report_keys
        if report_keys[0]:
            reporter = _current_reporter()
            if reporter is not None:
                reporter.observation.update(_reported(
                    report_keys[0], report_keys[1], reports[0]))
        if report_keys[2]:
            _report_records(report_keys[2], reports[1])
        return _out_from_arrays(out, entry.out_variables)

    def _prepare(self, layout, donated, kept_raw, dynamic, static, treedef,
                 call_key):
        """The compiled entry for this call (compiled and analysed on a
        first call) and its inputs: ``(entry, kept, key_in, seeded)``.
        Replaces state held as NumPy or uncommitted arrays in ``donated``
        and ``kept_raw`` by committed copies."""
        # state held as NumPy or uncommitted arrays ('@numpy' parameters
        # before the first compiled call)
        for values in (donated, kept_raw):
            for i, v in enumerate(values):
                if type(v) is numpy.ndarray or \
                        getattr(v, '_committed', True) is False:
                    values[i] = _commit_like(v, donated, kept_raw)
        key = (layout.key, call_key, _state_signature(donated, kept_raw))
        entry = self._cache.get(key)
        # a layout built anew for the same names (after a structure change)
        # reuses the compiled step: a retrace (new input shapes) must read
        # and write the objects of the layout in use
        key_in = seeded = None
        if entry is None or entry.uses_key:
            key_in, seeded = self._key_in(donated, kept_raw)
        if entry is None:
            entry = self._compile(static, treedef)
            entry.current[0] = layout
            entry.analyse(self, layout, donated, kept_raw,
                          _device_scalars(layout, kept_raw, ()),
                          dynamic, key_in)
            self._cache[key] = entry
        kept = _device_scalars(layout, kept_raw, entry.kept_skip)
        if not entry.uses_key:
            key_in = None
        return entry, kept, key_in, seeded

    def _key_in(self, donated, kept):
        """The key the step starts from, and whether it is the global one.

        After chainerjax.random.seed() the step draws from the global key
        chain exactly as eager code does (same keys in the same order, so a
        jitted run reproduces an eager one). Without it, each step object
        keeps a key of its own, drawn once from NumPy's global generator
        (numpy.random.seed reproduces runs)."""
        key = _random.get_state()
        seeded = key is not None
        if not seeded:
            if self._key is None:
                self._key = _random.next_key()
            key = self._key
        if not getattr(key, '_committed', True):
            # the key comes back committed to a device: pass it so from the
            # start, or the second call would compile again
            key = _commit_like(key, donated, kept)
        return key, seeded

    def _compile(self, static, treedef):
        report_keys = [(), (), ()]
        attr_keys = [()]
        write_mask = [()]
        current = [None]
        fun = self.fun
        step = self

        def pure(donated, kept, dynamic, key, counters):
            slots = current[0].slots
            holders = current[0].holders
            slot_attrs = set((id(s.attr[0]), s.attr[1]) for s in slots
                             if s.attr is not None)
            d_it, k_it = iter(donated), iter(kept)
            state = [next(d_it) if s.donate else next(k_it) for s in slots]
            # XLA reuses a donated buffer for the first output of its shape
            # and dtype (in output order): the new values of donated slots
            # come first, in the order of their inputs, so that each takes
            # its own input's buffer (a gradient output between them would
            # take an Adam moment's buffer and force copies of the rest)
            aliased = [s.donate and v is not None
                       for s, v in zip(slots, state)]
            order = ([si for si, a in enumerate(aliased) if a] +
                     [si for si, a in enumerate(aliased) if not a])
            entry.out_order = tuple(order)
            inverse = [0] * len(order)
            for i, si in enumerate(order):
                inverse[si] = i
            # (None: the slot order, when every donated value is an array)
            entry.out_inverse = None if order == sorted(order) \
                else tuple(inverse)
            # the step counters kept on the host come in as one vector
            host_counted = set()
            if counters is not None:
                for i, j in enumerate(entry.counter_kept):
                    si = current[0].kept_slot[j]
                    state[si] = counters[i]
                    host_counted.add(si)
            if not entry.analysing:
                step.compiles += 1
                step._note_signature(static, dynamic)
            saved = [s.save() for s in slots]
            attrs = _AttrCapture(holders)
            attrs.before()
            for s, v in zip(slots, state):
                s.set(v)
            box = {'key': key}

            def provider():
                if box['key'] is None:
                    raise UntraceableError(
                        'The step {!r} draws random numbers although it drew '
                        'none when chainerjax.jit first compiled it, so it '
                        'was compiled without a random key: Python state '
                        'that the step reads changed what it computes. '
                        'Make a new chainerjax.jit step after such a '
                        'change.'.format(getattr(fun, '__name__', fun)))
                k, sub = jax.random.split(box['key'])
                box['key'] = k
                return sub

            capture = _ReportCapture()
            capture.before()
            ok = False
            np_random = numpy.random.get_state()
            records = []
            try:
                # a JitStep that fun calls is part of this computation;
                # reports are recorded and made after each call, under the
                # names of the reporter current then (as eager code would)
                from chainerjax import reporter
                with _random.key_provider(provider), inline_steps(), \
                        reporter._recording(records):
                    args, kwargs = _join_args(dynamic, static, treedef)
                    out = fun(*args, **kwargs)
                _check_numpy_random(np_random, step)
                new_state, written = [], []
                for si, (s, v_in) in enumerate(zip(slots, state)):
                    v = _to_jax(s.get())
                    if (v is v_in or si in host_counted) and not s.donate:
                        new_state.append(None)
                        written.append(False)
                    else:
                        new_state.append(v)
                        written.append(True)
                write_mask[0] = tuple(written)
                entry.leaves = tuple(v is not None for v in new_state)
                attr_keys[0], attr_values = attrs.after(slot_attrs)
                # values written into the observation directly
                keys, is_var, values = capture.after()
                record_meta, record_values = _flatten_records(records)
                report_keys[:] = [keys, is_var, record_meta]
                ok = True
            finally:
                for s, v in zip(slots, saved):
                    s.restore(v)
                attrs.restore()
                if not ok and capture.observation is not None:
                    # leave no tracer in the real reporter
                    capture.observation.clear()
                    capture.observation.update(capture.snapshot)
            entry.out_variables = _variable_leaves(out)
            return ([new_state[si] for si in order], _out_to_arrays(out),
                    (values, record_values),
                    attr_values, box['key'])

        # keep_unused: a donated input the step does not read (a gradient
        # it clears) still lends its buffer to the result
        entry = _Entry(jax.jit(pure, donate_argnums=(0,), keep_unused=True),
                       report_keys,
                       attr_keys, current, write_mask, static)
        return entry

    def _note_signature(self, static, dynamic):
        sig = (tuple((tuple(a.shape), str(a.dtype)) for a in dynamic),
               _hashable_static(static))
        previous = self._signatures[-1] if self._signatures else None
        self._signatures.append(sig)
        if len(self._signatures) > _RECOMPILE_WARN_AT and not self._warned:
            self._warned = True
            changed = 'the set of state arrays'
            if previous is not None and previous[0] != sig[0]:
                changed = 'input shapes/dtypes: {} -> {}'.format(
                    previous[0], sig[0])
            elif previous is not None and previous[1] != sig[1]:
                changed = 'non-array arguments: {} -> {}'.format(
                    previous[1], sig[1])
            warnings.warn(
                'chainerjax.jit: the step {!r} has been compiled {} times; '
                'the last time because of a change in {}. Each new input '
                'shape/dtype and each new non-array argument value compiles '
                'again: pad batches to a fixed size, or pass changing values '
                'as arrays.'.format(
                    getattr(self.fun, '__name__', self.fun),
                    len(self._signatures), changed), RuntimeWarning)


def jit(fun=None, *, links=None, optimizers=None):
    """Compiles a step that uses Links and Optimizers.

    Use as ``@chainerjax.jit`` or ``chainerjax.jit(fun, links=[model],
    optimizers=[opt])``. Links and Optimizers are found from the function's
    closure, the globals it names and its arguments unless given.

    Args:
        fun: the step function.
        links: the Links whose state the step reads or changes.
        optimizers: the Optimizers the step uses (their targets are added to
            ``links``).

    Returns:
        JitStep: a callable with the same arguments as ``fun``. Variables it
        returns come back as Variables without a graph.
    """
    if fun is None:
        return lambda f: JitStep(f, links=links, optimizers=optimizers)
    return JitStep(fun, links=links, optimizers=optimizers)


def resolve_mode(jit):
    """``None`` means the global switch ``chainer.config.jit``."""
    if jit is None:
        jit = getattr(configuration.config, 'jit', False)
    if jit in (False, 0, None, '0', 'false', 'False', ''):
        return False
    if jit == 'auto':
        return 'auto'
    return True


class MaybeJit(object):
    """Runs ``fun`` compiled (``mode`` True), eagerly (False), or compiled
    with a fall back to eager on untraceable code (``'auto'``, which warns
    once and says why)."""

    def __init__(self, fun, mode, links=None, optimizers=None,
                 what='the step'):
        self.fun = fun
        self.mode = mode
        self.what = what
        self.step = JitStep(fun, links=links, optimizers=optimizers) \
            if mode else None

    def __call__(self, *args, **kwargs):
        if self.step is None:
            return self.fun(*args, **kwargs)
        try:
            return self.step(*args, **kwargs)
        except UntraceableError as e:
            if self.mode != 'auto':
                raise
            warnings.warn(
                'chainerjax.jit: {} cannot be compiled, so it runs eagerly '
                'from now on (jit=\'auto\'). Reason: {}'.format(self.what, e),
                RuntimeWarning)
            self.step = None
            return self.fun(*args, **kwargs)
