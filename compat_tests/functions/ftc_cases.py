"""Case tables of the FunctionTestCase layer (framework-independent).

A :class:`Case` describes one function test the way Chainer's own
``FunctionTestCase`` tests do: a parameter grid (dtype, shape, options), the
inputs of one parameter set and the forward computation, written against
Chainer's public API with the framework's ``functions`` module passed in.
The same tables are read by

* ``generate_ftc.py``, which runs every case with real Chainer 7.8.1 and
  stores the outputs in ``fixtures/ftc_<sub-package>.npz``, and
* ``_golden.py``, the ``chainerjax.testing.FunctionTestCase`` base of the
  tests, which runs the same cases with chainerjax and compares.

Inputs come only from ``numpy.random.RandomState`` seeded from the case key,
so that both interpreters build identical arrays (a digest of the inputs is
stored next to the outputs and checked). This module imports NumPy only.
"""
import hashlib
import itertools
import zlib

import numpy

FLOATS = [numpy.float16, numpy.float32, numpy.float64]


def _text(value):
    # Parameter values as text, identical under NumPy 1 and 2 (whose reprs
    # of NumPy scalars differ).
    if isinstance(value, type):
        if issubclass(value, numpy.generic):
            return numpy.dtype(value).name
        return value.__name__
    if isinstance(value, numpy.generic):
        value = value.item()
    if isinstance(value, (tuple, list)):
        inner = ', '.join(_text(v) for v in value)
        if isinstance(value, tuple):
            return '(' + inner + (',)' if len(value) == 1 else ')')
        return '[' + inner + ']'
    return repr(value)


def product(grid):
    """The combinations of a ``{name: [values]}`` grid, as
    ``chainer.testing.product``: keys in sorted order, the last varying
    fastest; a key ``'a,b'`` takes tuples of values."""
    keys = sorted(grid)
    out = []
    for values in itertools.product(*[grid[k] for k in keys]):
        d = {}
        for k, v in zip(keys, values):
            names = k.split(',')
            if len(names) == 1:
                d[k] = v
            else:
                d.update(zip(names, v))
        out.append(d)
    return out


