"""The benchmarked models, written once against Chainer's API.

Every function here takes the framework module (real ``chainer`` or
``chainerjax``) as its first argument, so ``bench_models.py`` runs exactly
this code on Chainer 7.8.1, on eager chainerjax and under ``chainerjax.jit``.
``_jax_models.py`` holds the hand-written plain JAX version of each model.

Workloads:

- ``mlp_sgd`` / ``mlp_adam``: MLP 784-1000-1000-10 (``L.Linear``,
  ``F.relu``), batch 100, ``optimizers.SGD(lr=0.01)`` / ``optimizers.Adam()``;
- ``cnn_bn``: three blocks of 3x3 convolution (no bias), batch
  normalization and ReLU, 2x2 max pooling after the first two blocks,
  global average pooling and ``L.Linear(128, 10)``, on 32x32x3 images,
  batch 64, ``optimizers.MomentumSGD(lr=0.01, momentum=0.9)``;
- ``squeezenet``: SqueezeNet v1.0 (the architecture of
  ``compat_tests/links/_seed_models.py``, 1000 classes), batch 4 at
  224x224, ``MomentumSGD``;
- ``lstm``: a language model, ``L.EmbedID(10000, 650)``, two
  ``L.LSTM(650, 650)`` and ``L.Linear(650, 10000)``, 20 streams; one step
  is 35 timesteps forward (the loss summed over them), backward, the graph
  cut (``unchain_backward``, truncated BPTT: the LSTM state carries on to
  the next step) and ``optimizers.SGD(lr=1.0)`` with
  ``optimizer_hooks.GradientClipping(5.0)``, as in Chainer's PTB example;
- ``tiny_sgd`` / ``tiny_adam``: MLP 8-8-2, batch 4: nearly no arithmetic,
  so a step's time is the per-call overhead of the implementation.

Dropout (SqueezeNet's before ``conv10``, the LSTM's between layers) is off
unless ``dropout=True``: with it, implementations draw different masks and
their losses cannot be compared.
"""
import math
import zlib

import numpy

WEIGHT_SEED = 0
INPUT_SEED = 1

_classes = {}


