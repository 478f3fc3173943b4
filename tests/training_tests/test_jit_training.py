"""StandardUpdater(jit=...) and Evaluator(jit=...): compiled training."""
import json
import os

import numpy
import pytest

import chainerjax
import chainerjax.functions as F
from chainerjax import iterators
from chainerjax import optimizers
from chainerjax import training
from chainerjax.training import extensions
from tests.training_tests import _models


class TraceableClassifier(chainerjax.Chain):
    """Like L.Classifier: reports loss and accuracy, all on the device."""

    def __init__(self, predictor):
        super(TraceableClassifier, self).__init__()
        with self.init_scope():
            self.predictor = predictor

    def forward(self, x, t):
        y = self.predictor(x)
        loss = F.softmax_cross_entropy(y, t)
        pred = F.argmax(y, axis=1).array
        accuracy = (pred == t).astype(numpy.float32).mean()
        chainerjax.report({'loss': loss, 'accuracy': accuracy}, self)
        return loss


def _run(tmp_path, jit, model_cls=TraceableClassifier, shift=False,
         iterations=12, name='run'):
    numpy.random.seed(0)
    model = model_cls(_models.MLP())
    optimizer = optimizers.MomentumSGD(lr=0.1)
    optimizer.setup(model)
    train = _models.make_data(24, seed=1)
    test = _models.make_data(12, seed=2)
    train_iter = iterators.SerialIterator(train, 6, shuffle=False)
    test_iter = iterators.SerialIterator(test, 6, repeat=False,
                                         shuffle=False)
    updater = training.updaters.StandardUpdater(
        train_iter, optimizer, jit=jit)
    out = str(tmp_path / name)
    trainer = training.Trainer(updater, (iterations, 'iteration'), out=out)
    trainer.extend(extensions.Evaluator(test_iter, model, jit=jit),
                   trigger=(4, 'iteration'))
    trainer.extend(extensions.LogReport(trigger=(4, 'iteration')))
    if shift:
        trainer.extend(extensions.ExponentialShift('lr', 0.5),
                       trigger=(2, 'iteration'))
    trainer.run()
    with open(os.path.join(out, 'log')) as f:
        log = json.load(f)
    return model, log, updater


@pytest.mark.parametrize('shift', [False, True])
def test_jit_training_matches_eager(tmp_path, shift):
    m_eager, log_eager, _ = _run(tmp_path, False, shift=shift, name='e')
    m_jit, log_jit, updater = _run(tmp_path, True, shift=shift, name='j')
    assert len(log_eager) == len(log_jit) == 3
    for a, b in zip(log_eager, log_jit):
        for key in ('main/loss', 'main/accuracy', 'validation/main/loss',
                    'validation/main/accuracy'):
            assert key in a and key in b
            numpy.testing.assert_allclose(b[key], a[key], rtol=1e-5,
                                          atol=1e-6)
    for (n1, p1), (n2, p2) in zip(sorted(m_eager.namedparams()),
                                  sorted(m_jit.namedparams())):
        numpy.testing.assert_allclose(numpy.asarray(p2.array),
                                      numpy.asarray(p1.array),
                                      rtol=1e-5, atol=1e-6)
    # one warm-up call, one compile; lr changes by ExponentialShift did not
    # recompile
    assert updater._compiled_step.step.compiles == 1


def test_global_switch(tmp_path):
    with chainerjax.using_config('jit', True):
        _, _, updater = _run(tmp_path, None, iterations=4)
    assert updater._compiled_step.step is not None
    assert updater._compiled_step.step.compiles == 1


def test_auto_falls_back_with_one_warning(tmp_path):
    # _models.Classifier computes accuracy with numpy on the host
    with pytest.warns(RuntimeWarning, match='runs eagerly') as record:
        _, log_auto, updater = _run(tmp_path, 'auto',
                                    model_cls=_models.Classifier, name='a')
    fallbacks = [w for w in record if 'runs eagerly' in str(w.message)]
    assert len(fallbacks) == 2  # one for the updater, one for the evaluator
    assert updater._compiled_step.step is None
    _, log_eager, _ = _run(tmp_path, False, model_cls=_models.Classifier,
                           name='b')
    numpy.testing.assert_allclose(log_auto[-1]['main/loss'],
                                  log_eager[-1]['main/loss'], rtol=1e-6)


def test_jit_true_reports_untraceable_code(tmp_path):
    with pytest.raises(chainerjax.UntraceableError) as e:
        _run(tmp_path, True, model_cls=_models.Classifier, name='c')
    assert '_models.py' in str(e.value)
