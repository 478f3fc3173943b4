"""Link.copy(mode='share'): the copy's Parameters share the original's
array cell, as in Chainer, also when arrays are replaced (optimizer updates
on JAX devices, compiled steps)."""
import copy
import pickle

import numpy
import pytest

import chainerjax as chainer
import chainerjax.functions as F
import chainerjax.links as L
from chainerjax import optimizers


def _arr(v):
    return numpy.asarray(v)


@pytest.mark.parametrize('device', [None, '@jax:cpu:0'])
def test_copy_follows_replaced_arrays(device):
    numpy.random.seed(0)
    model = L.Linear(2, 3)
    if device is not None:
        model.to_device(device)
    shared = model.copy()
    assert shared.W is not model.W
    assert isinstance(shared.W, chainer.Parameter)
    model.W.array = model.xp.zeros((3, 2), numpy.float32)
    numpy.testing.assert_array_equal(_arr(shared.W.array), 0)
    # and the other way round
    shared.b.array = model.xp.ones(3, numpy.float32)
    numpy.testing.assert_array_equal(_arr(model.b.array), 1)


@pytest.mark.parametrize('device', [None, '@jax:cpu:0'])
@pytest.mark.parametrize('use_jit', [False, True])
def test_copy_sees_training_updates(device, use_jit):
    numpy.random.seed(0)
    model = L.Linear(2, 3)
    if device is not None:
        model.to_device(device)
    eval_model = model.copy()
    opt = optimizers.SGD(lr=0.1)
    opt.setup(model)
    x = model.xp.ones((4, 2), numpy.float32)

    def step(x):
        opt.update(lambda x: F.sum(model(x)), x)

    if use_jit:
        step = chainer.jit(step)
    for _ in range(3):
        step(x)
    numpy.testing.assert_array_equal(_arr(eval_model.W.array),
                                     _arr(model.W.array))
    y = eval_model(x)
    numpy.testing.assert_allclose(_arr(y.array), _arr(model(x).array))


def test_gradients_stay_separate():
    model = L.Linear(2, 3)
    shared = model.copy()
    model.cleargrads()
    shared.W.grad = numpy.ones((3, 2), numpy.float32)
    assert model.W.grad is None


def test_deepcopy_and_pickle_give_independent_parameters():
    model = L.Linear(2, 3)
    shared = model.copy()
    for make in (copy.deepcopy, lambda x: pickle.loads(pickle.dumps(x))):
        other = make(shared)
        assert type(other.W) is chainer.Parameter
        numpy.testing.assert_array_equal(other.W.array, model.W.array)
        model.W.array = model.W.array + 1
        assert not numpy.array_equal(other.W.array, model.W.array)
