import io
import json
import os
import warnings

import numpy
import pytest

import chainerjax
from chainerjax import iterators
from chainerjax import optimizers
from chainerjax import testing
from chainerjax import training
from chainerjax.serializers import npz
from chainerjax.training import extensions

from tests.training_tests import _models


def _mock_trainer(stop=(6, 'iteration'), iter_per_epoch=3, out=None):
    trainer = testing.training.get_trainer_with_mock_updater(
        stop, iter_per_epoch=iter_per_epoch)
    if out is not None:
        trainer.out = out
    return trainer


def _reporting(values):
    # An extension reporting values[iteration - 1] as 'main/loss'.
    @training.make_extension(trigger=(1, 'iteration'),
                             priority=training.PRIORITY_WRITER)
    def report(trainer):
        chainerjax.report(
            {'main/loss': values[trainer.updater.iteration - 1]})
    return report


class TestLogReport:

    def test_means_and_file(self, tmp_path):
        trainer = _mock_trainer(out=str(tmp_path))
        trainer.extend(_reporting([1., 2., 3., 4., 5., 6.]))
        log_report = extensions.LogReport(trigger=(1, 'epoch'))
        trainer.extend(log_report)
        trainer.run()
        log = log_report.log
        assert [e['main/loss'] for e in log] == [2., 5.]
        assert [e['epoch'] for e in log] == [1, 2]
        assert [e['iteration'] for e in log] == [3, 6]
        with open(str(tmp_path / 'log')) as f:
            assert json.load(f) == log
        assert os.listdir(str(tmp_path)) == ['log']

    def test_keys_postprocess_filename(self, tmp_path):
        trainer = _mock_trainer(out=str(tmp_path))
        trainer.extend(_reporting([1.] * 6))

        def post(entry):
            entry['extra'] = 1
        trainer.extend(extensions.LogReport(
            keys=['other'], postprocess=post, filename='log_{epoch}'))
        trainer.run()
        with open(str(tmp_path / 'log_2')) as f:
            log = json.load(f)
        assert 'main/loss' not in log[0] and log[0]['extra'] == 1

    def test_no_file(self, tmp_path):
        trainer = _mock_trainer(out=str(tmp_path))
        trainer.extend(extensions.LogReport(log_name=None))
        trainer.run()
        assert os.listdir(str(tmp_path)) == []

    def test_log_name_alias(self):
        assert extensions.LogReport(log_name='x')._log_name == 'x'
        with pytest.raises(TypeError):
            extensions.LogReport(bad=1)

    def test_serialize(self):
        lr = extensions.LogReport()
        lr._log = [{'a': 1.0}]
        lr._summary.add({'a': 2.0})
        state = npz.serialize(lr)
        lr2 = extensions.LogReport()
        lr2.serialize(npz.NpzDeserializer(state))
        assert lr2.log == [{'a': 1.0}]
        assert float(lr2._summary.compute_mean()['a']) == 2.0


class TestPrintReport:

    def test_output(self, tmp_path):
        out = io.StringIO()
        trainer = _mock_trainer(out=str(tmp_path))
        trainer.extend(_reporting([1., 2., 3., 4., 5., 6.]))
        trainer.extend(extensions.LogReport())
        trainer.extend(extensions.PrintReport(
            ['epoch', 'main/loss', 'missing_entry_long'], out=out))
        trainer.run()
        lines = out.getvalue().split('\n')
        assert lines[0] == \
            'epoch       main/loss   missing_entry_long'
        assert lines[1] == '\x1b[J' + '1           2           ' + \
            ' ' * 20
        assert lines[2].startswith('\x1b[J2           5  ')
        assert lines[3] == ''

    def test_with_log_report_object(self, tmp_path):
        out = io.StringIO()
        trainer = _mock_trainer(out=str(tmp_path))
        log_report = extensions.LogReport()
        trainer.extend(extensions.PrintReport(
            ['iteration'], log_report=log_report, out=out))
        trainer.run()
        assert out.getvalue().count('\n') == 3
        assert 'main/loss' not in out.getvalue()
        p = extensions.PrintReport(['a'], log_report=3)
        with pytest.raises(TypeError):
            p(trainer)


