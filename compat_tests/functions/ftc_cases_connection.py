"""FunctionTestCase cases of ``chainer.functions.connection``.

Every function runs in float16, float32 and float64 (``bilinear`` in
float32 only: Chainer supports no other dtype) on tiny shapes; options
(stride, pad, cover_all, dilate, groups, outsize) run in float64. ``x``,
``W`` and ``b`` are the inputs; ``shapes`` lists their shapes (a missing
``b`` means no bias).
"""
import numpy

from compat_tests.functions.ftc_cases import FLOATS, Table

T = Table('connection')
F64 = [numpy.float64]


def _arrays(g):
    return tuple(g.u(s) for s in g.shapes)


def _opts(p):
    return dict(p.opts)


bilinear = T.case(
    'bilinear',
    {'dtype': [numpy.float32], 'shapes': [
        ((2, 3), (2, 2), (3, 2, 4), (3, 4), (2, 4), (4,)),
        ((2, 3), (2, 2), (3, 2, 4))]},
    _arrays,
    lambda F, p, *xs: F.bilinear(*xs))


def _conv(name):
    return lambda F, p, *xs: getattr(F, name)(*xs, **_opts(p))


convolution_2d = T.case(
    'convolution_2d',
    [{'dtype': FLOATS, 'shapes': [((2, 2, 3, 3), (3, 2, 2, 2), (3,))],
      'opts': [()]},
     {'dtype': F64, 'shapes,opts': [
         (((1, 2, 4, 5), (2, 2, 3, 2), (2,)),
          (('stride', 2), ('pad', 1), ('cover_all', True))),
         (((1, 4, 5, 5), (4, 2, 2, 2)), (('dilate', 2), ('groups', 2)))]}],
    _arrays,
    _conv('convolution_2d'))

convolution_1d = T.case(
    'convolution_1d',
    [{'dtype': FLOATS, 'shapes': [((2, 2, 4), (3, 2, 2), (3,))],
      'opts': [()]},
     {'dtype': F64, 'shapes,opts': [
         (((1, 2, 6), (2, 1, 2), (2,)),
          (('stride', 2), ('pad', 1), ('dilate', 2), ('groups', 2)))]}],
    _arrays,
    _conv('convolution_1d'))

convolution_3d = T.case(
    'convolution_3d',
    [{'dtype': FLOATS, 'shapes': [((1, 2, 3, 2, 3), (2, 2, 2, 1, 2), (2,))],
      'opts': [()]},
     {'dtype': F64, 'shapes,opts': [
         (((1, 1, 3, 3, 2), (1, 1, 2, 2, 1)),
          (('stride', 2), ('cover_all', True)))]}],
    _arrays,
    _conv('convolution_3d'))

convolution_nd = T.case(
    'convolution_nd',
    [{'dtype': FLOATS, 'shapes': [((1, 2, 3, 3), (2, 2, 2, 2), (2,))],
      'opts': [()]},
     {'dtype': F64, 'shapes,opts': [
         (((2, 1, 4), (2, 1, 3)),
          (('stride', 2), ('pad', 1), ('cover_all', True)))]}],
    _arrays,
    _conv('convolution_nd'))

deconvolution_2d = T.case(
    'deconvolution_2d',
    [{'dtype': FLOATS, 'shapes': [((2, 3, 2, 2), (3, 2, 2, 2), (2,))],
      'opts': [()]},
     {'dtype': F64, 'shapes,opts': [
         (((1, 2, 3, 3), (2, 1, 2, 3), (1,)),
          (('stride', 2), ('pad', 1), ('outsize', (5, 5)))),
         (((1, 4, 2, 2), (4, 1, 2, 2)), (('dilate', 2), ('groups', 2)))]}],
    _arrays,
    _conv('deconvolution_2d'))

deconvolution_1d = T.case(
    'deconvolution_1d',
    [{'dtype': FLOATS, 'shapes': [((2, 3, 3), (3, 2, 2), (2,))],
      'opts': [()]},
     {'dtype': F64, 'shapes,opts': [
         (((1, 2, 3), (2, 1, 3), (2,)),
          (('stride', 2), ('pad', 1), ('outsize', (6,)), ('groups', 2)))]}],
    _arrays,
    _conv('deconvolution_1d'))

