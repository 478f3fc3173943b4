"""Shared helpers of the downloadable-dataset tests."""
import functools
import hashlib
import json
import os
import shutil

import numpy

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        'fixtures')
# Any URL that would reach the server fails: the loaders must not download.
NO_SERVER = 'http://127.0.0.1:9/not-served/'


@functools.lru_cache(None)
def golden():
    with numpy.load(os.path.join(FIXTURES, 'golden.npz')) as f:
        return {k: f[k] for k in f.files}


@functools.lru_cache(None)
def chainer_urls():
    with open(os.path.join(FIXTURES, 'urls.json')) as f:
        return json.load(f)


def cases(name):
    """The golden argument sets of loader ``name``, as (case, kwargs)."""
    out = []
    for key in sorted(golden()):
        prefix = name + '/'
        if key.startswith(prefix) and key.endswith('/kwargs'):
            case = key[len(prefix):-len('/kwargs')]
            if '/' not in case:
                out.append((case, json.loads(str(golden()[key]))))
    return out


def kwargs_of(case_kwargs):
    kwargs = dict(case_kwargs)
    for key in ('dtype', 'label_dtype'):
        if key in kwargs:
            kwargs[key] = numpy.dtype(kwargs[key])
    return kwargs


def check_against_golden(name, case, result):
    """``result`` (the loader's tuple) equals what Chainer returned."""
    g = golden()
    splits = [s for s in ('train', 'test', 'extra')
              if '{}/{}/{}/x'.format(name, case, s) in g]
    assert len(result) == len(splits)
    for split, ds in zip(splits, result):
        prefix = '{}/{}/{}/'.format(name, case, split)
        if prefix + 'y' in g:
            assert len(ds) == len(g[prefix + 'x'])
            x = numpy.stack([ex[0] for ex in ds])
            y = numpy.stack([ex[1] for ex in ds])
            assert_same(y, g[prefix + 'y'])
        else:
            assert isinstance(ds, numpy.ndarray)
            x = ds
        assert_same(x, g[prefix + 'x'])


def assert_same(actual, expected):
    assert actual.dtype == expected.dtype, (actual.dtype, expected.dtype)
    assert actual.shape == expected.shape, (actual.shape, expected.shape)
    numpy.testing.assert_array_equal(actual, expected)


def copy_chainer_cache(root):
    """Copies the dataset root that real Chainer left into ``root``."""
    shutil.copytree(os.path.join(FIXTURES, 'chainer_cache'), root,
                    dirs_exist_ok=True)


def download_cache_path(root, url):
    """Where ``cached_download(url)`` keeps the file (Chainer's layout)."""
    return os.path.join(root, '_dl_cache',
                        hashlib.md5(url.encode('utf-8')).hexdigest())


def npz_content(path):
    with numpy.load(path) as f:
        return {k: f[k] for k in f.files}
