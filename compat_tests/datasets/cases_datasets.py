"""Cases of ``chainer.datasets`` and ``chainer.dataset`` (issue 6 item 8).

Every case ``case_<name>(chainer, F, np)`` runs with real Chainer 7.8.1
(``generate.py``) and with chainerjax (``test_datasets.py``); see
``compat_tests/README.md``. Examples are flattened by :func:`put` into
``key -> value`` entries (the container types, lengths and dict keys, the
NumPy type of each leaf and its value), so that a list returned where
Chainer returns a tuple, or a NumPy scalar where Chainer returns a 0-dim
array, disagrees.

Files read by the cases:

* ``fixtures/images/`` (PNGs, listings, a zip) and
  ``fixtures/chainer_written.pkl`` (``open_pickle_dataset_writer`` of
  Chainer), written by ``generate.py`` (:func:`write_inputs`);
* ``fixtures/chainer_cache/``: the dataset root Chainer's loaders leave
  (:func:`build_chainer_cache`), read back by both frameworks;
* the tiny fake dataset files of ``tests/datasets_tests/_fake_data.py``,
  put where ``cached_download`` keeps the downloads of Chainer's URLs
  (``<root>/_dl_cache/<md5 of the URL>``, the URLs that Chainer requested in
  ``tests/datasets_tests/fixtures/urls.json``), so that no loader
  downloads. The loader cases also refuse any network connection.

This module must not import chainer or chainerjax.
"""
import contextlib
import hashlib
import json
import os
import shutil
import socket
import tempfile
import warnings
import zipfile

from compat_tests.cases._util import err
from tests.datasets_tests import _fake_data

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, 'fixtures')
IMAGES = os.path.join(FIXTURES, 'images')
CHAINER_PICKLE = os.path.join(FIXTURES, 'chainer_written.pkl')
CHAINER_CACHE = os.path.join(FIXTURES, 'chainer_cache')
URLS = os.path.join(os.path.dirname(os.path.dirname(HERE)), 'tests',
                    'datasets_tests', 'fixtures', 'urls.json')


# ---- flattening of examples ----

def put(np, out, key, value):
    """Stores ``value`` (an example, a list of examples, ...) as flat
    entries of ``out`` under ``key``."""
    if isinstance(value, (tuple, list)):
        out[key + ':type'] = type(value).__name__
        out[key + ':len'] = len(value)
        for i, v in enumerate(value):
            put(np, out, '{}/{}'.format(key, i), v)
    elif isinstance(value, dict):
        out[key + ':type'] = 'dict'
        out[key + ':keys'] = sorted(value)
        for k in sorted(value):
            put(np, out, '{}/{}'.format(key, k), value[k])
    elif value is None or isinstance(value, (bool, int, float, str)):
        out[key] = value
    else:
        # a NumPy array or scalar (or anything else: its type tells)
        out[key + ':type'] = type(value).__name__
        a = np.array(value)
        if a.dtype.kind in 'biuf':
            out[key] = a
        else:
            out[key] = repr(a.tolist())


def items(ds):
    return [ds[i] for i in range(len(ds))]


def _base(np):
    x = np.arange(20, dtype=np.float32).reshape(10, 2)
    t = np.arange(10, dtype=np.int32) * 3
    return x, t


def _index(np, out, key, ds, index):
    try:
        v = ds[index]
    except Exception as e:  # NOQA
        out[key] = type(e).__name__
    else:
        put(np, out, key, v)


# ---- TupleDataset, DictDataset ----

def case_tuple_dataset(chainer, F, np):
    D = chainer.datasets
    x, t = _base(np)
    ds = D.TupleDataset(x, t)
    out = {'len': len(ds)}
    for key, index in (('i0', 0), ('neg', -1), ('slice', slice(2, 5)),
                       ('step', slice(None, None, 4)), ('rev',
                                                        slice(3, 0, -1)),
                       ('fancy', [1, 3]), ('np_int', np.int64(2)),
                       ('array_index', np.array([0, 9])),
                       ('out_of_range', 10)):
        _index(np, out, key, ds, index)
    out['empty'] = err(D.TupleDataset)
    out['mismatch'] = err(D.TupleDataset, x, t[:5])
    lists = D.TupleDataset([1, 2, 3], ['a', 'b', 'c'])
    put(np, out, 'lists_1', lists[1])
    put(np, out, 'lists_slice', lists[0:2])
    put(np, out, 'single', D.TupleDataset(x)[3])
    out['is_mixin'] = isinstance(ds, chainer.dataset.DatasetMixin)
    return out


def case_dict_dataset(chainer, F, np):
    D = chainer.datasets
    x, t = _base(np)
    ds = D.DictDataset(x=x, t=t)
    out = {'len': len(ds)}
    for key, index in (('i0', 0), ('neg', -2), ('slice', slice(1, 3)),
                       ('fancy', [4, 0]), ('out_of_range', 12)):
        _index(np, out, key, ds, index)
    out['empty'] = err(D.DictDataset)
    out['mismatch'] = err(D.DictDataset, x=x, t=t[:3])
    put(np, out, 'lists', D.DictDataset(a=[1, 2], b=['p', 'q'])[1])
    return out


# ---- SubDataset and the splits ----

