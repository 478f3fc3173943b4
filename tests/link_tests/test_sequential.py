import functools
import pickle

import numpy
import pytest

import chainerjax as chainer
import chainerjax.functions as F
import chainerjax.links as L
from chainerjax.serializers import npz


def _x(*shape):
    return numpy.random.RandomState(0).randn(*shape).astype(numpy.float32)


class TestSequentialForward(object):

    def test_links_and_functions(self):
        l1, l2 = L.Linear(3, 4), L.Linear(4, 2)
        seq = chainer.Sequential(l1, F.relu, l2)
        x = _x(5, 3)
        y = seq(x)
        expected = l2(F.relu(l1(x)))
        numpy.testing.assert_allclose(y.array, expected.array)

    def test_tuple_outputs_are_unpacked(self):
        seq = chainer.Sequential(lambda a: (a, a * 2),
                                 lambda a, b: a + b)
        x = _x(2)
        numpy.testing.assert_allclose(seq(x), x * 3)

    def test_several_inputs(self):
        seq = chainer.Sequential(lambda a, b: a - b)
        assert seq(5, 3) == 2

    def test_empty_raises(self):
        with pytest.raises(RuntimeError):
            chainer.Sequential()(1)

    def test_lazy_linear(self):
        seq = chainer.Sequential(L.Linear(4), F.tanh, L.Linear(2))
        assert seq(_x(3, 7)).shape == (3, 2)
        assert seq[0].W.shape == (4, 7)

    def test_not_callable(self):
        with pytest.raises(ValueError):
            chainer.Sequential(1)


class TestSequentialList(object):

    def setup_method(self):
        self.l1 = L.Linear(3, 4)
        self.l2 = L.Linear(4, 5)
        self.l3 = L.Linear(5, 6)
        self.seq = chainer.Sequential(self.l1, F.relu, self.l2)

    def test_getitem_and_len(self):
        seq = self.seq
        assert len(seq) == 3
        assert seq[0] is self.l1 and seq[1] is F.relu and seq[-1] is self.l2
        assert seq[1:] == [F.relu, self.l2]
        assert list(seq) == [self.l1, F.relu, self.l2]
        assert list(reversed(seq)) == [self.l2, F.relu, self.l1]
        assert F.relu in seq and self.l3 not in seq

    def test_append_extend(self):
        seq = self.seq
        seq.append(self.l3)
        assert seq[3] is self.l3
        seq.extend([F.sigmoid, F.tanh])
        assert len(seq) == 6 and seq[-1] is F.tanh

    def test_insert(self):
        seq = self.seq
        seq.insert(1, self.l3)
        assert list(seq) == [self.l1, self.l3, F.relu, self.l2]
        seq.insert(-1, F.tanh)
        assert list(seq) == [self.l1, self.l3, F.relu, F.tanh, self.l2]
        with pytest.raises(IndexError):
            seq.insert(10, F.tanh)
        with pytest.raises(ValueError):
            seq.insert(0, 'not callable')

    def test_setitem(self):
        seq = self.seq
        seq[1] = F.tanh
        assert list(seq) == [self.l1, F.tanh, self.l2]
        seq[2] = self.l3
        assert list(seq) == [self.l1, F.tanh, self.l3]
        assert self.l2 not in list(seq.children())
        with pytest.raises(ValueError):
            seq[5] = F.tanh
        with pytest.raises(ValueError):
            seq[0] = 1

    def test_delitem_remove_pop(self):
        seq = self.seq
        del seq[0]
        assert list(seq) == [F.relu, self.l2]
        assert list(seq.children()) == [self.l2] and self.l2.name == '0'
        seq.append(self.l1)
        seq.remove(F.relu)
        assert list(seq) == [self.l2, self.l1]
        with pytest.raises(ValueError):
            seq.remove(F.sigmoid)
        assert seq.pop() is self.l1
        assert seq.pop(0) is self.l2
        assert len(seq) == 0 and list(seq.params()) == []

    def test_clear(self):
        # Deviation: Chainer 7.8.1's clear() deletes only every other child
        # (it deletes while iterating), leaving stale parameters behind.
        seq = chainer.Sequential(self.l1, self.l2, self.l3, F.relu)
        seq.clear()
        assert len(seq) == 0
        assert list(seq.params()) == []

    def test_index_count(self):
        seq = self.seq
        seq.append(F.relu)
        assert seq.index(F.relu) == 1
        assert seq.index(F.relu, 2) == 1      # relative to the slice
        assert seq.count(F.relu) == 2
        assert seq.count_by_layer_type('Linear') == 2
        assert seq.count_by_layer_type('relu') == 2

    def test_remove_by_layer_type(self):
        seq = self.seq
        seq.append(F.relu)
        seq.remove_by_layer_type('relu')
        assert list(seq) == [self.l1, self.l2]
        seq.remove_by_layer_type('Linear')
        assert len(seq) == 0

    def test_add(self):
        other = chainer.Sequential(self.l3, F.tanh)
        s = self.seq + other
        assert list(s) == [self.l1, F.relu, self.l2, self.l3, F.tanh]
        assert list(self.seq) == [self.l1, F.relu, self.l2]
        with pytest.raises(ValueError):
            self.seq + [F.tanh]
        self.seq += other
        assert len(self.seq) == 5
        with pytest.raises(ValueError):
            self.seq += [F.tanh]

    def test_mul_is_not_supported(self):
        # Chainer 7.8.1 has no Sequential.__mul__ (use link.repeat()).
        with pytest.raises(TypeError):
            self.seq * 2

    def test_flatten(self):
        inner = chainer.Sequential(self.l2, chainer.Sequential(F.tanh))
        seq = chainer.Sequential(self.l1, inner, self.l3)
        flat = seq.flatten()
        assert list(flat) == [self.l1, self.l2, F.tanh, self.l3]

    def test_copy(self):
        part = functools.partial(F.leaky_relu, slope=0.1) \
            if hasattr(F, 'leaky_relu') else functools.partial(F.relu)
        seq = chainer.Sequential(self.l1, part, self.l2)
        for mode in ('share', 'copy', 'init'):
            c = seq.copy(mode)
            assert c[0] is not self.l1 and isinstance(c[0], L.Linear)
            assert c[1] is not part and c[1].func is part.func
            shared = c[0].W.array is self.l1.W.array
            assert shared == (mode == 'share')

    def test_copyparams(self):
        a = chainer.Sequential(L.Linear(2, 3), F.relu, L.Linear(3, 1))
        b = chainer.Sequential(L.Linear(2, 3), F.relu, L.Linear(3, 1))
        a.copyparams(b)
        numpy.testing.assert_array_equal(a[2].W.array, b[2].W.array)
        with pytest.raises(ValueError):
            a.copyparams(chainer.ChainList())

    def test_repeat(self):
        block = chainer.Sequential(L.Linear(3, 3), F.relu)
        net = block.repeat(3)
        assert len(net) == 3
        assert net(_x(2, 3)).shape == (2, 3)
        assert not numpy.array_equal(net[0][0].W.array, net[1][0].W.array)

    def test_pickle(self):
        seq = chainer.Sequential(L.Linear(2, 3), F.relu)
        loaded = pickle.loads(pickle.dumps(seq))
        numpy.testing.assert_array_equal(loaded[0].W.array, seq[0].W.array)
        with pytest.raises(ValueError):
            pickle.dumps(chainer.Sequential(lambda x: x))

    def test_str(self):
        seq = chainer.Sequential(L.Linear(2, 3))
        assert str(seq) == ('Sequential(\n'
                            '  (0): Linear(in_size=2, out_size=3, '
                            'nobias=False),\n)')


