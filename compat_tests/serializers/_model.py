"""The model of the NPZ interchange tests, written against Chainer's API.

Every function takes the framework module (``chainer`` or ``chainerjax``) as
its first argument, so the generator runs it with real Chainer 7.8.1 and the
tests run it with chainerjax. Inputs come from ``numpy.random.RandomState``
only.

The model: ``L.Classifier`` around a chain holding ``L.EmbedID``, ``L.LSTM``
(stepped over the tokens, so its state carries from step to step),
``L.NStepLSTM`` (variable-length sequences), ``L.Convolution2D``,
``L.BatchNormalization`` and ``L.Linear``.
"""
import numpy

N_VOCAB, EMBED, HIDDEN, N_CLASS = 12, 4, 5, 3
BATCH, STEPS = 4, 5
LENGTHS = (5, 2, 4, 1)          # NStepLSTM sequence lengths, one per sample
IMAGE = (1, 6, 6)

# Seeds of numpy.random before building each side's model (Chainer's
# initializers draw from NumPy's global generator).
CHAINER_SEED, CHAINERJAX_SEED = 0, 1
# Batches ``(input seed, finetune)`` run in train mode before saving: they
# move BatchNormalization's avg_mean/avg_var away from their initial values,
# and each ``finetune=True`` batch counts one in its ``N``.
CHAINER_WARMUP = ((11, False), (12, True), (13, True))
CHAINERJAX_WARMUP = ((21, False), (22, False), (23, True))
EVAL_SEED = 7


def build(chainer):
    L = chainer.links
    F = chainer.functions

    class Net(chainer.Chain):

        def __init__(self):
            super().__init__()
            with self.init_scope():
                self.embed = L.EmbedID(N_VOCAB, EMBED)
                self.lstm = L.LSTM(EMBED, HIDDEN)
                self.encoder = L.NStepLSTM(1, EMBED, HIDDEN, 0.0)
                self.conv = L.Convolution2D(IMAGE[0], 3, 3, pad=1)
                self.bn = L.BatchNormalization(3)
                self.fc = L.Linear(2 * HIDDEN + 3, N_CLASS)

        def forward(self, tokens, image, finetune=False):
            e = self.embed(tokens)                       # (B, T, E)
            self.lstm.reset_state()
            for t in range(tokens.shape[1]):
                h = self.lstm(e[:, t])
            xs = [e[i, :n] for i, n in enumerate(LENGTHS)]
            hy, _, _ = self.encoder(None, None, xs)
            c = F.relu(self.bn(self.conv(image), finetune=finetune))
            pooled = F.average(c, axis=(2, 3))
            return self.fc(F.concat([h, hy[0], pooled], axis=1))

    return L.Classifier(Net())


def inputs(seed):
    rs = numpy.random.RandomState(seed)
    tokens = rs.randint(0, N_VOCAB, (BATCH, STEPS)).astype(numpy.int32)
    image = rs.uniform(-1, 1, (BATCH,) + IMAGE).astype(numpy.float32)
    labels = rs.randint(0, N_CLASS, (BATCH,)).astype(numpy.int32)
    return tokens, image, labels


def make_model(chainer, seed, warmup):
    """Builds the model from ``numpy.random.seed(seed)`` and runs the
    ``warmup`` batches in train mode."""
    numpy.random.seed(seed)
    model = build(chainer)
    with chainer.using_config('train', True):
        for seed, finetune in warmup:
            model(*inputs(seed), finetune=finetune)
    return model


def outputs(chainer, model):
    """The model's results on the evaluation batch (test mode): the logits,
    the LSTM's last state, the Classifier's loss and accuracy."""
    tokens, image, labels = inputs(EVAL_SEED)
    out = {}
    with chainer.using_config('train', False):
        y = model.predictor(tokens, image)
        out['logits'] = numpy.asarray(y.array)
        out['lstm_h'] = numpy.asarray(model.predictor.lstm.h.array)
        loss = model(tokens, image, labels)
        out['loss'] = numpy.asarray(loss.array)
        out['accuracy'] = numpy.asarray(model.accuracy.array)
    return out