def case_sub_dataset(chainer, F, np):
    D = chainer.datasets
    x, t = _base(np)
    base = D.TupleDataset(x, t)
    sub = D.SubDataset(base, 2, 7)
    out = {'len': len(sub)}
    for key, index in (('i0', 0), ('i4', 4), ('neg', -1), ('neg5', -5),
                       ('over', 5), ('under', -6), ('slice', slice(1, 3)),
                       ('rev', slice(None, None, -2)), ('list', [0, 3]),
                       ('array', np.array([4, 1]))):
        _index(np, out, key, sub, index)
    put(np, out, 'get_example', sub.get_example(1))
    order = np.random.RandomState(0).permutation(10)
    so = D.SubDataset(base, 1, 5, order)
    put(np, out, 'ordered', items(so))
    _index(np, out, 'ordered_neg', so, -1)
    put(np, out, 'ordered_list', items(D.SubDataset(list(range(10)), 0, 10,
                                                  list(order))))
    put(np, out, 'of_list', items(D.SubDataset(list(range(10)), 3, 6)))
    out['empty_len'] = len(D.SubDataset(base, 4, 4))
    out['negative_start'] = err(D.SubDataset, base, -1, 3)
    out['finish_over'] = err(D.SubDataset, base, 2, 11)
    out['order_length'] = err(D.SubDataset, base, 0, 3, order[:5])
    out['start_after_finish_len'] = err(len, D.SubDataset(base, 5, 3))
    out['nested'] = [int(v) for v in items(D.SubDataset(
        D.SubDataset(list(range(10)), 2, 9), 1, 4))]
    return out


def _subsets(np, out, key, subsets):
    out[key + ':n'] = len(subsets)
    out[key + ':container'] = type(subsets).__name__
    for i, s in enumerate(subsets):
        out['{}/{}:class'.format(key, i)] = type(s).__name__
        put(np, out, '{}/{}'.format(key, i), items(s))


def case_split_dataset(chainer, F, np):
    D = chainer.datasets
    ds = np.arange(10) * 10
    out = {}
    _subsets(np, out, 'at4', D.split_dataset(ds, 4))
    order = np.random.RandomState(1).permutation(10)
    _subsets(np, out, 'order', D.split_dataset(ds, 3, order=order))
    _subsets(np, out, 'np_int', D.split_dataset(ds, np.int64(6)))
    _subsets(np, out, 'at0', D.split_dataset(ds, 0))
    _subsets(np, out, 'at_len', D.split_dataset(ds, 10))
    out['too_far'] = err(D.split_dataset, ds, 11)
    out['negative'] = err(D.split_dataset, ds, -1)
    out['float'] = err(D.split_dataset, ds, 4.0)
    x, t = _base(np)
    _subsets(np, out, 'tuple', D.split_dataset(D.TupleDataset(x, t), 7))
    return out


def case_split_dataset_random(chainer, F, np):
    D = chainer.datasets
    ds = list(range(10))
    out = {}
    for seed in (0, 3, 12345):
        _subsets(np, out, 'seed{}'.format(seed),
                 D.split_dataset_random(ds, 4, seed=seed))
    _subsets(np, out, 'positional_seed', D.split_dataset_random(ds, 6, 3))
    # seed=None: a fresh RandomState; the global stream is left alone
    np.random.seed(5)
    a, b = D.split_dataset_random(ds, 4)
    out['none_lens'] = [len(a), len(b)]
    out['none_union'] = sorted(items(a) + items(b))
    out['none_next_global'] = int(np.random.randint(1 << 30))
    out['too_far'] = err(D.split_dataset_random, ds, 11, seed=0)
    return out


def case_split_dataset_n(chainer, F, np):
    D = chainer.datasets
    ds = list(range(10))
    out = {}
    _subsets(np, out, 'n3', D.split_dataset_n(ds, 3))
    _subsets(np, out, 'n5', D.split_dataset_n(ds, 5))
    _subsets(np, out, 'n1', D.split_dataset_n(ds, 1))
    order = list(np.random.RandomState(2).permutation(10))
    _subsets(np, out, 'n3_order', D.split_dataset_n(ds, 3, order=order))
    _subsets(np, out, 'n12', D.split_dataset_n(ds, 12))
    for seed in (0, 7):
        _subsets(np, out, 'random_seed{}'.format(seed),
                 D.split_dataset_n_random(ds, 3, seed=seed))
    np.random.seed(5)
    parts = D.split_dataset_n_random(ds, 4)
    out['random_none_lens'] = [len(p) for p in parts]
    out['random_none_next_global'] = int(np.random.randint(1 << 30))
    return out


def _folds(np, out, key, folds):
    out[key + ':n'] = len(folds)
    out[key + ':container'] = type(folds).__name__
    for i, pair in enumerate(folds):
        out['{}/{}:type'.format(key, i)] = type(pair).__name__
        train, test = pair
        out['{}/{}:classes'.format(key, i)] = [type(train).__name__,
                                               type(test).__name__]
        put(np, out, '{}/{}/train'.format(key, i), items(train))
        put(np, out, '{}/{}/test'.format(key, i), items(test))


