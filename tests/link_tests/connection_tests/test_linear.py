import json
import os
import subprocess
import textwrap

import jax
import numpy
import pytest

import chainerjax as chainer
from chainerjax import initializers
from chainerjax import testing
import chainerjax.links as L

try:
    # chainer.testing's link test harness (built on the core).
    # (module access, so that pytest does not collect the base class)
    from chainerjax.testing import backend as _testing_backend
    from chainerjax.testing import function_link as _function_link
    inject_backend_tests = _testing_backend.inject_backend_tests
    _LinkTestCase = _function_link.LinkTestCase
except ImportError:  # pragma: no cover - harness not available yet
    _LinkTestCase = None

REF_PYTHON = '/work/refvenv/bin/python'


_skip_harness = pytest.mark.skipif(
    _LinkTestCase is None, reason='chainer.testing.LinkTestCase is missing')


@_skip_harness
@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'x_shape': [(4, 3), (4, 3, 5)],
    'n_batch_axes': [1],
}) + testing.product({
    'dtype': [numpy.float32],
    'x_shape': [(2, 4, 3, 5)],
    'n_batch_axes': [2, 3],
}))
@(inject_backend_tests(None, [{}, {'use_cuda': True}])
  if _LinkTestCase is not None else (lambda cls: cls))
class TestLinear(_LinkTestCase or object):

    param_names = ('W', 'b')

    def setUp(self):
        self.in_size = int(numpy.prod(self.x_shape[self.n_batch_axes:]))
        self.out_size = 2
        if self.dtype == numpy.float16:
            self.check_forward_options = {'atol': 1e-3, 'rtol': 1e-2}
            self.check_backward_options = {'atol': 1e-2, 'rtol': 5e-2}
        else:
            self.check_backward_options = {'atol': 1e-4, 'rtol': 1e-3}

    def generate_params(self):
        W = numpy.random.uniform(
            -1, 1, (self.out_size, self.in_size)).astype(self.dtype)
        b = numpy.random.uniform(-1, 1, self.out_size).astype(self.dtype)
        return W, b

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, self.x_shape).astype(self.dtype),

    def create_link(self, initializers):
        W, b = initializers
        # Arrays as initializers give config.dtype arrays (as in Chainer):
        # keep the test dtype with an explicit Constant.
        return L.Linear(
            self.in_size, self.out_size,
            initialW=chainer.initializers.Constant(W, dtype=self.dtype),
            initial_bias=chainer.initializers.Constant(b, dtype=self.dtype))

    def forward(self, link, inputs, device):
        x, = inputs
        return link(x, n_batch_axes=self.n_batch_axes),

    def forward_expected(self, link, inputs):
        x, = inputs
        W = numpy.asarray(link.W.array)
        b = numpy.asarray(link.b.array)
        batch = self.x_shape[:self.n_batch_axes]
        y = x.reshape(batch + (-1,)).dot(W.T) + b
        return y.astype(self.dtype),


# unittest-style base classes in the module namespace would be collected.
del _LinkTestCase


