"""Cases of ``chainer.iterators`` (issue 6 item 8).

Every case ``case_<name>(chainer, F, np)`` runs with real Chainer 7.8.1
(``generate.py``) and with chainerjax (``test_iterators.py``); see
``compat_tests/README.md``. A run records, after every ``next()``, the
batch and the iterator's ``epoch``, ``epoch_detail``,
``previous_epoch_detail``, ``is_new_epoch`` and ``current_position``;
serialized states are recorded as what ``DictionarySerializer`` stores
(key, dtype, value). Shuffled orders come from NumPy (the global generator
seeded by ``numpy.random.seed``, or the ``RandomState`` of a
``ShuffleOrderSampler``) in both frameworks, so they are compared exactly.

``fixtures/serial_snapshot.npz`` and ``fixtures/multiprocess_snapshot.npz``
are ``chainer.serializers.save_npz`` of a shuffling iterator in mid-epoch,
written by real Chainer (``generate.py``, :func:`write_snapshots`): the
resume cases load them.

The multiprocess cases use 2 worker processes and finalize every iterator
they make.

This module must not import chainer or chainerjax.
"""
import os
import tempfile

from compat_tests.cases._util import err

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, 'fixtures')
SNAPSHOTS = {'serial': os.path.join(FIXTURES, 'serial_snapshot.npz'),
             'multiprocess': os.path.join(FIXTURES,
                                          'multiprocess_snapshot.npz')}
N = 10


def _value(np, v):
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, (list, tuple)):
        return [_value(np, x) for x in v]
    a = np.asarray(v)
    if a.dtype.kind in 'biuf':
        return a.tolist()
    return repr(a.tolist())


def _state(it):
    return {'epoch': it.epoch, 'epoch_detail': float(it.epoch_detail),
            'previous_epoch_detail': (
                None if it.previous_epoch_detail is None
                else float(it.previous_epoch_detail)),
            'is_new_epoch': it.is_new_epoch,
            'current_position': it.current_position}


def _run(np, out, key, it, steps, batches=True):
    """Calls ``next(it)`` ``steps`` times (or until StopIteration) and
    records each state (and batch, with ``batches``) under ``key``.
    Returns the batches."""
    got = []
    out[key + '/initial'] = [_state(it)[k] for k in sorted(_state(it))]
    for step in range(steps):
        k = '{}/{:02d}'.format(key, step)
        try:
            batch = next(it)
        except StopIteration:
            out[k] = 'StopIteration'
            out[key + ':stopped_after'] = step
            out[k + '/state'] = [_state(it)[s] for s in sorted(_state(it))]
            return got
        got.append(batch)
        out[k + ':type'] = type(batch).__name__
        if batches:
            out[k] = _value(np, batch)
        out[k + '/state'] = [_state(it)[s] for s in sorted(_state(it))]
    out[key + ':stopped_after'] = None
    return got


def _epoch_sets(np, out, key, got):
    """The examples of the batches ``got``, epoch by epoch, as sorted
    lists (the order of later epochs of a MultiprocessIterator is drawn by
    its prefetch thread, whenever that runs)."""
    flat = [int(i) for batch in got for i in batch]
    out[key] = [sorted(flat[i:i + N]) for i in range(0, len(flat), N)]


def _serialized(chainer, np, out, key, it):
    s = chainer.serializers.DictionarySerializer()
    try:
        it.serialize(s)
    except Exception as e:  # NOQA
        # (Chainer's MultiprocessIterator without an order cannot)
        out[key] = type(e).__name__
        return None
    out[key + ':keys'] = sorted(s.target)
    for k, v in sorted(s.target.items()):
        a = np.asarray(v)
        out['{}/{}'.format(key, k)] = [a.dtype.name, list(a.shape),
                                       _value(np, a)]
    return s.target


def _examples(np):
    return [np.full((2,), i, np.float32) for i in range(N)]


STATE_NAMES = ('current_position', 'epoch', 'epoch_detail',
               'is_new_epoch', 'previous_epoch_detail')


# ---- SerialIterator ----

