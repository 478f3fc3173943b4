"""chainerjax's ``chainer.initializers`` against Chainer 7.8.1
(``cases_initializers.py``, fixtures by ``generate.py``).

Both frameworks draw from NumPy with the same seeds, so every array is
compared exactly, except those that go through a QR decomposition
(``Orthogonal``: LAPACK builds may differ in the last bits).
"""
import pytest

from compat_tests import _harness
from compat_tests.initializers import cases_initializers

MODULE = 'initializers.initializers'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {}

EXACT = {'*': (0, 0)}
# QR of the same Gaussian matrix: float64 to a few ulps; the float16 and
# float32 results are those rounded, and agree exactly.
ORTHOGONAL = {'*float64*': (1e-12, 1e-14), '*gram': (1e-12, 1e-14),
              '*': (0, 0)}
TOLERANCES = {name: EXACT for name, _ in _harness.load_cases(MODULE)}
TOLERANCES['case_orthogonal'] = ORTHOGONAL
TOLERANCES['case_orthogonal_modes'] = ORTHOGONAL
# its 'orthogonal' array is a QR too (float64; it differed in the last bits
# in one full run on an AMD EPYC, with other tests' threads running)
TOLERANCES['case_normal_generator_rng'] = {
    'orthogonal': (1e-12, 1e-14), '*': (0, 0)}


def test_every_case_has_a_fixture():
    names = [n for n, _ in _harness.load_cases(MODULE)]
    assert sorted(names) == sorted(_harness.load_fixture(MODULE))
    assert cases_initializers.DTYPES == ('float16', 'float32', 'float64')


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case, TOLERANCES)