def test_progress_bar(tmp_path):
    out = io.StringIO()
    trainer = _mock_trainer(stop=(4, 'iteration'), out=str(tmp_path))
    trainer.extend(extensions.ProgressBar(update_interval=2, out=out))
    trainer.run()
    text = out.getvalue()
    assert '     total [#########################' in text
    assert '50.00%' in text and '100.00%' in text
    assert '         4 iter, 1 epoch / 4 iterations' in text
    assert 'iters/sec. Estimated time to finish:' in text
    assert '\x1b[4A' in text


def test_progress_bar_training_length(tmp_path):
    out = io.StringIO()
    trainer = _mock_trainer(stop=(4, 'iteration'), out=str(tmp_path))
    trainer.extend(extensions.ProgressBar(
        training_length=(8, 'iteration'), update_interval=4, bar_length=10,
        out=out))
    trainer.run()
    assert '     total [#####.....] 50.00%' in out.getvalue()


class TestSnapshot:

    def test_files_and_retains(self, tmp_path):
        trainer = _mock_trainer(stop=(5, 'iteration'), out=str(tmp_path))
        trainer.extend(extensions.snapshot_object(
            _Obj(), 'obj_{.updater.iteration}', n_retains=2),
            trigger=(1, 'iteration'))
        trainer.run()
        assert sorted(os.listdir(str(tmp_path))) == ['obj_4', 'obj_5']
        with numpy.load(str(tmp_path / 'obj_5')) as f:
            assert int(f['value']) == 3

    def test_condition_and_callable_filename(self, tmp_path):
        trainer = _mock_trainer(stop=(2, 'iteration'), out=str(tmp_path))
        trainer.extend(extensions.snapshot_object(
            _Obj(), lambda t: 'f{}'.format(t.updater.iteration),
            condition=lambda: False), trigger=(1, 'iteration'))
        trainer.extend(extensions.snapshot_object(
            _Obj(), lambda t: 'g{}'.format(t.updater.iteration)),
            trigger=(1, 'iteration'))
        trainer.run()
        assert sorted(os.listdir(str(tmp_path))) == ['g1', 'g2']

    def test_savefun(self, tmp_path):
        calls = []

        def savefun(path, target):
            calls.append(sorted(target))
            with open(path, 'w') as f:
                f.write('x')
        trainer = _mock_trainer(stop=(1, 'iteration'), out=str(tmp_path))
        trainer.extend(extensions.snapshot_object(_Obj(), 'o',
                                                  savefun=savefun),
                       trigger=(1, 'iteration'))
        trainer.run()
        assert calls == [['value']]
        with pytest.raises(TypeError):
            extensions.snapshot(savefun=savefun,
                                writer=extensions.snapshot_writers
                                .SimpleWriter())
        with pytest.raises(TypeError):
            extensions.snapshot(bad=1)

    def test_snapshot_on_error(self, tmp_path):
        trainer = _mock_trainer(stop=(3, 'iteration'), out=str(tmp_path))
        trainer.extend(extensions.snapshot_object(
            _Obj(), 'err', snapshot_on_error=True), trigger=(10, 'epoch'))

        def fail(trainer):
            raise RuntimeError('x')
        trainer.extend(fail)
        with pytest.raises(RuntimeError):
            trainer.run(show_loop_exception_msg=False)
        assert os.listdir(str(tmp_path)) == ['err']

    def test_defaults(self):
        s = extensions.snapshot()
        assert s.trigger == (1, 'epoch')
        assert s.priority == -100
        assert s.filename == 'snapshot_iter_{.updater.iteration}'

    def test_thread_writer(self, tmp_path):
        trainer = _mock_trainer(stop=(2, 'iteration'), out=str(tmp_path))
        writer = extensions.snapshot_writers.ThreadWriter()
        trainer.extend(extensions.snapshot_object(
            _Obj(), 's{.updater.iteration}', writer=writer),
            trigger=(1, 'iteration'))
        trainer.run()
        assert sorted(os.listdir(str(tmp_path))) == ['s1', 's2']


