import numpy
import pytest

import chainerjax as chainer
import chainerjax.functions as F
import chainerjax.links as L


def _data():
    x = numpy.random.RandomState(0).randn(5, 3).astype(numpy.float32)
    t = numpy.array([0, 1, 1, 0, 1], numpy.int32)
    return x, t


def test_loss_accuracy_and_report():
    x, t = _data()
    model = L.Classifier(L.Linear(3, 2))
    reporter = chainer.Reporter()
    reporter.add_observer('main', model)
    observation = {}
    with reporter.scope(observation):
        loss = model(x, t)
    y = model.predictor(x)
    numpy.testing.assert_allclose(
        loss.array, F.softmax_cross_entropy(y, t).array, rtol=1e-6)
    assert model.loss is loss
    numpy.testing.assert_allclose(model.y.array, y.array, rtol=1e-6)
    numpy.testing.assert_allclose(
        model.accuracy.array, F.accuracy(y, t).array)
    assert sorted(observation) == ['main/accuracy', 'main/loss']
    assert [n for n, _ in model.namedparams()] == \
        ['/predictor/W', '/predictor/b']


def test_no_accuracy():
    x, t = _data()
    model = L.Classifier(L.Linear(3, 2))
    model.compute_accuracy = False
    model(x, t)
    assert model.accuracy is None and model.loss is not None


def test_custom_functions():
    x, t = _data()
    calls = []

    def lossfun(y, t):
        calls.append('loss')
        return F.sum(y)

    def accfun(y, t):
        calls.append('acc')
        return F.sum(y) * 0

    model = L.Classifier(L.Linear(3, 2), lossfun=lossfun, accfun=accfun)
    model(x, t)
    assert calls == ['loss', 'acc']


class TwoInputs(chainer.Chain):

    def __init__(self):
        super(TwoInputs, self).__init__()
        with self.init_scope():
            self.l = L.Linear(3, 2)

    def forward(self, a, b=None):
        return self.l(a + b)


def test_label_key():
    x, t = _data()
    model = L.Classifier(TwoInputs(), label_key=0)
    loss0 = model(t, x, x).array
    model.label_key = 'label'
    loss1 = model(x, b=x, label=t).array
    numpy.testing.assert_allclose(loss0, loss1, rtol=1e-6)
    with pytest.raises(ValueError):
        model(x, b=x)
    model.label_key = 5
    with pytest.raises(ValueError):
        model(x, t)
    with pytest.raises(TypeError):
        L.Classifier(TwoInputs(), label_key=1.5)