deconvolution_3d = T.case(
    'deconvolution_3d',
    {'dtype': FLOATS, 'shapes': [((1, 2, 2, 1, 2), (2, 1, 2, 2, 1), (1,))],
     'opts': [()]},
    _arrays,
    _conv('deconvolution_3d'))

deconvolution_nd = T.case(
    'deconvolution_nd',
    [{'dtype': FLOATS, 'shapes': [((1, 2, 2, 2), (2, 2, 2, 2), (2,))],
      'opts': [()]},
     {'dtype': F64, 'shapes,opts': [
         (((1, 2, 3), (2, 1, 2)), (('stride', 2), ('dilate', 2)))]}],
    _arrays,
    _conv('deconvolution_nd'))


def _deformable_inputs(g):
    # Offsets stay 0.1 away from integers: the bilinear sampling has kinks
    # where a sampling point crosses a pixel.
    x, W = g.u(g.shapes[0]), g.u(g.shapes[2])
    offset = g.u(g.shapes[1], -1.3, 1.3, avoid=(-1.0, 0.0, 1.0))
    extra = tuple(g.u(s) for s in g.shapes[3:])
    return (x, offset, W) + extra


deformable_convolution_2d_sampler = T.case(
    'deformable_convolution_2d_sampler',
    {'dtype': FLOATS, 'shapes': [
        ((1, 2, 4, 4), (1, 8, 3, 3), (2, 2, 2, 2), (2,))], 'opts': [()]},
    _deformable_inputs,
    _conv('deformable_convolution_2d_sampler'))

depthwise_convolution_2d = T.case(
    'depthwise_convolution_2d',
    [{'dtype': FLOATS, 'shapes': [((2, 2, 3, 3), (2, 2, 2, 2), (4,))],
      'opts': [()]},
     {'dtype': F64, 'shapes,opts': [
         (((1, 3, 3, 4), (1, 3, 2, 2)), (('stride', 2), ('pad', 1)))]}],
    _arrays,
    _conv('depthwise_convolution_2d'))

dilated_convolution_2d = T.case(
    'dilated_convolution_2d',
    [{'dtype': FLOATS, 'shapes': [((1, 2, 5, 5), (2, 2, 2, 2), (2,))],
      'opts': [(('dilate', 2),)]},
     {'dtype': F64, 'shapes,opts': [
         (((1, 1, 5, 4), (2, 1, 2, 2)),
          (('stride', 2), ('pad', 1), ('dilate', (2, 1)),
           ('cover_all', True)))]}],
    _arrays,
    _conv('dilated_convolution_2d'))

# The ids are an int32 input (no gradient).
embed_id = T.case(
    'embed_id',
    [{'dtype': FLOATS, 'shape': [(2, 3)], 'ignore_label': [None]},
     {'dtype': F64, 'shape': [(4,)], 'ignore_label': [-1]}],
    lambda g: (g.ints(-1 if g.ignore_label is not None else 0, 3, g.shape),
               g.u((3, 4))),
    lambda F, p, x, W: F.embed_id(x, W, ignore_label=p.ignore_label))

linear = T.case(
    'linear',
    [{'dtype': FLOATS, 'shapes': [((2, 3), (4, 3), (4,))],
      'n_batch_axes': [1]},
     {'dtype': F64, 'shapes': [((2, 2, 3), (4, 3))], 'n_batch_axes': [2]}],
    _arrays,
    lambda F, p, *xs: F.linear(*xs, n_batch_axes=p.n_batch_axes))

local_convolution_2d = T.case(
    'local_convolution_2d',
    [{'dtype': FLOATS, 'shapes': [
        ((2, 2, 3, 3), (3, 2, 2, 2, 2, 2), (3, 2, 2))], 'opts': [()]},
     {'dtype': F64, 'shapes,opts': [
         (((1, 1, 4, 5), (2, 2, 2, 1, 2, 2)), (('stride', 2),))]}],
    _arrays,
    _conv('local_convolution_2d'))

shift = T.case(
    'shift',
    [{'dtype': FLOATS, 'shape': [(1, 9, 3, 3)], 'ksize,dilate': [(3, 1)]},
     {'dtype': F64, 'shape': [(1, 10, 4, 4)], 'ksize,dilate': [(3, 2)]}],
    lambda g: (g.u(),),
    lambda F, p, x: F.shift(x, ksize=p.ksize, dilate=p.dilate))
