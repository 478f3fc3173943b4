"""get_ptb_words and get_ptb_words_vocabulary on a fake corpus."""
import json
import os

import numpy
import pytest

from chainerjax import datasets
from chainerjax.datasets import ptb
from tests.datasets_tests import _fake_data
from tests.datasets_tests import _helpers

SPLITS = ('train', 'valid', 'test')


def _serve(server, monkeypatch):
    for split in SPLITS:
        url = server.add('/ptb.{}.txt'.format(split),
                         _fake_data.PTB_TEXT[split].encode())
        monkeypatch.setattr(ptb, '_{}_url'.format(split), url)


def test_urls_are_chainers():
    # Chainer downloads the training text for the vocabulary first.
    assert ([ptb._train_url, ptb._train_url, ptb._valid_url, ptb._test_url]
            == _helpers.chainer_urls()['ptb'])


def _check_golden(words, vocab):
    g = _helpers.golden()
    for split, x in zip(SPLITS, words):
        _helpers.assert_same(x, g['ptb/{}/x'.format(split)])
    assert vocab == json.loads(str(g['ptb/vocab']))


def test_download_and_cache(server, monkeypatch, dataset_root):
    _serve(server, monkeypatch)
    words = datasets.get_ptb_words()
    vocab = datasets.get_ptb_words_vocabulary()
    _check_golden(words, vocab)
    assert sorted(set(server.hits)) == ['/ptb.test.txt', '/ptb.train.txt',
                                        '/ptb.valid.txt']
    n_hits = len(server.hits)
    assert words[0].dtype == numpy.int32
    inverse = {i: w for w, i in vocab.items()}
    assert ' '.join(inverse[i] for i in words[2]) == (
        'a dog sat on the cat <eos>')
    directory = os.path.join(dataset_root, 'pfnet', 'chainer', 'ptb')
    assert sorted(os.listdir(directory)) == [
        'test.npz', 'train.npz', 'valid.npz', 'vocab.txt']
    with open(os.path.join(directory, 'vocab.txt'), 'rb') as f:
        ours = f.read()
    with open(os.path.join(_helpers.FIXTURES, 'chainer_cache', 'pfnet',
                           'chainer', 'ptb', 'vocab.txt'), 'rb') as f:
        assert ours == f.read()
    for name in ('train.npz', 'valid.npz', 'test.npz'):
        ours = _helpers.npz_content(os.path.join(directory, name))
        theirs = _helpers.npz_content(os.path.join(
            _helpers.FIXTURES, 'chainer_cache', 'pfnet', 'chainer', 'ptb',
            name))
        assert sorted(ours) == ['x']
        _helpers.assert_same(ours['x'], theirs['x'])
    datasets.get_ptb_words()
    assert len(server.hits) == n_hits


def test_reads_chainers_cache(monkeypatch, dataset_root):
    _helpers.copy_chainer_cache(dataset_root)
    for split in SPLITS:
        monkeypatch.setattr(ptb, '_{}_url'.format(split), _helpers.NO_SERVER)
    _check_golden(datasets.get_ptb_words(),
                  datasets.get_ptb_words_vocabulary())


def test_incomplete_vocabulary(server, monkeypatch, dataset_root):
    _serve(server, monkeypatch)
    directory = os.path.join(dataset_root, 'pfnet', 'chainer', 'ptb')
    os.makedirs(directory)
    with open(os.path.join(directory, 'vocab.txt'), 'w') as f:
        f.write('the\ncat\n')
    with pytest.raises(RuntimeError) as e:
        datasets.get_ptb_words()
    assert os.path.join(directory, 'vocab.txt') in str(e.value)
