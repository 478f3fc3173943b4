import jax
import numpy
import pytest

import chainerjax as chainer
import chainerjax.functions as F
import chainerjax.links as L
from chainerjax import initializers
from chainerjax.serializers import npz


def _leaf(value=1.0):
    link = chainer.Link()
    with link.init_scope():
        link.x = chainer.Parameter(initializers.Normal(), (2, 3))
        link.y = chainer.Parameter(value, (2,))
    return link


class _Nested(chainer.Chain):
    # c1 -> (l1, l2), with l3 directly under the root; root has param p.
    def __init__(self):
        super().__init__()
        with self.init_scope():
            self.c1 = chainer.Chain()
            with self.c1.init_scope():
                self.c1.l1 = _leaf()
                self.c1.l2 = _leaf()
            self.l3 = _leaf()
            self.p = chainer.Parameter(0.0, (4,))
        self.add_persistent('step', 0)


class MLP(chainer.Chain):
    def __init__(self, n_hidden=8, n_out=2):
        super().__init__()
        with self.init_scope():
            self.l1 = L.Linear(None, n_hidden)
            self.l2 = L.Linear(n_hidden, n_out)

    def forward(self, x):
        return self.l2(F.tanh(self.l1(x)))


class TestChainRegistration(object):

    def test_init_scope_registers_links(self):
        c = _Nested()
        assert c._children == {'c1', 'l3'}
        assert c.c1.name == 'c1' and c.c1.l1.name == 'l1'
        assert c['l3'] is c.l3
        assert c['p'] is c.p

    def test_old_style_constructor(self):
        a, b = _leaf(), _leaf()
        c = chainer.Chain(first=a, second=b)
        assert c.first is a and c.second is b
        assert a.name == 'first'
        assert [n for n, _ in c.namedparams()] == [
            '/first/x', '/first/y', '/second/x', '/second/y']

    def test_add_link(self):
        c = chainer.Chain()
        leaf = _leaf()
        c.add_link('leaf', leaf)
        assert list(c.children()) == [leaf]
        with pytest.raises(AttributeError):
            c.add_link('leaf', _leaf())
        with pytest.raises(TypeError):
            c.add_link('other', object())

    def test_assign_existing_name_raises(self):
        c = chainer.Chain()
        c.something = 1
        with pytest.raises(AttributeError):
            with c.init_scope():
                c.something = _leaf()

    def test_outside_init_scope(self):
        c = chainer.Chain()
        c.leaf = _leaf()
        assert list(c.children()) == []

    def test_delattr(self):
        c = _Nested()
        del c.l3
        del c.p
        assert list(c.children()) == [c.c1]
        assert [n for n, _ in c.namedparams()] == [
            '/c1/l1/x', '/c1/l1/y', '/c1/l2/x', '/c1/l2/y']

    def test_contains_raises_like_chainer(self):
        # Chain has __getitem__ but no __contains__/__iter__: Python falls
        # back to integer indexing, which fails as in Chainer.
        with pytest.raises(TypeError):
            'l3' in _Nested()

    def test_str(self):
        s = str(MLP())
        assert s == ('MLP(\n'
                     '  (l1): Linear(in_size=None, out_size=8, '
                     'nobias=False),\n'
                     '  (l2): Linear(in_size=8, out_size=2, nobias=False),\n'
                     ')')
        assert str(chainer.Chain()) == 'Chain()'


class TestChainTraversal(object):

    def test_namedparams(self):
        c = _Nested()
        assert [n for n, _ in c.namedparams()] == [
            '/p', '/c1/l1/x', '/c1/l1/y', '/c1/l2/x', '/c1/l2/y',
            '/l3/x', '/l3/y']
        assert [p for _, p in c.namedparams()] == list(c.params())
        assert c.namedparams().__next__()[1] is c.p

    def test_include_uninit(self):
        m = MLP()
        names = [n for n, _ in m.namedparams()]
        assert names == ['/l1/W', '/l1/b', '/l2/W', '/l2/b']
        assert [n for n, _ in m.namedparams(include_uninit=False)] == [
            '/l1/b', '/l2/W', '/l2/b']
        assert len(list(m.params(include_uninit=False))) == 3

    def test_links(self):
        c = _Nested()
        assert list(c.links()) == [c, c.c1, c.c1.l1, c.c1.l2, c.l3]
        assert list(c.links(skipself=True)) == [
            c.c1, c.c1.l1, c.c1.l2, c.l3]
        assert list(c.namedlinks()) == [
            ('/', c), ('/c1', c.c1), ('/c1/l1', c.c1.l1),
            ('/c1/l2', c.c1.l2), ('/l3', c.l3)]
        assert list(c.namedlinks(skipself=True))[0] == ('/c1', c.c1)
        assert list(c.children()) == [c.c1, c.l3]

    def test_cleargrads_addgrads(self):
        a, b = _Nested(), _Nested()
        for link, v in ((a, 1.), (b, 2.)):
            for p in link.params():
                p.grad = numpy.full(p.shape, v, p.dtype)
        a.addgrads(b)
        for p in a.params():
            numpy.testing.assert_array_equal(p.grad, numpy.full(p.shape, 3.))
        a.cleargrads()
        assert all(p.grad is None for p in a.params())

    def test_count_params(self):
        assert _Nested().count_params() == 4 + 3 * 8


