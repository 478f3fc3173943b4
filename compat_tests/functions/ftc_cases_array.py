"""FunctionTestCase cases of ``chainer.functions.array``.

Every function runs in float16, float32 and float64 (``resize_images`` in
float32 only: Chainer supports no other dtype) on a small representative
shape; a second parameter set in float64 covers another option where the
function has one worth it. Index arrays (``permutate``, ``select_item``,
``get_item``, ``where``'s condition) are fixed by the parameters, not
inputs, except where Chainer takes them as a Variable.
"""
import numpy

from compat_tests.functions.ftc_cases import FLOATS, Table

T = Table('array')
F64 = [numpy.float64]


def _one(g):
    return (g.u(),)


def _several(n):
    return lambda g: tuple(g.u(s) for s in g.shapes[:n])


as_strided = T.case(
    'as_strided',
    [{'dtype': FLOATS, 'shape': [(4,)], 'view': [((3, 2), (1, 1), 0)]},
     {'dtype': F64, 'shape': [(3, 3)], 'view': [((2, 2), (3, 1), 2)]}],
    _one,
    lambda F, p, x: F.as_strided(x, *p.view))

broadcast = T.case(
    'broadcast',
    {'dtype': FLOATS, 'shapes': [((2, 1), (1, 3), (3,))]},
    _several(3),
    lambda F, p, a, b, c: F.broadcast(a, b, c))

broadcast_to = T.case(
    'broadcast_to',
    [{'dtype': FLOATS, 'shape,out_shape': [((3, 1), (2, 3, 4))]},
     {'dtype': F64, 'shape,out_shape': [((), (2, 3))]}],
    _one,
    lambda F, p, x: F.broadcast_to(x, p.out_shape))

cast = T.case(
    'cast',
    [{'dtype': FLOATS, 'shape': [(3, 4)], 'to': [numpy.float32]},
     {'dtype': [numpy.float32], 'shape': [(3, 4)],
      'to': [numpy.float16, numpy.float64]}],
    _one,
    lambda F, p, x: F.cast(x, p.to))

concat = T.case(
    'concat',
    [{'dtype': FLOATS, 'shapes,axis': [(((2, 1, 3), (2, 4, 3)), 1)]},
     {'dtype': F64, 'shapes,axis': [(((2, 3), (1, 3), (3, 3)), 0)]}],
    lambda g: tuple(g.u(s) for s in g.shapes),
    lambda F, p, *xs: F.concat(xs, axis=p.axis))

copy = T.case(
    'copy',
    {'dtype': FLOATS, 'shape': [(3, 4)]},
    _one,
    lambda F, p, x: F.copy(x, -1))

depth2space = T.case(
    'depth2space',
    {'dtype': FLOATS, 'shape,r': [((1, 8, 2, 3), 2)]},
    _one,
    lambda F, p, x: F.depth2space(x, p.r))

diagonal = T.case(
    'diagonal',
    [{'dtype': FLOATS, 'shape,args': [((3, 4), (0, 0, 1))]},
     {'dtype': F64, 'shape,args': [((3, 2, 4), (-1, 2, 0))]}],
    _one,
    lambda F, p, x: F.diagonal(x, *p.args))

dstack = T.case(
    'dstack',
    [{'dtype': FLOATS, 'shapes': [((2, 3), (2, 3))]},
     {'dtype': F64, 'shapes': [((2, 1, 2), (2, 1, 3))]}],
    _several(2),
    lambda F, p, a, b: F.dstack([a, b]))

expand_dims = T.case(
    'expand_dims',
    [{'dtype': FLOATS, 'shape': [(2, 3)], 'axis': [1]},
     {'dtype': F64, 'shape': [(2, 3)], 'axis': [-1]}],
    _one,
    lambda F, p, x: F.expand_dims(x, p.axis))

flatten = T.case(
    'flatten',
    {'dtype': FLOATS, 'shape': [(2, 3, 2)]},
    _one,
    lambda F, p, x: F.flatten(x))

flip = T.case(
    'flip',
    [{'dtype': FLOATS, 'shape': [(2, 3)], 'axis': [1]},
     {'dtype': F64, 'shape': [(2, 2, 3)], 'axis': [-1]}],
    _one,
    lambda F, p, x: F.flip(x, p.axis))

fliplr = T.case(
    'fliplr',
    {'dtype': FLOATS, 'shape': [(2, 3)]},
    _one,
    lambda F, p, x: F.fliplr(x))

flipud = T.case(
    'flipud',
    {'dtype': FLOATS, 'shape': [(3, 2)]},
    _one,
    lambda F, p, x: F.flipud(x))

# The index of each parameter set (by name, so that the key stays short).
_ITEMS = {
    'slices': (slice(None, None, 2), slice(1, 3)),
    'int_array': (slice(None), numpy.array([1, 1, 3])),
    'bool_mask': numpy.array([True, False, True]),
    'ellipsis_none': (Ellipsis, None, 1),
}