def model_classes(chainer):
    """The Chain classes, defined against ``chainer`` (cached per module)."""
    if chainer.__name__ in _classes:
        return _classes[chainer.__name__]
    F = chainer.functions
    L = chainer.links

    class MLP(chainer.Chain):

        def __init__(self, n_in, n_units, n_out):
            super().__init__()
            with self.init_scope():
                self.l1 = L.Linear(n_in, n_units)
                self.l2 = L.Linear(n_units, n_units)
                self.l3 = L.Linear(n_units, n_out)

        def forward(self, x):
            h = F.relu(self.l1(x))
            h = F.relu(self.l2(h))
            return self.l3(h)

    class ConvBN(chainer.Chain):
        """Convolution (no bias), batch normalization, ReLU."""

        def __init__(self, n_in, n_out):
            super().__init__()
            with self.init_scope():
                self.conv = L.Convolution2D(n_in, n_out, 3, pad=1,
                                            nobias=True)
                self.bn = L.BatchNormalization(n_out)

        def forward(self, x):
            return F.relu(self.bn(self.conv(x)))

    class SmallCNN(chainer.Chain):

        def __init__(self, n_out=10):
            super().__init__()
            with self.init_scope():
                self.block1 = ConvBN(3, 32)
                self.block2 = ConvBN(32, 64)
                self.block3 = ConvBN(64, 128)
                self.fc = L.Linear(128, n_out)

        def forward(self, x):
            h = F.max_pooling_2d(self.block1(x), 2)
            h = F.max_pooling_2d(self.block2(h), 2)
            h = self.block3(h)
            h = F.average_pooling_2d(h, h.shape[2:])
            return self.fc(h)

    class Fire(chainer.Chain):

        def __init__(self, in_size, s1, e1, e3):
            super().__init__()
            with self.init_scope():
                self.conv1 = L.Convolution2D(in_size, s1, 1)
                self.conv2 = L.Convolution2D(s1, e1, 1)
                self.conv3 = L.Convolution2D(s1, e3, 3, pad=1)

        def forward(self, x):
            h = F.relu(self.conv1(x))
            return F.relu(F.concat([self.conv2(h), self.conv3(h)], axis=1))

    class SqueezeNet(chainer.Chain):
        """SqueezeNet v1.0."""

        def __init__(self, n_out=1000, dropout=False):
            super().__init__()
            self.dropout = dropout
            with self.init_scope():
                self.conv1 = L.Convolution2D(3, 96, 7, stride=2)
                self.fire2 = Fire(96, 16, 64, 64)
                self.fire3 = Fire(128, 16, 64, 64)
                self.fire4 = Fire(128, 32, 128, 128)
                self.fire5 = Fire(256, 32, 128, 128)
                self.fire6 = Fire(256, 48, 192, 192)
                self.fire7 = Fire(384, 48, 192, 192)
                self.fire8 = Fire(384, 64, 256, 256)
                self.fire9 = Fire(512, 64, 256, 256)
                self.conv10 = L.Convolution2D(512, n_out, 1)

        def forward(self, x):
            h = F.relu(self.conv1(x))
            h = F.max_pooling_2d(h, 3, stride=2)
            h = self.fire4(self.fire3(self.fire2(h)))
            h = F.max_pooling_2d(h, 3, stride=2)
            h = self.fire8(self.fire7(self.fire6(self.fire5(h))))
            h = F.max_pooling_2d(h, 3, stride=2)
            h = self.fire9(h)
            if self.dropout:
                h = F.dropout(h, ratio=0.5)
            h = F.relu(self.conv10(h))
            h = F.average_pooling_2d(h, h.shape[2:])
            return F.reshape(h, h.shape[:2])

    class RNNLM(chainer.Chain):
        """EmbedID, two LSTMs, Linear (Chainer's PTB example)."""

        def __init__(self, n_vocab, n_units, dropout=False):
            super().__init__()
            self.dropout_ratio = 0.5 if dropout else 0.0
            with self.init_scope():
                self.embed = L.EmbedID(n_vocab, n_units)
                self.l1 = L.LSTM(n_units, n_units)
                self.l2 = L.LSTM(n_units, n_units)
                self.l3 = L.Linear(n_units, n_vocab)

        def reset_state(self):
            self.l1.reset_state()
            self.l2.reset_state()

        def _drop(self, h):
            if self.dropout_ratio:
                h = F.dropout(h, self.dropout_ratio)
            return h

        def forward(self, x):
            h = self.l1(self._drop(self.embed(x)))
            h = self.l2(self._drop(h))
            return self.l3(self._drop(h))

    classes = dict(MLP=MLP, SmallCNN=SmallCNN, SqueezeNet=SqueezeNet,
                   RNNLM=RNNLM)
    _classes[chainer.__name__] = classes
    return classes


# ------------------------------------------------------------ workloads

class Workload(object):
    """One benchmarked training step.

    Attributes:
        name (str): the ``--workloads`` name.
        model (str): the model's kind, ``'mlp'``, ``'cnn'``,
            ``'squeezenet'`` or ``'rnnlm'`` (``_jax_models`` has one loss
            function for each).
        kwargs (dict): the model's constructor arguments.
        optimizer (tuple): ``(name in chainer.optimizers, kwargs)``.
        batch (int): the batch size (LSTM: the number of streams).
        clip (float or None): ``GradientClipping`` threshold.
        bptt (bool): the inputs are sequences ``(T, batch)``; the loss is
            summed over the timesteps and the graph cut after the update.
        steps (int): default number of timed steps.
        updater (bool): also benchmarked through ``StandardUpdater``.
    """

    def __init__(self, name, model, kwargs, optimizer, batch, steps,
                 clip=None, bptt=False, updater=False):
        self.name = name
        self.model = model
        self.kwargs = kwargs
        self.optimizer = optimizer
        self.batch = batch
        self.steps = steps
        self.clip = clip
        self.bptt = bptt
        self.updater = updater

    def build(self, chainer, dropout=False):
        """The model with this workload's fixed initial weights."""
        classes = model_classes(chainer)
        kwargs = dict(self.kwargs)
        if self.model in ('squeezenet', 'rnnlm'):
            kwargs['dropout'] = dropout
        cls = {'mlp': 'MLP', 'cnn': 'SmallCNN', 'squeezenet': 'SqueezeNet',
               'rnnlm': 'RNNLM'}[self.model]
        model = classes[cls](**kwargs)
        init_weights(model)
        return model

    def make_optimizer(self, chainer, model):
        name, kwargs = self.optimizer
        optimizer = getattr(chainer.optimizers, name)(**kwargs)
        optimizer.setup(model)
        if self.clip is not None:
            optimizer.add_hook(
                chainer.optimizer_hooks.GradientClipping(self.clip))
        return optimizer

    def lossfun(self, chainer, model):
        """``lossfun(x, t)``: the loss of one batch (or one sequence)."""
        F = chainer.functions
        if not self.bptt:
            def lossfun(x, t):
                return F.softmax_cross_entropy(model(x), t)
        else:
            def lossfun(xs, ts):
                loss = 0
                for i in range(len(xs)):
                    loss += F.softmax_cross_entropy(model(xs[i]), ts[i])
                return loss
        return lossfun

    def inputs(self):
        """The batch ``(x, t)`` of every step, as NumPy arrays."""
        rs = numpy.random.RandomState(INPUT_SEED)
        kw = self.kwargs
        if self.model == 'mlp':
            x = rs.uniform(0, 1, (self.batch, kw['n_in']))
            t = rs.randint(0, kw['n_out'], self.batch)
        elif self.model == 'cnn':
            x = rs.normal(0, 1, (self.batch, 3, 32, 32))
            t = rs.randint(0, 10, self.batch)
        elif self.model == 'squeezenet':
            x = rs.uniform(-1, 1, (self.batch, 3, 224, 224))
            t = rs.randint(0, kw['n_out'], self.batch)
        else:
            words = rs.randint(0, kw['n_vocab'], (BPTT_LEN + 1, self.batch))
            return words[:-1].astype(numpy.int32), \
                words[1:].astype(numpy.int32)
        return x.astype(numpy.float32), t.astype(numpy.int32)