def case_cross_validation(chainer, F, np):
    D = chainer.datasets
    ds = list(range(10))
    out = {}
    _folds(np, out, 'n3', D.get_cross_validation_datasets(ds, 3))
    _folds(np, out, 'n4', D.get_cross_validation_datasets(ds, n_folds=4))
    order = list(np.random.RandomState(4).permutation(10))
    _folds(np, out, 'n3_order', D.get_cross_validation_datasets(
        ds, 3, order=order))
    for seed in (0, 9):
        _folds(np, out, 'random_seed{}'.format(seed),
               D.get_cross_validation_datasets_random(ds, 3, seed=seed))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        try:
            folds = D.get_cross_validation_datasets(ds, n_fold=2)
        except Exception as e:  # NOQA
            out['n_fold'] = type(e).__name__
        else:
            _folds(np, out, 'n_fold', folds)
    out['n_fold_warnings'] = sorted({type(w.message).__name__
                                     for w in caught})
    x, t = _base(np)
    _folds(np, out, 'tuple', D.get_cross_validation_datasets(
        D.TupleDataset(x[:5], t[:5]), 2))
    return out


# ---- ConcatenatedDataset, TransformDataset ----

def case_concatenated_dataset(chainer, F, np):
    D = chainer.datasets
    x, t = _base(np)
    cd = D.ConcatenatedDataset(D.TupleDataset(x[:3], t[:3]), [],
                               [(100, 'a'), (101, 'b'), (102, 'c')])
    out = {'len': len(cd)}
    for key, index in (('i0', 0), ('i2', 2), ('i3', 3), ('i5', 5),
                       ('neg', -1), ('over', 6), ('slice', slice(1, 5)),
                       ('list', [5, 0])):
        _index(np, out, key, cd, index)
    out['no_datasets_len'] = len(D.ConcatenatedDataset())
    out['no_datasets_get'] = err(lambda: D.ConcatenatedDataset()[0])
    return out


def case_transform_dataset(chainer, F, np):
    D = chainer.datasets
    x, t = _base(np)

    # (NumPy scalar + Python scalar arithmetic is avoided in the cases:
    # NumPy 1, where Chainer runs, gives float64/int64 for it, NumPy 2
    # keeps the NumPy scalar's dtype)
    def double(example):
        return example[0] * 2, example[1] + np.int32(1)

    td = D.TransformDataset(D.TupleDataset(x, t), double)
    out = {'len': len(td)}
    for key, index in (('i0', 0), ('neg', -1), ('slice', slice(2, 4)),
                       ('list', [3, 1]), ('over', 10)):
        _index(np, out, key, td, index)
    put(np, out, 'to_dict', D.TransformDataset(
        list(range(4)), lambda i: {'i': i, 'sq': i * i})[3])
    put(np, out, 'of_array', D.TransformDataset(
        np.arange(6).reshape(3, 2), lambda a: a.sum())[2])
    return out


# ---- concat_examples, to_device, Converter ----

def _device_info(chainer, np, device):
    if device is None:
        return 'None'
    return '{} {} {}'.format(
        isinstance(device, chainer.backend.Device), device.xp is np,
        device.name if hasattr(device, 'name') else None)


def case_concat_examples(chainer, F, np):
    ce = chainer.dataset.concat_examples
    out = {}
    arrays = [np.arange(i * 3, i * 3 + 3, dtype=np.float32)
              for i in range(3)]
    put(np, out, 'arrays', ce(arrays))
    tuples = [(np.full((2,), i, np.float32), np.int32(i)) for i in range(3)]
    put(np, out, 'tuples', ce(tuples))
    put(np, out, 'tuples_python_int', ce([(np.zeros(2, np.float16), i)
                                          for i in range(3)]))
    dicts = [{'x': np.full((2, 2), i, np.float64), 't': np.int64(i)}
             for i in range(2)]
    put(np, out, 'dicts', ce(dicts))
    put(np, out, 'python_ints', ce([1, 2, 3]))
    put(np, out, 'python_floats', ce([1.5, 2.0]))
    ragged = [np.arange(n, dtype=np.int32) for n in (1, 3, 2)]
    put(np, out, 'padding', ce(ragged, padding=-1))
    put(np, out, 'padding_2d', ce([np.ones((1, 3), np.float32),
                                   np.ones((2, 2), np.float32)], padding=0))
    put(np, out, 'padding_tuple', ce(
        [(r, np.arange(len(r) + 1, dtype=np.float32)) for r in ragged],
        padding=(0, -2.5)))
    put(np, out, 'padding_tuple_scalar', ce(
        [(r, np.int32(len(r))) for r in ragged], padding=7))
    put(np, out, 'padding_dict', ce(
        [{'a': r, 'b': r * 2} for r in ragged], padding={'a': 9, 'b': 8}))
    put(np, out, 'padding_dict_scalar', ce([{'a': r} for r in ragged],
                                           padding=5))
    for key, device in (('none', None), ('minus1', -1),
                        ('numpy', '@numpy'),
                        ('device', chainer.get_device('@numpy'))):
        put(np, out, 'device_' + key, ce(tuples, device))
        put(np, out, 'device_kw_' + key, ce(arrays, device=device))
    out['empty'] = err(ce, [])
    out['ragged_no_padding'] = err(ce, ragged)
    out['mixed_kinds'] = err(ce, [np.zeros(2), (np.zeros(2),)])
    x = np.zeros(3, np.float32)
    out['to_device_none_is_same'] = chainer.dataset.to_device(None, x) is x
    put(np, out, 'to_device_minus1', chainer.dataset.to_device(-1, x))
    put(np, out, 'to_device_list', chainer.dataset.to_device(
        '@numpy', [x, x]))
    return out


