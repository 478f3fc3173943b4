"""Programs with dropout: compiled chainerjax against eager chainerjax.

Chainer draws dropout masks from NumPy's global generator, chainerjax from
JAX keys, so no run of chainerjax can reproduce Chainer's masks and there
is no Chainer fixture to compare with. Instead the same program (the Fire
network and the truncated-BPTT language model of ``_programs.py``, with
dropout on) runs twice in chainerjax from the same
``chainerjax.random.seed``: eagerly and compiled. Both draw from one key
stream, key for key, so they must agree to float32 rounding.
"""
import jax
import numpy
import pytest

import chainerjax
from chainerjax import random as cj_random
from compat_tests import _harness
from compat_tests.jit import _programs

SEED = 3
RATIO = 0.5
TOL = {'*': (1e-5, 1e-6)}


@pytest.fixture(autouse=True)
def _reset_random():
    yield
    cj_random.reset()


def _run(name, mode, out):
    cj_random.seed(SEED)
    result, _ = _programs.PROGRAMS[name](chainerjax, mode, out,
                                         dropout=RATIO)
    # where the run left the key stream
    return result, numpy.asarray(jax.random.key_data(cj_random.get_state()))


def _losses(result):
    if 'losses' in result:
        return numpy.asarray(result['losses'], numpy.float64)
    return numpy.array([float(result['log/%02d/main/loss' % i])
                        for i in range(result['log/length'])])


@pytest.mark.parametrize('name', ['fire', 'lstm_bptt'])
def test_jit_matches_eager_with_dropout(name, tmp_path):
    eager, eager_key = _run(name, False, str(tmp_path / 'eager'))
    jitted, jit_key = _run(name, True, str(tmp_path / 'jit'))
    # values only: the types of the state are test_programs' business
    eager, jitted = [{k: v for k, v in r.items() if not k.startswith(
        'types/')} for r in (eager, jitted)]
    expected = _harness.split_result(name, eager)
    errors = _harness.compare(name, expected, jitted, TOL)
    assert not errors, '\n'.join(errors)
    # both runs leave the key stream at the same place
    numpy.testing.assert_array_equal(jit_key, eager_key)
    # dropout was on: the losses are not those of Chainer's run without it
    arrays, scalars = _harness.load_fixture('jit.programs')[name]
    assert not numpy.allclose(_losses(eager),
                              _losses(dict(arrays, **scalars)), rtol=1e-3)