def case_serial_no_shuffle(chainer, F, np):
    I = chainer.iterators
    out = {'state_names': list(STATE_NAMES)}
    ds = list(range(N))
    it = I.SerialIterator(ds, 3, shuffle=False)
    out['batch_size'] = it.batch_size
    out['dataset_is_given'] = it.dataset is ds
    out['repeat'] = it.repeat
    _run(np, out, 'repeat', it, 8)
    it = I.SerialIterator(ds, 4, repeat=False, shuffle=False)
    _run(np, out, 'once', it, 5)
    out['once_again'] = err(next, it)
    it.reset()
    _run(np, out, 'after_reset', it, 2)
    _run(np, out, 'exact', I.SerialIterator(ds, 5, repeat=False,
                                            shuffle=False), 4)
    _run(np, out, 'batch_gt_len', I.SerialIterator(ds, 13, shuffle=False), 3)
    _run(np, out, 'batch_gt_len_once', I.SerialIterator(
        ds, 13, repeat=False, shuffle=False), 2)
    _run(np, out, 'arrays', I.SerialIterator(
        _examples(np), 4, repeat=False, shuffle=False), 1)
    it = I.SerialIterator(ds, 3, repeat=False, shuffle=False)
    out['iter_is_self'] = iter(it) is it
    out['for_loop'] = [_value(np, b) for b in it]
    with I.SerialIterator(ds, 2, shuffle=False) as it:
        out['context'] = _value(np, next(it))
    out['next_method'] = _value(np, I.SerialIterator(
        ds, 2, shuffle=False).next())
    out['finalize'] = repr(I.SerialIterator(ds, 2).finalize())
    return out


def case_serial_shuffle(chainer, F, np):
    I = chainer.iterators
    out = {}
    ds = list(range(N))
    np.random.seed(0)
    it = I.SerialIterator(ds, 4)
    out['next_global_after_init'] = int(np.random.randint(1 << 30))
    np.random.seed(0)
    it = I.SerialIterator(ds, 4)
    _run(np, out, 'default', it, 8)
    out['next_global'] = int(np.random.randint(1 << 30))
    np.random.seed(1)
    _run(np, out, 'shuffle_true', I.SerialIterator(ds, 3, shuffle=True), 7)
    np.random.seed(2)
    _run(np, out, 'once', I.SerialIterator(ds, 3, repeat=False), 5)
    np.random.seed(3)
    it = I.SerialIterator(ds, 3, repeat=False)
    _run(np, out, 'reset_before', it, 2)
    it.reset()
    _run(np, out, 'reset_after', it, 5)
    return out


class _Reverse(object):
    # an order sampler that also records how it is called
    def __init__(self, np):
        self.calls = []
        self.np = np

    def __call__(self, current_order, current_position):
        self.calls.append([None if current_order is None
                           else [int(i) for i in current_order],
                           int(current_position)])
        n = len(current_order)
        return self.np.arange(n)[::-1].copy()


def case_serial_order_sampler(chainer, F, np):
    I = chainer.iterators
    out = {}
    ds = list(range(N))
    sampler = I.ShuffleOrderSampler(np.random.RandomState(3))
    np.random.seed(5)
    _run(np, out, 'shuffle_sampler', I.SerialIterator(
        ds, 4, order_sampler=sampler), 8)
    out['next_global'] = int(np.random.randint(1 << 30))
    rev = _Reverse(np)
    _run(np, out, 'custom', I.SerialIterator(ds, 4, order_sampler=rev), 6)
    out['custom_calls'] = rev.calls
    out['with_shuffle_true'] = err(
        I.SerialIterator, ds, 2, shuffle=True,
        order_sampler=I.ShuffleOrderSampler())
    out['with_shuffle_false'] = err(
        I.SerialIterator, ds, 4, shuffle=False, order_sampler=_Reverse(np))

    def bad(order, position):
        return np.arange(3)
    out['bad_length'] = err(I.SerialIterator, ds, 2, order_sampler=bad)
    # the sampler itself
    s = I.ShuffleOrderSampler(np.random.RandomState(7))
    out['sampler_orders'] = [_value(np, s(np.arange(6), 0)),
                             _value(np, s(np.arange(6), 6)),
                             _value(np, s(list(range(4)), 2))]
    out['sampler_is_order_sampler'] = isinstance(s, I.OrderSampler)
    np.random.seed(8)
    out['sampler_global'] = _value(np, I.ShuffleOrderSampler()(
        np.arange(5), 0))
    out['sampler_global_next'] = int(np.random.randint(1 << 30))
    out['base_call'] = err(I.OrderSampler(), np.arange(3), 0)
    return out


