"""FunctionTestCase cases of ``chainer.functions.math``.

Every function runs in float16, float32 and float64 where Chainer supports
the dtype (``cholesky`` and ``sparse_matmul`` have no float16,
``batch_matmul`` is float32 only) on a small shape; options run in float64.
Inputs stay inside the domains (and away from the poles) of the elementwise
functions, away from the kinks of the piecewise ones (``absolute``,
``clip``, ``fmod``, ``maximum``/``minimum``), without ties for
``max``/``min``/``argmax``/``argmin`` and without zeros for products.
``argmax``, ``argmin``, ``ceil``, ``floor``, ``fix`` and ``sign`` are not
differentiable in Chainer (their result has no creator): forward only.
"""
import sys

import numpy

from compat_tests.functions.ftc_cases import FLOATS, Table

T = Table('math')
F64 = [numpy.float64]
NO_F16 = [numpy.float32, numpy.float64]
SHAPE = [(2, 3)]


def _framework(F):
    # ``chainer`` or ``chainerjax``, the package of the functions module.
    return sys.modules[F.__name__.split('.')[0]]


def _unary(name, low, high, avoid=(), shape=SHAPE):
    return T.case(
        name,
        {'dtype': FLOATS, 'shape': shape},
        lambda g: (g.u(low=low, high=high, avoid=avoid),),
        lambda F, p, x: getattr(F, name)(x))


absolute = _unary('absolute', -1.0, 1.0, avoid=(0.0,))
arccos = _unary('arccos', -0.9, 0.9)
arcsin = _unary('arcsin', -0.9, 0.9)
arctan = _unary('arctan', -2.0, 2.0)
arctanh = _unary('arctanh', -0.9, 0.9)
ceil = _unary('ceil', -3.0, 3.0)
cos = _unary('cos', -3.0, 3.0)
cosh = _unary('cosh', -2.0, 2.0)
digamma = _unary('digamma', 0.5, 4.0)
erf = _unary('erf', -2.0, 2.0)
erfc = _unary('erfc', -2.0, 2.0)
erfcinv = _unary('erfcinv', 0.1, 1.9)
erfcx = _unary('erfcx', -1.0, 3.0)
erfinv = _unary('erfinv', -0.9, 0.9)
exp = _unary('exp', -2.0, 2.0)
expm1 = _unary('expm1', -2.0, 2.0)
fix = _unary('fix', -3.0, 3.0)
floor = _unary('floor', -3.0, 3.0)
lgamma = _unary('lgamma', 0.5, 4.0)
log = _unary('log', 0.2, 3.0)
log10 = _unary('log10', 0.2, 3.0)
log1p = _unary('log1p', -0.5, 2.0)
log2 = _unary('log2', 0.2, 3.0)
log_ndtr = _unary('log_ndtr', -5.0, 3.0)
ndtr = _unary('ndtr', -3.0, 3.0)
ndtri = _unary('ndtri', 0.05, 0.95)
rsqrt = _unary('rsqrt', 0.2, 3.0)
sign = _unary('sign', -3.0, 3.0, avoid=(0.0,))
sin = _unary('sin', -3.0, 3.0)
sinh = _unary('sinh', -2.0, 2.0)
sqrt = _unary('sqrt', 0.2, 3.0)
square = _unary('square', -2.0, 2.0)
tan = _unary('tan', -1.2, 1.2)


def _apart(g):
    # x2 = x1 + d with |d| >= 0.2 (maximum/minimum are smooth there).
    x1 = g.u()
    d = g.u(avoid=(0.0,))
    return x1, (x1.astype(numpy.float64) + d).astype(g.dtype)


add = T.case(
    'add',
    [{'dtype': FLOATS, 'shape': SHAPE, 'n': [2]},
     {'dtype': F64, 'shape': SHAPE, 'n': [4]}],
    lambda g: tuple(g.u() for _ in range(g.n)),
    lambda F, p, *xs: F.add(*xs))

arctan2 = T.case(
    'arctan2',
    {'dtype': FLOATS, 'shape': SHAPE},
    lambda g: (g.u(), g.u(low=0.2, high=1.0)),
    lambda F, p, x1, x2: F.arctan2(x1, x2))

argmax = T.case(
    'argmax',
    [{'dtype': FLOATS, 'shape': SHAPE, 'axis': [None]},
     {'dtype': F64, 'shape': [(2, 3, 2)], 'axis': [1]}],
    lambda g: (g.distinct(),),
    lambda F, p, x: F.argmax(x, axis=p.axis))

