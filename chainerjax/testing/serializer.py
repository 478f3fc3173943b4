"""Save-then-load round trips (``chainer.testing.serializer``)."""

import os

from chainerjax import utils


def save_and_load(src, dst, filename, saver, loader):
    """Saves ``src`` with ``saver`` and loads the file into ``dst``.

    The file lives in a temporary directory removed afterwards.

    Args:
        src: Object to save.
        dst: Object to load into.
        filename (str): File name used in the temporary directory.
        saver (callable): ``saver(path, src)`` writes the file.
        loader (callable): ``loader(path, dst)`` reads it.
    """
    with utils.tempdir() as directory:
        path = os.path.join(directory, filename)
        saver(path, src)
        loader(path, dst)


def save_and_load_npz(src, dst):
    """:func:`save_and_load` through ``serializers.save_npz``/``load_npz``.

    Args:
        src: Object to save.
        dst: Object to load into.
    """
    from chainerjax import serializers
    save_and_load(src, dst, 'tmp.npz',
                  serializers.save_npz, serializers.load_npz)


def save_and_load_hdf5(src, dst):
    """:func:`save_and_load` through ``serializers.save_hdf5``/``load_hdf5``.

    Args:
        src: Object to save.
        dst: Object to load into.
    """
    from chainerjax import serializers
    save_and_load(src, dst, 'tmp.h5',
                  serializers.save_hdf5, serializers.load_hdf5)