class Params(dict):
    """A parameter set with attribute access (``p.dtype``, ``p.shape``)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)


class Inputs(object):
    """Deterministic input arrays of one parameter set.

    Attribute access falls through to the parameters (``g.shape``,
    ``g.dtype``). All draws come from one RandomState, in call order.
    """

    def __init__(self, params, seed):
        self.params = params
        self.rs = numpy.random.RandomState(seed)

    def __getattr__(self, name):
        try:
            return self.__dict__['params'][name]
        except KeyError:
            raise AttributeError(name)

    def u(self, shape=None, low=-1.0, high=1.0, dtype=None, avoid=(),
          margin=0.1):
        """Uniform values in ``[low, high)``; values closer than
        ``margin`` to a point of ``avoid`` (a kink) are moved to
        ``2 * margin`` from it, away from the kink, so that numerical
        gradients are taken where the function is smooth."""
        shape = self.params['shape'] if shape is None else shape
        dtype = self.params['dtype'] if dtype is None else dtype
        a = self.rs.uniform(low, high, shape)
        for c in avoid:
            near = numpy.abs(a - c) < margin
            a = numpy.where(near, c + numpy.where(a >= c, 2.0, -2.0) * margin,
                            a)
        return numpy.asarray(a).astype(dtype)

    def distinct(self, shape=None, low=-1.0, high=1.0, dtype=None):
        """Values of ``shape`` that are pairwise at least
        ``(high - low) / size`` apart (no ties for max/min/sort-like
        functions, also in float16), in random order."""
        shape = self.params['shape'] if shape is None else shape
        dtype = self.params['dtype'] if dtype is None else dtype
        n = int(numpy.prod(shape))
        step = (high - low) / max(n, 1)
        a = low + step * (self.rs.permutation(n) + 0.5)
        return a.reshape(shape).astype(dtype)

    def positive(self, shape=None, low=0.5, high=2.0, dtype=None):
        """Uniform values in ``[low, high)`` (defaults away from 0)."""
        return self.u(shape, low, high, dtype)

    def ints(self, low, high, shape, dtype=numpy.int32):
        """Uniform integers in ``[low, high)``."""
        return self.rs.randint(low, high, shape).astype(dtype)


def _flatten(ys, out):
    if isinstance(ys, (tuple, list)):
        for y in ys:
            _flatten(y, out)
    else:
        out.append(ys)
    return out


class Case(object):
    """One function under test.

    Args:
        table (str): The sub-package (``'activation'``): the fixture is
            ``fixtures/ftc_<table>.npz``.
        name (str): The case name (usually the function name).
        grid (dict or list of dict): Parameter grid(s); the parameter sets
            are the concatenated products of each.
        inputs (callable): ``inputs(g)`` with an :class:`Inputs` ``g``
            returns the input arrays (a tuple).
        forward (callable): ``forward(F, p, *xs)`` computes the outputs
            from the input Variables with ``F`` (``chainer.functions`` or
            ``chainerjax.functions``); ``p`` is the :class:`Params`. It
            returns a Variable or a (nested) tuple/list of Variables, which
            is flattened.
        defaults (dict): Values of parameters that a grid leaves out.
        config (dict): ``using_config`` settings (e.g. ``{'train': False}``)
            active during the forward pass.
        array_outputs (bool): The function also returns plain arrays (e.g.
            ``argmax_crf1d``'s path): they are wrapped in Variables.
    """

    def __init__(self, table, name, grid, inputs, forward, defaults=None,
                 config=None, array_outputs=False):
        self.table = table
        self.name = name
        self.grid = [grid] if isinstance(grid, dict) else list(grid)
        self._inputs = inputs
        self._forward = forward
        self.defaults = dict(defaults or {})
        self.config = dict(config or {})
        self.array_outputs = array_outputs
        keys = set(self.defaults)
        for g in self.grid:
            for k in g:
                keys.update(k.split(','))
        self.keys = sorted(keys)

    def __repr__(self):
        return 'Case({}.{})'.format(self.table, self.name)

    def param_sets(self):
        """Every parameter set of the grid (as given, without defaults)."""
        out = []
        for g in self.grid:
            out.extend(product(g))
        return out

    def resolve(self, given):
        """The full parameters: the defaults updated with ``given``."""
        p = Params(self.defaults)
        p.update(given)
        return p

    def key(self, p):
        """The fixture key of a full parameter set."""
        return '{}/{}'.format(self.name, ','.join(
            '{}={}'.format(k, _text(p[k])) for k in sorted(p)))

    def seed(self, p, offset=0):
        return (zlib.crc32(self.key(p).encode('utf-8')) + offset) % (2 ** 32)

    def inputs(self, p):
        xs = self._inputs(Inputs(p, self.seed(p)))
        if not isinstance(xs, tuple):
            raise TypeError('{}: inputs must return a tuple'.format(self))
        return xs

    def run(self, chainer, F, p, xs):
        """The flattened outputs of the forward pass (a tuple)."""
        with _Config(chainer, self.config):
            ys = self._forward(F, p, *xs)
        ys = tuple(_flatten(ys, []))
        if self.array_outputs:
            ys = tuple([y if isinstance(y, chainer.Variable)
                        else chainer.Variable(y) for y in ys])
        return ys


class _Config(object):
    """``chainer.using_config`` for each item of ``config``."""

    def __init__(self, chainer, config):
        self.managers = [chainer.using_config(k, v)
                         for k, v in sorted(config.items())]

    def __enter__(self):
        for m in self.managers:
            m.__enter__()

    def __exit__(self, *exc):
        for m in reversed(self.managers):
            m.__exit__(*exc)


class Table(object):
    """The cases of one sub-package, in definition order."""

    def __init__(self, name):
        self.name = name
        self.cases = []

    def case(self, name, grid, inputs, forward, **kwargs):
        c = Case(self.name, name, grid, inputs, forward, **kwargs)
        if any(other.name == name for other in self.cases):
            raise ValueError('duplicate case ' + name)
        self.cases.append(c)
        return c


def digest(arrays):
    """SHA-1 of the dtypes, shapes and bytes of ``arrays`` (uint8 array)."""
    h = hashlib.sha1()
    for a in arrays:
        a = numpy.ascontiguousarray(a)
        h.update('{}{}'.format(a.dtype.str, a.shape).encode('utf-8'))
        h.update(a.tobytes())
    return numpy.frombuffer(h.digest(), dtype=numpy.uint8).copy()


TABLES = ('activation', 'array', 'connection', 'evaluation', 'loss', 'math',
          'noise', 'normalization', 'pooling', 'rnn', 'util')


def load_table(name):
    """The :class:`Table` of ``ftc_cases_<name>.py``."""
    import importlib
    return importlib.import_module(
        'compat_tests.functions.ftc_cases_' + name).T