def case_serial_serialize(chainer, F, np):
    I = chainer.iterators
    S = chainer.serializers
    out = {}
    ds = list(range(N))
    for key, kwargs in (('shuffle', {}), ('no_shuffle', {'shuffle': False}),
                        ('sampler', {'order_sampler': I.ShuffleOrderSampler(
                            np.random.RandomState(4))})):
        np.random.seed(6)
        it = I.SerialIterator(ds, 3, **kwargs)
        _serialized(chainer, np, out, key + '/fresh', it)
        _run(np, out, key + '/first', it, 5)
        target = _serialized(chainer, np, out, key + '/state', it)
        np.random.seed(6)
        resumed = I.SerialIterator(ds, 3, **kwargs)
        resumed.serialize(S.NpzDeserializer(target))
        out[key + '/resumed_state'] = [_state(resumed)[k]
                                       for k in STATE_NAMES]
        np.random.seed(10)
        _run(np, out, key + '/resumed', resumed, 6)
        np.random.seed(10)
        _run(np, out, key + '/continued', it, 6)
    # a shuffled state into an unshuffled iterator and back
    np.random.seed(6)
    it = I.SerialIterator(ds, 3)
    next(it)
    target = _serialized(chainer, np, out, 'cross', it)
    plain = I.SerialIterator(ds, 3, shuffle=False)
    try:
        plain.serialize(S.NpzDeserializer(target))
        _run(np, out, 'cross_into_plain', plain, 3)
    except Exception as e:  # NOQA
        out['cross_into_plain'] = type(e).__name__
    # save_npz / load_npz through a file, repeat=False at the end
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'it.npz')
        np.random.seed(12)
        it = I.SerialIterator(ds, 4, repeat=False)
        _run(np, out, 'file/first', it, 2)
        S.save_npz(path, it)
        with np.load(path, allow_pickle=False) as f:
            out['file:keys'] = sorted(f.files)
        again = I.SerialIterator(ds, 4, repeat=False)
        S.load_npz(path, again)
        _run(np, out, 'file/resumed', again, 3)
    return out


def write_snapshots(chainer, np, folder):
    """Saves (``save_npz``) a shuffling SerialIterator and
    MultiprocessIterator in mid-epoch into ``folder``. Returns the paths."""
    I = chainer.iterators
    paths = {}
    for name in ('serial', 'multiprocess'):
        np.random.seed(21)
        if name == 'serial':
            it = I.SerialIterator(list(range(N)), 3)
        else:
            it = I.MultiprocessIterator(list(range(N)), 3, n_processes=2)
        try:
            for _ in range(4):
                next(it)
            path = os.path.join(folder, os.path.basename(SNAPSHOTS[name]))
            chainer.serializers.save_npz(path, it)
        finally:
            it.finalize()
        paths[name] = path
    return paths


def case_resume_chainer_snapshot(chainer, F, np):
    # iterators saved by real Chainer 7.8.1 after 4 batches of 3 of 10
    # examples (epoch 1, position 2; write_snapshots) continue that epoch's
    # order
    I = chainer.iterators
    S = chainer.serializers
    out = {}
    with np.load(SNAPSHOTS['serial'], allow_pickle=False) as f:
        out['serial:keys'] = sorted(f.files)
    it = I.SerialIterator(list(range(N)), 3)
    S.load_npz(SNAPSHOTS['serial'], it)
    np.random.seed(30)
    _run(np, out, 'serial', it, 6)
    for cls in ('MultithreadIterator', 'MultiprocessIterator'):
        kwargs = ({'n_threads': 2} if cls == 'MultithreadIterator'
                  else {'n_processes': 2})
        # (the next epochs' orders from a private RandomState: see
        # case_multiprocess_iterator)
        it = getattr(I, cls)(list(range(N)), 3, order_sampler=(
            I.ShuffleOrderSampler(np.random.RandomState(30))), **kwargs)
        try:
            S.load_npz(SNAPSHOTS['multiprocess'], it)
            _run(np, out, cls, it, 6)
        except Exception as e:  # NOQA
            out[cls] = type(e).__name__
        finally:
            it.finalize()
    return out


# ---- MultithreadIterator, MultiprocessIterator ----