BPTT_LEN = 35

WORKLOADS = [
    Workload('mlp_sgd', 'mlp', dict(n_in=784, n_units=1000, n_out=10),
             ('SGD', dict(lr=0.01)), batch=100, steps=20, updater=True),
    Workload('mlp_adam', 'mlp', dict(n_in=784, n_units=1000, n_out=10),
             ('Adam', {}), batch=100, steps=20, updater=True),
    Workload('cnn_bn', 'cnn', {},
             ('MomentumSGD', dict(lr=0.01, momentum=0.9)), batch=64,
             steps=10),
    Workload('squeezenet', 'squeezenet', dict(n_out=1000),
             ('MomentumSGD', dict(lr=0.01, momentum=0.9)), batch=4,
             steps=3),
    Workload('lstm', 'rnnlm', dict(n_vocab=10000, n_units=650),
             ('SGD', dict(lr=1.0)), batch=20, steps=3, clip=5.0,
             bptt=True),
    Workload('tiny_sgd', 'mlp', dict(n_in=8, n_units=8, n_out=2),
             ('SGD', dict(lr=0.01)), batch=4, steps=300, updater=True),
    Workload('tiny_adam', 'mlp', dict(n_in=8, n_units=8, n_out=2),
             ('Adam', {}), batch=4, steps=300, updater=True),
]
WORKLOADS = dict((w.name, w) for w in WORKLOADS)


def init_weights(model):
    """Overwrites every weight matrix/kernel with values that depend only
    on the parameter's name and shape (LeCun normal: standard deviation
    ``1/sqrt(fan_in)``), so that every framework starts from the same
    weights. One-dimensional parameters (biases, BatchNormalization's
    ``gamma``/``beta``) keep their constant default initial values."""
    for name, param in sorted(model.namedparams()):
        if param.ndim < 2:
            continue
        rs = numpy.random.RandomState(
            (zlib.crc32(name.encode()) + WEIGHT_SEED) % 2 ** 32)
        fan_in = int(numpy.prod(param.shape[1:]))
        param.array[...] = rs.normal(
            0, 1 / math.sqrt(fan_in), param.shape).astype(param.dtype)


def train_step(chainer, model, optimizer, lossfun, bptt=False):
    """The step every Chainer-style implementation runs: forward, backward,
    update. Returns the loss's array."""

    def step(x, t):
        loss = lossfun(x, t)
        model.cleargrads()
        loss.backward()
        if bptt:
            loss.unchain_backward()  # truncated BPTT: keep the state only
        optimizer.update()
        return loss.array

    return step


def classifier(chainer, model):
    """The model wrapped the usual way for ``StandardUpdater``."""
    clf = chainer.links.Classifier(model)
    clf.compute_accuracy = False  # the same work as train_step's
    return clf
