import numpy
import pytest

from chainerjax import random as cj_random
from chainerjax import utils
from chainerjax.utils import walker_alias
from tests.link_tests.loss_tests import _fixtures


@pytest.mark.parametrize('index', [0, 1, 2, 3])
def test_tables_match_chainer(index):
    c = _fixtures.case('walker_{}'.format(index))
    sampler = walker_alias.WalkerAlias(c['probs'])
    numpy.testing.assert_array_equal(sampler.threshold, c['threshold'])
    numpy.testing.assert_array_equal(sampler.values, c['values'])
    assert sampler.threshold.dtype == numpy.float32
    assert sampler.values.dtype == numpy.int32


def test_exported():
    assert utils.WalkerAlias is walker_alias.WalkerAlias
    import chainerjax.alias  # NOQA
    import chainer.utils
    assert chainer.utils.WalkerAlias is walker_alias.WalkerAlias


def test_distribution():
    probs = numpy.array([0.1, 0., 0.5, 0.4])
    sampler = walker_alias.WalkerAlias(probs)
    numpy.random.seed(0)
    s = sampler.sample((200, 500))
    assert isinstance(s, numpy.ndarray) and s.flags.writeable
    assert s.shape == (200, 500) and s.dtype == numpy.int32
    freq = numpy.bincount(s.ravel(), minlength=4) / s.size
    assert freq[1] == 0
    # 3 standard deviations of a frequency estimated from 1e5 draws
    numpy.testing.assert_allclose(freq, probs, atol=5e-3)
    assert sampler.sample(3).shape == (3,)
    assert not sampler.use_gpu


def test_sample_xp_numpy_matches_chainer_algorithm():
    sampler = walker_alias.WalkerAlias([1., 2., 3.])
    numpy.random.seed(1)
    s = sampler.sample_xp(numpy, (1000,))
    numpy.random.seed(1)
    pb = numpy.random.uniform(0, 3, (1000,))
    index = pb.astype(numpy.int32)
    lr = sampler.threshold[index] < (pb.astype(numpy.float32)
                                     - index.astype(numpy.float32))
    numpy.testing.assert_array_equal(
        s, sampler.values[index * 2 + lr.astype(numpy.int32)])


def test_seeded():
    sampler = walker_alias.WalkerAlias([1., 2., 3., 4.])
    try:
        cj_random.seed(3)
        a = sampler.sample((4, 5))
        cj_random.seed(3)
        b = sampler.sample((4, 5))
        c = sampler.sample((4, 5))
    finally:
        cj_random.reset()
    numpy.testing.assert_array_equal(a, b)
    assert (a != c).any()
    numpy.random.seed(5)
    d = sampler.sample((4, 5))
    numpy.random.seed(5)
    numpy.testing.assert_array_equal(sampler.sample((4, 5)), d)


def test_jax_device():
    import jax
    sampler = walker_alias.WalkerAlias([1., 2., 3., 4.])
    sampler.to_device('@jax:cpu:0')
    assert isinstance(sampler.threshold, jax.Array)
    s = sampler.sample((2, 3))
    assert isinstance(s, jax.Array) and s.dtype == numpy.int32
    # (inside chainerjax.jit a new sample is drawn at every call: see
    # tests/link_tests/loss_tests/test_negative_sampling.py)
