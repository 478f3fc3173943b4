"""Shared code of the MNIST-format loaders (MNIST, Fashion-MNIST and
Kuzushiji-MNIST): reading the gzip'd IDX files, the cache file and the
preprocessing.

The cache file is Chainer's: ``numpy.savez_compressed`` with ``x``
(``(N, 784)`` uint8 pixels) and ``y`` (``(N,)`` uint8 labels).
"""
import gzip
import os
import struct

import numpy

from chainerjax.dataset import download
from chainerjax.datasets import tuple_dataset

_IMAGE_MAGIC = 2051
_LABEL_MAGIC = 2049


def _read_idx(path, url, magic):
    # Reads a gzip'd IDX file of unsigned bytes (the MNIST format).
    ndim = magic & 0xff
    with download._reading_download(path, url):
        with gzip.open(path, 'rb') as f:
            data = f.read()
        header_size = 4 + 4 * ndim
        if len(data) < header_size:
            raise EOFError('the file ends inside the IDX header')
        found, = struct.unpack('>i', data[:4])
        if found != magic:
            raise ValueError(
                'not an MNIST IDX file (magic number {}, expected {})'
                .format(found, magic))
        shape = struct.unpack('>' + 'i' * ndim, data[4:header_size])
        size = int(numpy.prod(shape))
        if len(data) - header_size < size:
            raise EOFError('expected {} bytes of data, found {}'.format(
                size, len(data) - header_size))
        array = numpy.frombuffer(
            data, numpy.uint8, count=size, offset=header_size)
        return array.reshape(shape).copy()


def make_npz(path, urls):
    """Downloads the image and label files ``urls``, writes the cache file
    ``path`` and returns its content as a dict."""
    x_url, y_url = urls
    x_path = download.cached_download(x_url)
    y_path = download.cached_download(y_url)
    x = _read_idx(x_path, x_url, _IMAGE_MAGIC)
    y = _read_idx(y_path, y_url, _LABEL_MAGIC)
    if len(x) != len(y):
        raise RuntimeError('wrong pair of MNIST images and labels')
    if x.shape[1:] != (28, 28):
        raise RuntimeError(
            'The file {} downloaded from {} holds images of shape {}, not '
            '(28, 28). Delete it and call the function again to download '
            'it again.'.format(x_path, x_url, x.shape[1:]))
    x = x.reshape(len(x), 784)
    numpy.savez_compressed(path, x=x, y=y)
    return {'x': x, 'y': y}


def retrieve(directory, name, urls):
    """Returns the raw arrays of the cache file ``<directory>/<name>``,
    building it from ``urls`` the first time."""
    root = download.get_dataset_directory(directory)
    path = os.path.join(root, name)
    return download.cache_or_load_file(
        path, lambda temp_path: make_npz(temp_path, urls),
        lambda cache_path: download._load_npz(cache_path, ('x', 'y')))


def preprocess_mnist(raw, withlabel, ndim, scale, image_dtype, label_dtype,
                     rgb_format):
    """Turns the raw arrays into the dataset ``get_mnist`` returns."""
    images = raw['x']
    if ndim == 2:
        images = images.reshape(-1, 28, 28)
    elif ndim == 3:
        images = images.reshape(-1, 1, 28, 28)
        if rgb_format:
            images = numpy.broadcast_to(
                images, (len(images), 3, 28, 28))
    elif ndim != 1:
        raise ValueError('invalid ndim for MNIST dataset')
    images = images.astype(image_dtype)
    images *= scale / 255.
    if withlabel:
        labels = raw['y'].astype(label_dtype)
        return tuple_dataset.TupleDataset(images, labels)
    return images
