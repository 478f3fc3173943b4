import io

import numpy
import pytest

from chainerjax import iterators
from chainerjax.serializers import npz


def _ids(batch):
    return [int(b) for b in batch]


class TestSerialIteratorNoShuffle:

    def test_repeat(self):
        it = iterators.SerialIterator(list(range(5)), 2, shuffle=False)
        assert it.epoch == 0 and it.epoch_detail == 0
        assert it.previous_epoch_detail is None
        expected = [([0, 1], 0, False, 0.4), ([2, 3], 0, False, 0.8),
                    ([4, 0], 1, True, 1.2), ([1, 2], 1, False, 1.6),
                    ([3, 4], 2, True, 2.0)]
        prev = None
        for batch, epoch, new, detail in expected:
            assert it.next() == batch
            assert it.epoch == epoch
            assert it.is_new_epoch == new
            assert it.epoch_detail == pytest.approx(detail)
            if prev is None:
                assert it.previous_epoch_detail == 0
            else:
                assert it.previous_epoch_detail == pytest.approx(prev)
            prev = detail

    def test_no_repeat(self):
        it = iterators.SerialIterator(list(range(5)), 2, repeat=False,
                                      shuffle=False)
        assert list(it) == [[0, 1], [2, 3], [4]]
        assert it.epoch == 1 and it.is_new_epoch
        with pytest.raises(StopIteration):
            it.next()
        it.reset()
        assert it.epoch == 0
        assert it.next() == [0, 1]

    def test_no_repeat_exact_multiple(self):
        it = iterators.SerialIterator(list(range(4)), 2, repeat=False,
                                      shuffle=False)
        assert list(it) == [[0, 1], [2, 3]]

    def test_empty_dataset_repeat_raises(self):
        it = iterators.SerialIterator([], 2, shuffle=False)
        # Chainer 7.8.1 fails computing epoch_detail first.
        with pytest.raises((ValueError, ZeroDivisionError)):
            it.next()


class TestSerialIteratorShuffle:

    def test_each_epoch_is_permutation(self):
        numpy.random.seed(0)
        it = iterators.SerialIterator(list(range(6)), 3)
        for _ in range(4):
            seen = it.next() + it.next()
            assert sorted(seen) == list(range(6))
            assert it.is_new_epoch

    def test_seed_reproducible(self):
        numpy.random.seed(3)
        a = [iterators.SerialIterator(list(range(10)), 4).next()]
        numpy.random.seed(3)
        b = [iterators.SerialIterator(list(range(10)), 4).next()]
        assert a == b

    def test_order_sampler(self):
        class Reverse(iterators.OrderSampler):
            def __call__(self, order, position):
                return numpy.arange(len(order))[::-1]
        it = iterators.SerialIterator(list(range(4)), 3,
                                      order_sampler=Reverse())
        assert it.next() == [3, 2, 1]
        assert it.next() == [0, 3, 2]

    def test_shuffle_order_sampler_random_state(self):
        s1 = iterators.ShuffleOrderSampler(numpy.random.RandomState(1))
        s2 = iterators.ShuffleOrderSampler(numpy.random.RandomState(1))
        i1 = iterators.SerialIterator(list(range(8)), 8, order_sampler=s1)
        i2 = iterators.SerialIterator(list(range(8)), 8, order_sampler=s2)
        assert i1.next() == i2.next()

    def test_shuffle_and_sampler_conflict(self):
        with pytest.raises(ValueError):
            iterators.SerialIterator(
                [1], 1, shuffle=True,
                order_sampler=iterators.ShuffleOrderSampler())

    def test_wrong_order_size(self):
        class Bad(iterators.OrderSampler):
            def __call__(self, order, position):
                return numpy.arange(len(order) + (position > 0))
        it = iterators.SerialIterator(list(range(3)), 2, order_sampler=Bad())
        it.next()
        with pytest.raises(ValueError):
            it.next()


@pytest.mark.parametrize('shuffle', [False, True])
@pytest.mark.parametrize('n_before', [1, 2, 3, 5])
def test_serialize_resume_continues(shuffle, n_before):
    numpy.random.seed(0)
    data = list(range(7))
    it = iterators.SerialIterator(data, 3, shuffle=shuffle)
    for _ in range(n_before):
        it.next()
    f = io.BytesIO()
    npz.save_npz(f, it)
    state = numpy.random.get_state()
    # The uninterrupted continuation (within the current epoch's order).
    expected = [it.next()]
    expected_epoch = (it.epoch, it.epoch_detail, it.is_new_epoch,
                      it.previous_epoch_detail)

    numpy.random.seed(123)  # a fresh iterator draws another order
    it2 = iterators.SerialIterator(data, 3, shuffle=shuffle)
    f.seek(0)
    npz.load_npz(f, it2)
    numpy.random.set_state(state)
    assert [it2.next()] == expected
    assert (it2.epoch, it2.epoch_detail, it2.is_new_epoch,
            it2.previous_epoch_detail) == expected_epoch


def test_serialize_keys_match_chainer():
    it = iterators.SerialIterator(list(range(4)), 2)
    it.next()
    keys = set(npz.serialize(it))
    assert keys == {'current_position', 'epoch', 'is_new_epoch', 'order',
                    'previous_epoch_detail'}
    it = iterators.SerialIterator(list(range(4)), 2, shuffle=False)
    assert 'order' not in npz.serialize(it)


def test_dataset_mixin_dataset():
    from chainerjax import dataset

    class D(dataset.DatasetMixin):
        def __len__(self):
            return 3

        def get_example(self, i):
            return i * 2

    it = iterators.SerialIterator(D(), 2, shuffle=False)
    assert it.next() == [0, 2]
