"""ImageDataset, LabeledImageDataset and the zipped image datasets."""
import os
import pickle
import zipfile

import numpy
import pytest

import chainerjax
from chainerjax import datasets
from chainerjax.testing import parameterize
from chainerjax.testing import product

Image = pytest.importorskip('PIL.Image')


def _pixels(mode, seed):
    shape = {'L': (4, 5), 'RGB': (4, 5, 3), 'RGBA': (4, 5, 4)}[mode]
    return (numpy.arange(numpy.prod(shape)).reshape(shape) * 7 + seed) % 256


@pytest.fixture
def images(tmp_path):
    """Three lossless PNG files: grey-scale, RGB, RGBA; returns
    ``(root, names, pixel arrays)``."""
    names, arrays = [], []
    for i, mode in enumerate(('L', 'RGB', 'RGBA')):
        a = _pixels(mode, i).astype(numpy.uint8)
        name = 'img{}.png'.format(i)
        Image.fromarray(a, mode).save(str(tmp_path / name))
        names.append(name)
        arrays.append(a)
    return str(tmp_path), names, arrays


def _chw(a):
    return (a[:, :, None] if a.ndim == 2 else a).transpose(2, 0, 1)


@parameterize(*product({'dtype': [None, numpy.float64, numpy.uint8]}))
class TestImageDataset:

    def _check(self, ds, arrays):
        expected_dtype = chainerjax.get_dtype(self.dtype)
        assert len(ds) == len(arrays)
        for i, a in enumerate(arrays):
            x = ds[i]
            assert x.dtype == expected_dtype
            assert x.shape == _chw(a).shape
            numpy.testing.assert_array_equal(x, _chw(a))

    def test_list_of_paths(self, images):
        root, names, arrays = images
        self._check(datasets.ImageDataset(names, root=root, dtype=self.dtype),
                    arrays)

    def test_paths_file(self, images, tmp_path):
        root, names, arrays = images
        listing = tmp_path / 'list.txt'
        listing.write_text(''.join(' {} \n'.format(n) for n in names))
        self._check(datasets.ImageDataset(str(listing), root=root,
                                          dtype=self.dtype), arrays)

    def test_zipped(self, images, tmp_path):
        root, names, arrays = images
        path = str(tmp_path / 'images.zip')
        with zipfile.ZipFile(path, 'w') as z:
            z.writestr('dir/', b'')        # directories are not examples
            for name in names:
                z.write(os.path.join(root, name), 'dir/' + name)
        ds = datasets.ZippedImageDataset(path, dtype=self.dtype)
        self._check(ds, arrays)
        numpy.testing.assert_array_equal(
            ds.get_example('dir/' + names[1]), _chw(arrays[1]))
        clone = pickle.loads(pickle.dumps(ds))
        self._check(clone, arrays)


def test_default_dtype_is_config_dtype(images):
    root, names, _ = images
    with chainerjax.using_config('dtype', numpy.float16):
        ds = datasets.ImageDataset(names, root=root)
    assert ds[0].dtype == numpy.float16
    assert datasets.ImageDataset(names, root=root)[0].dtype == numpy.float32


def test_labeled_image_dataset(images, tmp_path):
    root, names, arrays = images
    pairs = [(name, i * 2) for i, name in enumerate(names)]
    listing = tmp_path / 'pairs.txt'
    listing.write_text(''.join('{} {}\n'.format(n, l) for n, l in pairs))
    for source in (pairs, str(listing)):
        ds = datasets.LabeledImageDataset(source, root=root,
                                          label_dtype=numpy.int64)
        assert len(ds) == 3
        for i, a in enumerate(arrays):
            x, t = ds[i]
            assert x.dtype == numpy.float32
            numpy.testing.assert_array_equal(x, _chw(a))
            assert t.dtype == numpy.int64 and t.shape == () and t == 2 * i
    x, t = datasets.LabeledImageDataset(pairs, root=root)[0]
    assert t.dtype == numpy.int32
    assert len(datasets.LabeledImageDataset(pairs, root=root)[1:]) == 2


def test_labeled_image_dataset_bad_line(tmp_path):
    listing = tmp_path / 'pairs.txt'
    listing.write_text('a.png 0\nb.png\n')
    with pytest.raises(ValueError, match='line 1'):
        datasets.LabeledImageDataset(str(listing))


def test_multi_and_labeled_zipped(images, tmp_path):
    root, names, arrays = images
    paths = []
    for k, chunk in enumerate((names[:2], names[2:])):
        path = str(tmp_path / 'part{}.zip'.format(k))
        with zipfile.ZipFile(path, 'w') as z:
            for name in chunk:
                z.write(os.path.join(root, name), name)
        paths.append(path)
    multi = datasets.MultiZippedImageDataset(paths)
    assert len(multi) == 3
    for i, a in enumerate(arrays):
        numpy.testing.assert_array_equal(multi[i], _chw(a))

    labels = tmp_path / 'labels.txt'
    labels.write_text('{} 7\n{} 3\n'.format(names[1], names[0]))
    ds = datasets.LabeledZippedImageDataset(
        paths[0], str(labels), dtype=numpy.float64, label_dtype=numpy.int8)
    assert len(ds) == 2
    x, t = ds[0]
    assert x.dtype == numpy.float64 and t.dtype == numpy.int8 and t == 7
    numpy.testing.assert_array_equal(x, _chw(arrays[1]))
    numpy.testing.assert_array_equal(ds[1][0], _chw(arrays[0]))
