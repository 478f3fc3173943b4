import inspect
import threading

import numpy
import pytest

from chainerjax import iterators
from chainerjax.serializers import npz

from tests.iterators_tests import _datasets


class _Roll(iterators.OrderSampler):

    def __call__(self, order, position):
        return numpy.roll(order, 1)


def _counters(it):
    return (it.epoch, it.is_new_epoch, it.epoch_detail,
            it.previous_epoch_detail, it.current_position)


def _ids(batch):
    return [int(b[1]) for b in batch]


def test_signature_is_chainers():
    params = inspect.signature(iterators.MultithreadIterator).parameters
    assert [(k, p.default) for k, p in params.items()] == [
        ('dataset', inspect.Parameter.empty),
        ('batch_size', inspect.Parameter.empty), ('repeat', True),
        ('shuffle', None), ('n_threads', 1), ('order_sampler', None)]
    with pytest.raises(ValueError, match='order_sampler'):
        iterators.MultithreadIterator([1], 1, shuffle=False,
                                      order_sampler=_Roll())


@pytest.mark.parametrize('repeat', [True, False])
def test_batches_equal_serial_iterator(repeat):
    ds = _datasets.ArrayDataset(7)
    numpy.random.seed(2)
    serial = iterators.SerialIterator(ds, 3, repeat=repeat)
    expected = [(_ids(b), _counters(serial)) for b in
                (serial.next() for _ in range(7 if repeat else 3))]
    numpy.random.seed(2)
    it = iterators.MultithreadIterator(ds, 3, repeat=repeat, n_threads=2)
    assert it.previous_epoch_detail is None
    for ids, counters in expected:
        assert _ids(it.next()) == ids
        assert _counters(it) == pytest.approx(counters)
    if not repeat:
        with pytest.raises(StopIteration):
            it.next()
    it.reset()
    assert it.epoch == 0 and it.previous_epoch_detail is None
    assert len(it.next()) == 3
    it.finalize()


def test_loads_in_threads():
    loaded_by = []

    class Dataset(object):
        def __len__(self):
            return 4

        def __getitem__(self, i):
            loaded_by.append(threading.current_thread())
            return i

    it = iterators.MultithreadIterator(Dataset(), 2, shuffle=False,
                                       n_threads=2)
    assert it.next() == [0, 1]
    assert threading.main_thread() not in loaded_by
    it.finalize()
    it.finalize()


def test_serialize_keys_and_resume():
    ds = _datasets.ArrayDataset(5)
    it = iterators.MultithreadIterator(ds, 2, order_sampler=_Roll())
    it.next()
    it.next()
    state = npz.serialize(it)
    # Chainer's keys (``_order`` here, unlike the other iterators).
    assert set(state) == {'current_position', 'epoch', 'is_new_epoch',
                          '_order', 'previous_epoch_detail'}
    following = [_ids(it.next()) for _ in range(4)]
    resumed = iterators.MultithreadIterator(ds, 2, order_sampler=_Roll())
    resumed.next()
    npz.NpzDeserializer(state).load(resumed)
    assert [_ids(resumed.next()) for _ in range(4)] == following
    assert _counters(resumed) == pytest.approx(_counters(it))

    # Without shuffling the order is stored as None (as in Chainer).
    plain = iterators.MultithreadIterator(ds, 2, shuffle=False)
    plain.next()
    state = npz.serialize(plain)
    assert state['_order'].dtype == object
    other = iterators.MultithreadIterator(ds, 2, shuffle=False)
    npz.NpzDeserializer(state).load(other)
    assert other.current_position == 2 and other._state.order is None
    assert _ids(other.next()) == [2, 3]


def test_dataset_exception_propagates():
    ds = _datasets.RaisingDataset(4, bad=2)
    it = iterators.MultithreadIterator(ds, 2, shuffle=False)
    assert it.next() == [0, 1]
    with pytest.raises(ValueError, match='broken example 2'):
        it.next()
    assert it.epoch == 1
    assert it.next() == [0, 1]
    it.finalize()


def test_dali_iterator_is_not_supported():
    with pytest.raises(NotImplementedError,
                       match='DALI is not supported.*MultithreadIterator'):
        iterators.DaliIterator(object())
    assert list(inspect.signature(iterators.DaliIterator).parameters) == [
        'pipeline', 'repeat']