def case_converter(chainer, F, np):
    out = {}
    seen = []

    @chainer.dataset.converter()
    def conv(batch, device):
        seen.append(_device_info(chainer, np, device))
        return batch

    out['is_converter'] = isinstance(conv, chainer.dataset.Converter)
    out['concat_is_converter'] = isinstance(
        chainer.dataset.concat_examples, chainer.dataset.Converter)
    out['passes_batch'] = conv([1, 2], None)
    for spec in (-1, '@numpy', chainer.get_device('@numpy')):
        conv([1], spec)
        conv([1], device=spec)
    out['devices_seen'] = seen
    out['wrap_non_callable'] = err(chainer.dataset.converter(), 5)
    out['base_call'] = err(chainer.dataset.Converter(), [1], None)

    class Count(chainer.dataset.Converter):
        def __call__(self, batch, device=None):
            return len(batch), _device_info(chainer, np, device)

    out['subclass'] = list(Count()([1, 2, 3], None))
    return out


# ---- TabularDataset ----

def _tab(np, out, key, ds):
    out[key + ':len'] = len(ds)
    out[key + ':keys'] = list(ds.keys)
    out[key + ':mode'] = {None: 'None', tuple: 'tuple',
                          dict: 'dict'}.get(ds.mode, repr(ds.mode))
    put(np, out, key + ':fetch', ds.fetch())


def case_tabular(chainer, F, np):
    T = chainer.dataset.tabular
    out = {}
    a = np.arange(6, dtype=np.float32)
    b = [10 * i for i in range(6)]
    ds = T.from_data((('a', a), ('b', b)))
    _tab(np, out, 'tuple', ds)
    out['is_tabular'] = isinstance(ds, chainer.dataset.TabularDataset)
    for key, index in (('i0', 0), ('neg', -1), ('slice', slice(1, 3)),
                       ('over', 6)):
        _index(np, out, 'get_' + key, ds, index)
    for key, rows, cols in (
            ('rows', slice(1, 4), None), ('step', slice(None, None, 2),
                                          None),
            ('rev', slice(None, None, -1), None),
            ('neg_rows', slice(-2, None), None),
            ('list_key', [0, 2], 'a'), ('tuple_keys', slice(None),
                                        ('b',)),
            ('int_key', [5, 1, 3], 1), ('both', [4, 0], ('b', 'a')),
            ('mask', np.array([True, False, True, False, False, True]),
             None),
            ('np_rows', np.array([2, 3]), None)):
        try:
            v = ds.slice[rows] if cols is None else ds.slice[rows, cols]
            _tab(np, out, 'slice_' + key, v)
        except Exception as e:  # NOQA
            out['slice_' + key] = type(e).__name__
    _tab(np, out, 'nested_slice', ds.slice[1:].slice[::2, 'b'])
    out['bad_key'] = err(lambda: ds.slice[:, 'z'])
    _tab(np, out, 'asdict', ds.asdict())
    _index(np, out, 'asdict_get', ds.asdict(), 2)
    _tab(np, out, 'asdict_astuple', ds.asdict().astuple())
    u = T.from_data(a)
    out['unary_mode'] = repr(u.mode)
    put(np, out, 'unary_get', u[2])
    put(np, out, 'unary_fetch', u.fetch())
    put(np, out, 'unary_list', T.from_data([3, 4, 5]).fetch())
    put(np, out, 'named_unary', T.from_data(('k', a))[1])
    d = T.from_data({'a': a, 'b': b})
    _tab(np, out, 'dict', d)
    _index(np, out, 'dict_get', d, 1)
    sq = T.from_data(('sq', lambda i: i * i), size=4)
    _tab(np, out, 'callable', sq)
    out['callable_no_size'] = err(T.from_data, ('c', lambda i: i))
    out['callable_no_key'] = err(T.from_data, lambda i: i, size=3)
    multi = T.from_data((('p', 'q'), lambda i: (i, -i)), size=3)
    _tab(np, out, 'callable_multi', multi)
    mixed = T.from_data((a, ('sq', lambda i: i * i)))
    put(np, out, 'mixed_get', mixed[3])
    out['mixed_len'] = len(mixed)
    # concat and join
    _tab(np, out, 'concat', ds.concat(ds.slice[:2], ds.slice[4:]))
    out['concat_keys_differ'] = err(
        ds.concat, T.from_data((('a', a), ('c', b))))
    _tab(np, out, 'join', ds.join(T.from_data(('c', a * 2))))
    out['join_len_differ'] = err(ds.join, T.from_data(('c', a[:3])))
    out['join_dup_key'] = err(ds.join, T.from_data(('a', a)))
    # transform, transform_batch
    _tab(np, out, 'transform', ds.transform(
        ('s', 'p'), lambda a, b: (a + np.float32(b), a * np.float32(b))))
    _tab(np, out, 'transform_dict', ds.transform(
        ('s',), lambda a, b: {'s': a - np.float32(b)}))
    _tab(np, out, 'transform_of_dict', d.transform(
        ('m',), lambda a, b: np.float32(b) - a))
    _tab(np, out, 'transform_unary', u.transform(
        'h', lambda v: v / np.float32(2)))
    _tab(np, out, 'transform_batch', ds.transform_batch(
        ('s',), lambda a, b: np.asarray(a) + np.asarray(b)))
    _tab(np, out, 'transform_batch_tuple', ds.slice[1:5].transform_batch(
        ('x', 'y'), lambda a, b: (np.asarray(a) * 2, list(b)[::-1])))
    # convert, with_converter, get_examples
    put(np, out, 'convert', ds.convert(ds.fetch()))
    put(np, out, 'convert_dict', d.convert(d.fetch()))
    put(np, out, 'convert_unary', T.from_data([1, 2]).convert([1, 2]))
    wc = ds.with_converter(lambda a, b: {'sum': np.asarray(a).sum()})
    put(np, out, 'with_converter', wc.convert(wc.fetch()))
    _tab(np, out, 'with_converter_view', wc)
    put(np, out, 'get_examples_all', ds.get_examples(None, None))
    put(np, out, 'get_examples_part', ds.get_examples([1, 4], (1,)))
    put(np, out, 'get_examples_slice', ds.get_examples(slice(0, 2), None))
    # iterate with an iterator, then concat_examples
    it = chainer.iterators.SerialIterator(ds, 4, repeat=False,
                                          shuffle=False)
    put(np, out, 'batch', chainer.dataset.concat_examples(next(it)))
    return out


