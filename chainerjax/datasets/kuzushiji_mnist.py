"""The Kuzushiji-MNIST dataset of cursive Japanese characters
(``chainer.datasets.kuzushiji_mnist``).

Downloaded from Chainer's URLs and cached in Chainer's layout and format
(``<dataset root>/pfnet/chainer/kuzushiji_mnist/{train,test}.npz``).
"""
import numpy

from chainerjax import configuration
from chainerjax.datasets import _mnist_helper
from chainerjax.datasets._mnist_helper import make_npz  # NOQA
from chainerjax.datasets._mnist_helper import preprocess_mnist

_DIRECTORY = 'pfnet/chainer/kuzushiji_mnist'
_base_url = 'http://codh.rois.ac.jp/kmnist/dataset/kmnist/'
_train_urls = (_base_url + 'train-images-idx3-ubyte.gz',
               _base_url + 'train-labels-idx1-ubyte.gz')
_test_urls = (_base_url + 't10k-images-idx3-ubyte.gz',
              _base_url + 't10k-labels-idx1-ubyte.gz')

_kuzushiji_mnist_labels = [
    ('o', '\u304a'), ('ki', '\u304d'), ('su', '\u3059'), ('tsu', '\u3064'),
    ('na', '\u306a'), ('ha', '\u306f'), ('ma', '\u307e'), ('ya', '\u3084'),
    ('re', '\u308c'), ('wo', '\u3092')]


def get_kuzushiji_mnist_labels():
    """Returns the ten classes as ``(romaji, character)`` pairs.

    As in Chainer, the list returned is the module's own list.
    """
    return _kuzushiji_mnist_labels


def get_kuzushiji_mnist(withlabel=True, ndim=1, scale=1., dtype=None,
                        label_dtype=numpy.int32, rgb_format=False):
    """Gets the Kuzushiji-MNIST dataset (downloading it the first time).

    KMNIST holds 70,000 grey-scale 28x28 images of ten hand-written
    Japanese characters (see :func:`get_kuzushiji_mnist_labels`), 60,000
    for training and 10,000 for testing. Pixels are scaled from ``0..255``
    to ``[0, scale]``. The arguments are those of
    :func:`~chainer.datasets.get_mnist`.

    Args:
        withlabel (bool): return (image, label) pairs if True, images only
            otherwise.
        ndim (int): ``1``: ``(784,)``, ``2``: ``(28, 28)``, ``3``:
            ``(1, 28, 28)`` images.
        scale (float): the value of a white pixel.
        dtype: the image dtype (``chainer.config.dtype`` by default).
        label_dtype: the label dtype.
        rgb_format (bool): with ``ndim=3``, give ``(3, 28, 28)`` images.

    Returns:
        ``(train, test)``: two :class:`~chainer.datasets.TupleDataset` if
        ``withlabel``, else two arrays of images.
    """
    dtype = configuration.get_dtype(dtype)
    train_raw = _retrieve_kuzushiji_mnist_training()
    train = preprocess_mnist(
        train_raw, withlabel, ndim, scale, dtype, label_dtype, rgb_format)
    test_raw = _retrieve_kuzushiji_mnist_test()
    test = preprocess_mnist(
        test_raw, withlabel, ndim, scale, dtype, label_dtype, rgb_format)
    return train, test


def _retrieve_kuzushiji_mnist_training():
    return _mnist_helper.retrieve(_DIRECTORY, 'train.npz', _train_urls)


def _retrieve_kuzushiji_mnist_test():
    return _mnist_helper.retrieve(_DIRECTORY, 'test.npz', _test_urls)
