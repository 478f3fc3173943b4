"""What the pre-trained vision models share: image preparation, the layer
by layer forward, oversampling, and finding pre-trained weights.

chainerjax cannot download files nor read Caffe models (it has no
``chainer.links.caffe``): pre-trained weights come from a ``.npz`` file
written by real Chainer (its ``convert_caffemodel_to_npz``, or the file its
``pretrained_model='auto'`` caches), which loads here unchanged.
"""
import os

import numpy

from chainerjax import configuration
from chainerjax.dataset import download
from chainerjax.serializers import npz
from chainerjax.utils import conv

try:
    from PIL import Image
    available = True
except ImportError as e:
    available = False
    _import_error = e


_TEST_MSG = ('test argument is not supported anymore. '
             'Use chainer.using_config')
_TRAIN_MSG = ('train argument is not supported anymore. '
              'Use chainer.using_config')
_VOLATILE_MSG = ('volatile argument is not supported anymore. '
                 'Use chainer.using_config')

MODELS_DIR = 'pfnet/chainer/models/'


def check_forward_kwargs(func_name, kwargs, removed):
    """Raises Chainer's errors for removed arguments (ValueError) and for
    any other keyword argument (TypeError). ``removed`` names the removed
    ones: ``'test'``, ``'train'``, ``'volatile'``."""
    if kwargs:
        messages = {'test': _TEST_MSG, 'train': _TRAIN_MSG,
                    'volatile': _VOLATILE_MSG}
        conv._parse_kwargs(func_name, kwargs,
                           **{name: messages[name] for name in removed})


def forward_layers(functions, x, layers):
    """Applies ``functions`` (an ordered dict of layer name to callables)
    in order, stopping once every layer of ``layers`` is computed; returns
    a dict of their outputs."""
    h = x
    activations = {}
    target_layers = set(layers)
    for key, funcs in functions.items():
        if not target_layers:
            break
        for func in funcs:
            h = func(h)
        if key in target_layers:
            activations[key] = h
            target_layers.remove(key)
    return activations


def prepare(image, size, mean):
    """Resizes an RGB image, turns it to BGR, subtracts the BGR ``mean``
    pixel and makes it ``(3, height, width)`` of ``chainer.get_dtype()``.

    ``image`` is a PIL image or an array of shape ``(height, width)``,
    ``(height, width, channels)`` or ``(channels, height, width)``, RGB.
    ``size`` is ``(width, height)`` as PIL takes it, or None to keep the
    size.
    """
    if not available:
        raise ImportError('PIL cannot be loaded. Install Pillow!\n'
                          'The actual import error is as follows:\n' +
                          str(_import_error))
    dtype = configuration.get_dtype()
    if isinstance(image, numpy.ndarray):
        if image.ndim == 3:
            if image.shape[0] == 1:
                image = image[0, :, :]
            elif image.shape[0] == 3:
                image = image.transpose((1, 2, 0))
        image = Image.fromarray(image.astype(numpy.uint8))
    image = image.convert('RGB')
    if size:
        image = image.resize(size)
    image = numpy.asarray(image, dtype=dtype)
    image = image[:, :, ::-1]
    image -= numpy.array(mean, dtype=dtype)
    return image.transpose((2, 0, 1))


def oversample(images, crop_dims):
    """The 4 corner crops, the center crop and their mirror images of each
    image: ``10 * len(images)`` crops of ``crop_dims``."""
    channels, src_h, src_w = images[0].shape
    dst_h, dst_w = crop_dims
    tops = [0, 0, src_h - dst_h, src_h - dst_h, int(src_h / 2. - dst_h / 2.)]
    lefts = [0, src_w - dst_w, 0, src_w - dst_w, int(src_w / 2. - dst_w / 2.)]
    crops = numpy.empty((10 * len(images), channels, dst_h, dst_w),
                        dtype=images[0].dtype)
    i = 0
    for image in images:
        for top, left in zip(tops, lefts):
            crops[i] = image[:, top:top + dst_h, left:left + dst_w]
            i += 1
        crops[i:i + 5] = crops[i - 5:i, :, :, ::-1]
        i += 5
    return crops


def load_cached(model, name_npz, source):
    """``pretrained_model='auto'``: loads the converted model that Chainer
    caches as ``$CHAINER_DATASET_ROOT/pfnet/chainer/models/<name_npz>``.

    Chainer makes that file by downloading (or reading) a caffemodel and
    converting it; chainerjax can do neither, so a missing file is an
    error that says how to make it or what to pass instead.
    """
    root = download.get_dataset_directory(MODELS_DIR)
    path = os.path.join(root, name_npz)
    if not os.path.exists(path):
        raise FileNotFoundError(
            '{cls}(pretrained_model=\'auto\') loads the converted model '
            '{path}, which does not exist. chainerjax cannot download or '
            'convert caffemodels ({source}). Either make the .npz with '
            'real Chainer (chainer.links.{cls}.convert_caffemodel_to_npz, '
            'or construct chainer.links.{cls}() once, which writes that '
            'file), then put it at that path or pass '
            'pretrained_model=\'/path/to/file.npz\'; or pass '
            'pretrained_model=None for initial weights without '
            'pre-training.'.format(cls=type(model).__name__, path=path,
                                   source=source))
    npz.load_npz(path, model)


def load(model, path):
    """Loads the parameters of ``model`` from a ``.npz`` file."""
    npz.load_npz(path, model)


def convert_caffemodel_unavailable(cls):
    raise NotImplementedError(
        '{cls}.convert_caffemodel_to_npz needs Caffe model support '
        '(chainer.links.caffe.CaffeFunction), which chainerjax does not '
        'provide. Convert with real Chainer 7 '
        '(chainer.links.{cls}.convert_caffemodel_to_npz(path_caffemodel, '
        'path_npz)); the .npz it writes loads here with '
        '{cls}(pretrained_model=path_npz).'.format(cls=cls.__name__))


def extract(model, prepare, images, layers, size):
    """``model.extract``: prepares the images and runs ``model`` on them."""
    from chainerjax.dataset.convert import concat_examples
    from chainerjax.variable import Variable
    x = concat_examples([prepare(img, size=size) for img in images])
    return model(Variable(model.xp.asarray(x)), layers=layers)


_ten_crops = oversample


def predict(model, prepare, images, oversample):
    """``model.predict``: class probabilities of the images, averaged over
    the ten 224 x 224 crops when ``oversample``."""
    from chainerjax.dataset.convert import concat_examples
    from chainerjax import function
    from chainerjax.functions.array.reshape import reshape
    from chainerjax.functions.math.sum import sum as sum_
    from chainerjax.variable import Variable
    x = concat_examples([prepare(img, size=(256, 256)) for img in images])
    if oversample:
        x = _ten_crops(x, crop_dims=(224, 224))
    else:
        x = x[:, :, 16:240, 16:240]
    with function.no_backprop_mode(), \
            configuration.using_config('train', False):
        x = Variable(model.xp.asarray(x))
        y = model(x, layers=['prob'])['prob']
        if oversample:
            n = len(y) // 10
            y_shape = y.shape[1:]
            y = reshape(y, (n, 10) + y_shape)
            y = sum_(y, axis=1) / 10
    return y
