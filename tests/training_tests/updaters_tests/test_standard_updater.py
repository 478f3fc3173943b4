import unittest.mock

import numpy
import pytest

import chainerjax
from chainerjax import backend
from chainerjax import iterators
from chainerjax import optimizers
from chainerjax import training
from chainerjax.dataset import convert
from chainerjax.serializers import npz

from tests.training_tests import _models


def _updater(**kwargs):
    dataset = _models.make_data(n=8)
    model = _models.make_model()
    opt = optimizers.SGD(lr=0.1)
    opt.setup(model)
    it = iterators.SerialIterator(dataset, 4, shuffle=False)
    return training.updaters.StandardUpdater(it, opt, **kwargs), opt, it


def test_update_and_counters():
    updater, opt, it = _updater()
    assert updater.iteration == 0 and updater.epoch == 0
    assert updater.previous_epoch_detail is None
    assert opt.use_auto_new_epoch
    updater.update()
    assert updater.iteration == 1 and opt.t == 1
    assert updater.epoch_detail == 0.5 and not updater.is_new_epoch
    updater.update()
    assert updater.epoch == 1 and updater.is_new_epoch
    assert opt.epoch == 1
    assert updater.previous_epoch_detail == 0.5
    assert updater.get_iterator('main') is it
    assert updater.get_optimizer('main') is opt
    assert updater.get_all_optimizers() == {'main': opt}


def test_converter_outputs():
    model = unittest.mock.MagicMock()
    opt = unittest.mock.MagicMock()
    opt.target = model
    it = iterators.SerialIterator([1, 2], 2, shuffle=False)
    for result, check in [
            ((1, 2), lambda c: c.args == (model, 1, 2)),
            ({'a': 1}, lambda c: c.args == (model,) and c.kwargs == {'a': 1}),
            (5, lambda c: c.args == (model, 5))]:
        opt.update.reset_mock()
        updater = training.updaters.StandardUpdater(
            it, opt, converter=lambda batch, device: result)
        updater.update()
        assert check(opt.update.call_args)


def test_loss_func_and_auto_new_epoch_false():
    calls = []

    def loss_func(x, t):
        calls.append(x.shape)
        return chainerjax.functions.sum(
            chainerjax.Variable(numpy.zeros((), numpy.float32)) * 0)
    updater, opt, _ = _updater(loss_func=loss_func, auto_new_epoch=False)
    assert not opt.use_auto_new_epoch
    updater.update()
    updater.update()
    assert calls == [(4, 4), (4, 4)]
    assert opt.epoch == 0


def test_devices():
    updater, opt, _ = _updater(device='@jax:cpu:0')
    assert updater.device == backend.get_device('@jax:cpu:0')
    assert updater.input_device == updater.device
    assert opt.target.device == backend.get_device('@jax:cpu:0')
    updater.update()
    updater, opt, _ = _updater(input_device='@jax:cpu:0')
    assert updater.device is None
    assert opt.target.device == backend.get_device('@numpy')
    updater.update()


def test_jit_flag_and_keywords():
    updater, _, _ = _updater(jit=True)
    assert updater.jit is True
    updater.update()
    # None: follow chainer.config.jit
    assert _updater()[0].jit is None
    with pytest.raises(TypeError):
        _updater(bad=1)
    assert _updater()[0].converter is convert.concat_examples


def test_loss_scale():
    updater, opt, _ = _updater(loss_scale=4.0)
    assert opt._loss_scale == 4.0


def test_serialize_roundtrip():
    updater, opt, _ = _updater()
    updater.update()
    state = npz.serialize(updater)
    assert 'iteration' in state and 'model:main/predictor/l1/W' in state
    updater2, opt2, it2 = _updater()
    updater2.serialize(npz.NpzDeserializer(state))
    assert updater2.iteration == 1 and opt2.t == 1
    assert it2.current_position == 4
    numpy.testing.assert_array_equal(
        opt2.target.predictor.l1.W.array, opt.target.predictor.l1.W.array)


def test_iterator_dict_and_finalize():
    dataset = _models.make_data(n=4)
    model = _models.make_model()
    opt = optimizers.SGD()
    opt.setup(model)
    main = iterators.SerialIterator(dataset, 2)
    other = unittest.mock.MagicMock()
    updater = training.updaters.StandardUpdater(
        {'main': main, 'other': other}, {'main': opt})
    updater.update()
    updater.finalize()
    other.finalize.assert_called_once_with()
    assert training.StandardUpdater is training.updaters.StandardUpdater
    assert issubclass(training.StandardUpdater, training.Updater)