class _Obj(object):
    def serialize(self, serializer):
        serializer('value', 3)


class TestEvaluator:

    def _setup(self):
        dataset = _models.make_data(n=10)
        model = _models.make_model()
        it = iterators.SerialIterator(dataset, 4, repeat=False,
                                      shuffle=False)
        return dataset, model, it

    def test_evaluate(self):
        dataset, model, it = self._setup()
        seen = []

        def eval_func(x, t):
            seen.append((len(x), chainerjax.config.train,
                         chainerjax.config.enable_backprop))
            return model(x, t)
        ev = extensions.Evaluator(it, model, eval_func=eval_func)
        ev.name = 'validation'
        r = chainerjax.Reporter()
        r.add_observer('main', model)
        obs = {}
        with r.scope(obs):
            result = ev()
        assert seen == [(4, False, False), (4, False, False),
                        (2, False, False)]
        assert set(result) == {'validation/main/loss',
                               'validation/main/accuracy'}
        assert set(obs) == set(result)
        x, t = chainerjax.dataset.concat_examples(dataset[:])
        with chainerjax.no_backprop_mode():
            losses = [float(_models.F.softmax_cross_entropy(
                model.predictor(x[i:i + 4]), t[i:i + 4]).array)
                for i in (0, 4, 8)]
        numpy.testing.assert_allclose(float(result['validation/main/loss']),
                                      numpy.mean(losses), rtol=1e-5)
        # A second call sees the whole dataset again (iterator reset).
        seen.clear()
        ev()
        assert len(seen) == 3

    @pytest.mark.filterwarnings('ignore:chainerjax.jit')
    def test_attributes(self):
        # the model computes its accuracy with NumPy: 'auto' runs it eagerly
        _, model, it = self._setup()
        hooks = []
        ev = extensions.Evaluator(it, model, eval_hook=hooks.append,
                                  jit='auto', progress_bar=False,
                                  device='@numpy')
        assert ev.jit == 'auto'
        assert ev.default_name == 'validation'
        assert ev.trigger == (1, 'epoch')
        assert ev.priority == training.PRIORITY_WRITER
        assert ev.get_iterator('main') is it
        assert ev.get_target('main') is model
        assert ev.get_all_targets() == {'main': model}
        ev()
        assert hooks == [ev]
        with pytest.raises(TypeError):
            extensions.Evaluator(it, model, bad=1)

    def test_repeat_warning(self):
        _, model, _ = self._setup()
        with pytest.warns(UserWarning, match='repeat'):
            extensions.Evaluator(
                iterators.SerialIterator([1], 1), model)

    def test_progress_bar(self, capsys):
        _, model, it = self._setup()
        ev = extensions.Evaluator(it, model, progress_bar=True)
        ev()
        assert 'validation [' in capsys.readouterr().out


class _Opt(object):
    lr = 1.0


def _shift_trainer(ext, n=3, opt=None):
    trainer = _mock_trainer(stop=(n, 'iteration'))
    opt = opt or _Opt()
    trainer.updater.get_optimizer = lambda name: opt
    trainer.extend(ext, trigger=(1, 'iteration'))
    values = []
    trainer.extend(lambda t: values.append(opt.lr), name='rec',
                   priority=-1000)
    trainer.run()
    return values, opt


def test_exponential_shift():
    values, _ = _shift_trainer(extensions.ExponentialShift('lr', 0.5), 3)
    assert values == [0.5, 0.25, 0.125]
    values, _ = _shift_trainer(extensions.ExponentialShift(
        'lr', 0.5, init=2., target=0.6), 3)
    assert values == [1.0, 0.6, 0.6]
    with pytest.raises(ValueError):
        extensions.ExponentialShift('lr', -1)


def test_exponential_shift_resume():
    ext = extensions.ExponentialShift('lr', 0.5)
    _shift_trainer(ext, 2)
    ext2 = extensions.ExponentialShift('lr', 0.5)
    ext2.serialize(npz.NpzDeserializer(npz.serialize(ext)))
    opt = _Opt()
    values, _ = _shift_trainer(ext2, 1, opt)
    assert values == [0.125]


