"""get_svhn: fake .mat files from a local server (needs SciPy) and the
cache files written by real Chainer (no SciPy needed)."""
import os

import numpy
import pytest

from chainerjax import datasets
from chainerjax.datasets import svhn
from tests.datasets_tests import _fake_data
from tests.datasets_tests import _helpers


def test_urls_are_chainers():
    assert ([svhn._train_url, svhn._test_url, svhn._extra_url]
            == _helpers.chainer_urls()['svhn'])


def test_reads_chainers_cache(monkeypatch, dataset_root):
    _helpers.copy_chainer_cache(dataset_root)
    for attr in ('_train_url', '_test_url', '_extra_url'):
        monkeypatch.setattr(svhn, attr, _helpers.NO_SERVER)
    for case, kwargs in _helpers.cases('svhn'):
        result = datasets.get_svhn(**_helpers.kwargs_of(kwargs))
        _helpers.check_against_golden('svhn', case, result)


def test_download_and_cache(server, monkeypatch, tmp_path, dataset_root):
    pytest.importorskip('scipy.io')
    for split in ('train', 'test', 'extra'):
        path = str(tmp_path / (split + '.mat'))
        _fake_data.write_svhn(path, split)
        monkeypatch.setattr(svhn, '_{}_url'.format(split),
                            server.add_file('/' + split, path))
    for case, kwargs in _helpers.cases('svhn'):
        result = datasets.get_svhn(**_helpers.kwargs_of(kwargs))
        _helpers.check_against_golden('svhn', case, result)
    assert len(server.hits) == 3
    for split in ('train', 'test', 'extra'):
        ours = _helpers.npz_content(os.path.join(
            dataset_root, 'pfnet', 'chainer', 'svhn', split + '.npz'))
        theirs = _helpers.npz_content(os.path.join(
            _helpers.FIXTURES, 'chainer_cache', 'pfnet', 'chainer', 'svhn',
            split + '.npz'))
        assert sorted(ours) == sorted(theirs) == ['x', 'y']
        for key in theirs:
            _helpers.assert_same(ours[key], theirs[key])
    train, test = datasets.get_svhn()
    image, label = train[0]
    assert image.shape == (3, 32, 32) and image.dtype == numpy.float32
    assert label.dtype == numpy.int32 and 0 <= label <= 9


def test_corrupt_mat(server, monkeypatch, dataset_root):
    pytest.importorskip('scipy.io')
    url = server.add('/train', b'MATLAB garbage')
    monkeypatch.setattr(svhn, '_train_url', url)
    with pytest.raises(RuntimeError) as e:
        datasets.get_svhn()
    assert _helpers.download_cache_path(dataset_root, url) in str(e.value)
