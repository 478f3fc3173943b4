"""get_mnist, get_fashion_mnist and get_kuzushiji_mnist: download from a
local server, Chainer's cache layout and format, preprocessing, errors."""
import gzip
import os
import urllib.error

import numpy
import pytest

from chainerjax import datasets
from chainerjax.datasets import fashion_mnist
from chainerjax.datasets import kuzushiji_mnist
from chainerjax.datasets import mnist
from tests.datasets_tests import _fake_data
from tests.datasets_tests import _helpers

LOADERS = {
    'mnist': (mnist, datasets.get_mnist),
    'fashion-mnist': (fashion_mnist, datasets.get_fashion_mnist),
    'kuzushiji_mnist': (kuzushiji_mnist, datasets.get_kuzushiji_mnist),
}
NAMES = sorted(LOADERS)


def _serve(server, monkeypatch, name):
    # Serves the fake files of ``name`` and points the module at them.
    module = LOADERS[name][0]
    urls = {}
    for split, prefix in (('train', 'train'), ('test', 't10k')):
        x, y = _fake_data.mnist_arrays(name, split)
        urls[split] = (
            server.add('/{}/{}-images'.format(name, prefix),
                       _fake_data.idx_bytes(x)),
            server.add('/{}/{}-labels'.format(name, prefix),
                       _fake_data.idx_bytes(y)))
    monkeypatch.setattr(module, '_train_urls', urls['train'])
    monkeypatch.setattr(module, '_test_urls', urls['test'])
    return urls


def _unreachable(monkeypatch, name):
    module = LOADERS[name][0]
    monkeypatch.setattr(module, '_train_urls', (
        _helpers.NO_SERVER + 'a', _helpers.NO_SERVER + 'b'))
    monkeypatch.setattr(module, '_test_urls', (
        _helpers.NO_SERVER + 'c', _helpers.NO_SERVER + 'd'))


@pytest.mark.parametrize('name', NAMES)
def test_urls_are_chainers(name):
    module = LOADERS[name][0]
    assert (list(module._train_urls) + list(module._test_urls)
            == _helpers.chainer_urls()[name])


@pytest.mark.parametrize('name', NAMES)
def test_download_and_cache(name, server, monkeypatch, dataset_root):
    urls = _serve(server, monkeypatch, name)
    loader = LOADERS[name][1]
    train, test = loader()
    assert len(server.hits) == 4
    for split, ds in (('train', train), ('test', test)):
        x, y = _fake_data.mnist_arrays(name, split)
        assert isinstance(ds, datasets.TupleDataset)
        assert len(ds) == len(x)
        image, label = ds[1]
        assert image.shape == (784,) and image.dtype == numpy.float32
        numpy.testing.assert_allclose(
            image, x[1].ravel() / numpy.float32(255), rtol=1e-6)
        assert label.dtype == numpy.int32 and label == y[1]
    # Chainer's layout: the converted cache and the downloaded files.
    directory = os.path.join(dataset_root, 'pfnet', 'chainer', name)
    assert sorted(os.listdir(directory)) == ['test.npz', 'train.npz']
    for split in ('train', 'test'):
        for url in urls[split]:
            assert os.path.isfile(
                _helpers.download_cache_path(dataset_root, url))
    content = _helpers.npz_content(os.path.join(directory, 'train.npz'))
    x, y = _fake_data.mnist_arrays(name, 'train')
    _helpers.assert_same(content['x'], x.reshape(-1, 784))
    _helpers.assert_same(content['y'], y)
    # The same file as Chainer's (its arrays, dtypes and shapes).
    chainer_file = os.path.join(_helpers.FIXTURES, 'chainer_cache', 'pfnet',
                                'chainer', name, 'train.npz')
    expected = _helpers.npz_content(chainer_file)
    assert sorted(content) == sorted(expected)
    for key in expected:
        _helpers.assert_same(content[key], expected[key])

    # The second call reads the cache: no request.
    train2, _ = loader(ndim=2)
    assert len(server.hits) == 4
    assert train2[0][0].shape == (28, 28)
    # Without the .npz, it is rebuilt from the downloaded files.
    os.remove(os.path.join(directory, 'train.npz'))
    loader()
    assert len(server.hits) == 4
    assert os.path.isfile(os.path.join(directory, 'train.npz'))


@pytest.mark.parametrize('name', NAMES)
def test_reads_chainers_cache(name, monkeypatch, dataset_root):
    _helpers.copy_chainer_cache(dataset_root)
    _unreachable(monkeypatch, name)
    for case, kwargs in _helpers.cases(name):
        result = LOADERS[name][1](**_helpers.kwargs_of(kwargs))
        _helpers.check_against_golden(name, case, result)


