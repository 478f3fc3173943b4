"""ResNet-50/101/152 of MSRA (``chainer.links.ResNet50Layers`` ...)."""
import collections
import os
import warnings

from chainerjax.dataset import download
from chainerjax.functions.activation.relu import relu
from chainerjax.functions.activation.softmax import softmax
from chainerjax.functions.array.reshape import reshape
from chainerjax.functions.pooling.average_pooling_2d import average_pooling_2d
from chainerjax.functions.pooling.max_pooling_nd import max_pooling_2d
from chainerjax.initializers import constant
from chainerjax.initializers import normal
from chainerjax import link
from chainerjax.links.connection.convolution_2d import Convolution2D
from chainerjax.links.connection.linear import Linear
from chainerjax.links.model.vision import _common
from chainerjax.links.model.vision._common import available  # NOQA
from chainerjax.links.normalization.batch_normalization import \
    BatchNormalization


class ResNetLayers(link.Chain):
    """The residual network of MSRA (He et al., `Deep Residual Learning for
    Image Recognition <https://arxiv.org/abs/1512.03385>`_) with 50, 101 or
    152 layers.

    Use :class:`ResNet50Layers`, :class:`ResNet101Layers` or
    :class:`ResNet152Layers`.

    Args:
        pretrained_model (str or None): a ``.npz`` file of pre-trained
            parameters (as written by Chainer's ``convert_caffemodel_to_npz``
            or :func:`~chainerjax.serializers.save_npz`). A name ending with
            ``.caffemodel`` (what ``'auto'`` of the subclasses means) loads
            the converted model that Chainer caches as
            ``$CHAINER_DATASET_ROOT/pfnet/chainer/models/
            ResNet-{n_layers}-model.npz``; chainerjax cannot convert the
            caffemodel, so a missing file is an error. With None the
            parameters get the paper's initialization, ``HeNormal()``
            convolution weights.
        n_layers (int): 50, 101 or 152.
        downsample_fb (bool): False puts the stride 2 of the first
            bottleneck of a block on its 1x1 convolution (the original MSRA
            ResNet), True on its 3x3 convolution (Facebook's ResNet).

    Attributes:
        available_layers (list of str): the layer names that ``forward``
            and ``extract`` take.
    """

    def __init__(self, pretrained_model, n_layers, downsample_fb=False):
        super(ResNetLayers, self).__init__()
        if pretrained_model:
            # the parameters are overwritten: zeros are the quickest
            conv_kwargs = {'initialW': constant.Zero()}
        else:
            conv_kwargs = {'initialW': normal.HeNormal(scale=1.0)}
        kwargs = conv_kwargs.copy()
        kwargs['downsample_fb'] = downsample_fb

        if n_layers == 50:
            block = [3, 4, 6, 3]
        elif n_layers == 101:
            block = [3, 4, 23, 3]
        elif n_layers == 152:
            block = [3, 8, 36, 3]
        else:
            raise ValueError('The n_layers argument should be either 50, 101,'
                             ' or 152, but {} was given.'.format(n_layers))

        with self.init_scope():
            self.conv1 = Convolution2D(3, 64, 7, 2, 3, **conv_kwargs)
            self.bn1 = BatchNormalization(64)
            self.res2 = BuildingBlock(block[0], 64, 64, 256, 1, **kwargs)
            self.res3 = BuildingBlock(block[1], 256, 128, 512, 2, **kwargs)
            self.res4 = BuildingBlock(block[2], 512, 256, 1024, 2, **kwargs)
            self.res5 = BuildingBlock(block[3], 1024, 512, 2048, 2, **kwargs)
            self.fc6 = Linear(2048, 1000)

        if pretrained_model and pretrained_model.endswith('.caffemodel'):
            name_npz = 'ResNet-{}-model.npz'.format(n_layers)
            path_caffemodel = os.path.join(
                download.get_dataset_directory(_common.MODELS_DIR),
                pretrained_model)
            _common.load_cached(
                self, name_npz,
                'Chainer converts ' + path_caffemodel + ', from '
                'https://github.com/KaimingHe/deep-residual-networks')
        elif pretrained_model:
            _common.load(self, pretrained_model)

    @property
    def functions(self):
        """Ordered dict of each layer name to the callables computing it
        from the previous layer's output."""
        return collections.OrderedDict([
            ('conv1', [self.conv1, self.bn1, relu]),
            ('pool1', [lambda x: max_pooling_2d(x, ksize=3, stride=2)]),
            ('res2', [self.res2]),
            ('res3', [self.res3]),
            ('res4', [self.res4]),
            ('res5', [self.res5]),
            ('pool5', [_global_average_pooling_2d]),
            ('fc6', [self.fc6]),
            ('prob', [softmax]),
        ])

    @property
    def available_layers(self):
        return list(self.functions.keys())

    @classmethod
    def convert_caffemodel_to_npz(cls, path_caffemodel, path_npz,
                                  n_layers=50):
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
        _common.check_forward_kwargs('forward', kwargs, ('test',))
        return _common.forward_layers(self.functions, x, layers)

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
        _common.check_forward_kwargs('extract', kwargs, ('test', 'volatile'))
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
        return _common.predict(self, prepare, images, oversample)


