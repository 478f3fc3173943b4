"""Collection of :class:`~chainerjax.Link` implementations
(``chainer.links``)."""
from chainerjax import _missing
from chainerjax.links.connection.convolution_2d import Convolution2D  # NOQA
from chainerjax.links.connection.deconvolution_2d import Deconvolution2D  # NOQA
from chainerjax.links.connection.embed_id import EmbedID  # NOQA
from chainerjax.links.connection.linear import Linear  # NOQA
from chainerjax.links.model.classifier import Classifier  # NOQA
from chainerjax.links.normalization.batch_normalization import BatchNormalization  # NOQA
from chainerjax.links.rnn.lstm import LSTM  # NOQA
from chainerjax.links.rnn.lstm import StatelessLSTM  # NOQA

__getattr__ = _missing.module_getattr(__name__)
