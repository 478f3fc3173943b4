"""GoogLeNet of BVLC (``chainer.links.GoogLeNet``)."""
import collections

from chainerjax import configuration
from chainerjax.dataset.convert import concat_examples
from chainerjax import function
from chainerjax.functions.activation.relu import relu
from chainerjax.functions.activation.softmax import softmax
from chainerjax.functions.array.reshape import reshape
from chainerjax.functions.math.average import average
from chainerjax.functions.noise.dropout import dropout
from chainerjax.functions.normalization.local_response_normalization import \
    local_response_normalization
from chainerjax.functions.pooling.average_pooling_2d import average_pooling_2d
from chainerjax.functions.pooling.max_pooling_nd import max_pooling_2d
from chainerjax.initializers import constant
from chainerjax.initializers import uniform
from chainerjax import link
from chainerjax.links.connection.convolution_2d import Convolution2D
from chainerjax.links.connection.inception import Inception
from chainerjax.links.connection.linear import Linear
from chainerjax.links.model.vision import _common
from chainerjax.links.model.vision._common import available  # NOQA
from chainerjax.variable import Variable


class GoogLeNet(link.Chain):
    """GoogLeNet (Szegedy et al., `Going Deeper with Convolutions
    <https://arxiv.org/abs/1409.4842>`_) as trained by BVLC.

    Besides the main classifier (``loss3_fc``, ``prob``) it has the two
    auxiliary classifiers of training (``loss1_fc2`` on ``inception_4a``,
    ``loss2_fc2`` on ``inception_4d``); ``forward`` computes them only when
    asked for.

    Args:
        pretrained_model (str or None): a ``.npz`` file of pre-trained
            parameters (as written by Chainer's ``convert_caffemodel_to_npz``
            or :func:`~chainerjax.serializers.save_npz`). ``'auto'`` loads
            the file that Chainer caches as ``$CHAINER_DATASET_ROOT/pfnet/
            chainer/models/bvlc_googlenet.npz`` (``$CHAINER_DATASET_ROOT``
            defaults to ``~/.chainer/dataset``); chainerjax cannot download
            and convert the caffemodel, so a missing file is an error. With
            None the convolutions and fully-connected layers outside of the
            Inception modules get BVLC's ``LeCunUniform(scale=1.0)``
            weights, the Inception modules Chainer's defaults.

    Attributes:
        available_layers (list of str): the layer names that ``forward``
            and ``extract`` take.
    """

    def __init__(self, pretrained_model='auto'):
        super(GoogLeNet, self).__init__()
        if pretrained_model:
            # the parameters are overwritten: zeros are the quickest
            kwargs = {'initialW': constant.Zero()}
        else:
            kwargs = {'initialW': uniform.LeCunUniform(scale=1.0)}

        with self.init_scope():
            self.conv1 = Convolution2D(3, 64, 7, stride=2, pad=3, **kwargs)
            self.conv2_reduce = Convolution2D(64, 64, 1, **kwargs)
            self.conv2 = Convolution2D(64, 192, 3, stride=1, pad=1, **kwargs)
            self.inc3a = Inception(192, 64, 96, 128, 16, 32, 32)
            self.inc3b = Inception(256, 128, 128, 192, 32, 96, 64)
            self.inc4a = Inception(480, 192, 96, 208, 16, 48, 64)
            self.inc4b = Inception(512, 160, 112, 224, 24, 64, 64)
            self.inc4c = Inception(512, 128, 128, 256, 24, 64, 64)
            self.inc4d = Inception(512, 112, 144, 288, 32, 64, 64)
            self.inc4e = Inception(528, 256, 160, 320, 32, 128, 128)
            self.inc5a = Inception(832, 256, 160, 320, 32, 128, 128)
            self.inc5b = Inception(832, 384, 192, 384, 48, 128, 128)
            self.loss3_fc = Linear(1024, 1000, **kwargs)

            self.loss1_conv = Convolution2D(512, 128, 1, **kwargs)
            self.loss1_fc1 = Linear(2048, 1024, **kwargs)
            self.loss1_fc2 = Linear(1024, 1000, **kwargs)

            self.loss2_conv = Convolution2D(528, 128, 1, **kwargs)
            self.loss2_fc1 = Linear(2048, 1024, **kwargs)
            self.loss2_fc2 = Linear(1024, 1000, **kwargs)

        if pretrained_model == 'auto':
            _common.load_cached(
                self, 'bvlc_googlenet.npz',
                'Chainer downloads http://dl.caffe.berkeleyvision.org/'
                'bvlc_googlenet.caffemodel')
        elif pretrained_model:
            _common.load(self, pretrained_model)

    @property
    def functions(self):
        """Ordered dict of each layer name to the callables computing it
        from the previous layer's output (``loss1_fc2`` from
        ``inception_4a``'s, ``loss2_fc2`` from ``inception_4d``'s)."""
        return collections.OrderedDict([
            ('conv1', [self.conv1, relu]),
            ('pool1', [_max_pooling_2d, _local_response_normalization]),
            ('conv2_reduce', [self.conv2_reduce, relu]),
            ('conv2', [self.conv2, relu, _local_response_normalization]),
            ('pool2', [_max_pooling_2d]),
            ('inception_3a', [self.inc3a]),
            ('inception_3b', [self.inc3b]),
            ('pool3', [_max_pooling_2d]),
            ('inception_4a', [self.inc4a]),
            ('inception_4b', [self.inc4b]),
            ('inception_4c', [self.inc4c]),
            ('inception_4d', [self.inc4d]),
            ('inception_4e', [self.inc4e]),
            ('pool4', [_max_pooling_2d]),
            ('inception_5a', [self.inc5a]),
            ('inception_5b', [self.inc5b]),
            ('pool5', [_average_pooling_2d_k7]),
            ('loss3_fc', [_dropout, self.loss3_fc]),
            ('prob', [softmax]),
            # the auxiliary classifiers come last, so that forward skips
            # them unless they are asked for
            ('loss1_fc2', [_average_pooling_2d_k5, self.loss1_conv, relu,
                           self.loss1_fc1, relu, self.loss1_fc2]),
            ('loss2_fc2', [_average_pooling_2d_k5, self.loss2_conv, relu,
                           self.loss2_fc1, relu, self.loss2_fc2])
        ])

    @property
    def available_layers(self):
        return list(self.functions.keys())

    @classmethod
    def convert_caffemodel_to_npz(cls, path_caffemodel, path_npz):
        """Converts a caffemodel to a ``.npz`` file (not available in
        chainerjax: use real Chainer's, whose output loads here).

        Raises:
            NotImplementedError: always.
        """
        _common.convert_caffemodel_unavailable(cls)

    def forward(self, x, layers=None, **kwargs):
        """forward(self, x, layers=['prob'])

        Computes the feature maps of ``layers``.

        Args:
            x (~chainerjax.Variable): input images made by :func:`prepare`.
            layers (list of str): the layer names (default ``['prob']``).

        Returns:
            dict: each layer name to its output Variable.
        """
        if layers is None:
            layers = ['prob']
        _common.check_forward_kwargs('forward', kwargs, ('train',))

        h = x
        activations = {}
        inception_4a_cache = None
        inception_4d_cache = None
        target_layers = set(layers)
        for key, funcs in self.functions.items():
            if not target_layers:
                break
            if key == 'loss1_fc2':
                h = inception_4a_cache
            elif key == 'loss2_fc2':
                h = inception_4d_cache
            for func in funcs:
                h = func(h)
            if key in target_layers:
                activations[key] = h
                target_layers.remove(key)
            if key == 'inception_4a':
                inception_4a_cache = h
            elif key == 'inception_4d':
                inception_4d_cache = h
        return activations

    def extract(self, images, layers=None, size=(224, 224), **kwargs):
        """extract(self, images, layers=['pool5'], size=(224, 224))

        Computes the feature maps of ``layers`` for images: applies
        :func:`prepare` and then ``forward``.

        Unlike :meth:`predict` this keeps ``chainer.config.train`` and
        ``enable_backprop`` as they are; to extract features for inference
        set them::

            with chainer.using_config('train', False), \\
                    chainer.using_config('enable_backprop', False):
                feature = model.extract([image])

        Args:
            images (iterable of PIL.Image or numpy.ndarray): RGB images.
            layers (list of str): the layer names (default ``['pool5']``).
            size (pair of ints): the size images are resized to; None
                keeps them (then they must all have the same size).

        Returns:
            dict: each layer name to its output Variable.
        """
        if layers is None:
            layers = ['pool5']
        _common.check_forward_kwargs('extract', kwargs,
                                     ('train', 'volatile'))
        return _common.extract(self, prepare, images, layers, size)

    def predict(self, images, oversample=True):
        """Computes the class probabilities of images.

        Args:
            images (iterable of PIL.Image or numpy.ndarray): RGB images.
            oversample (bool): average over the center, the corners and
                their mirror images (224 x 224 crops of the 256 x 256
                resized images) if True, else use the center crop only.

        Returns:
            ~chainerjax.Variable: the probabilities, ``(len(images), 1000)``.
        """
        x = concat_examples([prepare(img, size=(256, 256)) for img in images])
        if oversample:
            x = _common.oversample(x, crop_dims=(224, 224))
        else:
            x = x[:, :, 16:240, 16:240]
        with function.no_backprop_mode(), \
                configuration.using_config('train', False):
            x = Variable(self.xp.asarray(x))
            y = self(x, layers=['prob'])['prob']
            if oversample:
                n = len(y) // 10
                y_shape = y.shape[1:]
                y = reshape(y, (n, 10) + y_shape)
                y = average(y, axis=1)
        return y


def prepare(image, size=(224, 224)):
    """Converts an image to the input of GoogLeNet.

    The image is resized, turned from RGB to BGR, the mean pixel
    ``(104, 117, 123)`` (BGR) is subtracted and the axes become
    ``(channels, height, width)``.

    Args:
        image (PIL.Image or numpy.ndarray): an RGB image; an array is
            ``(height, width)``, ``(height, width, channels)`` or
            ``(channels, height, width)``.
        size (pair of ints): the size to resize to; None keeps the size.

    Returns:
        numpy.ndarray: the image, ``(3, height, width)`` of
        ``chainer.get_dtype()``.
    """
    return _common.prepare(image, size, [104.0, 117.0, 123.0])


def _max_pooling_2d(x):
    return max_pooling_2d(x, ksize=3, stride=2)


def _local_response_normalization(x):
    return local_response_normalization(x, n=5, k=1, alpha=1e-4 / 5)


def _average_pooling_2d_k5(x):
    return average_pooling_2d(x, ksize=5, stride=3)


def _average_pooling_2d_k7(x):
    return average_pooling_2d(x, ksize=7, stride=1)


def _dropout(x):
    return dropout(x, ratio=0.4)