def test_preprocess_options(server, monkeypatch, dataset_root):
    # The argument sets Chainer was run with, on a cache built by us.
    _serve(server, monkeypatch, 'mnist')
    for case, kwargs in _helpers.cases('mnist'):
        result = datasets.get_mnist(**_helpers.kwargs_of(kwargs))
        _helpers.check_against_golden('mnist', case, result)
    train, test = datasets.get_mnist(ndim=3, rgb_format=True,
                                     withlabel=False)
    assert train.shape == (5, 3, 28, 28) and train.dtype == numpy.float32
    numpy.testing.assert_array_equal(train[:, 0], train[:, 2])
    # rgb_format only applies to ndim=3
    train, _ = datasets.get_mnist(ndim=1, rgb_format=True, withlabel=False)
    assert train.shape == (5, 784)
    with pytest.raises(ValueError):
        datasets.get_mnist(ndim=4)
    assert len(server.hits) == 4


def test_dtype_follows_config(server, monkeypatch, dataset_root):
    import chainerjax
    _serve(server, monkeypatch, 'mnist')
    with chainerjax.using_config('dtype', numpy.float16):
        train, _ = datasets.get_mnist(withlabel=False)
    assert train.dtype == numpy.float16


def test_truncated_download(server, monkeypatch, dataset_root):
    urls = _serve(server, monkeypatch, 'mnist')
    server.truncated.add('/mnist/train-images')
    with pytest.raises(urllib.error.ContentTooShortError) as e:
        datasets.get_mnist()
    assert urls['train'][0] in str(e.value)
    # Nothing half-written is left to be found later.
    assert not os.path.exists(
        _helpers.download_cache_path(dataset_root, urls['train'][0]))
    directory = os.path.join(dataset_root, 'pfnet', 'chainer', 'mnist')
    assert os.listdir(directory) == []
    # A retry downloads it again and works.
    server.truncated.clear()
    train, test = datasets.get_mnist()
    assert len(train) == 5 and len(test) == 3


@pytest.mark.parametrize('bad', ['garbage', 'short', 'magic'])
def test_corrupt_download(bad, server, monkeypatch, dataset_root):
    urls = _serve(server, monkeypatch, 'mnist')
    x, _ = _fake_data.mnist_arrays('mnist', 'train')
    good = _fake_data.idx_bytes(x)
    if bad == 'garbage':
        data = b'<html>Not the file</html>'
    elif bad == 'short':
        data = gzip.compress(gzip.decompress(good)[:1000])
    else:
        data = _fake_data.idx_bytes(x.reshape(5, 784))
    server.add('/mnist/train-images', data)
    path = _helpers.download_cache_path(dataset_root, urls['train'][0])
    with pytest.raises(RuntimeError) as e:
        datasets.get_mnist()
    message = str(e.value)
    assert path in message and urls['train'][0] in message
    assert 'Delete it' in message
    # Deleting the file as told fixes it.
    server.add('/mnist/train-images', good)
    os.remove(path)
    train, _ = datasets.get_mnist()
    assert len(train) == 5


def test_mismatched_pair(server, monkeypatch, dataset_root):
    urls = _serve(server, monkeypatch, 'mnist')
    monkeypatch.setattr(mnist, '_train_urls',
                        (urls['train'][0], urls['test'][1]))
    with pytest.raises(RuntimeError, match='wrong pair'):
        datasets.get_mnist()


@pytest.mark.parametrize('bad', ['garbage', 'truncated', 'keys'])
def test_corrupt_cache_file(bad, monkeypatch, dataset_root):
    _helpers.copy_chainer_cache(dataset_root)
    _unreachable(monkeypatch, 'mnist')
    path = os.path.join(dataset_root, 'pfnet', 'chainer', 'mnist',
                        'train.npz')
    if bad == 'garbage':
        data = b'\x00' * 50
    elif bad == 'truncated':
        with open(path, 'rb') as f:
            data = f.read()[:300]
    else:
        import io
        buf = io.BytesIO()
        numpy.savez_compressed(buf, x=numpy.zeros((1, 784), numpy.uint8))
        data = buf.getvalue()
    with open(path, 'wb') as f:
        f.write(data)
    with pytest.raises(RuntimeError) as e:
        datasets.get_mnist()
    assert path in str(e.value) and 'Delete it' in str(e.value)


def test_labels():
    labels = datasets.get_fashion_mnist_labels()
    assert labels[0] == 'T-shirt/top' and labels[9] == 'Ankle boot'
    assert len(labels) == 10
    labels.append('x')          # a new list each call
    assert len(datasets.get_fashion_mnist_labels()) == 10
    k = datasets.get_kuzushiji_mnist_labels()
    assert len(k) == 10 and k[0] == ('o', '\u304a')
    assert k[9] == ('wo', '\u3092')