class ResNet50Layers(ResNetLayers):
    """ResNet with 50 layers (25,557,096 parameters): blocks of 3, 4, 6
    and 3 bottlenecks.

    Args:
        pretrained_model (str or None): as for :class:`ResNetLayers`;
            ``'auto'`` is ``'ResNet-50-model.caffemodel'`` (the cached
            ``ResNet-50-model.npz``).
        downsample_fb (bool): as for :class:`ResNetLayers`.

    Attributes:
        available_layers (list of str): the layer names that ``forward``
            and ``extract`` take.
    """

    def __init__(self, pretrained_model='auto', downsample_fb=False):
        if pretrained_model == 'auto':
            pretrained_model = 'ResNet-50-model.caffemodel'
        super(ResNet50Layers, self).__init__(
            pretrained_model, 50, downsample_fb)


class ResNet101Layers(ResNetLayers):
    """ResNet with 101 layers (44,549,224 parameters): blocks of 3, 4, 23
    and 3 bottlenecks.

    Args:
        pretrained_model (str or None): as for :class:`ResNetLayers`;
            ``'auto'`` is ``'ResNet-101-model.caffemodel'`` (the cached
            ``ResNet-101-model.npz``).
        downsample_fb (bool): as for :class:`ResNetLayers`.

    Attributes:
        available_layers (list of str): the layer names that ``forward``
            and ``extract`` take.
    """

    def __init__(self, pretrained_model='auto', downsample_fb=False):
        if pretrained_model == 'auto':
            pretrained_model = 'ResNet-101-model.caffemodel'
        super(ResNet101Layers, self).__init__(
            pretrained_model, 101, downsample_fb)


class ResNet152Layers(ResNetLayers):
    """ResNet with 152 layers (60,192,872 parameters): blocks of 3, 8, 36
    and 3 bottlenecks.

    Args:
        pretrained_model (str or None): as for :class:`ResNetLayers`;
            ``'auto'`` is ``'ResNet-152-model.caffemodel'`` (the cached
            ``ResNet-152-model.npz``).
        downsample_fb (bool): as for :class:`ResNetLayers`.

    Attributes:
        available_layers (list of str): the layer names that ``forward``
            and ``extract`` take.
    """

    def __init__(self, pretrained_model='auto', downsample_fb=False):
        if pretrained_model == 'auto':
            pretrained_model = 'ResNet-152-model.caffemodel'
        super(ResNet152Layers, self).__init__(
            pretrained_model, 152, downsample_fb)


def prepare(image, size=(224, 224)):
    """Converts an image to the input of the ResNet models.

    The image is resized, turned from RGB to BGR, the mean pixel
    ``(103.063, 115.903, 123.152)`` (BGR) is subtracted (a mean pixel
    rather than the paper's mean image, so that any size works) and the
    axes become ``(channels, height, width)``.

    Args:
        image (PIL.Image or numpy.ndarray): an RGB image; an array is
            ``(height, width)``, ``(height, width, channels)`` or
            ``(channels, height, width)``.
        size (pair of ints): the size to resize to; None keeps the size.

    Returns:
        numpy.ndarray: the image, ``(3, height, width)`` of
        ``chainer.get_dtype()``.
    """
    return _common.prepare(image, size, [103.063, 115.903, 123.152])


