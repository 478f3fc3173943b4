"""Chainer-style models of the four jit families, at tiny sizes.

The MLP, the CNN with BatchNormalization, a SqueezeNet v1.0-style network
(Fire modules) and the LSTM language model of Chainer's PTB example with
its truncated-BPTT updater and parallel sequential iterator. They are
written as a Chainer user writes them: nothing here knows about jit.
"""
import numpy

import chainerjax as chainer
import chainerjax.functions as F
import chainerjax.links as L
from chainerjax import training


class MLP(chainer.Chain):

    def __init__(self, n_units=16, n_out=3):
        super(MLP, self).__init__()
        with self.init_scope():
            self.l1 = L.Linear(None, n_units)
            self.l2 = L.Linear(None, n_units)
            self.l3 = L.Linear(None, n_out)

    def forward(self, x):
        h = F.dropout(F.relu(self.l1(x)), 0.3)
        h = F.dropout(F.relu(self.l2(h)), 0.3)
        return self.l3(h)


class CNN(chainer.Chain):
    """Convolution, BatchNormalization, ReLU, max pooling, dropout and a
    linear classifier, for 3x32x32 inputs (its first layers have the
    shapes of SqueezeNet's: the eager tests compile fewer kernels)."""

    def __init__(self, n_out=4):
        super(CNN, self).__init__()
        with self.init_scope():
            self.conv1 = L.Convolution2D(3, 8, 3, stride=2)
            self.bn1 = L.BatchNormalization(8)
            self.fc = L.Linear(None, n_out)

    def forward(self, x):
        h = F.relu(self.bn1(self.conv1(x)))
        h = F.max_pooling_2d(h, 3, stride=2)
        return self.fc(F.dropout(h, 0.25))


class Fire(chainer.Chain):
    """squeeze 1x1, then expand 1x1 and 3x3, concatenated."""

    def __init__(self, in_size, s1, e1, e3):
        super(Fire, self).__init__()
        with self.init_scope():
            self.conv1 = L.Convolution2D(in_size, s1, 1)
            self.conv2 = L.Convolution2D(s1, e1, 1)
            self.conv3 = L.Convolution2D(s1, e3, 3, pad=1)

    def forward(self, x):
        h = F.relu(self.conv1(x))
        h_1 = self.conv2(h)
        h_3 = self.conv3(h)
        return F.relu(F.concat((h_1, h_3), axis=1))


class SqueezeNet(chainer.Chain):
    """SqueezeNet v1.0's layout (conv1, max pooling, Fire modules, max
    pooling, dropout, conv10, ReLU, global average pooling) at a tiny
    width and depth, for 3x32x32 inputs."""

    def __init__(self, n_out=4):
        super(SqueezeNet, self).__init__()
        with self.init_scope():
            self.conv1 = L.Convolution2D(3, 8, 3, stride=2)
            self.fire2 = Fire(8, 2, 4, 4)
            self.fire3 = Fire(8, 2, 4, 4)
            self.conv10 = L.Convolution2D(8, n_out, 1)

    def forward(self, x):
        h = F.relu(self.conv1(x))
        h = F.max_pooling_2d(h, 3, stride=2)
        h = self.fire2(h)
        h = self.fire3(h)
        h = F.max_pooling_2d(h, 3, stride=2)
        h = F.dropout(h, ratio=0.5)
        h = F.relu(self.conv10(h))
        h = F.average_pooling_2d(h, h.shape[2])
        return F.reshape(h, (x.shape[0], -1))


class RNNForLM(chainer.Chain):
    """The PTB example's language model: embedding, LSTM, linear, with
    dropout."""

    def __init__(self, n_vocab, n_units):
        super(RNNForLM, self).__init__()
        with self.init_scope():
            self.embed = L.EmbedID(n_vocab, n_units)
            self.l1 = L.LSTM(n_units, n_units)
            self.l2 = L.Linear(n_units, n_vocab)
        for param in self.params():
            param.array[...] = numpy.random.uniform(
                -0.1, 0.1, param.shape)

    def reset_state(self):
        self.l1.reset_state()

    def forward(self, x):
        h0 = self.embed(x)
        h1 = self.l1(F.dropout(h0))
        return self.l2(F.dropout(h1))


class ParallelSequentialIterator(chainer.dataset.Iterator):
    """The PTB example's iterator: ``batch_size`` cursors at equal
    offsets in one long sequence; each batch is the list of (current
    word, next word) pairs."""

    def __init__(self, dataset, batch_size, repeat=True):
        super(ParallelSequentialIterator, self).__init__()
        self.dataset = dataset
        self.batch_size = batch_size
        self.epoch = 0
        self.is_new_epoch = False
        self.repeat = repeat
        length = len(dataset)
        self.offsets = [i * length // batch_size for i in range(batch_size)]
        self.reset()

    def reset(self):
        self.epoch = 0
        self.is_new_epoch = False
        self.iteration = 0
        self._previous_epoch_detail = -1.

    def __next__(self):
        length = len(self.dataset)
        if not self.repeat and self.iteration * self.batch_size >= length:
            raise StopIteration
        cur_words = self.get_words()
        self._previous_epoch_detail = self.epoch_detail
        self.iteration += 1
        next_words = self.get_words()
        epoch = self.iteration * self.batch_size // length
        self.is_new_epoch = self.epoch < epoch
        if self.is_new_epoch:
            self.epoch = epoch
        return list(zip(cur_words, next_words))

    next = __next__

    @property
    def epoch_detail(self):
        return self.iteration * self.batch_size / len(self.dataset)

    @property
    def previous_epoch_detail(self):
        if self._previous_epoch_detail < 0:
            return None
        return self._previous_epoch_detail

    def get_words(self):
        return [self.dataset[(offset + self.iteration) % len(self.dataset)]
                for offset in self.offsets]

    def serialize(self, serializer):
        self.iteration = serializer('iteration', self.iteration)
        self.epoch = serializer('epoch', self.epoch)


class BPTTUpdater(training.updaters.StandardUpdater):
    """The PTB example's truncated-BPTT updater: the loss of ``bprop_len``
    consecutive steps is accumulated, back-propagated, and the graph is
    cut before the update."""

    def __init__(self, train_iter, optimizer, bprop_len, device=None,
                 jit=None):
        super(BPTTUpdater, self).__init__(
            train_iter, optimizer, device=device, jit=jit)
        self.bprop_len = bprop_len

    def update_core(self):
        loss = 0
        train_iter = self.get_iterator('main')
        optimizer = self.get_optimizer('main')
        for i in range(self.bprop_len):
            batch = train_iter.__next__()
            x, t = self.converter(batch, self.device)
            loss += optimizer.target(x, t)
        optimizer.target.cleargrads()
        loss.backward()
        loss.unchain_backward()
        optimizer.update()