# ---- image datasets ----

IMAGE_NAMES = ('gray.png', 'rgb.png', 'rgba.png')


def write_inputs(chainer, np, folder):
    """Writes the tiny images, their listings and zips (with Pillow, which
    Chainer's image datasets need), and a pickle dataset written by
    ``chainer``, into ``folder``. Returns {name: path}."""
    from PIL import Image
    rs = np.random.RandomState(3)
    images = os.path.join(folder, 'images')
    os.makedirs(images, exist_ok=True)
    arrays = {'gray.png': rs.randint(0, 256, (3, 4)).astype(np.uint8),
              'rgb.png': rs.randint(0, 256, (3, 4, 3)).astype(np.uint8),
              'rgba.png': rs.randint(0, 256, (2, 3, 4)).astype(np.uint8)}
    paths = {}
    for name, a in arrays.items():
        p = os.path.join(images, name)
        Image.fromarray(a).save(p)
        paths[name] = p
    listings = {'paths.txt': 'gray.png\nrgb.png\n\n',
                'labels.txt': 'gray.png 3\nrgb.png   7\nrgba.png -1\n',
                'zip_labels.txt': 'sub/rgb.png 1\ngray.png 0\n'}
    for name, text in listings.items():
        p = os.path.join(images, name)
        with open(p, 'w') as f:
            f.write(text)
        paths[name] = p
    for zname, members in (('images.zip', (('gray.png', 'gray.png'),
                                           ('rgb.png', 'sub/rgb.png'))),
                           ('more.zip', (('rgba.png', 'rgba.png'),))):
        p = os.path.join(images, zname)
        with zipfile.ZipFile(p, 'w') as z:
            for src, arcname in members:
                info = zipfile.ZipInfo(arcname, (1980, 1, 1, 0, 0, 0))
                with open(os.path.join(images, src), 'rb') as f:
                    z.writestr(info, f.read())
        paths[zname] = p
    p = os.path.join(folder, 'chainer_written.pkl')
    with chainer.datasets.open_pickle_dataset_writer(p, protocol=2) as w:
        for example in _pickle_examples(np):
            w.write(example)
    paths['chainer_written.pkl'] = p
    return paths


def _pickle_examples(np):
    return [(np.arange(3, dtype=np.float32) + i, i, 'ex{}'.format(i))
            for i in range(4)] + [{'d': np.eye(2, dtype=np.int16)}]


def _image(np, out, key, ds, i):
    try:
        v = ds[i]
    except Exception as e:  # NOQA
        out[key] = type(e).__name__
        return
    put(np, out, key, v)


def case_image_dataset(chainer, F, np):
    D = chainer.datasets
    out = {}
    ds = D.ImageDataset(list(IMAGE_NAMES), root=IMAGES)
    out['len'] = len(ds)
    for i in range(3):
        _image(np, out, 'default_{}'.format(i), ds, i)
    for dtype in ('uint8', 'float64', 'int32'):
        ds = D.ImageDataset(list(IMAGE_NAMES), IMAGES, np.dtype(dtype))
        _image(np, out, dtype + '_rgb', ds, 1)
    with chainer.using_config('dtype', np.float16):
        _image(np, out, 'config_dtype', D.ImageDataset(
            ['gray.png'], root=IMAGES), 0)
    listed = D.ImageDataset(os.path.join(IMAGES, 'paths.txt'), IMAGES)
    out['listed_len'] = len(listed)
    _image(np, out, 'listed_1', listed, 1)
    _image(np, out, 'listed_slice', listed, slice(0, 2))
    _image(np, out, 'missing', D.ImageDataset(['nope.png'], IMAGES), 0)
    _image(np, out, 'no_root', D.ImageDataset(
        [os.path.join(IMAGES, 'gray.png')]), 0)
    return out


