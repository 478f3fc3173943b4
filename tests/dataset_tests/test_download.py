import os

import pytest

from chainerjax import dataset
from chainerjax.dataset import download


@pytest.fixture
def root(tmp_path):
    old = dataset.get_dataset_root()
    dataset.set_dataset_root(str(tmp_path / 'root'))
    yield str(tmp_path / 'root')
    dataset.set_dataset_root(old)


def test_env_variable_is_the_default(tmp_path):
    import subprocess
    import sys
    env = dict(os.environ, CHAINER_DATASET_ROOT=str(tmp_path))
    out = subprocess.run(
        [sys.executable, '-c',
         'from chainerjax.dataset import download; '
         'print(download.get_dataset_root())'],
        env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(tmp_path)


def test_set_and_get_root(root):
    assert dataset.get_dataset_root() == root
    path = dataset.get_dataset_directory('a/b')
    assert path == os.path.join(root, 'a', 'b')
    assert os.path.isdir(path)
    assert not os.path.exists(
        dataset.get_dataset_directory('c', create_directory=False))


def test_cache_or_load_file(root):
    path = os.path.join(root, 'data.txt')
    calls = []

    def creator(p):
        calls.append(p)
        assert p != path
        with open(p, 'w') as f:
            f.write('hello')
        return 'created'

    def loader(p):
        with open(p) as f:
            return f.read()

    assert dataset.cache_or_load_file(path, creator, loader) == 'created'
    assert os.path.exists(path)
    assert dataset.cache_or_load_file(path, creator, loader) == 'hello'
    assert len(calls) == 1
    # No temporary files are left behind.
    assert sorted(n for n in os.listdir(root)
                  if not n.startswith('_')) == ['data.txt']


def test_cache_or_load_file_creator_failure(root):
    path = os.path.join(root, 'x.bin')

    def creator(p):
        with open(p, 'w') as f:
            f.write('partial')
        raise RuntimeError('boom')

    with pytest.raises(RuntimeError):
        dataset.cache_or_load_file(path, creator, None)
    assert not os.path.exists(path)


def test_cached_download(root, tmp_path):
    src = tmp_path / 'src.txt'
    src.write_text('payload')
    url = src.as_uri()
    path = dataset.cached_download(url)
    with open(path) as f:
        assert f.read() == 'payload'
    src.write_text('changed')
    assert dataset.cached_download(url) == path
    with open(path) as f:
        assert f.read() == 'payload'
    assert os.path.dirname(path) == os.path.join(root, '_dl_cache')
    assert download.get_dataset_root() == root
