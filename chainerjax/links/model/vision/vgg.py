"""VGG16 and VGG19 (``chainer.links.VGG16Layers``, ``VGG19Layers``)."""
import collections

from chainerjax.functions.activation.relu import relu
from chainerjax.functions.activation.softmax import softmax
from chainerjax.functions.noise.dropout import dropout
from chainerjax.functions.pooling.max_pooling_nd import max_pooling_2d
from chainerjax.initializers import constant
from chainerjax.initializers import normal
from chainerjax import link
from chainerjax.links.connection.convolution_2d import Convolution2D
from chainerjax.links.connection.linear import Linear
from chainerjax.links.model.vision import _common
from chainerjax.links.model.vision._common import available  # NOQA

_CAFFEMODELS = {
    16: ('VGG_ILSVRC_16_layers.npz',
         'https://www.robots.ox.ac.uk/%7Evgg/software/very_deep/caffe/'
         'VGG_ILSVRC_16_layers.caffemodel'),
    19: ('VGG_ILSVRC_19_layers.npz',
         'http://www.robots.ox.ac.uk/%7Evgg/software/very_deep/caffe/'
         'VGG_ILSVRC_19_layers.caffemodel'),
}


class VGGLayers(link.Chain):
    """The CNN of the VGG team (Simonyan and Zisserman, `Very Deep
    Convolutional Networks for Large-Scale Image Recognition
    <https://arxiv.org/abs/1409.1556>`_), with 16 or 19 layers.

    Use :class:`VGG16Layers` or :class:`VGG19Layers`. The pre-trained
    weights are released under the Creative Commons Attribution License.

    Args:
        pretrained_model (str or None): a ``.npz`` file of pre-trained
            parameters (as written by Chainer's
            ``convert_caffemodel_to_npz`` or :func:`~chainerjax.serializers
            .save_npz`). ``'auto'`` loads the file that Chainer caches as
            ``$CHAINER_DATASET_ROOT/pfnet/chainer/models/
            VGG_ILSVRC_{16,19}_layers.npz`` (``$CHAINER_DATASET_ROOT``
            defaults to ``~/.chainer/dataset``); chainerjax cannot download
            and convert the caffemodel, so a missing file is an error. With
            None the parameters get the paper's initialization,
            ``Normal(0.01)`` weights and zero biases.
        n_layers (int): 16 or 19.

    Attributes:
        available_layers (list of str): the layer names that ``forward``
            and ``extract`` take.
    """

    def __init__(self, pretrained_model='auto', n_layers=16):
        super(VGGLayers, self).__init__()
        if pretrained_model:
            # the parameters are overwritten: zeros are the quickest
            init = constant.Zero()
            kwargs = {'initialW': init, 'initial_bias': init}
        else:
            kwargs = {
                'initialW': normal.Normal(0.01),
                'initial_bias': constant.Zero(),
            }

        if n_layers not in [16, 19]:
            raise ValueError(
                'The n_layers argument should be either 16 or 19, '
                'but {} was given.'.format(n_layers))

        with self.init_scope():
            self.conv1_1 = Convolution2D(3, 64, 3, 1, 1, **kwargs)
            self.conv1_2 = Convolution2D(64, 64, 3, 1, 1, **kwargs)
            self.conv2_1 = Convolution2D(64, 128, 3, 1, 1, **kwargs)
            self.conv2_2 = Convolution2D(128, 128, 3, 1, 1, **kwargs)
            self.conv3_1 = Convolution2D(128, 256, 3, 1, 1, **kwargs)
            self.conv3_2 = Convolution2D(256, 256, 3, 1, 1, **kwargs)
            self.conv3_3 = Convolution2D(256, 256, 3, 1, 1, **kwargs)
            self.conv4_1 = Convolution2D(256, 512, 3, 1, 1, **kwargs)
            self.conv4_2 = Convolution2D(512, 512, 3, 1, 1, **kwargs)
            self.conv4_3 = Convolution2D(512, 512, 3, 1, 1, **kwargs)
            self.conv5_1 = Convolution2D(512, 512, 3, 1, 1, **kwargs)
            self.conv5_2 = Convolution2D(512, 512, 3, 1, 1, **kwargs)
            self.conv5_3 = Convolution2D(512, 512, 3, 1, 1, **kwargs)
            self.fc6 = Linear(512 * 7 * 7, 4096, **kwargs)
            self.fc7 = Linear(4096, 4096, **kwargs)
            self.fc8 = Linear(4096, 1000, **kwargs)
            if n_layers == 19:
                self.conv3_4 = Convolution2D(256, 256, 3, 1, 1, **kwargs)
                self.conv4_4 = Convolution2D(512, 512, 3, 1, 1, **kwargs)
                self.conv5_4 = Convolution2D(512, 512, 3, 1, 1, **kwargs)

        if pretrained_model == 'auto':
            name_npz, url = _CAFFEMODELS[n_layers]
            _common.load_cached(self, name_npz, 'Chainer downloads ' + url)
        elif pretrained_model:
            _common.load(self, pretrained_model)

    @property
    def functions(self):
        """Ordered dict of each layer name to the callables computing it
        from the previous layer's output."""
        raise NotImplementedError

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
        _common.check_forward_kwargs('forward', kwargs, ('test',))
        return _common.forward_layers(self.functions, x, layers)

    def extract(self, images, layers=None, size=(224, 224), **kwargs):
        """extract(self, images, layers=['fc7'], size=(224, 224))

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
            layers (list of str): the layer names (default ``['fc7']``).
            size (pair of ints): the size images are resized to; None
                keeps them (then they must all have the same size).

        Returns:
            dict: each layer name to its output Variable.
        """
        if layers is None:
            layers = ['fc7']
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