def case_multithread_iterator(chainer, F, np):
    # MultithreadIterator computes the indices of the next batch in the
    # calling thread (order sampler included): every order is compared
    I = chainer.iterators
    S = chainer.serializers
    out = {}
    ds = list(range(N))
    made = []

    def new(*args, **kw):
        kw.setdefault('n_threads', 2)
        it = I.MultithreadIterator(*args, **kw)
        made.append(it)
        return it

    try:
        it = new(ds, 3, shuffle=False)
        out['batch_size'] = it.batch_size
        out['repeat'] = it.repeat
        _run(np, out, 'no_shuffle', it, 8)
        target = _serialized(chainer, np, out, 'no_shuffle_state', it)
        resumed = new(ds, 3, shuffle=False)
        resumed.serialize(S.NpzDeserializer(target))
        _run(np, out, 'no_shuffle_resumed', resumed, 3)
        _run(np, out, 'once', new(_examples(np), 4, repeat=False,
                                  shuffle=False), 4)
        _run(np, out, 'one_thread', new(ds, 3, shuffle=False,
                                        n_threads=1), 4)
        np.random.seed(0)
        it = new(ds, 4)
        _run(np, out, 'shuffle', it, 5)
        out['shuffle_next_global'] = int(np.random.randint(1 << 30))
        target = _serialized(chainer, np, out, 'shuffle_state', it)
        np.random.seed(0)
        resumed = new(ds, 4)
        resumed.serialize(S.NpzDeserializer(target))
        np.random.seed(1)
        _run(np, out, 'shuffle_resumed', resumed, 4)
        np.random.seed(1)
        _run(np, out, 'shuffle_continued', it, 4)
        sampler = I.ShuffleOrderSampler(np.random.RandomState(3))
        it = new(ds, 4, order_sampler=sampler)
        _run(np, out, 'sampler', it, 3)
        it.reset()
        _run(np, out, 'sampler_reset', it, 3)
        out['with_shuffle_true'] = err(
            I.MultithreadIterator, ds, 2, shuffle=True,
            order_sampler=I.ShuffleOrderSampler(), n_threads=2)
    finally:
        for it in made:
            it.finalize()
    return out


MP = {'n_processes': 2, 'n_prefetch': 2}


def case_multiprocess_iterator(chainer, F, np):
    # The prefetch thread of a MultiprocessIterator draws the orders of the
    # epochs after the first one whenever it runs ahead: those orders are
    # compared exactly only when they come from the iterator's own
    # RandomState with no reset or deserialization racing them; else as
    # sets. The global generator is not used while an iterator runs.
    I = chainer.iterators
    S = chainer.serializers
    out = {}
    ds = list(range(N))
    made = []

    def new(*args, **kw):
        kw.update(MP)
        it = I.MultiprocessIterator(*args, **kw)
        made.append(it)
        return it

    def sampler(seed):
        return I.ShuffleOrderSampler(np.random.RandomState(seed))

    try:
        it = new(ds, 3, shuffle=False)
        out['batch_size'] = it.batch_size
        out['repeat'] = it.repeat
        out['n_processes'] = it.n_processes
        out['n_prefetch'] = it.n_prefetch
        _run(np, out, 'no_shuffle', it, 8)
        it.finalize()
        _run(np, out, 'once', new(_examples(np), 4, repeat=False,
                                  shuffle=False), 4)
        # the global generator: the first order is drawn by the
        # constructor
        np.random.seed(0)
        it = new(ds, 4)
        got = _run(np, out, 'shuffle', it, 5, batches=False)
        it.finalize()
        out['shuffle_first_epoch_head'] = [int(i) for b in got[:2]
                                           for i in b]
        _epoch_sets(np, out, 'shuffle_epochs', got)
        # a private RandomState
        it = new(ds, 4, order_sampler=sampler(3))
        _run(np, out, 'sampler', it, 8)
        target = _serialized(chainer, np, out, 'sampler_state', it)
        it.finalize()
        resumed = new(ds, 4, order_sampler=sampler(5))
        resumed.serialize(S.NpzDeserializer(target))
        _run(np, out, 'sampler_resumed', resumed, 4)
        resumed.reset()
        got = _run(np, out, 'sampler_reset', resumed, 5, batches=False)
        _epoch_sets(np, out, 'sampler_reset_epochs', got)
        out['with_shuffle_true'] = err(
            I.MultiprocessIterator, ds, 2, shuffle=True,
            order_sampler=I.ShuffleOrderSampler(), **MP)
    finally:
        for it in made:
            it.finalize()
    return out


def case_multiprocess_serialize_unshuffled(chainer, F, np):
    I = chainer.iterators
    S = chainer.serializers
    out = {}
    it = I.MultiprocessIterator(list(range(N)), 3, shuffle=False, **MP)
    try:
        next(it)
        target = _serialized(chainer, np, out, 'state', it)
        if target is not None:
            it.serialize(S.NpzDeserializer(target))
            _run(np, out, 'resumed', it, 2)
    finally:
        it.finalize()
    return out