argmin = T.case(
    'argmin',
    [{'dtype': FLOATS, 'shape': SHAPE, 'axis': [None]},
     {'dtype': F64, 'shape': [(2, 3, 2)], 'axis': [-1]}],
    lambda g: (g.distinct(),),
    lambda F, p, x: F.argmin(x, axis=p.axis))

average = T.case(
    'average',
    [{'dtype': FLOATS, 'shape': [(2, 3)], 'axis': [-1], 'weights': [(3,)],
      'keepdims': [True]},
     {'dtype': F64, 'shape': [(2, 3, 2)], 'axis': [(0, 2)], 'weights': [None],
      'keepdims': [False]}],
    lambda g: (g.u(),) + ((g.positive(g.weights),) if g.weights else ()),
    lambda F, p, x, *w: F.average(x, axis=p.axis, weights=w[0] if w else None,
                                  keepdims=p.keepdims))


def _well_conditioned(g):
    n = g.shape[-1]
    return (numpy.eye(n) * 2 + g.rs.uniform(-0.5, 0.5, g.shape)).astype(
        g.dtype),


def _spd(g):
    n = g.shape[-1]
    a = g.rs.uniform(-1, 1, g.shape)
    return (numpy.matmul(a, a.T) + n * numpy.eye(n)).astype(g.dtype),


batch_det = T.case(
    'batch_det',
    {'dtype': FLOATS, 'shape': [(3, 2, 2)]},
    _well_conditioned,
    lambda F, p, a: F.batch_det(a))

batch_inv = T.case(
    'batch_inv',
    {'dtype': FLOATS, 'shape': [(3, 2, 2)]},
    _well_conditioned,
    lambda F, p, a: F.batch_inv(a))

batch_l2_norm_squared = T.case(
    'batch_l2_norm_squared',
    [{'dtype': FLOATS, 'shape': [(3, 2)]},
     {'dtype': F64, 'shape': [(2, 2, 1, 3)]}],
    lambda g: (g.u(),),
    lambda F, p, x: F.batch_l2_norm_squared(x))

# Chainer's batch_matmul supports float32 only.
batch_matmul = T.case(
    'batch_matmul',
    {'dtype': [numpy.float32], 'shapes,transa,transb': [
        (((2, 2, 3), (2, 3, 2)), False, False),
        (((2, 3, 2), (2, 1, 3)), True, True)]},
    lambda g: tuple(g.u(s) for s in g.shapes),
    lambda F, p, a, b: F.batch_matmul(a, b, transa=p.transa,
                                      transb=p.transb))

bias = T.case(
    'bias',
    [{'dtype': FLOATS, 'shapes,axis': [(((2, 3, 2), (3,)), 1)]},
     {'dtype': F64, 'shapes,axis': [(((2, 3, 2), (3, 2)), 1),
                                    (((2, 3), (2,)), 0)]}],
    lambda g: tuple(g.u(s) for s in g.shapes),
    lambda F, p, x, y: F.bias(x, y, axis=p.axis))


# Symmetrized in the forward pass (as in Chainer's own test): cholesky
# reads one triangle, its gradient is the symmetric one.
cholesky = T.case(
    'cholesky',
    {'dtype': NO_F16, 'shape': [(3, 3)]},
    _spd,
    lambda F, p, a: F.cholesky(0.5 * (a + F.transpose(a))))

clip = T.case(
    'clip',
    [{'dtype': FLOATS, 'shape': SHAPE, 'x_min,x_max': [(-0.5, 0.5)]},
     {'dtype': F64, 'shape': SHAPE, 'x_min,x_max': [(0.0, None),
                                                   (None, 0.0)]}],
    lambda g: (g.u(avoid=tuple(b for b in (g.x_min, g.x_max)
                               if b is not None)),),
    lambda F, p, x: F.clip(x, p.x_min, p.x_max))


def _away_from_zero(g):
    return (g.u(avoid=(0.0,), margin=0.25),)


cumprod = T.case(
    'cumprod',
    [{'dtype': FLOATS, 'shape': SHAPE, 'axis': [None]},
     {'dtype': F64, 'shape': SHAPE, 'axis': [1]}],
    _away_from_zero,
    lambda F, p, x: F.cumprod(x, axis=p.axis))

cumsum = T.case(
    'cumsum',
    [{'dtype': FLOATS, 'shape': SHAPE, 'axis': [None]},
     {'dtype': F64, 'shape': [(2, 2, 3)], 'axis': [-1]}],
    lambda g: (g.u(),),
    lambda F, p, x: F.cumsum(x, axis=p.axis))

