"""Fixture-driven function tests: the inputs, output and input gradients
recorded from real Chainer 7.8.1 by a ``make_fixtures.py`` next to the
``fixtures.npz`` file."""
import json
import os

import numpy

import chainerjax
from chainerjax import testing


class Fixtures(object):

    def __init__(self, path):
        self.path = path
        self._data = None

    def data(self):
        if self._data is None:
            with numpy.load(self.path) as f:
                self._data = {k: f[k] for k in f.files}
        return self._data

    def names(self, prefix):
        """The case names starting with ``prefix + '_'`` (sorted)."""
        names = set()
        for k in self.data():
            name = k.split('/')[0]
            if name.startswith(prefix + '_'):
                names.add(name)
        if not names:
            raise KeyError(prefix)
        return sorted(names)

    def case(self, name):
        d = self.data()
        n = len([k for k in d if k.startswith(name + '/x')])
        inputs = tuple(d['{}/x{}'.format(name, i)] for i in range(n))
        kwargs = json.loads(str(d[name + '/kwargs']))
        for k, v in kwargs.items():
            if isinstance(v, list):
                kwargs[k] = tuple(v)
        grads = tuple(d.get('{}/gx{}'.format(name, i)) for i in range(n))
        return inputs, kwargs, d[name + '/y'], d[name + '/gy'], grads

    def extra(self, name, key):
        """Another recorded array of the case (None if absent)."""
        return self.data().get('{}/{}'.format(name, key))


def here(test_file):
    return Fixtures(os.path.join(os.path.dirname(os.path.abspath(test_file)),
                                 'fixtures.npz'))


def tolerances(dtype):
    if dtype == numpy.float16:
        return ({'atol': 5e-3, 'rtol': 5e-3},
                {'atol': 5e-2, 'rtol': 5e-2, 'eps': 2 ** -3},
                {'atol': 5e-2, 'rtol': 5e-2, 'eps': 2 ** -3})
    if dtype == numpy.float32:
        return ({'atol': 1e-5, 'rtol': 1e-4},
                {'atol': 1e-3, 'rtol': 1e-3, 'eps': 1e-2},
                {'atol': 1e-3, 'rtol': 1e-3, 'eps': 1e-2})
    return ({'atol': 1e-12, 'rtol': 1e-10},
            {'atol': 1e-6, 'rtol': 1e-5},
            {'atol': 1e-6, 'rtol': 1e-5})


class FixtureTestCase(testing.FunctionTestCase):
    """Subclasses set ``fixtures`` (a :class:`Fixtures`), ``func`` (the
    chainerjax function, taking the fixture inputs positionally and the
    recorded kwargs) and are parameterized by ``case``.

    Forward is compared with Chainer's output, backward and double backward
    are checked numerically, and ``test_chainer_grads`` compares backprop
    with Chainer's input gradients for Chainer's upstream gradient.
    ``double_backward_cases`` lists the cases that run the double backward
    check (the others skip it to keep the suite fast);
    ``nondifferentiable_cases`` (e.g. ties of a max) skip the numerical
    checks. A function returning a tuple is tested on its first output.
    """

    fixtures = None
    double_backward_cases = ()
    nondifferentiable_cases = ()
    # None: every case runs the numerical backward check; otherwise only
    # these (composite functions are slow to check).
    backward_cases = None

    def setUp(self):
        inputs, self.kwargs, self.y, self.gy, self.gxs = \
            self.fixtures.case(self.case)
        self.inputs = inputs
        self.dtype = self.y.dtype
        fwd, bwd, dbl = tolerances(self.dtype)
        self.check_forward_options = dict(fwd)
        self.check_backward_options = dict(bwd)
        self.check_double_backward_options = dict(dbl)
        self.skip_double_backward_test = (
            self.case not in self.double_backward_cases)
        if (self.backward_cases is not None
                and self.case not in self.backward_cases):
            self.skip_backward_test = True
        if self.case in self.nondifferentiable_cases:
            self.skip_backward_test = True
            self.skip_double_backward_test = True
        self.contiguous = None

    def call(self, *inputs):
        y = self.func(*inputs, **self.kwargs)
        return y[0] if isinstance(y, tuple) else y

    def generate_inputs(self):
        return tuple(a.copy() for a in self.inputs)

    def forward(self, inputs, device):
        return self.call(*inputs),

    def forward_expected(self, inputs):
        return self.y,

    def test_chainer_grads(self, backend_config):
        vs = [chainerjax.Variable(a) if a.dtype.kind == 'f' else a
              for a in self.inputs]
        y = self.call(*vs)
        assert y.dtype == self.y.dtype
        assert y.shape == self.y.shape
        y.grad = self.gy
        y.backward()
        fwd, _, _ = tolerances(self.dtype)
        if self.dtype == numpy.float16:
            tol = {'atol': 2e-2, 'rtol': 2e-2}
        else:
            tol = {'atol': fwd['atol'] * 10, 'rtol': fwd['rtol'] * 10}
        for v, expected in zip(vs, self.gxs):
            if expected is None:
                continue
            assert v.grad is not None
            assert v.grad.dtype == expected.dtype
            numpy.testing.assert_allclose(v.grad, expected, **tol)