def case_labeled_image_dataset(chainer, F, np):
    D = chainer.datasets
    out = {}
    ds = D.LabeledImageDataset([('gray.png', 3), ('rgb.png', 7)],
                               root=IMAGES)
    out['len'] = len(ds)
    _image(np, out, 'pairs_0', ds, 0)
    _image(np, out, 'pairs_1', ds, 1)
    ds = D.LabeledImageDataset(os.path.join(IMAGES, 'labels.txt'),
                               IMAGES, np.float64, np.int64)
    out['listed_len'] = len(ds)
    for i in range(3):
        _image(np, out, 'listed_{}'.format(i), ds, i)
    _image(np, out, 'uint8_label', D.LabeledImageDataset(
        [('gray.png', 200)], IMAGES, label_dtype=np.uint8), 0)
    _image(np, out, 'float_label', D.LabeledImageDataset(
        [('gray.png', 2)], IMAGES, label_dtype=np.float32), 0)
    with tempfile.TemporaryDirectory() as tmp:
        bad = os.path.join(tmp, 'bad.txt')
        with open(bad, 'w') as f:
            f.write('gray.png 1\nrgb.png\n')
        out['bad_listing'] = err(D.LabeledImageDataset, bad, IMAGES)
    return out


def case_zipped_image_datasets(chainer, F, np):
    D = chainer.datasets
    out = {}
    z = os.path.join(IMAGES, 'images.zip')
    ds = D.ZippedImageDataset(z)
    out['len'] = len(ds)
    for i in range(2):
        _image(np, out, 'zipped_{}'.format(i), ds, i)
    _image(np, out, 'zipped_by_name', ds, 'sub/rgb.png')
    _image(np, out, 'zipped_f64', D.ZippedImageDataset(z, np.float64), 0)
    lz = D.LabeledZippedImageDataset(
        z, os.path.join(IMAGES, 'zip_labels.txt'), label_dtype=np.int64)
    out['labeled_len'] = len(lz)
    for i in range(2):
        _image(np, out, 'labeled_{}'.format(i), lz, i)
    mz = D.MultiZippedImageDataset(
        [z, os.path.join(IMAGES, 'more.zip')], dtype=np.uint8)
    out['multi_len'] = len(mz)
    for i in range(3):
        _image(np, out, 'multi_{}'.format(i), mz, i)
    _image(np, out, 'multi_over', mz, 3)
    return out


# ---- TextDataset, PickleDataset ----

TEXTS = {'a.txt': 'first line\nsecond\n\nfourth caf\u00e9\n',
         'b.txt': '1\n2\n3\n4\n',
         'short.txt': 'x\ny\n',
         'crlf.txt': 'p\r\nq\r\n'}


def _texts(folder):
    paths = {}
    for name, text in TEXTS.items():
        p = os.path.join(folder, name)
        with open(p, 'w', encoding='utf-8', newline='') as f:
            f.write(text)
        paths[name] = p
    return paths


def case_text_dataset(chainer, F, np):
    D = chainer.datasets
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        p = _texts(tmp)
        ds = D.TextDataset(p['a.txt'], encoding='utf-8')
        out['len'] = len(ds)
        put(np, out, 'lines', items(ds))
        _index(np, out, 'slice', ds, slice(1, 3))
        _index(np, out, 'neg', ds, -1)
        _index(np, out, 'over', ds, 4)
        two = D.TextDataset([p['a.txt'], p['b.txt']],
                            encoding=['utf-8', 'ascii'])
        put(np, out, 'two', items(two))
        put(np, out, 'tuple_paths', D.TextDataset(
            (p['b.txt'],))[0])
        out['mismatch'] = err(D.TextDataset, [p['a.txt'], p['short.txt']])
        out['no_paths'] = err(D.TextDataset, [])
        out['encodings_len'] = err(D.TextDataset, [p['a.txt'], p['b.txt']],
                                   encoding=['utf-8'])
        filt = D.TextDataset(
            [p['a.txt'], p['b.txt']], encoding='utf-8',
            filter_func=lambda a, b: a.strip() != '' and b != '2\n')
        put(np, out, 'filtered', items(filt))
        put(np, out, 'crlf', items(D.TextDataset(p['crlf.txt'])))
        put(np, out, 'crlf_newline', items(D.TextDataset(
            p['crlf.txt'], newline='')))
    return out


def case_pickle_dataset(chainer, F, np):
    D = chainer.datasets
    out = {}
    # a file written by Chainer's open_pickle_dataset_writer
    ds = D.open_pickle_dataset(CHAINER_PICKLE)
    try:
        out['chainer_file_len'] = len(ds)
        put(np, out, 'chainer_file', items(ds))
        _index(np, out, 'chainer_file_slice', ds, slice(3, 0, -2))
        _index(np, out, 'chainer_file_over', ds, 5)
    finally:
        ds.close()
    # each framework's writer, read back by its reader
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'w.pkl')
        with D.open_pickle_dataset_writer(path) as w:
            for example in _pickle_examples(np):
                w.write(example)
        with D.open_pickle_dataset(path) as ds:
            out['own_len'] = len(ds)
            put(np, out, 'own', items(ds))
        with open(path, 'wb') as f:
            w = D.PickleDatasetWriter(f, protocol=3)
            w.write((1, 2))
            w.flush()
            w.write([3])
        with open(path, 'rb') as f:
            ds = D.PickleDataset(f)
            put(np, out, 'explicit', items(ds))
    return out