get_item = T.case(
    'get_item',
    [{'dtype': FLOATS, 'shape': [(3, 4)], 'index': ['slices']},
     {'dtype': F64, 'shape': [(3, 4)],
      'index': ['int_array', 'bool_mask', 'ellipsis_none']}],
    _one,
    lambda F, p, x: F.get_item(x, _ITEMS[p.index]))

hstack = T.case(
    'hstack',
    [{'dtype': FLOATS, 'shapes': [((2, 1), (2, 3))]},
     {'dtype': F64, 'shapes': [((2,), (3,))]}],
    _several(2),
    lambda F, p, a, b: F.hstack([a, b]))

im2col = T.case(
    'im2col',
    [{'dtype': FLOATS, 'shape': [(1, 2, 3, 3)], 'opts': [(2, 1, 0, False, 1)]},
     {'dtype': F64, 'shape': [(1, 1, 5, 5)], 'opts': [(2, 2, 1, True, 1),
                                                      (2, 1, 0, False, 2)]}],
    _one,
    lambda F, p, x: F.im2col(x, *p.opts))

moveaxis = T.case(
    'moveaxis',
    [{'dtype': FLOATS, 'shape': [(2, 3, 4)], 'axes': [(0, -1)]},
     {'dtype': F64, 'shape': [(2, 3, 4)], 'axes': [((0, 2), (1, 0))]}],
    _one,
    lambda F, p, x: F.moveaxis(x, *p.axes))

_PADS = {
    'constant': (((1, 0), (0, 2)), 'constant', {}),
    'constant_values': (1, 'constant', {'constant_values': 1.5}),
    'reflect': (((0, 0), (2, 1)), 'reflect', {}),
    'edge': ((1, 2), 'edge', {}),
}

pad = T.case(
    'pad',
    [{'dtype': FLOATS, 'shape': [(2, 3)], 'mode': ['constant']},
     {'dtype': F64, 'shape': [(2, 3)],
      'mode': ['constant_values', 'reflect', 'edge']}],
    _one,
    lambda F, p, x: F.pad(x, _PADS[p.mode][0], _PADS[p.mode][1],
                          **_PADS[p.mode][2]))

pad_sequence = T.case(
    'pad_sequence',
    [{'dtype': FLOATS, 'shapes': [((2, 2), (3, 2), (1, 2))],
      'length,padding': [(None, 0)]},
     {'dtype': F64, 'shapes': [((2,), (3,), (1,))],
      'length,padding': [(4, -1.0)]}],
    _several(3),
    lambda F, p, *xs: F.pad_sequence(xs, length=p.length, padding=p.padding))

permutate = T.case(
    'permutate',
    [{'dtype': FLOATS, 'shape': [(3, 2)], 'indices,axis,inv': [
        ((2, 0, 1), 0, False)]},
     {'dtype': F64, 'shape': [(2, 4)], 'indices,axis,inv': [
         ((1, 3, 0, 2), 1, True)]}],
    _one,
    lambda F, p, x: F.permutate(x, numpy.array(p.indices, numpy.int32),
                                axis=p.axis, inv=p.inv))

repeat = T.case(
    'repeat',
    [{'dtype': FLOATS, 'shape': [(2, 3)], 'repeats,axis': [(2, 0)]},
     {'dtype': F64, 'shape': [(2, 3)], 'repeats,axis': [((1, 0, 3), 1),
                                                        (2, None)]}],
    _one,
    lambda F, p, x: F.repeat(x, p.repeats, axis=p.axis))

reshape = T.case(
    'reshape',
    {'dtype': FLOATS, 'shape,out_shape': [((2, 3, 4), (4, -1))]},
    _one,
    lambda F, p, x: F.reshape(x, p.out_shape))

# Chainer's resize_images supports float32 only.
resize_images = T.case(
    'resize_images',
    [{'dtype': [numpy.float32], 'shape,out_shape': [
        ((1, 2, 2, 3), (4, 5)), ((2, 1, 4, 5), (3, 2))],
      'mode,align_corners': [('bilinear', True)]},
     {'dtype': [numpy.float32], 'shape,out_shape': [((1, 2, 2, 3), (4, 5))],
      'mode,align_corners': [('bilinear', False), ('nearest', True)]}],
    _one,
    lambda F, p, x: F.resize_images(x, p.out_shape, mode=p.mode,
                                    align_corners=p.align_corners))

rollaxis = T.case(
    'rollaxis',
    [{'dtype': FLOATS, 'shape': [(2, 3, 4)], 'axis,start': [(2, 0)]},
     {'dtype': F64, 'shape': [(2, 3, 4)], 'axis,start': [(-1, 1)]}],
    _one,
    lambda F, p, x: F.rollaxis(x, p.axis, p.start))

_SCATTER = {
    'int_array_dup': (numpy.array([0, 2, 0]),),
    'slices': (slice(None), slice(1, 3)),
}

scatter_add = T.case(
    'scatter_add',
    [{'dtype': FLOATS, 'shapes,slices': [(((3, 2), (3, 2)), 'int_array_dup')]},
     {'dtype': F64, 'shapes,slices': [(((2, 4), (2, 2)), 'slices')]}],
    _several(2),
    lambda F, p, a, b: F.scatter_add(a, _SCATTER[p.slices], b))