det = T.case(
    'det',
    {'dtype': FLOATS, 'shape': [(3, 3)]},
    _well_conditioned,
    lambda F, p, a: F.det(a))

einsum = T.case(
    'einsum',
    [{'dtype': FLOATS, 'subscripts,shapes': [('ij,jk->ik', ((2, 3), (3, 2)))]},
     {'dtype': F64, 'subscripts,shapes': [
         ('ii->i', ((3, 3),)),
         ('...ij,...jk', ((2, 2, 3), (2, 3, 1))),
         ('ij,jk,kl->il', ((2, 3), (3, 2), (2, 2)))]}],
    lambda g: tuple(g.u(s) for s in g.shapes),
    lambda F, p, *xs: F.einsum(p.subscripts, *xs))

fft = T.case(
    'fft',
    [{'dtype': FLOATS, 'shape': [(2, 4)]},
     {'dtype': F64, 'shape': [(2, 1, 3)]}],
    lambda g: (g.u(), g.u()),
    lambda F, p, r, i: F.fft((r, i)))

ifft = T.case(
    'ifft',
    {'dtype': FLOATS, 'shape': [(2, 4)]},
    lambda g: (g.u(), g.u()),
    lambda F, p, r, i: F.ifft((r, i)))


def _fmod_inputs(g):
    # x = d * (k + f) with 0.2 <= f <= 0.8: x / d is 0.2 away from an
    # integer (the kinks of fmod in x and in d).
    d = g.rs.uniform(0.5, 1.5, g.shape) * g.rs.choice([-1, 1], g.shape)
    k = g.rs.randint(-2, 2, g.shape)
    f = g.rs.uniform(0.2, 0.8, g.shape)
    return (d * (k + f)).astype(g.dtype), d.astype(g.dtype)


fmod = T.case(
    'fmod',
    {'dtype': FLOATS, 'shape': SHAPE},
    _fmod_inputs,
    lambda F, p, x, d: F.fmod(x, d))

identity = T.case(
    'identity',
    {'dtype': FLOATS, 'shapes': [((2, 3), (3,))]},
    lambda g: tuple(g.u(s) for s in g.shapes),
    lambda F, p, *xs: F.identity(*xs))

inv = T.case(
    'inv',
    {'dtype': FLOATS, 'shape': [(3, 3)]},
    _well_conditioned,
    lambda F, p, a: F.inv(a))

linear_interpolate = T.case(
    'linear_interpolate',
    {'dtype': FLOATS, 'shape': SHAPE},
    lambda g: (g.u(low=0.0, high=1.0), g.u(), g.u()),
    lambda F, p, w, x, y: F.linear_interpolate(w, x, y))

logsumexp = T.case(
    'logsumexp',
    [{'dtype': FLOATS, 'shape': SHAPE, 'axis': [None]},
     {'dtype': F64, 'shape': [(2, 3, 2)], 'axis': [(0, -1)]}],
    lambda g: (g.u(low=-2.0, high=2.0),),
    lambda F, p, x: F.logsumexp(x, axis=p.axis))

matmul = T.case(
    'matmul',
    [{'dtype': FLOATS, 'shapes,transa,transb': [
        (((2, 3), (3, 4)), False, False)]},
     {'dtype': F64, 'shapes,transa,transb': [
         (((2, 1, 2, 3), (3, 3, 2)), False, False),
         (((2, 3, 2), (2, 4, 3)), True, True)]}],
    lambda g: tuple(g.u(s) for s in g.shapes),
    lambda F, p, a, b: F.matmul(a, b, transa=p.transa, transb=p.transb))

max = T.case(
    'max',
    [{'dtype': FLOATS, 'shape': SHAPE, 'axis,keepdims': [(None, False)]},
     {'dtype': F64, 'shape': SHAPE, 'axis,keepdims': [(1, False),
                                                     ((0, 1), True)]}],
    lambda g: (g.distinct(),),
    lambda F, p, x: F.max(x, axis=p.axis, keepdims=p.keepdims))

maximum = T.case(
    'maximum',
    {'dtype': FLOATS, 'shape': SHAPE},
    _apart,
    lambda F, p, x1, x2: F.maximum(x1, x2))

mean = T.case(
    'mean',
    [{'dtype': FLOATS, 'shape': SHAPE, 'axis,keepdims': [(None, False)]},
     {'dtype': F64, 'shape': [(2, 3, 2)], 'axis,keepdims': [((0, 2), True)]}],
    lambda g: (g.u(),),
    lambda F, p, x: F.mean(x, axis=p.axis, keepdims=p.keepdims))