# ---- the downloadable datasets, from fake files ----

def _md5(url):
    return hashlib.md5(url.encode('utf-8')).hexdigest()


def _chainer_urls():
    with open(URLS) as f:
        return json.load(f)


def _fake_downloads(name, tmp):
    """{Chainer's URL: fake file content} for loader ``name``."""
    urls = _chainer_urls()[name]
    if name in _fake_data.MNIST_SEEDS:
        content = []
        for split in ('train', 'test'):
            x, y = _fake_data.mnist_arrays(name, split)
            content += [_fake_data.idx_bytes(x), _fake_data.idx_bytes(y)]
        return dict(zip(urls, content))
    if name == 'cifar-100':
        path = os.path.join(tmp, 'cifar-100.tar.gz')
        _fake_data.write_cifar(path, name)
        with open(path, 'rb') as f:
            return {urls[0]: f.read()}
    if name == 'svhn':
        out = {}
        for url in urls:
            split = url.rsplit('/', 1)[1].split('_')[0]
            path = os.path.join(tmp, split + '.mat')
            _fake_data.write_svhn(path, split)
            with open(path, 'rb') as f:
                out[url] = f.read()
        return out
    if name == 'ptb':
        return {url: _fake_data.PTB_TEXT[url.rsplit('.', 2)[1]].encode()
                for url in urls}
    raise KeyError(name)


@contextlib.contextmanager
def _no_network():
    def refuse(*args, **kwargs):
        raise OSError('compat_tests: no network access')
    saved = socket.socket.connect, socket.create_connection
    socket.socket.connect = refuse
    socket.create_connection = refuse
    try:
        yield
    finally:
        socket.socket.connect, socket.create_connection = saved


@contextlib.contextmanager
def _dataset_root(chainer, names=(), copy_from=None):
    """A fresh dataset root (``set_dataset_root``) whose download cache
    holds the fake files of the loaders ``names``, or a copy of the
    dataset root ``copy_from``."""
    tmp = tempfile.mkdtemp()
    old = chainer.dataset.get_dataset_root()
    try:
        root = os.path.join(tmp, 'root')
        if copy_from is not None:
            shutil.copytree(copy_from, root)
        cache = os.path.join(root, '_dl_cache')
        os.makedirs(cache, exist_ok=True)
        for name in names:
            for url, data in _fake_downloads(name, tmp).items():
                with open(os.path.join(cache, _md5(url)), 'wb') as f:
                    f.write(data)
        chainer.dataset.set_dataset_root(root)
        with _no_network():
            yield root
    finally:
        chainer.dataset.set_dataset_root(old)
        shutil.rmtree(tmp)


def _array(np, out, key, a):
    """A large array as its first 16 values, dtype, shape and the SHA-256
    of its bytes (exact equality, small fixtures); a small one as it
    is."""
    a = np.asarray(a)
    if a.size <= 64:
        out[key] = a
        return
    out[key + ':first'] = a.ravel()[:16]
    out[key + ':dtype'] = a.dtype.name
    out[key + ':shape'] = list(a.shape)
    out[key + ':sha256'] = hashlib.sha256(
        np.ascontiguousarray(a).tobytes()).hexdigest()


def _splits(np, out, key, result):
    """What a loader returned: for each split, its class and length, and
    the examples stacked (``x``, ``y``) or the array itself."""
    out[key + ':container'] = type(result).__name__
    out[key + ':n'] = len(result)
    for i, ds in enumerate(result):
        k = '{}/{}'.format(key, i)
        out[k + ':class'] = type(ds).__name__
        if isinstance(ds, np.ndarray):
            _array(np, out, k, ds)
            continue
        out[k + ':len'] = len(ds)
        first = ds[0]
        out[k + ':example'] = [type(first).__name__] + [
            type(v).__name__ for v in first]
        _array(np, out, k + '/x', np.stack([ex[0] for ex in items(ds)]))
        _array(np, out, k + '/y', np.stack([ex[1] for ex in items(ds)]))


def _cache_files(np, out, key, root):
    """The files a loader left under ``root/pfnet`` and the content of its
    ``.npz`` files (names, dtypes, values)."""
    found = []
    top = os.path.join(root, 'pfnet')
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, top)
            found.append(rel)
            if name.endswith('.npz'):
                with np.load(path, allow_pickle=False) as f:
                    out['{}/{}:keys'.format(key, rel)] = sorted(f.files)
                    for k in f.files:
                        _array(np, out, '{}/{}/{}'.format(key, rel, k),
                               f[k])
            elif name.endswith('.txt'):
                with open(path, encoding='utf-8') as f:
                    out['{}/{}'.format(key, rel)] = f.read()
    out[key + ':files'] = found


MNIST_OPTIONS = (
    ('default', {}),
    ('ndim2', {'ndim': 2}),
    ('ndim3_rgb_scaled_f16', {'ndim': 3, 'rgb_format': True, 'scale': 2.0,
                              'dtype': 'float16', 'label_dtype': 'int64'}),
    ('ndim3_gray', {'ndim': 3}),
    ('nolabel_f64', {'withlabel': False, 'scale': 255.0,
                     'dtype': 'float64'}),
    ('ndim2_rgb', {'ndim': 2, 'rgb_format': True}),
)


