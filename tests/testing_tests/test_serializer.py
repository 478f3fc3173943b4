import os

import pytest

from chainerjax import testing


def test_save_and_load():
    seen = {}

    def saver(path, obj):
        with open(path, 'w') as f:
            f.write(obj['value'])
        seen['path'] = path

    def loader(path, obj):
        assert path == seen['path']
        with open(path) as f:
            obj['value'] = f.read()

    src = {'value': 'hello'}
    dst = {}
    testing.save_and_load(src, dst, 'file.txt', saver, loader)
    assert dst == {'value': 'hello'}
    assert os.path.basename(seen['path']) == 'file.txt'
    # The temporary directory is gone.
    assert not os.path.exists(os.path.dirname(seen['path']))


def test_save_and_load_npz():
    serializers = pytest.importorskip('chainerjax.serializers')
    links = pytest.importorskip('chainerjax.links')
    import numpy
    src = links.Linear(2, 3)
    dst = links.Linear(2, 3)
    testing.save_and_load_npz(src, dst)
    numpy.testing.assert_array_equal(
        numpy.asarray(src.W.array), numpy.asarray(dst.W.array))
    assert serializers is not None
