import copy
import inspect
import warnings

import numpy
import pytest

import chainerjax
from chainerjax import iterators
from chainerjax import optimizers
from chainerjax import training
from chainerjax.dataset import convert
from chainerjax.training import updaters
from chainerjax.training.updaters import multiprocess_parallel_updater as mpu

from tests.training_tests import _models


def _setup(n=8, batch=4, lr=0.1):
    model = _models.make_model()
    opt = optimizers.SGD(lr=lr)
    opt.setup(model)
    it = iterators.SerialIterator(_models.make_data(n=n), batch,
                                  shuffle=False)
    return model, opt, it


def _train(updater, model, n):
    # Runs n updates; returns what the model reported at each.
    reports = []
    reporter = chainerjax.Reporter()
    reporter.add_observer('main', model)
    for _ in range(n):
        observation = {}
        with reporter.scope(observation):
            updater.update()
        reports.append({k: float(v.array if hasattr(v, 'array') else v)
                        for k, v in observation.items()})
    return reports


def _params(model):
    return {k: numpy.asarray(p.array) for k, p in model.namedparams()}


def _assert_same_params(a, b, **tol):
    assert a.keys() == b.keys()
    for k in a:
        numpy.testing.assert_allclose(a[k], b[k], err_msg=k, **tol)


class TestParallelUpdater:

    def test_signature_and_exports(self):
        params = inspect.signature(updaters.ParallelUpdater).parameters
        assert [(k, p.default) for k, p in params.items()] == [
            ('iterator', inspect.Parameter.empty),
            ('optimizer', inspect.Parameter.empty),
            ('converter', convert.concat_examples), ('models', None),
            ('devices', None), ('loss_func', None), ('loss_scale', None),
            ('auto_new_epoch', True)]
        assert training.ParallelUpdater is updaters.ParallelUpdater
        assert issubclass(updaters.ParallelUpdater, updaters.StandardUpdater)

    def test_same_as_standard_updater_with_one_warning(self):
        model, opt, it = _setup()
        with pytest.warns(UserWarning) as record:
            updater = updaters.ParallelUpdater(
                it, opt, devices={'main': '@numpy', 'second': '@numpy'})
        assert len(record) == 1
        message = str(record[0].message)
        assert 'not implemented' in message and 'main device' in message
        assert 'second' in message
        reports = _train(updater, model, 3)

        ref_model, ref_opt, ref_it = _setup()
        ref = updaters.StandardUpdater(ref_it, ref_opt, device='@numpy')
        assert reports == _train(ref, ref_model, 3)
        assert set(reports[0]) == {'main/loss', 'main/accuracy'}
        _assert_same_params(_params(model), _params(ref_model))
        assert updater.iteration == 3 and updater.epoch == 1
        assert opt.epoch == 1  # auto_new_epoch

    def test_single_device_does_not_warn(self):
        model, opt, it = _setup()
        with warnings.catch_warnings():
            warnings.simplefilter('error')
            updater = updaters.ParallelUpdater(it, opt,
                                               devices={'main': '@numpy'})
        updater.update()
        assert updater.device == chainerjax.get_device('@numpy')

    def test_models_other_than_main_are_unused(self):
        model, opt, it = _setup()
        other = copy.deepcopy(model)
        before = _params(other)
        with pytest.warns(UserWarning, match='not implemented'):
            updater = updaters.ParallelUpdater(
                it, opt, models={'main': model, 'sub': other})
        updater.update()
        _assert_same_params(_params(other), before, rtol=0, atol=0)
        assert opt.t == 1

    def test_errors(self):
        model, opt, it = _setup()
        with pytest.raises(ValueError, match='models or devices'):
            updaters.ParallelUpdater(it, opt)
        with pytest.raises(KeyError, match='main'):
            updaters.ParallelUpdater(it, opt, devices={'a': '@numpy'})