class VGG16Layers(VGGLayers):
    """VGG with 16 layers: 13 3x3 convolutions (``conv1_1`` ...
    ``conv5_3``) in five blocks ended by 2x2 max pooling (``pool1`` ...
    ``pool5``), then the fully-connected ``fc6``, ``fc7`` (ReLU and
    dropout) and ``fc8``, and the softmax ``prob``. It takes 224 x 224
    images (``fc6`` expects ``512 x 7 x 7`` features).

    Args:
        pretrained_model (str or None): as for :class:`VGGLayers` (the
            ``'auto'`` file is ``VGG_ILSVRC_16_layers.npz``).

    Attributes:
        available_layers (list of str): the layer names that ``forward``
            and ``extract`` take.
    """

    def __init__(self, pretrained_model='auto'):
        super(VGG16Layers, self).__init__(pretrained_model, 16)

    @property
    def functions(self):
        return collections.OrderedDict([
            ('conv1_1', [self.conv1_1, relu]),
            ('conv1_2', [self.conv1_2, relu]),
            ('pool1', [_max_pooling_2d]),
            ('conv2_1', [self.conv2_1, relu]),
            ('conv2_2', [self.conv2_2, relu]),
            ('pool2', [_max_pooling_2d]),
            ('conv3_1', [self.conv3_1, relu]),
            ('conv3_2', [self.conv3_2, relu]),
            ('conv3_3', [self.conv3_3, relu]),
            ('pool3', [_max_pooling_2d]),
            ('conv4_1', [self.conv4_1, relu]),
            ('conv4_2', [self.conv4_2, relu]),
            ('conv4_3', [self.conv4_3, relu]),
            ('pool4', [_max_pooling_2d]),
            ('conv5_1', [self.conv5_1, relu]),
            ('conv5_2', [self.conv5_2, relu]),
            ('conv5_3', [self.conv5_3, relu]),
            ('pool5', [_max_pooling_2d]),
            ('fc6', [self.fc6, relu, dropout]),
            ('fc7', [self.fc7, relu, dropout]),
            ('fc8', [self.fc8]),
            ('prob', [softmax]),
        ])


class VGG19Layers(VGGLayers):
    """VGG with 19 layers: as :class:`VGG16Layers` with a fourth 3x3
    convolution in the third to fifth blocks (``conv3_4``, ``conv4_4``,
    ``conv5_4``).

    Args:
        pretrained_model (str or None): as for :class:`VGGLayers` (the
            ``'auto'`` file is ``VGG_ILSVRC_19_layers.npz``).

    Attributes:
        available_layers (list of str): the layer names that ``forward``
            and ``extract`` take.
    """

    def __init__(self, pretrained_model='auto'):
        super(VGG19Layers, self).__init__(pretrained_model, 19)

    @property
    def functions(self):
        return collections.OrderedDict([
            ('conv1_1', [self.conv1_1, relu]),
            ('conv1_2', [self.conv1_2, relu]),
            ('pool1', [_max_pooling_2d]),
            ('conv2_1', [self.conv2_1, relu]),
            ('conv2_2', [self.conv2_2, relu]),
            ('pool2', [_max_pooling_2d]),
            ('conv3_1', [self.conv3_1, relu]),
            ('conv3_2', [self.conv3_2, relu]),
            ('conv3_3', [self.conv3_3, relu]),
            ('conv3_4', [self.conv3_4, relu]),
            ('pool3', [_max_pooling_2d]),
            ('conv4_1', [self.conv4_1, relu]),
            ('conv4_2', [self.conv4_2, relu]),
            ('conv4_3', [self.conv4_3, relu]),
            ('conv4_4', [self.conv4_4, relu]),
            ('pool4', [_max_pooling_2d]),
            ('conv5_1', [self.conv5_1, relu]),
            ('conv5_2', [self.conv5_2, relu]),
            ('conv5_3', [self.conv5_3, relu]),
            ('conv5_4', [self.conv5_4, relu]),
            ('pool5', [_max_pooling_2d]),
            ('fc6', [self.fc6, relu, dropout]),
            ('fc7', [self.fc7, relu, dropout]),
            ('fc8', [self.fc8]),
            ('prob', [softmax]),
        ])


def prepare(image, size=(224, 224)):
    """Converts an image to the input of the VGG models.

    The image is resized, turned from RGB to BGR, the mean pixel
    ``(103.939, 116.779, 123.68)`` (BGR) is subtracted and the axes become
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
    return _common.prepare(image, size, [103.939, 116.779, 123.68])


def _max_pooling_2d(x):
    return max_pooling_2d(x, ksize=2)
