"""Datasets of image files (``chainer.datasets.image_dataset``).

Images are read with Pillow on each access and returned as ``(channels,
height, width)`` arrays (a grey-scale image has one channel), of dtype
``chainer.config.dtype`` by default, as in Chainer. The zipped variants
read the images from zip archives.
"""
import bisect
import io
import os
import threading
import zipfile

import numpy

from chainerjax import configuration
from chainerjax.dataset import dataset_mixin

try:
    from PIL import Image
    available = True
    _import_error = None
except ImportError as e:
    Image = None
    available = False
    _import_error = e


def _check_pillow_availability():
    if not available:
        raise ImportError(
            'PIL cannot be loaded. Install Pillow (pip install Pillow).\n'
            'The import error was: {}'.format(_import_error))


def _read_image_as_array(path, dtype):
    # ``path``: a file name or a binary file object.
    with Image.open(path) as image:
        return numpy.asarray(image, dtype=dtype)


def _postprocess_image(image):
    # HW or HWC -> CHW
    if image.ndim == 2:
        image = image[:, :, None]
    return image.transpose(2, 0, 1)


def _read_pairs(pairs_path):
    # A text file of "<path> <integer label>" lines (Caffe's format).
    pairs = []
    with open(pairs_path) as pairs_file:
        for i, line in enumerate(pairs_file):
            pair = line.strip().split()
            if len(pair) != 2:
                raise ValueError(
                    'invalid format at line {} in file {}'.format(
                        i, pairs_path))
            pairs.append((pair[0], int(pair[1])))
    return pairs


class ImageDataset(dataset_mixin.DatasetMixin):
    """Dataset of image files, read on each access.

    Each example is a ``(channels, height, width)`` array. Images are not
    converted: a dataset that mixes RGB and grey-scale images gives
    examples of different shapes.

    Args:
        paths (str or list of str): the image paths, or the path of a text
            file listing them one a line. Paths are relative to ``root``.
        root (str): the directory the paths are relative to.
        dtype: the array dtype (``chainer.config.dtype`` by default).
    """

    def __init__(self, paths, root='.', dtype=None):
        _check_pillow_availability()
        if isinstance(paths, str):
            with open(paths) as paths_file:
                paths = [path.strip() for path in paths_file]
        self._paths = paths
        self._root = root
        self._dtype = configuration.get_dtype(dtype)

    def __len__(self):
        return len(self._paths)

    def get_example(self, i):
        path = os.path.join(self._root, self._paths[i])
        return _postprocess_image(_read_image_as_array(path, self._dtype))


class LabeledImageDataset(dataset_mixin.DatasetMixin):
    """Dataset of (image, label) pairs; images are read on each access.

    Each example is a ``(channels, height, width)`` image array and a
    0-dimensional label array.

    Args:
        pairs (str or list of tuples): ``(path, label)`` pairs, or the path
            of a text file with one ``path label`` pair a line, separated
            by white space (Caffe's format). Paths are relative to
            ``root``.
        root (str): the directory the paths are relative to.
        dtype: the image dtype (``chainer.config.dtype`` by default).
        label_dtype: the label dtype.
    """

    def __init__(self, pairs, root='.', dtype=None, label_dtype=numpy.int32):
        _check_pillow_availability()
        if isinstance(pairs, str):
            pairs = _read_pairs(pairs)
        self._pairs = pairs
        self._root = root
        self._dtype = configuration.get_dtype(dtype)
        self._label_dtype = label_dtype

    def __len__(self):
        return len(self._pairs)

    def get_example(self, i):
        path, int_label = self._pairs[i]
        image = _read_image_as_array(
            os.path.join(self._root, path), self._dtype)
        label = numpy.array(int_label, dtype=self._label_dtype)
        return _postprocess_image(image), label


class ZippedImageDataset(dataset_mixin.DatasetMixin):
    """Dataset of the images in a zip archive, read on each access.

    The examples are the archive's files (directories excluded) in the
    archive's order, as ``(channels, height, width)`` arrays. Reading one
    archive is often faster than many small files on network file
    systems. The dataset can be pickled (to send it to other processes);
    each process reopens the archive.

    Args:
        zipfilename (str): the zip archive; it must hold images only.
        dtype: the array dtype (``chainer.config.dtype`` by default).
    """

    def __init__(self, zipfilename, dtype=None):
        _check_pillow_availability()
        self._zipfilename = zipfilename
        self._zf = zipfile.ZipFile(zipfilename)
        self._zf_pid = os.getpid()
        self._dtype = configuration.get_dtype(dtype)
        self._paths = [name for name in self._zf.namelist()
                       if not name.endswith('/')]
        self._lock = threading.Lock()

    def __len__(self):
        return len(self._paths)

    def __getstate__(self):
        state = self.__dict__.copy()
        state['_zf'] = None
        state['_lock'] = None
        return state

    def __setstate__(self, state):
        self.__dict__ = state
        self._lock = threading.Lock()

    def get_example(self, i_or_filename):
        """Returns the image number ``i`` or the image of this name."""
        if isinstance(i_or_filename, (int, numpy.integer)):
            name = self._paths[i_or_filename]
        else:
            name = i_or_filename
        with self._lock:
            if self._zf is None or self._zf_pid != os.getpid():
                # a new process (after fork or unpickling) opens its own
                self._zf_pid = os.getpid()
                self._zf = zipfile.ZipFile(self._zipfilename)
            data = self._zf.read(name)
        # Pillow seeks in the file, which a zip member does not support.
        image = _read_image_as_array(io.BytesIO(data), self._dtype)
        return _postprocess_image(image)


class MultiZippedImageDataset(dataset_mixin.DatasetMixin):
    """Dataset of the images of several zip archives, one after another.

    Args:
        zipfilenames (list of str): the zip archives (images only).
        dtype: the array dtype (``chainer.config.dtype`` by default).
    """

    def __init__(self, zipfilenames, dtype=None):
        self._zfs = [ZippedImageDataset(name, dtype)
                     for name in zipfilenames]
        self._zpaths_accumlens = [0]
        for zf in self._zfs:
            self._zpaths_accumlens.append(
                self._zpaths_accumlens[-1] + len(zf))

    def __len__(self):
        return self._zpaths_accumlens[-1]

    def get_example(self, i):
        which = bisect.bisect(self._zpaths_accumlens, i) - 1
        return self._zfs[which].get_example(
            i - self._zpaths_accumlens[which])


class LabeledZippedImageDataset(dataset_mixin.DatasetMixin):
    """Dataset of (image, label) pairs whose images are in a zip archive.

    Args:
        zipfilename (str): the zip archive of images.
        labelfilename (str): a text file with one ``name label`` pair a
            line (as for :class:`LabeledImageDataset`); each name is a file
            name in the archive. The ``i``-th line is the ``i``-th example.
        dtype: the image dtype (``chainer.config.dtype`` by default).
        label_dtype: the label dtype.
    """

    def __init__(self, zipfilename, labelfilename, dtype=None,
                 label_dtype=numpy.int32):
        _check_pillow_availability()
        self._pairs = _read_pairs(labelfilename)
        self._label_dtype = label_dtype
        self._zipfile = ZippedImageDataset(zipfilename, dtype=dtype)

    def __len__(self):
        return len(self._pairs)

    def get_example(self, i):
        path, int_label = self._pairs[i]
        label = numpy.array(int_label, dtype=self._label_dtype)
        return self._zipfile.get_example(path), label
