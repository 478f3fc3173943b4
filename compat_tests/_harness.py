"""Shared machinery of the compatibility suite.

Used by both sides:

* ``fixtures/generate.py`` (reference interpreter, real Chainer 7.8.1) runs
  every case and stores its results with :func:`save_fixture`;
* ``test_*.py`` (chainerjax) runs the same cases and compares with
  :func:`compare` against :func:`load_fixture`.

This module must not import chainer or chainerjax.
"""
import fnmatch
import importlib
import json
import math
import os
import tempfile

import numpy

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, 'fixtures')

# Every case module that has fixtures. A plain name ``m`` is
# ``cases/m.py`` with fixtures ``fixtures/m.{npz,json}``; a dotted name
# ``pkg.m`` is ``pkg/cases_m.py`` with fixtures ``pkg/fixtures/m.{npz,json}``
# (e.g. ``functions.activation``: ``functions/cases_activation.py``).
CASE_MODULES = (
    'core',
    'function_node',
    'legacy_function',
    'config',
    'devices',
    'type_check',
    'functions_basic',
    'functions.activation',
    'functions.array',
    'functions.connection',
    'functions.evaluation',
    'functions.loss',
    'functions.math',
    'functions.noise',
    'functions.normalization',
    'functions.pooling',
    'functions.rnn',
    'functions.util',
)

# (rtol, atol) by dtype kind/size.
TOLERANCES = {
    'float16': (1e-2, 1e-3),
    'float32': (1e-4, 1e-5),
    'float64': (1e-10, 1e-12),
}


def locate(module_name):
    """Returns (python module of the cases, fixture folder, fixture base
    name) of a case module name (see ``CASE_MODULES``)."""
    if '.' in module_name:
        package, name = module_name.rsplit('.', 1)
        folder = os.path.join(HERE, *package.split('.'))
        return ('compat_tests.{}.cases_{}'.format(package, name),
                os.path.join(folder, 'fixtures'), name)
    return 'compat_tests.cases.' + module_name, FIXTURES, module_name


def load_cases(module_name):
    """Returns ``[(name, function)]`` of a case module, in source order."""
    mod = importlib.import_module(locate(module_name)[0])
    cases = [(name, f) for name, f in vars(mod).items()
             if name.startswith('case_') and callable(f)]
    cases.sort(key=lambda item: item[1].__code__.co_firstlineno)
    return cases


def _is_array(v):
    return isinstance(v, (numpy.ndarray, numpy.generic))


def split_result(case_name, result):
    """Splits a case result into ({key: array}, {key: json value})."""
    if not isinstance(result, dict):
        raise TypeError('case {} returned {}, not a dict'.format(
            case_name, type(result)))
    arrays = {}
    scalars = {}
    for name, value in result.items():
        if not isinstance(name, str):
            raise TypeError('case {}: key {!r} is not a str'.format(
                case_name, name))
        if _is_array(value):
            a = numpy.asarray(value)
            if a.dtype.kind not in 'biuf':
                raise TypeError('case {}: key {} has dtype {}'.format(
                    case_name, name, a.dtype))
            arrays[name] = a
        else:
            scalars[name] = normalize_scalar(case_name, name, value)
    return arrays, scalars


def normalize_scalar(case_name, name, value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (tuple, list)):
        return [normalize_scalar(case_name, name, v) for v in value]
    raise TypeError('case {}: key {} has unsupported type {}'.format(
        case_name, name, type(value)))


def _atomic_write(path, write):
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path),
                               prefix='.' + os.path.basename(path) + '.')
    try:
        with os.fdopen(fd, 'wb') as f:
            write(f)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def save_fixture(module_name, results):
    """Writes ``<module>.npz`` and ``<module>.json`` atomically.

    Args:
        results: ``{case_name: result dict}``.
    """
    all_arrays = {}
    meta = {}
    for case_name, result in results.items():
        arrays, scalars = split_result(case_name, result)
        for k, a in arrays.items():
            all_arrays[case_name + '/' + k] = a
        meta[case_name] = {'arrays': sorted(arrays), 'scalars': scalars}
    _, folder, base = locate(module_name)
    if not os.path.isdir(folder):
        os.makedirs(folder)
    _atomic_write(os.path.join(folder, base + '.npz'),
                  lambda f: numpy.savez(f, **all_arrays))
    text = json.dumps(meta, indent=1, sort_keys=True) + '\n'
    _atomic_write(os.path.join(folder, base + '.json'),
                  lambda f: f.write(text.encode('utf-8')))


_fixture_cache = {}


def load_fixture(module_name):
    """Returns ``{case_name: (arrays dict, scalars dict)}``."""
    if module_name in _fixture_cache:
        return _fixture_cache[module_name]
    _, folder, base = locate(module_name)
    with open(os.path.join(folder, base + '.json')) as f:
        meta = json.load(f)
    with numpy.load(os.path.join(folder, base + '.npz'),
                    allow_pickle=False) as npz:
        stored = {k: npz[k] for k in npz.files}
    out = {}
    for case_name, entry in meta.items():
        arrays = {k: stored[case_name + '/' + k] for k in entry['arrays']}
        out[case_name] = (arrays, entry['scalars'])
    _fixture_cache[module_name] = out
    return out


