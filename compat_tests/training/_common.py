"""Helpers of the training compat tests: running the programs of
``programs/`` in a subprocess and comparing the trainer states they
leave (``final.npz``, ``log``)."""
import json
import os
import subprocess
import sys

import numpy

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, 'programs')
FIXTURES = os.path.join(HERE, 'fixtures')
RESUMABLE = os.path.join(PROGRAMS, 'train_resumable.py')

# Keys whose values legitimately differ between two runs.
UNCOMPARED = {'_snapshot_elapsed_time'}


def run_program(script, args, env=None, python=None, expect_rc=0,
                cwd=None):
    """Runs ``script`` with ``args`` under ``python -m chainerjax`` (or
    under ``python`` itself when ``python`` is given, e.g. real
    Chainer's interpreter) and returns the CompletedProcess."""
    full_env = dict(os.environ)
    full_env.setdefault('JAX_PLATFORMS', 'cpu')
    full_env.pop('TRAIN_KILL_AT_ITERATION', None)
    full_env.pop('TRAIN_KILL_IN_SNAPSHOT', None)
    full_env.update(env or {})
    if python is None:
        cmd = [sys.executable, '-m', 'chainerjax', script]
    else:
        cmd = [python, script]
    proc = subprocess.run(cmd + list(args), env=full_env, cwd=cwd,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=300)
    if proc.returncode != expect_rc:
        raise AssertionError(
            '{} exited with {} (expected {})\nstdout:\n{}\nstderr:\n{}'
            .format(' '.join(cmd + list(args)), proc.returncode,
                    expect_rc, proc.stdout[-3000:], proc.stderr[-3000:]))
    return proc


def load_state(path):
    """The arrays of a saved trainer, as a dict."""
    with numpy.load(path) as f:
        return {k: f[k] for k in f.keys()}


def strip_log(log):
    """A LogReport log without its ``elapsed_time`` entries."""
    return [{k: v for k, v in e.items() if k != 'elapsed_time'}
            for e in log]


def read_log(path):
    with open(path) as f:
        return json.load(f)


def assert_logs_equal(actual, expected, rtol, atol):
    actual = strip_log(actual)
    expected = strip_log(expected)
    assert len(actual) == len(expected)
    for a, e in zip(actual, expected):
        assert sorted(a) == sorted(e)
        for key in e:
            if isinstance(e[key], float):
                assert isinstance(a[key], float), key
                numpy.testing.assert_allclose(a[key], e[key], rtol=rtol,
                                              atol=atol, err_msg=key)
            else:
                assert a[key] == e[key] and type(a[key]) is type(e[key]), \
                    (key, a[key], e[key])


def assert_states_equal(actual, expected, rtol, atol):
    """Every entry of two saved trainers agrees: integers, booleans and
    strings exactly, floats within (rtol, atol); the LogReport logs (JSON
    strings) are compared entry by entry without ``elapsed_time``."""
    assert sorted(actual) == sorted(expected)
    for key in sorted(expected):
        if key in UNCOMPARED:
            continue
        a, e = actual[key], expected[key]
        if key.endswith('/_log'):
            assert_logs_equal(json.loads(str(a)), json.loads(str(e)),
                              rtol, atol)
            continue
        assert a.shape == e.shape, key
        if e.dtype.kind == 'U':
            assert a.dtype.kind == 'U' and str(a) == str(e), key
            continue
        assert a.dtype == e.dtype, (key, a.dtype, e.dtype)
        if e.dtype.kind == 'f':
            numpy.testing.assert_allclose(a, e, rtol=rtol, atol=atol,
                                          err_msg=key)
        else:
            numpy.testing.assert_array_equal(a, e, err_msg=key)


def param_sums(state, prefix='updater/model:main'):
    """``{'/predictor/l1/W': sum, ...}`` of the model in a saved trainer,
    as the program's ``resumed.json`` records them."""
    return {key[len(prefix):]: float(numpy.asarray(v, numpy.float64).sum())
            for key, v in sorted(state.items())
            if key.startswith(prefix + '/')}
