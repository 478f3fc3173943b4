"""Collection of :class:`~chainerjax.Link` implementations
(``chainer.links``)."""
from chainerjax import _missing
from chainerjax.links.activation.maxout import Maxout  # NOQA
from chainerjax.links.activation.prelu import PReLU  # NOQA
from chainerjax.links.activation.simplified_dropconnect import SimplifiedDropconnect  # NOQA
from chainerjax.links.activation.swish import Swish  # NOQA
from chainerjax.links.connection.bias import Bias  # NOQA
from chainerjax.links.connection.bilinear import Bilinear  # NOQA
from chainerjax.links.connection.convolution_2d import Convolution2D  # NOQA
from chainerjax.links.connection.convolution_nd import Convolution1D  # NOQA
from chainerjax.links.connection.convolution_nd import Convolution3D  # NOQA
from chainerjax.links.connection.convolution_nd import ConvolutionND  # NOQA
from chainerjax.links.connection.deconvolution_2d import Deconvolution2D  # NOQA
from chainerjax.links.connection.deconvolution_nd import Deconvolution1D  # NOQA
from chainerjax.links.connection.deconvolution_nd import Deconvolution3D  # NOQA
from chainerjax.links.connection.deconvolution_nd import DeconvolutionND  # NOQA
from chainerjax.links.connection.deformable_convolution_2d import DeformableConvolution2D  # NOQA
from chainerjax.links.connection.depthwise_convolution_2d import DepthwiseConvolution2D  # NOQA
from chainerjax.links.connection.dilated_convolution_2d import DilatedConvolution2D  # NOQA
from chainerjax.links.connection.embed_id import EmbedID  # NOQA
from chainerjax.links.connection.highway import Highway  # NOQA
from chainerjax.links.connection.inception import Inception  # NOQA
from chainerjax.links.connection.inceptionbn import InceptionBN  # NOQA
from chainerjax.links.connection.linear import Linear  # NOQA
from chainerjax.links.connection.local_convolution_2d import LocalConvolution2D  # NOQA
from chainerjax.links.connection.mlp_convolution_2d import MLPConvolution2D  # NOQA
from chainerjax.links.connection.parameter import Parameter  # NOQA
from chainerjax.links.connection.scale import Scale  # NOQA
from chainerjax.links.loss.black_out import BlackOut  # NOQA
from chainerjax.links.loss.crf1d import CRF1d  # NOQA
from chainerjax.links.loss.hierarchical_softmax import BinaryHierarchicalSoftmax  # NOQA
from chainerjax.links.loss.negative_sampling import NegativeSampling  # NOQA
from chainerjax.links.model.classifier import Classifier  # NOQA
from chainerjax.links.normalization.batch_normalization import BatchNormalization  # NOQA
from chainerjax.links.normalization.batch_renormalization import BatchRenormalization  # NOQA
from chainerjax.links.normalization.decorrelated_batch_normalization import DecorrelatedBatchNormalization  # NOQA
from chainerjax.links.normalization.group_normalization import GroupNormalization  # NOQA
from chainerjax.links.normalization.layer_normalization import LayerNormalization  # NOQA
from chainerjax.links.rnn.lstm import LSTM  # NOQA
from chainerjax.links.rnn.lstm import StatelessLSTM  # NOQA

__getattr__ = _missing.module_getattr(__name__)