# t is an int32 input (no gradient).
select_item = T.case(
    'select_item',
    {'dtype': FLOATS, 'shape': [(4, 3)]},
    lambda g: (g.u(), g.ints(0, 3, (4,))),
    lambda F, p, x, t: F.select_item(x, t))

separate = T.case(
    'separate',
    [{'dtype': FLOATS, 'shape': [(2, 3)], 'axis': [0]},
     {'dtype': F64, 'shape': [(2, 2, 3)], 'axis': [-1]}],
    _one,
    lambda F, p, x: F.separate(x, p.axis))

space2depth = T.case(
    'space2depth',
    {'dtype': FLOATS, 'shape,r': [((1, 2, 4, 2), 2)]},
    _one,
    lambda F, p, x: F.space2depth(x, p.r))


def _theta(g):
    base = numpy.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    return (base + g.rs.uniform(-0.3, 0.3, (2, 2, 3))).astype(g.dtype)


spatial_transformer_grid = T.case(
    'spatial_transformer_grid',
    {'dtype': FLOATS, 'output_shape': [(2, 3)]},
    lambda g: (_theta(g),),
    lambda F, p, theta: F.spatial_transformer_grid(theta, p.output_shape))

def _sampling_grid(g):
    # Sampling points (in pixels) closer than 0.15 to a pixel centre, a kink
    # of the bilinear interpolation, are moved 0.3 away from it.
    n, _, h, w = g.shape
    pts = g.rs.uniform(-1.1, 1.1, (n, 2, 2, 3))
    size = numpy.array([w, h]).reshape(1, 2, 1, 1)
    pix = (pts + 1) * (size - 1) / 2.
    frac = pix - numpy.round(pix)
    pix = numpy.where(numpy.abs(frac) < 0.15,
                      numpy.round(pix) + numpy.where(frac >= 0, 0.3, -0.3),
                      pix)
    return (pix * 2. / (size - 1) - 1).astype(g.dtype)


spatial_transformer_sampler = T.case(
    'spatial_transformer_sampler',
    {'dtype': FLOATS, 'shape': [(2, 2, 3, 4)]},
    lambda g: (g.u(), _sampling_grid(g)),
    lambda F, p, x, grid: F.spatial_transformer_sampler(x, grid))


split_axis = T.case(
    'split_axis',
    [{'dtype': FLOATS, 'shape': [(2, 6)], 'sections,axis': [(3, 1)]},
     {'dtype': F64, 'shape': [(2, 6)], 'sections,axis': [((1, 4), 1),
                                                         ((2, 2, 6), -1)]}],
    _one,
    lambda F, p, x: F.split_axis(x, p.sections, p.axis))

squeeze = T.case(
    'squeeze',
    [{'dtype': FLOATS, 'shape': [(1, 3, 1)], 'axis': [None]},
     {'dtype': F64, 'shape': [(1, 3, 1)], 'axis': [(0, -1)]}],
    _one,
    lambda F, p, x: F.squeeze(x, p.axis))

stack = T.case(
    'stack',
    [{'dtype': FLOATS, 'shapes': [((2, 3), (2, 3))], 'axis': [0]},
     {'dtype': F64, 'shapes': [((2, 3), (2, 3), (2, 3))], 'axis': [2]}],
    lambda g: tuple(g.u(s) for s in g.shapes),
    lambda F, p, *xs: F.stack(xs, p.axis))

swapaxes = T.case(
    'swapaxes',
    {'dtype': FLOATS, 'shape': [(2, 3, 4)], 'axes': [(0, 2)]},
    _one,
    lambda F, p, x: F.swapaxes(x, *p.axes))

tile = T.case(
    'tile',
    [{'dtype': FLOATS, 'shape': [(2, 3)], 'reps': [(2, 1)]},
     {'dtype': F64, 'shape': [(2,)], 'reps': [3, (2, 1, 2)]}],
    _one,
    lambda F, p, x: F.tile(x, p.reps))

transpose = T.case(
    'transpose',
    [{'dtype': FLOATS, 'shape': [(2, 3)], 'axes': [None]},
     {'dtype': F64, 'shape': [(2, 3, 4)], 'axes': [(1, 2, 0)]}],
    _one,
    lambda F, p, x: F.transpose(x, p.axes))

transpose_sequence = T.case(
    'transpose_sequence',
    {'dtype': FLOATS, 'shapes': [((3, 2), (2, 2), (1, 2))]},
    _several(3),
    lambda F, p, *xs: F.transpose_sequence(xs))

vstack = T.case(
    'vstack',
    [{'dtype': FLOATS, 'shapes': [((1, 3), (2, 3))]},
     {'dtype': F64, 'shapes': [((3,), (3,))]}],
    _several(2),
    lambda F, p, a, b: F.vstack([a, b]))

# The condition is a bool input (no gradient).
where = T.case(
    'where',
    {'dtype': FLOATS, 'shape': [(2, 3)]},
    lambda g: (g.rs.uniform(size=g.shape) > 0.5, g.u(), g.u()),
    lambda F, p, c, x, y: F.where(c, x, y))