class TestSequentialChildOrder(object):
    # Chainer 7.8.1 places a new link among the children right after the
    # FIRST earlier link (not the last), so for 3+ links the child names
    # (hence namedparams and NPZ keys) are not in layer order. Checked
    # against real Chainer 7.8.1; kept for file interchange.

    def test_three_links(self):
        seq = chainer.Sequential(L.Linear(2, 3), L.Linear(3, 4),
                                 L.Linear(4, 5))
        shapes = [(n, p.shape) for n, p in seq.namedparams()]
        assert shapes == [('/0/W', (3, 2)), ('/0/b', (3,)),
                          ('/1/W', (5, 4)), ('/1/b', (5,)),
                          ('/2/W', (4, 3)), ('/2/b', (4,))]
        seq.append(L.Linear(5, 6))
        assert [p.shape for p in seq.params()][::2] == [
            (3, 2), (6, 5), (5, 4), (4, 3)]

    def test_with_functions(self):
        seq = chainer.Sequential(L.Linear(2, 3), F.relu, L.Linear(3, 4),
                                 F.relu, L.Linear(4, 5))
        assert [p.shape for p in seq.params()][::2] == [
            (3, 2), (5, 4), (4, 3)]
        assert sorted(npz.serialize(seq)) == [
            '0/W', '0/b', '1/W', '1/b', '2/W', '2/b']
        assert npz.serialize(seq)['1/W'].shape == (5, 4)

    def test_forward_order_is_layer_order(self):
        seq = chainer.Sequential(L.Linear(2, 3), L.Linear(3, 4),
                                 L.Linear(4, 5))
        assert seq(_x(1, 2)).shape == (1, 5)
