"""Generates the fixtures of the downloadable-dataset tests with real
Chainer 7.8.1.

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python tests/datasets_tests/make_fixtures.py

Chainer's loaders are run on the tiny fake files of ``_fake_data.py`` (its
``cached_download`` is replaced by a lookup of the URL among the fake
files). It writes, under ``fixtures/``:

* ``chainer_cache/``: the dataset root Chainer leaves behind
  (``pfnet/chainer/<dataset>/...``, without ``_dl_cache``): the cache
  files that chainerjax must read as they are;
* ``golden.npz``: what Chainer's loaders return for several argument
  sets (``<case>/kwargs`` as JSON, ``<case>/<split>/x`` and ``/y``), and
  the PTB vocabulary (``ptb/vocab`` as JSON);
* ``urls.json``: the URL Chainer downloads for each file, by loader;
* ``cifar-100-python.tar.gz``: the fake CIFAR-100 archive pickled by
  NumPy 1 (as the real one is read by an old NumPy's unpickler path).

SciPy is not in the reference environment: for SVHN, Chainer's
``scipy.io.loadmat`` is replaced by a function returning the fake
``.mat`` content (what SciPy would return for it).
"""
import json
import os
import shutil
import sys
import tempfile
import types

import numpy

import chainer
from chainer.dataset import download
import chainer.datasets.svhn as svhn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import _fake_data  # NOQA

OUT = os.path.join(HERE, 'fixtures')

MNIST_CASES = {
    'default': {},
    'ndim3_rgb_f16': {'ndim': 3, 'rgb_format': True, 'scale': 2.0,
                      'dtype': 'float16', 'label_dtype': 'int64'},
    'ndim2_nolabel_f64': {'ndim': 2, 'withlabel': False, 'scale': 255.0,
                          'dtype': 'float64'},
    'ndim3': {'ndim': 3},
}
CIFAR_CASES = {
    'default': {},
    'ndim1_nolabel_f16': {'ndim': 1, 'withlabel': False, 'scale': 3.0,
                          'dtype': 'float16'},
}
SVHN_CASES = {
    'default': {},
    'extra_nolabel_f64': {'withlabel': False, 'scale': 2.0,
                          'dtype': 'float64', 'add_extra': True},
    'int8_labels': {'label_dtype': 'int8'},
}


def _kwargs(case):
    out = dict(case)
    for key in ('dtype', 'label_dtype'):
        if key in out:
            out[key] = numpy.dtype(out[key])
    return out


def _store(golden, name, kwargs, result):
    golden[name + '/kwargs'] = numpy.array(json.dumps(kwargs))
    splits = ('train', 'test', 'extra')
    for split, ds in zip(splits, result):
        if isinstance(ds, numpy.ndarray):
            golden['{}/{}/x'.format(name, split)] = ds
        else:
            x, y = ds._datasets
            golden['{}/{}/x'.format(name, split)] = x
            golden['{}/{}/y'.format(name, split)] = y


def main():
    tmp = tempfile.mkdtemp()
    try:
        run(tmp)
    finally:
        shutil.rmtree(tmp)


def run(tmp):
    fake = os.path.join(tmp, 'fake')
    os.makedirs(fake)
    files = {}    # basename of the URL -> fake file
    for name in _fake_data.MNIST_SEEDS:
        for fname, path in _fake_data.write_mnist(fake, name).items():
            files[(name, fname)] = path
    cifar100 = os.path.join(fake, 'cifar-100-python.tar.gz')
    _fake_data.write_cifar(cifar100, 'cifar-100')
    ptb = _fake_data.write_ptb(fake)

    requested = {}
    current = []

    def fake_download(url):
        requested.setdefault(current[0], []).append(url)
        base = url.rsplit('/', 1)[1]
        if current[0] in _fake_data.MNIST_SEEDS:
            return files[(current[0], base)]
        if current[0] == 'cifar-100':
            return cifar100
        if current[0] == 'ptb':
            return ptb[base.split('.')[1]]
        if current[0] == 'svhn':
            return os.path.join(fake, base)
        raise KeyError(url)

    def fake_loadmat(path):
        split = os.path.basename(path).split('_')[0]
        X, y = _fake_data.svhn_arrays(split)
        return {'X': X, 'y': y}

    download.cached_download = fake_download
    svhn._scipy_available = True
    svhn.io = types.SimpleNamespace(loadmat=fake_loadmat)
    root = os.path.join(tmp, 'root')
    download.set_dataset_root(root)

    golden = {}
    loaders = {
        'mnist': (chainer.datasets.get_mnist, MNIST_CASES),
        'fashion-mnist': (chainer.datasets.get_fashion_mnist, MNIST_CASES),
        'kuzushiji_mnist': (chainer.datasets.get_kuzushiji_mnist,
                            MNIST_CASES),
        'cifar-100': (chainer.datasets.get_cifar100, CIFAR_CASES),
        'svhn': (chainer.datasets.get_svhn, SVHN_CASES),
    }
    for name, (loader, cases) in loaders.items():
        current[:] = [name]
        for case, kwargs in cases.items():
            _store(golden, '{}/{}'.format(name, case), kwargs,
                   loader(**_kwargs(kwargs)))
    # Chainer's CIFAR-10 reader needs 10,000 examples per batch: only its
    # URL is recorded (the download stops there).
    current[:] = ['cifar-10']
    try:
        chainer.datasets.get_cifar10()
    except KeyError:
        pass
    current[:] = ['ptb']
    for split, x in zip(('train', 'valid', 'test'),
                        chainer.datasets.get_ptb_words()):
        golden['ptb/{}/x'.format(split)] = x
    golden['ptb/vocab'] = numpy.array(json.dumps(
        chainer.datasets.get_ptb_words_vocabulary(), sort_keys=True))

    # Write the fixtures: files first under temporary names, then renamed.
    os.makedirs(OUT, exist_ok=True)
    cache_tmp = os.path.join(OUT, '.chainer_cache.tmp')
    shutil.rmtree(cache_tmp, ignore_errors=True)
    shutil.copytree(os.path.join(root, 'pfnet'),
                    os.path.join(cache_tmp, 'pfnet'))
    cache = os.path.join(OUT, 'chainer_cache')
    shutil.rmtree(cache, ignore_errors=True)
    os.replace(cache_tmp, cache)

    tmp_npz = os.path.join(OUT, '.golden.tmp.npz')
    numpy.savez_compressed(tmp_npz, **golden)
    os.replace(tmp_npz, os.path.join(OUT, 'golden.npz'))

    tmp_json = os.path.join(OUT, '.urls.tmp.json')
    with open(tmp_json, 'w') as f:
        json.dump(requested, f, indent=1, sort_keys=True)
        f.write('\n')
    os.replace(tmp_json, os.path.join(OUT, 'urls.json'))

    tmp_tar = os.path.join(OUT, '.cifar.tmp')
    shutil.copy(cifar100, tmp_tar)
    os.replace(tmp_tar, os.path.join(OUT, 'cifar-100-python.tar.gz'))
    print('chainer', chainer.__version__, 'numpy', numpy.__version__)
    print(len(golden), 'golden arrays written to', OUT)


if __name__ == '__main__':
    main()