min = T.case(
    'min',
    [{'dtype': FLOATS, 'shape': SHAPE, 'axis,keepdims': [(None, False)]},
     {'dtype': F64, 'shape': SHAPE, 'axis,keepdims': [(0, True)]}],
    lambda g: (g.distinct(),),
    lambda F, p, x: F.min(x, axis=p.axis, keepdims=p.keepdims))

minimum = T.case(
    'minimum',
    {'dtype': FLOATS, 'shape': SHAPE},
    _apart,
    lambda F, p, x1, x2: F.minimum(x1, x2))

# n is an int32 input (no gradient).
polygamma = T.case(
    'polygamma',
    {'dtype': FLOATS, 'shape': SHAPE},
    lambda g: (g.ints(0, 3, g.shape), g.u(low=0.5, high=3.0)),
    lambda F, p, n, x: F.polygamma(n, x))

prod = T.case(
    'prod',
    [{'dtype': FLOATS, 'shape': SHAPE, 'axis,keepdims': [(None, False)]},
     {'dtype': F64, 'shape': [(2, 3, 2)], 'axis,keepdims': [((0, 2), False),
                                                           (1, True)]}],
    _away_from_zero,
    lambda F, p, x: F.prod(x, axis=p.axis, keepdims=p.keepdims))

scale = T.case(
    'scale',
    [{'dtype': FLOATS, 'shapes,axis': [(((2, 3, 2), (3,)), 1)]},
     {'dtype': F64, 'shapes,axis': [(((2, 3, 2), (3, 2)), 1),
                                    (((2, 3, 2), (2,)), 2)]}],
    lambda g: tuple(g.u(s) for s in g.shapes),
    lambda F, p, x, y: F.scale(x, y, axis=p.axis))

_SPARSE_A = numpy.array([[0.0, 1.5, 0.0], [-2.0, 0.0, 0.5]])


def _sparse_matmul(F, p, b):
    # a is a constant COO matrix (chainer.utils.to_coo).
    a = _SPARSE_A.T if p.transa else _SPARSE_A
    a = _framework(F).utils.to_coo(numpy.ascontiguousarray(a).astype(p.dtype))
    return F.sparse_matmul(a, b, transa=p.transa, transb=p.transb)


# Chainer multiplies with scipy.sparse on CPU: no float16.
sparse_matmul = T.case(
    'sparse_matmul',
    [{'dtype': NO_F16, 'shape,transa,transb': [((3, 2), False, False)]},
     {'dtype': F64, 'shape,transa,transb': [((3, 2), True, False),
                                            ((2, 3), False, True)]}],
    lambda g: (g.u(),),
    _sparse_matmul)

sum = T.case(
    'sum',
    [{'dtype': FLOATS, 'shape': [(2, 3, 2)], 'axis,keepdims': [(None, False)]},
     {'dtype': F64, 'shape': [(2, 3, 2)], 'axis,keepdims': [((-1, 0), False),
                                                           (1, True)]}],
    lambda g: (g.u(),),
    lambda F, p, x: F.sum(x, axis=p.axis, keepdims=p.keepdims))

sum_to = T.case(
    'sum_to',
    [{'dtype': FLOATS, 'shape,out_shape': [((2, 3), (3,))]},
     {'dtype': F64, 'shape,out_shape': [((2, 2, 3, 2), (1, 3, 1))]}],
    lambda g: (g.u(),),
    lambda F, p, x: F.sum_to(x, p.out_shape))

tensordot = T.case(
    'tensordot',
    [{'dtype': FLOATS, 'shapes,axes': [(((2, 3, 2), (3, 2, 2)), 2)]},
     {'dtype': F64, 'shapes,axes': [(((2, 3, 2), (2, 2, 3)),
                                     ((0, 2), (1, 0))),
                                    (((2,), (3,)), 0)]}],
    lambda g: tuple(g.u(s) for s in g.shapes),
    lambda F, p, a, b: F.tensordot(a, b, p.axes))

_ZETA_X = numpy.array([[2.0, 3.0, 1.5], [4.0, 2.5, 6.0]])

# zeta(x, q) is differentiated in q; x is a constant array.
zeta = T.case(
    'zeta',
    {'dtype': FLOATS, 'shape': SHAPE},
    lambda g: (g.u(low=0.5, high=3.0),),
    lambda F, p, q: F.zeta(_ZETA_X.astype(p.dtype), q))
