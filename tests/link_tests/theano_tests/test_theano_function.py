"""chainerjax.links.TheanoFunction against real Chainer's (fixtures.npz,
made by make_fixtures.py). Skipped when theano is not installed."""
import os

import jax
import numpy
import pytest

try:
    theano = pytest.importorskip('theano')
except AttributeError as e:  # Theano 1.0.5 with NumPy 1.24 to 1.26
    pytest.skip('theano cannot be imported: {}'.format(e),
                allow_module_level=True)

import chainerjax as chainer  # NOQA
import chainerjax.functions as F  # NOQA
import chainerjax.links as L  # NOQA
from chainerjax import testing  # NOQA
from chainerjax.utils import type_check  # NOQA

from tests.link_tests.theano_tests import _graphs  # NOQA

HERE = os.path.dirname(os.path.abspath(__file__))
_FIXTURES = {}

_TOL = {'float32': {'atol': 1e-6, 'rtol': 1e-5},
        'float64': {'atol': 1e-12, 'rtol': 1e-12}}


def fixture(key):
    if not _FIXTURES:
        with numpy.load(os.path.join(HERE, 'fixtures.npz')) as f:
            _FIXTURES.update({k: f[k] for k in f.files})
    d = _FIXTURES
    n_in = len([k for k in d if k.startswith(key + '/x')])
    n_out = len([k for k in d if k.startswith(key + '/y')])
    xs = [d['{}/x{}'.format(key, i)] for i in range(n_in)]
    ys = [d['{}/y{}'.format(key, j)] for j in range(n_out)]
    gys = [d['{}/gy{}'.format(key, j)] for j in range(n_out)]
    gxs = [d.get('{}/gx{}'.format(key, i)) for i in range(n_in)]
    return xs, ys, gys, gxs


def make_link(name, dtype, ndim):
    ins, outs = _graphs.GRAPHS[name](dtype, ndim)
    return L.TheanoFunction(ins, outs)


def as_tuple(ys):
    return ys if isinstance(ys, tuple) else (ys,)


@testing.parameterize(*[
    {'name': n, 'dtype': d, 'shape': s} for n, d, s in _graphs.CASES])
class TestTheanoFunction(object):

    def test_forward_backward(self):
        key = _graphs.case_name(self.name, self.dtype, self.shape)
        xs, ys_expected, gys, gxs_expected = fixture(key)
        link = make_link(self.name, self.dtype, len(self.shape))
        vs = [chainer.Variable(x) for x in xs]
        ys = as_tuple(link(*vs))
        assert len(ys) == len(ys_expected)
        for y, expected in zip(ys, ys_expected):
            assert isinstance(y.array, numpy.ndarray)
            assert y.dtype == expected.dtype
            testing.assert_allclose(y.array, expected, **_TOL[self.dtype])
        for y, gy in zip(ys, gys):
            y.grad = gy
        chainer.backward(list(ys), [y.grad_var for y in ys])
        for v, expected in zip(vs, gxs_expected):
            if expected is None:
                assert v.grad is None
            else:
                assert v.grad.dtype == v.dtype
                testing.assert_allclose(v.grad, expected,
                                        **_TOL[self.dtype])


class TestTheanoFunctionTraced(object):

    key = _graphs.case_name('add_mul', 'float32', (2, 3))

    def setup_method(self):
        self.link = make_link('add_mul', 'float32', 2)
        self.xs, self.ys, self.gys, self.gxs = fixture(self.key)

    def test_jax_grad_under_jit(self):
        gys = self.gys

        def loss(x, y):
            s, p = self.link(x, y)
            return (F.sum(s * gys[0]) + F.sum(p * gys[1])).array

        gxs = jax.jit(jax.grad(loss, argnums=(0, 1)))(*self.xs)
        for gx, expected in zip(gxs, self.gxs):
            testing.assert_allclose(gx, expected, **_TOL['float32'])

    def test_chainer_jit(self):
        step = chainer.jit(lambda x, y: self.link(x, y))
        for y, expected in zip(step(*self.xs), self.ys):
            testing.assert_allclose(y.array, expected, **_TOL['float32'])

    def test_jax_device(self):
        device = chainer.get_device('@jax:cpu:0')
        vs = [chainer.Variable(device.send(x)) for x in self.xs]
        ys = self.link(*vs)
        for y, expected in zip(ys, self.ys):
            assert isinstance(y.array, jax.Array)
            testing.assert_allclose(y.array, expected, **_TOL['float32'])
        for y, gy in zip(ys, self.gys):
            y.grad = device.send(gy)
        chainer.backward(list(ys), [y.grad_var for y in ys])
        for v, expected in zip(vs, self.gxs):
            assert isinstance(v.grad, jax.Array)
            testing.assert_allclose(v.grad, expected, **_TOL['float32'])

    def test_gradient_of_one_output(self):
        # The other output gets no gradient: Theano is given zeros for it.
        vs = [chainer.Variable(x) for x in self.xs]
        _, p = self.link(*vs)
        p.grad = self.gys[1]
        p.backward()
        x, y = self.xs
        testing.assert_allclose(vs[0].grad, y * self.gys[1])
        testing.assert_allclose(vs[1].grad, x * self.gys[1])


class TestTheanoFunctionErrors(object):

    def setup_method(self):
        self.link = make_link('add_mul', 'float32', 1)
        self.x = numpy.ones(3, numpy.float32)

    def test_attributes(self):
        assert isinstance(self.link.forward_func, theano.compile.Function)
        assert isinstance(self.link.backward_func, theano.compile.Function)
        assert list(self.link.params()) == []

    def test_wrong_dtype(self):
        with pytest.raises(type_check.InvalidType):
            self.link(self.x, self.x.astype(numpy.float64))

    def test_wrong_ndim(self):
        with pytest.raises(type_check.InvalidType):
            self.link(self.x, self.x[None])

    def test_wrong_number_of_inputs(self):
        with pytest.raises(type_check.InvalidType):
            self.link(self.x)

    @pytest.mark.parametrize('bad', [1, [1], (theano.tensor.fvector(), 2)])
    def test_not_tensor_variables(self, bad):
        x = theano.tensor.fvector()
        with pytest.raises(TypeError):
            L.TheanoFunction(bad, x)
        with pytest.raises(TypeError):
            L.TheanoFunction(x, bad)

    @pytest.mark.skipif(int(numpy.__version__.split('.')[0]) < 2,
                        reason='Theano compiles this with NumPy 1')
    def test_graph_theano_cannot_compile_with_numpy2(self):
        # Theano's C code for DimShuffle (used by constants, broadcasting,
        # transposes) does not compile against NumPy 2.
        x = theano.tensor.fvector()
        with pytest.raises(NotImplementedError) as e:
            L.TheanoFunction(x, x.dimshuffle('x', 0))
        assert 'NumPy 2' in str(e.value)
        assert 'chainerjax.functions' in str(e.value)
