"""Theano graphs shared by make_fixtures.py (run with real Chainer) and the
tests (run with chainerjax). Imports only theano and numpy.

The graphs are elementwise, on same-shaped inputs, without constants: with
NumPy 2 Theano 1.0.5 compiles little else (see
chainerjax/links/theano/theano_function.py).
"""
import numpy


def _tensor(dtype, ndim):
    import theano
    return theano.tensor.TensorType(dtype, (False,) * ndim)()


def add_mul(dtype, ndim):
    """Two inputs, two outputs: ``x + y`` and ``x * y``."""
    x = _tensor(dtype, ndim)
    y = _tensor(dtype, ndim)
    return [x, y], [x + y, x * y]


def exp_mul(dtype, ndim):
    """One input, one output: ``exp(x) * x``."""
    import theano
    x = _tensor(dtype, ndim)
    return x, theano.tensor.exp(x) * x


def int_input(dtype, ndim):
    """A float and an int32 input: ``x * n`` (upcast by Theano)."""
    x = _tensor(dtype, ndim)
    n = _tensor('int32', ndim)
    return [x, n], [x * n]


GRAPHS = {'add_mul': add_mul, 'exp_mul': exp_mul, 'int_input': int_input}


def inputs(name, dtype, shape):
    """The input arrays of case ``name`` (fixed seeds)."""
    rs = numpy.random.RandomState(1)
    x = rs.uniform(-1, 1, shape).astype(dtype)
    if name == 'exp_mul':
        return [x]
    if name == 'int_input':
        return [x, rs.randint(-3, 4, shape).astype(numpy.int32)]
    return [x, rs.uniform(-1, 1, shape).astype(dtype)]


CASES = [(name, dtype, shape)
         for name in sorted(GRAPHS)
         for dtype in ('float32', 'float64')
         for shape in ((3,), (2, 3))]


def case_name(name, dtype, shape):
    return '{}_{}_{}'.format(name, dtype, 'x'.join(map(str, shape)))
