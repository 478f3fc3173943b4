"""get_cifar10 and get_cifar100 on fake archives from a local server."""
import io
import os
import pickle
import tarfile

import numpy
import pytest

from chainerjax import datasets
from chainerjax.datasets import cifar
from tests.datasets_tests import _fake_data
from tests.datasets_tests import _helpers

LOADERS = {'cifar-10': datasets.get_cifar10,
           'cifar-100': datasets.get_cifar100}


def _serve(server, monkeypatch, tmp_path, name, archive=None):
    if archive is None:
        archive = str(tmp_path / (name + '.tar.gz'))
        _fake_data.write_cifar(archive, name)
    url = server.add_file('/' + name, archive)
    monkeypatch.setitem(cifar._urls, name, url)
    return url


def test_urls_are_chainers():
    for name in LOADERS:
        assert [cifar._urls[name]] == _helpers.chainer_urls()[name]


@pytest.mark.parametrize('name', sorted(LOADERS))
def test_download_and_cache(name, server, monkeypatch, tmp_path,
                            dataset_root):
    url = _serve(server, monkeypatch, tmp_path, name)
    raw = _fake_data.cifar_arrays(name)
    train, test = LOADERS[name]()
    assert len(server.hits) == 1
    for split, ds in (('train', train), ('test', test)):
        assert len(ds) == len(raw[split + '_x'])
        image, label = ds[len(ds) - 1]
        assert image.shape == (3, 32, 32) and image.dtype == numpy.float32
        numpy.testing.assert_allclose(
            image.ravel(), raw[split + '_x'][-1] / numpy.float32(255),
            rtol=1e-6)
        assert label.dtype == numpy.int32
        assert label == raw[split + '_y'][-1]
    path = os.path.join(dataset_root, 'pfnet', 'chainer', 'cifar',
                        name + '.npz')
    content = _helpers.npz_content(path)
    assert sorted(content) == ['test_x', 'test_y', 'train_x', 'train_y']
    for key, value in content.items():
        _helpers.assert_same(value, raw[key])
    assert os.path.isfile(_helpers.download_cache_path(dataset_root, url))

    x, = [LOADERS[name](ndim=1, withlabel=False, scale=2.,
                        dtype=numpy.float64)[0]]
    assert len(server.hits) == 1
    assert x.shape == (len(raw['train_x']), 3072) and x.dtype == 'float64'
    numpy.testing.assert_allclose(x, raw['train_x'] * (2. / 255))
    with pytest.raises(ValueError):
        LOADERS[name](ndim=2)


def test_cifar100_same_file_as_chainer(server, monkeypatch, tmp_path,
                                       dataset_root):
    # From the archive pickled by NumPy 1 (as the real one is) and given
    # to Chainer by make_fixtures.py: the same cache file and results.
    archive = os.path.join(_helpers.FIXTURES, 'cifar-100-python.tar.gz')
    _serve(server, monkeypatch, tmp_path, 'cifar-100', archive)
    for case, kwargs in _helpers.cases('cifar-100'):
        result = datasets.get_cifar100(**_helpers.kwargs_of(kwargs))
        _helpers.check_against_golden('cifar-100', case, result)
    ours = _helpers.npz_content(os.path.join(
        dataset_root, 'pfnet', 'chainer', 'cifar', 'cifar-100.npz'))
    theirs = _helpers.npz_content(os.path.join(
        _helpers.FIXTURES, 'chainer_cache', 'pfnet', 'chainer', 'cifar',
        'cifar-100.npz'))
    assert sorted(ours) == sorted(theirs)
    for key in theirs:
        _helpers.assert_same(ours[key], theirs[key])


def test_reads_chainers_cache(monkeypatch, dataset_root):
    _helpers.copy_chainer_cache(dataset_root)
    monkeypatch.setitem(cifar._urls, 'cifar-100', _helpers.NO_SERVER)
    for case, kwargs in _helpers.cases('cifar-100'):
        result = datasets.get_cifar100(**_helpers.kwargs_of(kwargs))
        _helpers.check_against_golden('cifar-100', case, result)


def _tar_with(member, obj):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w:gz') as archive:
        data = pickle.dumps(obj, protocol=2)
        info = tarfile.TarInfo(member)
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return buf.getvalue()


class _Evil(object):
    def __reduce__(self):
        return (os.getcwd, ())


@pytest.mark.parametrize('bad', ['garbage', 'missing', 'foreign_object'])
def test_corrupt_archive(bad, server, monkeypatch, dataset_root):
    if bad == 'garbage':
        data = b'not a tar.gz'
    elif bad == 'missing':
        data = _tar_with('cifar-100-python/train', {
            'data': numpy.zeros((1, 3072), numpy.uint8),
            'fine_labels': [0]})
    else:
        # only arrays, lists and dicts are unpickled
        data = _tar_with('cifar-100-python/train', {'data': _Evil()})
    url = server.add('/bad', data)
    monkeypatch.setitem(cifar._urls, 'cifar-100', url)
    with pytest.raises(RuntimeError) as e:
        datasets.get_cifar100()
    path = _helpers.download_cache_path(dataset_root, url)
    assert path in str(e.value) and 'Delete it' in str(e.value)
    assert not os.path.exists(os.path.join(
        dataset_root, 'pfnet', 'chainer', 'cifar', 'cifar-100.npz'))