def _kwargs(np, options):
    kwargs = dict(options)
    for key in ('dtype', 'label_dtype'):
        if key in kwargs:
            kwargs[key] = np.dtype(kwargs[key])
    return kwargs


def _mnist_like(chainer, np, name, loader, options):
    out = {}
    with _dataset_root(chainer, [name]) as root:
        for key, opts in options:
            try:
                result = loader(**_kwargs(np, opts))
            except Exception as e:  # NOQA
                out[key] = type(e).__name__
            else:
                _splits(np, out, key, result)
        out['bad_ndim'] = err(loader, ndim=4)
        _cache_files(np, out, 'cache', root)
    return out


def case_get_mnist(chainer, F, np):
    return _mnist_like(chainer, np, 'mnist', chainer.datasets.get_mnist,
                       MNIST_OPTIONS)


def case_get_fashion_mnist(chainer, F, np):
    out = _mnist_like(chainer, np, 'fashion-mnist',
                      chainer.datasets.get_fashion_mnist,
                      MNIST_OPTIONS[:1] + MNIST_OPTIONS[2:3])
    out['labels'] = list(chainer.datasets.get_fashion_mnist_labels())
    return out


def case_get_kuzushiji_mnist(chainer, F, np):
    out = _mnist_like(chainer, np, 'kuzushiji_mnist',
                      chainer.datasets.get_kuzushiji_mnist,
                      MNIST_OPTIONS[:1] + MNIST_OPTIONS[4:5])
    out['labels'] = list(chainer.datasets.get_kuzushiji_mnist_labels())
    return out


CIFAR_OPTIONS = (
    ('default', {}),
    ('ndim1_nolabel_f16', {'ndim': 1, 'withlabel': False, 'scale': 3.0,
                           'dtype': 'float16'}),
    ('ndim2', {'ndim': 2}),
    ('f64', {'dtype': 'float64', 'scale': 0.5}),
)


def case_get_cifar100(chainer, F, np):
    out = {}
    loader = chainer.datasets.get_cifar100
    with _dataset_root(chainer, ['cifar-100']) as root:
        for key, opts in CIFAR_OPTIONS:
            try:
                result = loader(**_kwargs(np, opts))
            except Exception as e:  # NOQA
                out[key] = type(e).__name__
            else:
                _splits(np, out, key, result)
        _cache_files(np, out, 'cache', root)
    return out


SVHN_OPTIONS = (
    ('default', {}),
    ('extra_nolabel_f64', {'withlabel': False, 'scale': 2.0,
                           'dtype': 'float64', 'add_extra': True}),
    ('extra_int8', {'label_dtype': 'int8', 'add_extra': True}),
)


def case_get_svhn(chainer, F, np):
    out = {}
    loader = chainer.datasets.get_svhn
    with _dataset_root(chainer, ['svhn']) as root:
        for key, opts in SVHN_OPTIONS:
            _splits(np, out, key, loader(**_kwargs(np, opts)))
        _cache_files(np, out, 'cache', root)
    return out


def case_get_ptb(chainer, F, np):
    out = {}
    with _dataset_root(chainer, ['ptb']) as root:
        words = chainer.datasets.get_ptb_words()
        out['words:container'] = type(words).__name__
        for split, x in zip(('train', 'valid', 'test'), words):
            out['words/' + split] = x
        vocab = chainer.datasets.get_ptb_words_vocabulary()
        out['vocab:type'] = type(vocab).__name__
        out['vocab'] = sorted([k, v] for k, v in vocab.items())
        _cache_files(np, out, 'cache', root)
    return out


LOADER_NAMES = ('mnist', 'fashion-mnist', 'kuzushiji_mnist', 'cifar-100',
                'svhn', 'ptb')


def _load_all(chainer, np, out):
    D = chainer.datasets
    for key, loader in (('mnist', D.get_mnist),
                        ('fashion-mnist', D.get_fashion_mnist),
                        ('kuzushiji_mnist', D.get_kuzushiji_mnist),
                        ('cifar-100', D.get_cifar100),
                        ('svhn', lambda: D.get_svhn(add_extra=True))):
        _splits(np, out, key, loader())
    for split, x in zip(('train', 'valid', 'test'), D.get_ptb_words()):
        out['ptb/' + split] = x
    out['ptb_vocab'] = sorted(
        [k, v] for k, v in D.get_ptb_words_vocabulary().items())


def build_chainer_cache(chainer, np, folder):
    """Runs every loader once on the fake downloads and copies the dataset
    root they leave (``pfnet/...``, no download cache) to ``folder``."""
    with _dataset_root(chainer, LOADER_NAMES) as root:
        _load_all(chainer, np, {})
        shutil.copytree(os.path.join(root, 'pfnet'),
                        os.path.join(folder, 'pfnet'))


def case_loaders_read_chainer_cache(chainer, F, np):
    # the dataset root real Chainer left (no download cache, no network):
    # the loaders read its converted files as they are
    out = {}
    with _dataset_root(chainer, copy_from=CHAINER_CACHE) as root:
        _load_all(chainer, np, out)
        out['downloads'] = sorted(os.listdir(os.path.join(root,
                                                          '_dl_cache')))
    return out