class TestMultiprocessParallelUpdater:

    def _iterators(self):
        data = _models.make_data(n=8)
        a, b = chainerjax.datasets.split_dataset(data, 4)
        return [iterators.SerialIterator(a, 2, shuffle=False),
                iterators.SerialIterator(b, 2, shuffle=False)]

    def test_signature(self):
        params = inspect.signature(
            updaters.MultiprocessParallelUpdater).parameters
        assert [(k, p.default) for k, p in params.items()] == [
            ('iterators', inspect.Parameter.empty),
            ('optimizer', inspect.Parameter.empty),
            ('converter', convert.concat_examples), ('devices', None),
            ('auto_new_epoch', True)]
        assert updaters.MultiprocessParallelUpdater.available()

    def test_update_joins_the_batches_of_all_iterators(self):
        model, opt, _ = _setup()
        its = self._iterators()
        with pytest.warns(UserWarning) as record:
            updater = updaters.MultiprocessParallelUpdater(
                its, opt, devices=['@numpy', '@numpy'])
        assert len(record) == 1
        assert 'not implemented' in str(record[0].message)
        assert opt.lr == 0.1  # not rescaled: the loss is of the joined batch
        reports = _train(updater, model, 2)
        assert updater.epoch == 1 and updater.is_new_epoch
        assert opt.epoch == 1

        # Chainer's update: the gradients of the sub-batches (one per
        # device) are added and the learning rate is divided by 2.
        ref = _models.make_model()
        ref_opt = optimizers.SGD(lr=0.1 / 2)
        ref_opt.setup(ref)
        ref_its = self._iterators()
        for _ in range(2):
            ref.cleargrads()
            for it in ref_its:
                x, t = convert.concat_examples(it.next())
                ref(x, t).backward()
            ref_opt.update()
        _assert_same_params(_params(model), _params(ref), rtol=1e-5,
                            atol=1e-6)

        # The reported loss is the one of the joined batch.
        joined = self._iterators()
        x, t = convert.concat_examples(joined[0].next() + joined[1].next())
        first = _models.make_model()
        loss = float(first(x, t).array)
        assert reports[0]['main/loss'] == pytest.approx(loss, rel=1e-6)

    def test_dict_devices_and_finalize(self):
        model, opt, _ = _setup()
        its = self._iterators()
        finalized = []
        for it in its:
            it.finalize = lambda it=it: finalized.append(it)
        with warnings.catch_warnings():
            warnings.simplefilter('error')
            updater = updaters.MultiprocessParallelUpdater(
                its[:1], opt, devices={'main': '@numpy'})
        updater.update()
        updater.finalize()
        assert finalized[0] is its[0]

    def test_errors(self):
        model, opt, _ = _setup()
        its = self._iterators()
        with pytest.raises(AssertionError):
            updaters.MultiprocessParallelUpdater(its, opt, devices=['@numpy'])
        short = iterators.SerialIterator(_models.make_data(n=2), 2)
        with pytest.raises(AssertionError):
            updaters.MultiprocessParallelUpdater(
                [its[0], short], opt, devices=['@numpy', '@numpy'])
        with pytest.raises(ValueError, match='GPU devices'):
            updaters.MultiprocessParallelUpdater(its, opt,
                                                 devices=['@numpy', None])
        with pytest.raises(ValueError, match='dict, list or tuple'):
            updaters.MultiprocessParallelUpdater(its, opt, devices='ab')

    def test_gather_and_scatter(self):
        model = _models.make_model()
        x, t = convert.concat_examples(
            list(_models.make_data(n=4)))
        model.cleargrads()
        model(x, t).backward()
        size, num = mpu.size_num_grads(model)
        assert num == 4 and size == sum(p.size for p in model.params())
        params = mpu.gather_params(model)
        grads = mpu.gather_grads(model)
        assert params.shape == grads.shape == (size,)
        assert params.dtype == numpy.float32
        names = sorted(k for k, _ in model.namedparams())
        W1 = dict(model.namedparams())[names[0]]
        numpy.testing.assert_array_equal(
            numpy.asarray(params[:W1.size]), numpy.asarray(W1.array).ravel())

        other = _models.make_model(seed=1)
        mpu.scatter_params(other, params)
        mpu.scatter_grads(other, grads * 2)
        for (k, p), (_, q) in zip(sorted(model.namedparams()),
                                  sorted(other.namedparams())):
            numpy.testing.assert_array_equal(numpy.asarray(q.array),
                                             numpy.asarray(p.array))
            numpy.testing.assert_allclose(numpy.asarray(q.grad),
                                          2 * numpy.asarray(p.grad))
            assert type(q.array) is type(p.array)
