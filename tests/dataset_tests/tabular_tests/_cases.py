"""Tabular dataset scenarios, run by real Chainer (make_fixtures.py) and by
chainerjax (test_tabular_dataset.py) to compare their results.

``build_cases(chainer)`` takes the ``chainer`` (or ``chainerjax``) package
and returns ``{name: thunk}``; each thunk returns a JSON-able value
(see :func:`encode`) describing the result, including the calls the
views made to the underlying dataset's ``get_examples``.
"""
import numpy


def encode(x):
    """A JSON-able description of ``x`` that keeps container and array
    types and dtypes."""
    if isinstance(x, numpy.ndarray):
        return ['ndarray', str(x.dtype), x.tolist()]
    if isinstance(x, numpy.generic):
        return ['npscalar', str(x.dtype), x.item()]
    if isinstance(x, tuple):
        return ['tuple', [encode(v) for v in x]]
    if isinstance(x, list):
        return ['list', [encode(v) for v in x]]
    if isinstance(x, dict):
        return ['dict', [[k, encode(x[k])] for k in sorted(x)]]
    if isinstance(x, slice):
        return ['slice', x.start, x.stop, x.step]
    if isinstance(x, range):
        return ['range', list(x)]
    if x is tuple or x is dict:
        return ['type', x.__name__]
    if x is None or isinstance(x, (bool, int, float, str)):
        return x
    if hasattr(x, '__array__'):    # a JAX array
        a = numpy.asarray(x)
        return ['ndarray', str(a.dtype), a.tolist()]
    raise TypeError(type(x))


def _guard(f):
    try:
        return f()
    except Exception as e:
        return ['error', type(e).__name__]


def _key(k):
    # from_data names a column without key '_<id of the data>'
    return '_<id>' if k.startswith('_') and k[1:].isdigit() else k


def _rows(indices, n):
    # The rows a get_examples call asks for, and how (a slice or a list).
    if indices is None:
        return ['all', list(range(n))]
    if isinstance(indices, slice):
        return ['slice', list(range(*indices.indices(n)))]
    return ['list', [int(i) for i in indices]]


def summary(view, log):
    """Everything observable about ``view``; ``log`` collects the calls
    to the base dataset."""
    del log[:]
    out = {}
    out['len'] = _guard(lambda: len(view))
    out['keys'] = _guard(lambda: [_key(k) for k in view.keys])
    out['mode'] = _guard(lambda: encode(view.mode))
    out['fetch'] = _guard(lambda: encode(view.fetch()))
    out['first'] = _guard(lambda: encode(view[0]))
    out['items'] = _guard(lambda: encode(view[1:3]))
    out['iter'] = _guard(lambda: encode(list(view)))
    out['convert'] = _guard(lambda: encode(view.convert(view.fetch())))
    out['calls'] = list(log)
    return out


