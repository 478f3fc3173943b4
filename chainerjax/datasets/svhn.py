"""The Street View House Numbers dataset (``chainer.datasets.svhn``).

The ``.mat`` files are downloaded from Chainer's URLs and converted once
into Chainer's cache files ``<dataset root>/pfnet/chainer/svhn/
{train,test,extra}.npz`` (``x``: ``(32, 32, 3, N)`` uint8, ``y``:
``(N, 1)`` uint8, as in the ``.mat`` files). Reading the ``.mat`` files
needs SciPy; a cache made by Chainer (or by an earlier call) is read
without it.
"""
import os

import numpy

from chainerjax import configuration
from chainerjax.dataset import download
from chainerjax.datasets import tuple_dataset

_DIRECTORY = 'pfnet/chainer/svhn'
_base_url = 'http://ufldl.stanford.edu/housenumbers/'
_train_url = _base_url + 'train_32x32.mat'
_test_url = _base_url + 'test_32x32.mat'
_extra_url = _base_url + 'extra_32x32.mat'


def get_svhn(withlabel=True, scale=1., dtype=None, label_dtype=numpy.int32,
             add_extra=False):
    """Gets the SVHN dataset (downloading it the first time).

    SVHN holds RGB 32x32 crops of house numbers, one digit each: 73,257 for
    training, 26,032 for testing and 531,131 extra training images. Images
    are ``(3, 32, 32)`` arrays scaled from ``0..255`` to ``[0, scale]``;
    labels are the digits ``0..9`` (the files' label 10 becomes 0).

    .. note::
       Converting the downloaded files needs SciPy.

    Args:
        withlabel (bool): return (image, label) pairs if True, images only
            otherwise.
        scale (float): the value of a full component.
        dtype: the image dtype (``chainer.config.dtype`` by default).
        label_dtype: the label dtype.
        add_extra (bool): also return the extra training set.

    Returns:
        ``(train, test)``, or ``(train, test, extra)`` if ``add_extra``:
        :class:`~chainer.datasets.TupleDataset` if ``withlabel``, else
        arrays of images.
    """
    dtype = configuration.get_dtype(dtype)
    train = _preprocess_svhn(_retrieve_svhn_training(), withlabel, scale,
                             dtype, label_dtype)
    test = _preprocess_svhn(_retrieve_svhn_test(), withlabel, scale, dtype,
                            label_dtype)
    if add_extra:
        extra = _preprocess_svhn(_retrieve_svhn_extra(), withlabel, scale,
                                 dtype, label_dtype)
        return train, test, extra
    return train, test


def _preprocess_svhn(raw, withlabel, scale, image_dtype, label_dtype):
    # (H, W, C, N) -> (N, C, H, W)
    images = raw['x'].transpose(3, 2, 0, 1).astype(image_dtype)
    images *= scale / 255.
    labels = raw['y'].astype(label_dtype).flatten()
    labels[labels == 10] = 0
    if withlabel:
        return tuple_dataset.TupleDataset(images, labels)
    return images


def _retrieve_svhn_training():
    return _retrieve_svhn('train.npz', _train_url)


def _retrieve_svhn_test():
    return _retrieve_svhn('test.npz', _test_url)


def _retrieve_svhn_extra():
    return _retrieve_svhn('extra.npz', _extra_url)


def _retrieve_svhn(name, url):
    root = download.get_dataset_directory(_DIRECTORY)
    path = os.path.join(root, name)
    return download.cache_or_load_file(
        path, lambda temp_path: _make_npz(temp_path, url),
        lambda cache_path: download._load_npz(cache_path, ('x', 'y')))


def _make_npz(path, url):
    try:
        from scipy import io
    except ImportError as e:
        raise RuntimeError(
            'SciPy is needed to read the SVHN files (pip install '
            'scipy): {}'.format(e)) from e
    mat_path = download.cached_download(url)
    with download._reading_download(mat_path, url):
        try:
            raw = io.loadmat(mat_path)
        except io.matlab.MatReadError as e:
            raise ValueError(str(e)) from e
        images = raw['X'].astype(numpy.uint8)
        labels = raw['y'].astype(numpy.uint8)
        if images.ndim != 4 or images.shape[-1] != len(labels):
            raise ValueError('unexpected shapes X {} and y {}'.format(
                images.shape, labels.shape))
    numpy.savez_compressed(path, x=images, y=labels)
    return {'x': images, 'y': labels}