class TestLinearParameters(object):

    def test_shapes_and_defaults(self):
        link = L.Linear(3, 2)
        assert link.W.shape == (2, 3) and link.b.shape == (2,)
        assert link.W.dtype == numpy.float32
        numpy.testing.assert_array_equal(link.b.array, [0, 0])
        assert isinstance(link.W.array, numpy.ndarray)
        assert link.in_size == 3 and link.out_size == 2
        assert [n for n, _ in link.namedparams()] == ['/W', '/b']

    def test_one_argument_form_is_lazy(self):
        link = L.Linear(5)
        assert link.in_size is None and link.out_size == 5
        assert link.W.array is None
        assert link.b.shape == (5,)
        y = link(numpy.ones((2, 3, 4), numpy.float32))
        assert y.shape == (2, 5)
        assert link.W.shape == (5, 12)

    def test_explicit_lazy(self):
        link = L.Linear(None, 3)
        y = link(numpy.ones((2, 3, 4), numpy.float32), n_batch_axes=2)
        assert y.shape == (2, 3, 3) and link.W.shape == (3, 4)

    def test_nobias(self):
        link = L.Linear(3, 2, nobias=True)
        assert link.b is None
        assert [n for n, _ in link.namedparams()] == ['/W']
        x = numpy.ones((1, 3), numpy.float32)
        numpy.testing.assert_allclose(link(x).array,
                                      x.dot(link.W.array.T), rtol=1e-6)

    def test_initializers(self):
        link = L.Linear(3, 2, initialW=initializers.One(), initial_bias=5)
        numpy.testing.assert_array_equal(link.W.array, numpy.ones((2, 3)))
        numpy.testing.assert_array_equal(link.b.array, [5, 5])
        link = L.Linear(3, 2, initialW=0.5)
        numpy.testing.assert_array_equal(link.W.array, numpy.full((2, 3), .5))

    def test_lecun_normal_statistics(self):
        numpy.random.seed(1)
        W = L.Linear(400, 300).W.array
        assert abs(W.mean()) < 0.01
        assert abs(W.std() - numpy.sqrt(1. / 400)) < 0.002

    @pytest.mark.parametrize('dtype', ['float16', 'float64'])
    def test_config_dtype(self, dtype):
        with chainer.using_config('dtype', dtype):
            link = L.Linear(3, 2)
            lazy = L.Linear(2)
            lazy(numpy.ones((1, 4), dtype))
        assert link.W.dtype == dtype and link.b.dtype == dtype
        assert lazy.W.dtype == dtype

    def test_from_params(self):
        W = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
        b = numpy.array([1, 2], numpy.float32)
        link = L.Linear.from_params(W, b)
        assert link.in_size == 3 and link.out_size == 2
        numpy.testing.assert_array_equal(link.W.array, W)
        numpy.testing.assert_array_equal(link.b.array, b)
        assert L.Linear.from_params(W, nobias=True).b is None
        with pytest.raises(ValueError):
            L.Linear.from_params(W, numpy.zeros(3, numpy.float32))

    def test_str(self):
        assert str(L.Linear(3, 2)) == \
            'Linear(in_size=3, out_size=2, nobias=False)'

    def test_jax_device(self):
        link = L.Linear(3, 2).to_device('@jax:cpu:0')
        x = jax.device_put(numpy.ones((4, 3), numpy.float32),
                           jax.devices('cpu')[0])
        y = link(x)
        assert isinstance(y.array, jax.Array)
        link.cleargrads()   # fresh parameters have NaN gradients (Chainer)
        y.grad = jax.numpy.ones((4, 2), numpy.float32)
        y.backward()
        assert isinstance(link.W.grad, jax.Array)
        numpy.testing.assert_allclose(numpy.asarray(link.W.grad),
                                      numpy.full((2, 3), 4.))

    def test_lazy_on_jax_device(self):
        link = L.Linear(2).to_device('@jax:cpu:0')
        link(jax.device_put(numpy.ones((1, 6), numpy.float32)))
        assert isinstance(link.W.array, jax.Array)


_REF_SCRIPT = textwrap.dedent('''
    import json, warnings
    warnings.simplefilter('ignore')
    import numpy
    import chainer
    import chainer.links as L
    out = {}
    numpy.random.seed(3)
    link = L.Linear(4, 3)
    out['W'] = link.W.array.tolist()
    out['b'] = link.b.array.tolist()
    lazy = L.Linear(2)
    numpy.random.seed(5)
    lazy(numpy.ones((1, 6), numpy.float32))
    out['lazy_W'] = lazy.W.array.tolist()
    with chainer.using_config('dtype', numpy.float64):
        numpy.random.seed(7)
        out['W64'] = L.Linear(3, 2).W.array.tolist()
    print(json.dumps(out))
''')


@pytest.fixture(scope='module')
def chainer_reference():
    if not os.path.exists(REF_PYTHON):
        pytest.skip('real Chainer is not available ({} does not exist)'
                    .format(REF_PYTHON))
    proc = subprocess.run([REF_PYTHON, '-c', _REF_SCRIPT],
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        pytest.skip('could not run real Chainer: ' + proc.stderr[-500:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_initial_weights_match_real_chainer(chainer_reference):
    ref = chainer_reference
    numpy.random.seed(3)
    link = L.Linear(4, 3)
    assert link.W.dtype == numpy.float32
    numpy.testing.assert_array_equal(
        link.W.array, numpy.array(ref['W'], numpy.float32))
    numpy.testing.assert_array_equal(link.b.array, ref['b'])
    lazy = L.Linear(2)
    numpy.random.seed(5)
    lazy(numpy.ones((1, 6), numpy.float32))
    numpy.testing.assert_array_equal(
        lazy.W.array, numpy.array(ref['lazy_W'], numpy.float32))
    with chainer.using_config('dtype', numpy.float64):
        numpy.random.seed(7)
        W64 = L.Linear(3, 2).W.array
    assert W64.dtype == numpy.float64
    numpy.testing.assert_array_equal(W64, ref['W64'])
