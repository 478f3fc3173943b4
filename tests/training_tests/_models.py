"""A tiny classifier and synthetic data shared by the training tests."""
import numpy

import chainerjax
import chainerjax.functions as F
import chainerjax.links as L


class MLP(chainerjax.Chain):

    def __init__(self, n_in=4, n_hidden=8, n_out=3):
        super().__init__()
        with self.init_scope():
            self.l1 = L.Linear(n_in, n_hidden)
            self.l2 = L.Linear(n_hidden, n_out)

    def forward(self, x):
        return self.l2(F.relu(self.l1(x)))


class Classifier(chainerjax.Chain):
    """Reports 'loss' and 'accuracy' like chainer.links.Classifier."""

    def __init__(self, predictor):
        super().__init__()
        with self.init_scope():
            self.predictor = predictor

    def forward(self, x, t):
        y = self.predictor(x)
        loss = F.softmax_cross_entropy(y, t)
        accuracy = (numpy.asarray(y.array).argmax(axis=1) ==
                    numpy.asarray(t)).mean()
        chainerjax.report({'loss': loss, 'accuracy': accuracy}, self)
        return loss


def make_data(n=24, seed=0):
    rng = numpy.random.RandomState(seed)
    x = rng.randn(n, 4).astype(numpy.float32)
    t = ((x[:, 0] > 0).astype(numpy.int32) + (x[:, 1] > 0)).astype(
        numpy.int32)
    return chainerjax.datasets.TupleDataset(x, t)


def make_model(seed=0):
    numpy.random.seed(seed)
    return Classifier(MLP())