def test_linear_shift():
    values, _ = _shift_trainer(
        extensions.LinearShift('lr', (1., 3.), (1, 3)), 4)
    assert values == [1., 2., 3., 3.]


def test_step_multistep_inverse_polynomial_warmup():
    values, _ = _shift_trainer(extensions.StepShift('lr', 0.1, 2), 4)
    numpy.testing.assert_allclose(values, [1., .1, .1, .01])
    values, _ = _shift_trainer(
        extensions.MultistepShift('lr', 0.1, [2, 3], 1.), 4)
    numpy.testing.assert_allclose(values, [1., .1, .01, .01])
    values, _ = _shift_trainer(extensions.InverseShift('lr', 1., 1.), 2)
    numpy.testing.assert_allclose(values, [.5, 1. / 3])
    values, _ = _shift_trainer(
        extensions.PolynomialShift('lr', 1., 4), 2)
    numpy.testing.assert_allclose(values, [.75, .5])
    values, _ = _shift_trainer(
        extensions.WarmupShift('lr', 0., 2, 1.), 3)
    numpy.testing.assert_allclose(values, [.5, 1., 1.])


def test_observe_value_and_lr():
    trainer = _mock_trainer(stop=(3, 'iteration'), iter_per_epoch=1)
    opt = _Opt()
    trainer.updater.get_optimizer = lambda name: opt
    trainer.extend(extensions.observe_lr())
    trainer.extend(extensions.observe_value('it', lambda t:
                                            t.updater.iteration))
    seen = []
    trainer.extend(lambda t: seen.append(dict(t.observation)), name='r')
    trainer.run()
    assert seen[-1] == {'lr': 1.0, 'it': 3}


def test_fail_on_nonnumber():
    model = _models.make_model()
    opt = optimizers.SGD()
    opt.setup(model)
    trainer = _mock_trainer(stop=(1, 'iteration'))
    trainer.updater.get_all_optimizers = lambda: {'main': opt}
    ext = extensions.FailOnNonNumber()
    ext(trainer)
    model.predictor.l1.W.array = numpy.full_like(
        model.predictor.l1.W.array, numpy.nan)
    with pytest.raises(RuntimeError, match='diverge'):
        ext(trainer)


def test_micro_average():
    trainer = _mock_trainer(stop=(4, 'iteration'), iter_per_epoch=2)
    nums = [1, 2, 3, 4]

    @training.make_extension(trigger=(1, 'iteration'),
                             priority=training.PRIORITY_WRITER)
    def rep(t):
        i = t.updater.iteration
        chainerjax.report({'n': nums[i - 1], 'd': 4})
    trainer.extend(rep)
    trainer.extend(extensions.MicroAverage('n', 'd', 'avg'))
    seen = []
    trainer.extend(lambda t: seen.append(t.observation.get('avg')),
                   name='r')
    trainer.run()
    assert seen == [None, 3 / 8, None, 7 / 8]


def test_plot_report_without_matplotlib(tmp_path):
    from chainerjax.training.extensions import plot_report
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        if plot_report.PlotReport.available():
            pytest.skip('matplotlib is installed')
    with pytest.warns(UserWarning, match='matplotlib'):
        ext = extensions.PlotReport(['main/loss'])
    trainer = _mock_trainer(stop=(3, 'iteration'), out=str(tmp_path))
    trainer.extend(ext, trigger=(1, 'iteration'))
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        trainer.run()
    assert os.listdir(str(tmp_path)) == []
    state = npz.serialize(ext)
    assert set(state) == {'_plot_plot.png'}


def test_unchain_variables():
    x = chainerjax.Variable(numpy.ones(2, numpy.float32))
    y = x * 2
    trainer = _mock_trainer(stop=(1, 'iteration'))
    ext = extensions.unchain_variables()
    with chainerjax.using_config('keep_graph_on_report', True):
        ext.initialize(trainer)
        assert ext.trigger(trainer)
    trainer.observation = {'y': y}
    ext(trainer)
    assert y.creator is None
