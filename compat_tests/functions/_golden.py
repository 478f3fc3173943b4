"""``chainerjax.testing.FunctionTestCase`` against Chainer's golden values.

A test class names its case of ``ftc_cases_<sub-package>.py``::

    @testing.parameterize(*_golden.product(A.elu))
    @testing.inject_backend_tests(None, [{}])
    class TestElu(_golden.FunctionTestCase):
        case = A.elu

:func:`product` gives the case's parameter sets (``testing.product`` of
each of its grids), which ``testing.parameterize`` turns into class
attributes. :class:`FunctionTestCase` then

* ``generate_inputs``: builds the case's deterministic inputs (the same
  framework-independent code as ``generate_ftc.py``);
* ``forward``: runs the case's forward with ``chainerjax.functions``;
* ``forward_expected``: returns what real Chainer 7.8.1 computed on those
  inputs (``fixtures/ftc_<sub-package>.npz``), after checking that the
  inputs are the ones Chainer saw (their digest);
* ``generate_grad_outputs`` / ``generate_grad_grad_inputs``: deterministic
  random arrays (seeded from the case key), so a failure reproduces.

Backward and double backward are checked by ``FunctionTestCase`` itself
against numerical gradients (``chainerjax.gradient_check``) computed in
float64. Double backward runs for the dtypes of
:attr:`FunctionTestCase.double_backward_dtypes` (float64 unless a class
says otherwise): compiling the second-order kernels of every function in
float16 and float32 would cost most of the layer's CI time, and the case
harness (``test_case``) already compares float16/float32 gradients with
Chainer's. A parameter set of another dtype has no ``test_double_backward``.
The tolerances (``check_forward_options``, ``check_backward_options``,
``check_double_backward_options``) start from per-dtype defaults
(:data:`FORWARD`, :data:`BACKWARD`); a class adjusts them in ``setUp``, as
Chainer's tests do.
"""
import os

import numpy

import chainerjax
from chainerjax import functions
from chainerjax import testing
from compat_tests.functions import ftc_cases

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        'fixtures')

# Forward against Chainer: float16 and float32 as compat_tests' comparison;
# float64 a little looser than the case harness (XLA's and NumPy's
# transcendental functions differ in the last bits).
FORWARD = {
    'float16': {'atol': 1e-3, 'rtol': 1e-2},
    'float32': {'atol': 1e-5, 'rtol': 1e-4},
    'float64': {'atol': 1e-10, 'rtol': 1e-8},
}
# Backprop in the input dtype against a float64 numerical gradient.
BACKWARD = {
    'float16': {'atol': 1e-2, 'rtol': 1e-2},
    'float32': {'atol': 1e-4, 'rtol': 1e-3},
    'float64': {'atol': 1e-5, 'rtol': 1e-4},
}

_fixtures = {}


def load(table):
    """``{key: array}`` of ``fixtures/ftc_<table>.npz`` (cached)."""
    if table not in _fixtures:
        path = os.path.join(FIXTURES, 'ftc_{}.npz'.format(table))
        with numpy.load(path, allow_pickle=False) as npz:
            _fixtures[table] = {k: npz[k] for k in npz.files}
    return _fixtures[table]


def product(case):
    """The parameter sets of ``case`` for ``testing.parameterize``."""
    out = []
    for grid in case.grid:
        out.extend(testing.product(grid))
    return out


def _random_like(templates, seed):
    rs = numpy.random.RandomState(seed)
    return tuple([rs.uniform(-1, 1, a.shape).astype(a.dtype)
                  for a in templates])


class FunctionTestCase(testing.FunctionTestCase):
    """A FunctionTestCase whose case and expected outputs come from the
    tables and Chainer's fixtures (see the module docstring)."""

    case = None
    # The dtypes whose parameter sets get test_double_backward.
    double_backward_dtypes = (numpy.float64,)

    def __init_subclass__(cls, **kwargs):
        # testing.parameterize sets ``dtype`` on the classes it generates;
        # those of another dtype lose test_double_backward (None is not
        # collected).
        super().__init_subclass__(**kwargs)
        dtype = cls.__dict__.get('dtype')
        if dtype is not None and numpy.dtype(dtype) not in [
                numpy.dtype(d) for d in cls.double_backward_dtypes]:
            cls.test_double_backward = None

    def __init__(self, *args, **kwargs):
        super(FunctionTestCase, self).__init__(*args, **kwargs)
        case = self.case
        if case is None:
            raise TypeError('{} names no case'.format(type(self).__name__))
        given = {k: getattr(self, k) for k in case.keys if hasattr(self, k)}
        self.params = case.resolve(given)
        self.case_key = case.key(self.params)
        dtype = numpy.dtype(self.params.get('dtype', numpy.float32)).name
        self.check_forward_options = dict(FORWARD[dtype])
        self.check_backward_options = dict(BACKWARD[dtype])
        self.check_double_backward_options = dict(BACKWARD[dtype])

    def generate_inputs(self):
        return self.case.inputs(self.params)

    def forward(self, inputs, device):
        return self.case.run(chainerjax, functions, self.params, inputs)

    def forward_expected(self, inputs):
        stored = load(self.case.table)
        prefix = self.case_key + '/'
        sha = stored.get(prefix + 'inputs_sha1')
        if sha is None:
            raise AssertionError(
                'no golden values for {} in ftc_{}.npz: regenerate with '
                'compat_tests/functions/generate_ftc.py'.format(
                    self.case_key, self.case.table))
        if not numpy.array_equal(sha, ftc_cases.digest(inputs)):
            raise AssertionError(
                '{}: the inputs differ from those of the fixture (stale '
                'fixture: regenerate)'.format(self.case_key))
        n = 0
        while '{}y{}'.format(prefix, n) in stored:
            n += 1
        return tuple([stored['{}y{}'.format(prefix, i)] for i in range(n)])

    def generate_grad_outputs(self, outputs_template):
        return _random_like(outputs_template, self.case.seed(self.params, 1))

    def generate_grad_grad_inputs(self, inputs_template):
        return _random_like(inputs_template, self.case.seed(self.params, 2))
