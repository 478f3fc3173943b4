"""Self-tests of the comparison machinery: a lenient checker hides bugs."""
import numpy

from compat_tests import _harness


def _expected(result):
    return _harness.split_result('case', result)


def test_identical_passes():
    r = {'a': numpy.ones(3, numpy.float32), 's': 'x', 'n': None, 'i': 3,
         'l': [1, 2], 'f': float('nan')}
    assert _harness.compare('case', _expected(r), dict(r)) == []


def test_missing_key_fails():
    exp = _expected({'a': numpy.ones(3, numpy.float32), 's': 'x'})
    assert any('missing' in e for e in
               _harness.compare('case', exp, {'s': 'x'}))
    assert any('missing' in e for e in _harness.compare(
        'case', exp, {'a': numpy.ones(3, numpy.float32)}))


def test_extra_key_fails():
    exp = _expected({'s': 'x'})
    assert _harness.compare('case', exp, {'s': 'x', 't': 1})


def test_dtype_mismatch_fails():
    exp = _expected({'a': numpy.ones(3, numpy.float32)})
    assert _harness.compare('case', exp, {'a': numpy.ones(3, numpy.float64)})


def test_shape_mismatch_fails():
    exp = _expected({'a': numpy.ones(3, numpy.float32)})
    assert _harness.compare('case', exp,
                            {'a': numpy.ones((1, 3), numpy.float32)})


def test_value_tolerances():
    for dtype, ok, bad in (('float16', 1.005, 1.05),
                           ('float32', 1.00001, 1.001),
                           ('float64', 1 + 1e-12, 1 + 1e-8)):
        exp = _expected({'a': numpy.ones(3, dtype)})
        assert _harness.compare(
            'case', exp, {'a': numpy.full(3, ok, dtype)}) == [], dtype
        assert _harness.compare(
            'case', exp, {'a': numpy.full(3, bad, dtype)}), dtype


def test_nan_positions_must_match():
    exp = _expected({'a': numpy.array([numpy.nan, 1.0], numpy.float32)})
    assert _harness.compare(
        'case', exp, {'a': numpy.array([1.0, 1.0], numpy.float32)})


def test_integer_arrays_exact():
    exp = _expected({'a': numpy.array([1, 2], numpy.int32)})
    assert _harness.compare('case', exp,
                            {'a': numpy.array([1, 3], numpy.int32)})


def test_scalars_exact_and_typed():
    exp = _expected({'s': 'TypeError', 'b': True, 'i': 1})
    assert _harness.compare('case', exp,
                            {'s': 'ValueError', 'b': True, 'i': 1})
    assert _harness.compare('case', exp, {'s': 'TypeError', 'b': 1, 'i': 1})
    assert _harness.compare('case', exp,
                            {'s': 'TypeError', 'b': True, 'i': 1.0})


def test_array_vs_scalar_fails():
    exp = _expected({'a': numpy.ones(2, numpy.float32)})
    assert _harness.compare('case', exp, {'a': 'None'})
    exp = _expected({'a': 'None'})
    assert _harness.compare('case', exp, {'a': numpy.ones(2, numpy.float32)})


def test_every_case_has_a_fixture():
    for module in _harness.CASE_MODULES:
        fixture = _harness.load_fixture(module)
        names = [n for n, _ in _harness.load_cases(module)]
        assert sorted(names) == sorted(fixture), module


def test_fixture_versions():
    import json
    import os
    with open(os.path.join(_harness.FIXTURES, 'VERSIONS.json')) as f:
        versions = json.load(f)
    assert versions['chainer'] == '7.8.1'


def test_tolerance_override_is_per_key():
    exp = _expected({'x_g1': numpy.ones(2, numpy.float16),
                     'x_g0': numpy.ones(2, numpy.float16)})
    act = {'x_g1': numpy.full(2, 1.03, numpy.float16),
           'x_g0': numpy.full(2, 1.03, numpy.float16)}
    tol = {'*_g1': (1e-2, 1e-1)}
    errors = _harness.compare('case', exp, act, tol)
    assert len(errors) == 1 and errors[0].startswith('x_g0'), errors


def test_locate_sub_package_modules():
    mod, folder, base = _harness.locate('functions.activation')
    assert mod == 'compat_tests.functions.cases_activation'
    assert base == 'activation'
    assert folder.endswith('functions/fixtures')
    assert _harness.locate('core') == (
        'compat_tests.cases.core', _harness.FIXTURES, 'core')
