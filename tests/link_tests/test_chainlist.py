import jax
import numpy
import pytest

import chainerjax as chainer
import chainerjax.links as L
from chainerjax import initializers
from chainerjax.serializers import npz


def _leaf():
    link = chainer.Link()
    with link.init_scope():
        link.x = chainer.Parameter(initializers.Normal(), (2, 3))
    return link


def _model():
    # [leaf, ChainList(leaf, leaf)]; the root also owns a parameter.
    inner = chainer.ChainList(_leaf(), _leaf())
    cl = chainer.ChainList(_leaf(), inner)
    with cl.init_scope():
        cl.p = chainer.Parameter(0.0, (3,))
    return cl


class TestChainList(object):

    def test_names(self):
        cl = _model()
        assert [c.name for c in cl] == ['0', '1']
        assert [c.name for c in cl[1]] == ['0', '1']
        assert len(cl) == 2
        assert cl[-1] is cl._children[1]

    def test_namedparams(self):
        cl = _model()
        assert [n for n, _ in cl.namedparams()] == [
            '/p', '/0/x', '/1/0/x', '/1/1/x']
        assert [p for _, p in cl.namedparams()] == list(cl.params())

    def test_links(self):
        cl = _model()
        assert list(cl.links()) == [cl, cl[0], cl[1], cl[1][0], cl[1][1]]
        assert [n for n, _ in cl.namedlinks()] == [
            '/', '/0', '/1', '/1/0', '/1/1']
        assert list(cl.children()) == [cl[0], cl[1]]

    def test_add_link_append_insert(self):
        a, b, c = _leaf(), _leaf(), _leaf()
        cl = chainer.ChainList()
        cl.add_link(a)
        cl.append(c)
        cl.insert(1, b)
        assert list(cl) == [a, b, c]
        assert [x.name for x in cl] == ['0', '1', '2']

    def test_setitem_delitem(self):
        a, b, c, d = _leaf(), _leaf(), _leaf(), _leaf()
        cl = chainer.ChainList(a, b, c)
        cl[1] = d
        assert list(cl) == [a, d, c] and d.name == '1'
        del cl[0]
        assert list(cl) == [d, c]
        assert [x.name for x in cl] == ['0', '1']
        cl[0:1] = [a, b]
        assert list(cl) == [a, b, c]
        assert [x.name for x in cl] == ['0', '1', '2']
        assert cl[1:] == [b, c]
        with pytest.raises(TypeError):
            cl['x'] = a

    def test_mutable_sequence_methods(self):
        a, b, c = _leaf(), _leaf(), _leaf()
        cl = chainer.ChainList(a, b)
        cl.extend([c])
        assert list(cl) == [a, b, c]
        assert b in cl
        assert cl.index(c) == 2
        assert cl.count(a) == 1
        assert cl.pop() is c
        cl.remove(a)
        assert list(cl) == [b] and b.name == '0'
        cl += [a]
        assert list(cl) == [b, a]

    def test_init_scope_rejects_links(self):
        cl = chainer.ChainList()
        with pytest.raises(TypeError):
            with cl.init_scope():
                cl.child = _leaf()

    def test_copy(self):
        cl = _model()
        for mode in ('share', 'copy', 'init'):
            d = cl.copy(mode)
            assert d[0] is not cl[0] and d[1][0] is not cl[1][0]
            assert [c.name for c in d] == ['0', '1']
            same = d[0].x.array is cl[0].x.array
            assert same == (mode == 'share')
            equal = numpy.array_equal(d[1][1].x.array, cl[1][1].x.array)
            assert equal == (mode != 'init')
        assert len(cl.copy()) == 2

    def test_copyparams_addgrads(self):
        a, b = _model(), _model()
        a.copyparams(b)
        for pa, pb in zip(a.params(), b.params()):
            numpy.testing.assert_array_equal(pa.array, pb.array)
        for p in list(a.params()) + list(b.params()):
            p.grad = numpy.ones(p.shape, p.dtype)
        a.addgrads(b)
        for p in a.params():
            numpy.testing.assert_array_equal(p.grad, numpy.full(p.shape, 2))

    def test_to_device(self):
        cl = _model()
        cl.to_device('@jax:cpu:0')
        assert all(isinstance(p.array, jax.Array) for p in cl.params())
        assert cl[1][1].device.name == '@jax:cpu:0'
        cl.to_device(-1)
        assert all(isinstance(p.array, numpy.ndarray) for p in cl.params())

    def test_serialize_keys(self):
        target = npz.serialize(_model())
        assert sorted(target) == ['0/x', '1/0/x', '1/1/x', 'p']

    def test_lazy_linear_in_chainlist(self):
        cl = chainer.ChainList(L.Linear(3), L.Linear(2))
        y = cl[1](cl[0](numpy.ones((4, 5), numpy.float32)))
        assert y.shape == (4, 2)
        assert [n for n, _ in cl.namedparams()] == [
            '/0/W', '/0/b', '/1/W', '/1/b']

    def test_str(self):
        cl = chainer.ChainList(L.Linear(2, 3))
        assert str(cl) == ('ChainList(\n'
                           '  (0): Linear(in_size=2, out_size=3, '
                           'nobias=False),\n)')