class TestChainCopy(object):

    def test_share(self):
        c = _Nested()
        d = c.copy()
        assert d.c1 is not c.c1 and d.c1.l1 is not c.c1.l1
        assert d.c1.name == 'c1' and d.c1.l1.name == 'l1'
        assert d.c1.l1.x is not c.c1.l1.x
        assert d.c1.l1.x.array is c.c1.l1.x.array
        assert d._children is not c._children
        assert [n for n, _ in d.namedparams()] == [
            n for n, _ in c.namedparams()]

    def test_copy(self):
        c = _Nested()
        d = c.copy(mode='copy')
        for (n1, p1), (n2, p2) in zip(c.namedparams(), d.namedparams()):
            assert n1 == n2 and p1 is not p2
            assert p1.array is not p2.array
            numpy.testing.assert_array_equal(p1.array, p2.array)

    def test_init(self):
        c = _Nested()
        d = c.copy(mode='init')
        assert not numpy.array_equal(c.l3.x.array, d.l3.x.array)
        numpy.testing.assert_array_equal(c.l3.y.array, d.l3.y.array)

    def test_copyparams(self):
        a, b = _Nested(), _Nested()
        b.step = 7
        a.copyparams(b)
        for pa, pb in zip(a.params(), b.params()):
            numpy.testing.assert_array_equal(pa.array, pb.array)
            assert pa.array is not pb.array
        assert a.step == 7


class TestChainDevice(object):

    def test_to_device_recursive(self):
        m = MLP()
        m.to_device('@jax:cpu:0')
        for link in m.links():
            assert link.device.name == '@jax:cpu:0'
        for p in m.params(include_uninit=False):
            assert isinstance(p.array, jax.Array)
        x = jax.device_put(numpy.ones((3, 5), numpy.float32),
                           jax.devices('cpu')[0])
        y = m(x)
        assert isinstance(m.l1.W.array, jax.Array)   # lazy init on device
        assert isinstance(y.array, jax.Array)
        m.to_device('@numpy')
        for p in m.params():
            assert isinstance(p.array, numpy.ndarray)
        y2 = m(numpy.ones((3, 5), numpy.float32))
        numpy.testing.assert_allclose(numpy.asarray(y.array), y2.array,
                                      rtol=1e-6)


class TestTraining(object):

    @pytest.mark.parametrize('device', ['@numpy', '@jax:cpu:0'])
    def test_sgd_by_hand_decreases_loss(self, device):
        numpy.random.seed(0)
        model = MLP()
        model.to_device(device)
        dev = chainer.get_device(device)
        x = dev.send(numpy.random.randn(16, 3).astype(numpy.float32))
        t = dev.send(numpy.random.randn(16, 2).astype(numpy.float32))
        losses = []
        for _ in range(20):
            loss = F.mean_squared_error(model(x), t)
            model.cleargrads()
            loss.backward()
            for p in model.params():
                p.array = p.array - 0.1 * p.grad
            losses.append(float(loss.array))
        assert losses[-1] < losses[0] * 0.9
        for p in model.params():
            assert p.dtype == numpy.float32
            assert isinstance(p.array, dev.supported_array_types)


class TestChainSerialize(object):

    def test_keys(self):
        target = npz.serialize(_Nested())
        assert sorted(target) == [
            'c1/l1/x', 'c1/l1/y', 'c1/l2/x', 'c1/l2/y', 'l3/x', 'l3/y',
            'p', 'step']

    def test_lazy_none_then_initialized(self):
        m = MLP()
        target = npz.serialize(m)
        assert target['l1/W'].dtype == object
        m(numpy.zeros((1, 5), numpy.float32))
        m2 = MLP()
        npz.NpzDeserializer(npz.serialize(m)).load(m2)
        assert m2.l1.W.shape == (8, 5)
        numpy.testing.assert_array_equal(m2.l1.W.array, m.l1.W.array)