def _same_scalar(a, b):
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(
            _same_scalar(x, y) for x, y in zip(a, b))
    if type(a) is not type(b):
        # json gives back ints for integral floats only if stored as int
        return False
    if isinstance(a, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


def _tolerance(key, dtype, tolerances):
    for pattern, tol in (tolerances or {}).items():
        if fnmatch.fnmatchcase(key, pattern):
            return tol
    return TOLERANCES[dtype]


def compare(case_name, expected, actual_result, tolerances=None):
    """Returns a list of disagreement messages (empty when all agree).

    Args:
        tolerances: ``{key pattern: (rtol, atol)}`` (``fnmatch`` patterns,
            first match wins) overriding ``TOLERANCES`` for some float
            arrays of the case, e.g. a float16 gradient that sums many
            terms, where Chainer's float16 arithmetic rounds more often
            than XLA's.
    """
    exp_arrays, exp_scalars = expected
    act_arrays, act_scalars = split_result(case_name, actual_result)
    errors = []
    for key in sorted(set(exp_arrays) | set(exp_scalars)):
        if key not in act_arrays and key not in act_scalars:
            errors.append('{}: missing in chainerjax output'.format(key))
    for key in sorted(set(act_arrays) | set(act_scalars)):
        if key not in exp_arrays and key not in exp_scalars:
            errors.append('{}: not in the fixture (regenerate fixtures)'
                          .format(key))
    for key, exp in sorted(exp_scalars.items()):
        if key in act_arrays:
            errors.append('{}: Chainer gave {!r}, chainerjax an array {!r}'
                          .format(key, exp, act_arrays[key]))
        elif key in act_scalars:
            act = act_scalars[key]
            if not _same_scalar(exp, act):
                errors.append('{}: Chainer {!r} != chainerjax {!r}'.format(
                    key, exp, act))
    for key, exp in sorted(exp_arrays.items()):
        if key in act_scalars:
            errors.append('{}: Chainer gave array {!r}, chainerjax {!r}'
                          .format(key, exp, act_scalars[key]))
            continue
        if key not in act_arrays:
            continue
        act = act_arrays[key]
        if exp.dtype != act.dtype:
            errors.append('{}: dtype Chainer {} != chainerjax {}'.format(
                key, exp.dtype, act.dtype))
            continue
        if exp.shape != act.shape:
            errors.append('{}: shape Chainer {} != chainerjax {}'.format(
                key, exp.shape, act.shape))
            continue
        if exp.dtype.kind == 'f':
            rtol, atol = _tolerance(key, exp.dtype.name, tolerances)
            ok = numpy.allclose(act, exp, rtol=rtol, atol=atol,
                                equal_nan=True)
        else:
            ok = numpy.array_equal(act, exp)
        if not ok:
            errors.append('{}: values differ\n  Chainer:    {}\n'
                          '  chainerjax: {}'.format(
                              key, _short(exp), _short(act)))
    return errors


def _short(a):
    return numpy.array2string(numpy.asarray(a), threshold=40,
                              precision=8).replace('\n', '\n' + ' ' * 14)


def run_and_compare(module_name, case_name, tolerances=None):
    """Runs one case with chainerjax and asserts it matches the fixture.

    Args:
        tolerances: ``{case_name: {key pattern: (rtol, atol)}}``, see
            :func:`compare`.
    """
    import pytest
    import chainerjax as chainer
    import chainerjax.functions as F
    fixture = load_fixture(module_name)
    if case_name not in fixture:
        pytest.fail('{}.{} has no fixture: regenerate with '
                    'compat_tests/fixtures/generate.py'.format(
                        module_name, case_name))
    func = dict(load_cases(module_name))[case_name]
    result = func(chainer, F, numpy)
    errors = compare(case_name, fixture[case_name], result,
                     (tolerances or {}).get(case_name))
    if errors:
        pytest.fail('{}.{} disagrees with Chainer 7.8.1:\n'.format(
            module_name, case_name) + '\n'.join(errors), pytrace=False)


def parametrize_cases(module_name, xfail=None):
    """The ``pytest.param`` list of all cases of a module.

    Args:
        xfail: ``{case_name: reason}`` of known disagreements (strict).
    """
    import pytest
    xfail = xfail or {}
    params = []
    for name, _ in load_cases(module_name):
        marks = ()
        if name in xfail:
            marks = (pytest.mark.xfail(strict=True, reason=xfail[name]),)
        params.append(pytest.param(name, id=name, marks=marks))
    unknown = set(xfail) - {p.id for p in params}
    if unknown:
        raise ValueError('xfail names unknown cases: {}'.format(unknown))
    return params