def build_cases(chainer):
    TabularDataset = chainer.dataset.TabularDataset
    tabular = chainer.dataset.tabular
    from_data = tabular.from_data
    log = []

    class Table(TabularDataset):
        # 4 rows, columns a, b, c (the values 0..11), with a call log.

        def __init__(self, n=4, keys=('a', 'b', 'c'), mode=tuple, base=0):
            self._n = n
            self._keys = keys
            self._mode = mode
            self._base = base

        def __len__(self):
            return self._n

        @property
        def keys(self):
            return self._keys

        @property
        def mode(self):
            return self._mode

        def get_examples(self, indices, key_indices):
            kind, rows = _rows(indices, self._n)
            if rows:      # asking for no rows is not a difference
                log.append([self._base, kind, rows, encode(key_indices)])
            k = len(self._keys)
            data = (numpy.arange(self._n * k).reshape(self._n, k)
                    + self._base)
            if indices is not None:
                data = data[indices]
            if key_indices is not None:
                data = data[:, list(key_indices)]
            return tuple(data.transpose())

    class Delegated(tabular.DelegateDataset):

        def __init__(self):
            super(Delegated, self).__init__(from_data((
                ('a', numpy.arange(5)),
                ('b', self.get_b),
                (('d', 'e'), self.get_de))))

        def get_b(self, i):
            return 'b[{}]'.format(i)

        def get_de(self, i):
            return {'d': i * 2, 'e': -i}

    t = Table()
    parts = [Table(3, base=100), Table(0, base=200), Table(4, base=300),
             Table(2, base=400)]
    concat = parts[0].concat(*parts[1:])
    other = Table(4, keys=('d', 'e'), mode=dict, base=500)
    single = Table(4, keys=('s',), mode=None, base=600)

    views = {
        'table': lambda: t,
        'astuple': lambda: t.asdict().astuple(),
        'asdict': lambda: t.asdict(),
        'single': lambda: single,
        'single_astuple': lambda: single.astuple(),
        'delegate': lambda: Delegated(),
        'delegate_slice': lambda: Delegated().slice[::2, ('e', 'b')],
        'from_list': lambda: from_data([3, 1, 4]),
        'from_array': lambda: from_data(numpy.array([2., 7.])),
        'from_pair': lambda: from_data(('k', [5, 6])),
        'from_callable': lambda: from_data(('k', lambda i: i * i), size=3),
        'from_callable_multi': lambda: from_data(
            (('x', 'y'), lambda i: (i, -i)), size=2),
        'from_tuple': lambda: from_data((('a', [0, 1, 2]),
                                         ('b', numpy.arange(3) * 2),
                                         ('c', lambda i: str(i)))),
        'from_dict': lambda: from_data({'p': numpy.arange(3) * 2,
                                        'q': [7, 8, 9],
                                        ('r', 's'): lambda i: {'r': i,
                                                               's': 0}}),
        'from_no_size': lambda: from_data(('a', lambda i: i)),
        'from_no_key': lambda: from_data(lambda i: i, size=3),
        'concat': lambda: concat,
        'concat_bad_keys': lambda: t.concat(other),
        'join': lambda: t.join(other),
        'join_none_modes': lambda: single.join(
            Table(4, keys=('z',), mode=None, base=700)),
        'join_dict_first': lambda: other.join(t),
        'join_slice': lambda: t.join(other).slice[1:, ('e', 'a', 'd')],
        'join_slice_one': lambda: t.join(other).slice[:, 'e'],
        'join_bad_len': lambda: t.join(Table(3, keys=('z',))),
        'join_dup_keys': lambda: t.join(Table(4, keys=('c', 'z'))),
        'transform_tuple': lambda: t.transform(
            ('x', 'y'), lambda a, b, c: (a + b, c * 2)),
        'transform_dict': lambda: t.asdict().transform(
            ('x', 'y'), lambda a, b, c: {'y': a - c, 'x': b}),
        'transform_value': lambda: t.transform('x', lambda a, b, c: a * c),
        'transform_slice': lambda: t.transform(
            ('x', 'y', 'z'), lambda a, b, c: (a, b, c)).slice[
                [3, 0], ('z', 'x')],
        'transform_changes_type': lambda: t.transform(
            ('x',), lambda a, b, c: (a,) if a < 6 else a),
        'transform_batch': lambda: t.transform_batch(
            ('x', 'y'), lambda a, b, c: (a + b, c)),
        'transform_batch_dict': lambda: t.asdict().transform_batch(
            ('x',), lambda a, b, c: {'x': a * 2}),
        'transform_batch_value': lambda: single.transform_batch(
            'v', lambda s: s + 1),
        'transform_batch_length': lambda: t.transform_batch(
            ('x',), lambda a, b, c: (a[:1],)),
        'with_converter': lambda: t.with_converter(
            lambda a, b, c: (a + b + c).sum()),
        'with_converter_dict': lambda: t.asdict().with_converter(
            lambda **kw: sorted(kw)),
        'with_converter_single': lambda: single.with_converter(
            lambda s: s * 10),
        'concat_converter': lambda: t.with_converter(
            lambda a, b, c: 'first').concat(t),
    }
    slices = {
        'all': slice(None), 'mid': slice(1, 3), 'rev': slice(None, None, -1),
        'step': slice(None, None, 2), 'neg': slice(-3, None),
        'empty': slice(3, 1), 'rev_step': slice(3, 0, -2),
        'list': [3, 0, 2], 'neg_list': [-1, -4], 'empty_list': [],
        'numpy_list': numpy.array([2, 1]),
        'bools': [True, False, True, True],
        'numpy_bools': numpy.array([False, True, False, True]),
        'bad_bools': [True, False],
        'out_of_range': [4], 'out_of_range_neg': [-5],
    }
    for name, index in slices.items():
        views['slice_' + name] = (lambda index: lambda: t.slice[index])(
            index)
    keys = {
        'name': 'b', 'position': -1, 'tuple': ('c', 0), 'one_tuple': ('b',),
        'missing': 'z', 'bad_position': 3, 'empty': (),
    }
    for name, key in keys.items():
        views['keys_' + name] = (lambda key: lambda: t.slice[:, key])(key)
    views['keys_dict_mode'] = lambda: t.asdict().slice[1:, ('c', 'a')]
    nested = {
        'slice_slice': lambda: t.slice[1:].slice[::-1],
        'rev_slice': lambda: t.slice[::-1].slice[1:3],
        'rev_rev': lambda: t.slice[::-1].slice[::-2],
        'step_list': lambda: t.slice[::2].slice[[1, 0]],
        'list_slice': lambda: t.slice[[3, 1, 2]].slice[1:],
        'list_list': lambda: t.slice[[3, 1, 2]].slice[[2, 0]],
        'keys_keys': lambda: t.slice[:, ('c', 'a')].slice[1:, 'a'],
        'bools_rev': lambda: t.slice[[True, True, False, True]].slice[::-1],
    }
    views.update(('nested_' + k, v) for k, v in nested.items())
    concat_slices = [
        slice(None), slice(1, 7), slice(None, None, -1), slice(8, 0, -3),
        slice(2, 100, 2), slice(-3, None), slice(5, 2), slice(0, 9, 4),
        slice(3, 7), slice(7, 2, -1), slice(None, 2, -1),
        [0, 8, 4, 3], [8, 7], [5, 6], [1]]
    for i, index in enumerate(concat_slices):
        views['concat_{}'.format(i)] = (
            lambda index: lambda: concat.slice[index, ('c', 'a')])(index)
    views['concat_nested'] = lambda: concat.slice[::-1].slice[2:7]

    cases = {}
    for name, make in views.items():
        def case(make=make):
            del log[:]
            try:
                view = make()
            except Exception as e:
                return ['error', type(e).__name__, list(log)]
            return summary(view, log)
        cases[name] = case
    return cases