class BuildingBlock(link.Chain):
    """A block of bottlenecks: a :class:`BottleneckA` (``a``) that changes
    the channels (and the resolution if ``stride`` > 1), then
    ``n_layers - 1`` :class:`BottleneckB` (``b1``, ``b2``, ...).

    Args:
        n_layers (int): the number of bottlenecks.
        in_channels (int): the input channels.
        mid_channels (int): the channels inside the bottlenecks.
        out_channels (int): the output channels.
        stride (int or tuple of ints): the stride of the first bottleneck.
        initialW: the initializer of the convolution weights.
        downsample_fb (bool): where the first bottleneck's stride goes (see
            :class:`ResNetLayers`).
        n_layer (int): deprecated spelling of ``n_layers`` (keyword only).
    """

    def __init__(self, n_layers=None, in_channels=None, mid_channels=None,
                 out_channels=None, stride=None, initialW=None,
                 downsample_fb=None, **kwargs):
        super(BuildingBlock, self).__init__()
        if 'n_layer' in kwargs:
            warnings.warn(
                'Argument `n_layer` is deprecated. '
                'Please use `n_layers` instead',
                DeprecationWarning)
            n_layers = kwargs['n_layer']

        with self.init_scope():
            self.a = BottleneckA(
                in_channels, mid_channels, out_channels, stride,
                initialW, downsample_fb)
            self._forward = ['a']
            for i in range(n_layers - 1):
                name = 'b{}'.format(i + 1)
                bottleneck = BottleneckB(out_channels, mid_channels, initialW)
                setattr(self, name, bottleneck)
                self._forward.append(name)

    def forward(self, x):
        for name in self._forward:
            x = getattr(self, name)(x)
        return x


class BottleneckA(link.Chain):
    """A bottleneck that changes the channels and may reduce the
    resolution: ``relu(bn3(conv3(relu(bn2(conv2(relu(bn1(conv1(x)))))))) +
    bn4(conv4(x)))`` with 1x1 ``conv1``/``conv3``/``conv4`` and 3x3
    ``conv2``, all without bias.

    Args:
        in_channels (int): the input channels.
        mid_channels (int): the channels of ``conv1`` and ``conv2``.
        out_channels (int): the output channels.
        stride (int or tuple of ints): the stride of ``conv4`` and of
            ``conv1`` (``downsample_fb=False``) or ``conv2`` (True).
        initialW: the initializer of the convolution weights.
        downsample_fb (bool): see :class:`ResNetLayers`.
    """

    def __init__(self, in_channels, mid_channels, out_channels,
                 stride=2, initialW=None, downsample_fb=False):
        super(BottleneckA, self).__init__()
        stride_1x1, stride_3x3 = (1, stride) if downsample_fb else (stride, 1)
        with self.init_scope():
            self.conv1 = Convolution2D(
                in_channels, mid_channels, 1, stride_1x1, 0,
                initialW=initialW, nobias=True)
            self.bn1 = BatchNormalization(mid_channels)
            self.conv2 = Convolution2D(
                mid_channels, mid_channels, 3, stride_3x3, 1,
                initialW=initialW, nobias=True)
            self.bn2 = BatchNormalization(mid_channels)
            self.conv3 = Convolution2D(
                mid_channels, out_channels, 1, 1, 0, initialW=initialW,
                nobias=True)
            self.bn3 = BatchNormalization(out_channels)
            self.conv4 = Convolution2D(
                in_channels, out_channels, 1, stride, 0, initialW=initialW,
                nobias=True)
            self.bn4 = BatchNormalization(out_channels)

    def forward(self, x):
        h1 = relu(self.bn1(self.conv1(x)))
        h1 = relu(self.bn2(self.conv2(h1)))
        h1 = self.bn3(self.conv3(h1))
        h2 = self.bn4(self.conv4(x))
        return relu(h1 + h2)


class BottleneckB(link.Chain):
    """A bottleneck that keeps the channels and the resolution:
    ``relu(bn3(conv3(relu(bn2(conv2(relu(bn1(conv1(x)))))))) + x)``.

    Args:
        in_channels (int): the input (and output) channels.
        mid_channels (int): the channels of ``conv1`` and ``conv2``.
        initialW: the initializer of the convolution weights.
    """

    def __init__(self, in_channels, mid_channels, initialW=None):
        super(BottleneckB, self).__init__()
        with self.init_scope():
            self.conv1 = Convolution2D(
                in_channels, mid_channels, 1, 1, 0, initialW=initialW,
                nobias=True)
            self.bn1 = BatchNormalization(mid_channels)
            self.conv2 = Convolution2D(
                mid_channels, mid_channels, 3, 1, 1, initialW=initialW,
                nobias=True)
            self.bn2 = BatchNormalization(mid_channels)
            self.conv3 = Convolution2D(
                mid_channels, in_channels, 1, 1, 0, initialW=initialW,
                nobias=True)
            self.bn3 = BatchNormalization(in_channels)

    def forward(self, x):
        h = relu(self.bn1(self.conv1(x)))
        h = relu(self.bn2(self.conv2(h)))
        h = self.bn3(self.conv3(h))
        return relu(h + x)


def _global_average_pooling_2d(x):
    n, channel, rows, cols = x.shape
    h = average_pooling_2d(x, (rows, cols), stride=1)
    return reshape(h, (n, channel))
