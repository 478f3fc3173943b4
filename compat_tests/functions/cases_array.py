"""``chainer.functions.array``: values, dtypes, gradients and errors against
Chainer 7.8.1.

Every function runs in float16, float32 and float64; each option set runs
in one dtype in turn (``sweep``). ``reshape``, ``transpose``, ``get_item``,
``concat`` and ``broadcast_to`` are also covered in ``cases/functions_basic``;
here they get the options that file does not test.
"""
from compat_tests.functions._common import arr, check, err, forward, \
    sweep, values


def _i(np, *values):
    return np.array(values, np.int32)


def case_as_strided(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('overlap', lambda x: F.as_strided(x, (3, 2), (1, 1), 0), [(4,)]),
        ('offset', lambda x: F.as_strided(x, (2, 2), (3, 1), 2), [(3, 3)]),
        ('zero_stride', lambda x: F.as_strided(x, (2, 3), (0, 1)), [(6,)])],
        1)
    return out


def case_broadcast(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('three', lambda a, b, c: F.broadcast(a, b, c),
         [(2, 1), (1, 3), (3,)]),
        ('one', lambda a: F.broadcast(a), [(2, 3)]),
        ('to_same', lambda a: F.broadcast_to(a, (2, 3)), [(2, 3)])], 4)
    x = np.zeros((2, 3), np.float32)
    out['err_shape'] = err(F.broadcast, x, np.zeros((4,), np.float32))
    out['err_to_shape'] = err(F.broadcast_to, x, (3, 3))
    out['err_to_ndim'] = err(F.broadcast_to, x, (3,))
    return out


def case_cast(chainer, F, np):
    out = {}
    for src, dst in (('float32', 'float16'), ('float64', 'float32'),
                     ('float16', 'float64')):
        check(chainer, np, out, '{}_to'.format(dst),
              lambda x: F.cast(x, dst), [(2, 3)], 7, dtypes=(src,))
    x = chainer.Variable(np.ones((2,), np.float32))
    out['same_is_input'] = F.cast(x, np.float32) is x
    out['same_type'] = type(F.cast(x, np.float32)).__name__
    check(chainer, np, out, 'to_int', lambda x: F.cast(x, np.int32),
          [np.array([-1.7, 0.2, 2.9])], 8, dtypes=('float64',))
    y = F.cast(np.arange(3, dtype=np.int32), 'float32')
    out['from_int'] = arr(np, y)
    out['from_int_requires_grad'] = y.requires_grad
    return out


def case_concat(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('neg_axis', lambda a, b: F.concat([a, b], axis=-2),
         [(2, 1, 2), (2, 3, 2)]),
        ('one', lambda a: F.concat([a], axis=0), [(2, 3)])], 9)
    x = np.zeros((2, 3), np.float32)
    out['err_shape'] = err(F.concat, (x, np.zeros((3, 3), np.float32)))
    out['err_dtype'] = err(F.concat, (x, np.zeros((2, 3), np.float64)))
    out['err_axis'] = err(F.concat, (x, x), 2)
    return out


def case_copy(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('cpu', lambda x: F.copy(x, -1), [(2, 3)]),
        ('numpy', lambda x: F.copy(x, '@numpy'), [(2, 3)])], 11)
    x = chainer.Variable(np.ones((2,), np.float32))
    y = F.copy(x, -1)
    out['not_same'] = y is not x and y.array is not x.array
    out['array_type'] = type(y.array).__name__
    return out


def case_depth2space(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('r2', lambda x: F.depth2space(x, 2), [(1, 8, 2, 3)]),
        ('r3', lambda x: F.depth2space(x, 3), [(2, 9, 1, 2)])], 13)
    x = np.zeros((1, 6, 2, 2), np.float32)
    out['err_channels'] = err(F.depth2space, x, 2)
    out['err_ndim'] = err(F.depth2space, np.zeros((4, 2, 2), np.float32), 2)
    return out


def case_diagonal(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('default', F.diagonal, [(3, 4)]),
        ('offset', lambda x: F.diagonal(x, 1), [(3, 4)]),
        ('neg_offset_axes', lambda x: F.diagonal(x, -1, 2, 0),
         [(3, 2, 4)])], 15)
    return out


def case_dstack(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('two_d', lambda a, b: F.dstack([a, b]), [(2, 3), (2, 3)]),
        ('one_d', lambda a, b: F.dstack([a, b]), [(3,), (3,)]),
        ('three_d', lambda a, b: F.dstack((a, b)), [(2, 1, 2), (2, 1, 3)])],
        18)
    out['err_shape'] = err(F.dstack, [np.zeros((2, 3), np.float32),
                                      np.zeros((3, 3), np.float32)])
    return out


def case_expand_dims(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('axis1', lambda x: F.expand_dims(x, 1), [(2, 3)]),
        ('neg', lambda x: F.expand_dims(x, -1), [(2, 3)])], 21)
    out['err_axis'] = err(F.expand_dims, np.zeros((2, 3), np.float32), 4)
    return out


def case_flatten(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('three_d', F.flatten, [(2, 3, 2)]),
        ('scalar', F.flatten, [()])], 24)
    return out


def case_flip(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('axis1', lambda x: F.flip(x, 1), [(2, 3)]),
        ('neg', lambda x: F.flip(x, -1), [(2, 2, 3)])], 26)
    out['err_axis'] = err(F.flip, np.zeros((2, 3), np.float32), 2)
    out['err_axis_type'] = err(F.flip, np.zeros((2, 3), np.float32), 1.0)
    return out


def case_fliplr(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('two_d', F.fliplr, [(2, 3)]),
        ('three_d', F.fliplr, [(2, 3, 2)])], 28)
    out['err_ndim'] = err(F.fliplr, np.zeros((3,), np.float32))
    return out


def case_flipud(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('two_d', F.flipud, [(3, 2)]),
        ('one_d', F.flipud, [(3,)])], 30)
    out['err_ndim'] = err(F.flipud, np.zeros((), np.float32))
    return out


def case_get_item(chainer, F, np):
    out = {}
    runs = []
    for tag, index in (
            ('bool_mask', np.array([True, False, True])),
            ('list', [2, 0, 0]),
            ('dup_array', (slice(None), np.array([1, 1, 3]))),
            ('ellipsis', (Ellipsis, 1)),
            ('step', (slice(None, None, 2), slice(1, 3)))):
        runs.append((tag, lambda x, index=index: F.get_item(x, index),
                     [(3, 4)]))
    sweep(chainer, np, out, runs, 32)
    x = np.zeros((3, 4), np.float32)
    out['err_two_ellipsis'] = err(F.get_item, x, (Ellipsis, Ellipsis))
    out['err_out_of_range'] = err(F.get_item, x, 5)
    return out


def case_hstack(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('two_d', lambda a, b: F.hstack([a, b]), [(2, 1), (2, 3)]),
        ('one_d', lambda a, b: F.hstack([a, b]), [(2,), (3,)]),
        ('zero_d', lambda a, b: F.hstack([a, b]), [(), ()])], 38)
    out['err_shape'] = err(F.hstack, [np.zeros((2, 3), np.float32),
                                      np.zeros((3, 3), np.float32)])
    return out


def case_im2col(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('k2', lambda x: F.im2col(x, 2), [(1, 2, 3, 3)]),
        ('stride_pad', lambda x: F.im2col(x, (2, 3), stride=2, pad=1),
         [(1, 1, 4, 5)]),
        ('cover_all', lambda x: F.im2col(x, 2, stride=2, cover_all=True),
         [(1, 1, 5, 5)]),
        ('dilate', lambda x: F.im2col(x, 2, dilate=2), [(1, 1, 4, 4)])], 41)
    out['err_ndim'] = err(F.im2col, np.zeros((2, 3, 3), np.float32), 2)
    return out


def case_moveaxis(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('int', lambda x: F.moveaxis(x, 0, -1), [(2, 3, 4)]),
        ('tuple', lambda x: F.moveaxis(x, (0, 2), (1, 0)), [(2, 3, 4)])],
        45)
    x = np.zeros((2, 3), np.float32)
    out['err_axis'] = err(F.moveaxis, x, 2, 0)
    out['err_repeated'] = err(F.moveaxis, x, (0, 0), (0, 1))
    return out


def case_pad(chainer, F, np):
    out = {}
    # Chainer's gradient of a non-constant pad is the slice of gy.
    sweep(chainer, np, out, [
        ('constant', lambda x: F.pad(x, ((1, 0), (0, 2)), 'constant'),
         [(2, 3)]),
        ('constant_values',
         lambda x: F.pad(x, 1, 'constant', constant_values=1.5), [(2, 3)]),
        ('reflect', lambda x: F.pad(x, ((0, 0), (2, 1)), 'reflect'),
         [(2, 3)]),
        ('edge', lambda x: F.pad(x, (1, 2), 'edge'), [(3,)])], 47)
    return out


def case_pad_sequence(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('default', lambda a, b, c: F.pad_sequence([a, b, c]),
         [(2, 2), (3, 2), (1, 2)]),
        ('length_padding',
         lambda a, b: F.pad_sequence((a, b), length=4, padding=-1),
         [(2,), (3,)])], 51)
    x = np.zeros((3,), np.float32)
    out['err_short'] = err(F.pad_sequence, [x], 2)
    return out


def case_permutate(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('axis0', lambda x: F.permutate(x, _i(np, 2, 0, 1)), [(3, 2)]),
        ('axis1_inv',
         lambda x: F.permutate(x, _i(np, 1, 3, 0, 2), axis=1, inv=True),
         [(2, 4)]),
        ('neg_axis', lambda x: F.permutate(x, _i(np, 1, 0), axis=-1),
         [(2, 2)])], 53)
    x = np.zeros((3, 2), np.float32)
    out['err_dup'] = err(F.permutate, x, _i(np, 0, 0, 1))
    out['err_bound'] = err(F.permutate, x, _i(np, 0, 1, 3))
    out['err_bound_inv'] = err(F.permutate, x, _i(np, 0, 1, 3), inv=True)
    out['err_float_idx'] = err(F.permutate, x,
                               np.array([0., 1., 2.], np.float32))
    return out


def case_repeat(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('axis0', lambda x: F.repeat(x, 2, axis=0), [(2, 3)]),
        ('tuple', lambda x: F.repeat(x, (1, 0, 3), 1), [(2, 3)]),
        ('none_axis', lambda x: F.repeat(x, 2), [(2, 2)])], 56)
    x = np.zeros((2, 3), np.float32)
    out['err_neg'] = err(F.repeat, x, -1)
    out['err_type'] = err(F.repeat, x, 1.5)
    out['err_axis_type'] = err(F.repeat, x, 2, 1.0)
    return out


def case_reshape(chainer, F, np):
    out = check(chainer, np, {}, 'same', lambda x: F.reshape(x, (2, 3)),
                [(2, 3)], 59, dtypes=('float32',))
    x = np.zeros((2, 3), np.float32)
    out['err_size'] = err(F.reshape, x, (4, 2))
    out['err_two_minus'] = err(F.reshape, x, (-1, -1))
    return out


def case_resize_images(chainer, F, np):
    out = {}
    # Chainer's resize_images supports float32 only.
    up = [(1, 2, 2, 3)]
    down = [(2, 1, 4, 5)]
    sweep(chainer, np, out, [
        ('up', lambda x: F.resize_images(x, (4, 5)), up),
        ('down', lambda x: F.resize_images(x, (3, 2)), down),
        ('up_no_align',
         lambda x: F.resize_images(x, (4, 5), align_corners=False), up),
        ('down_no_align',
         lambda x: F.resize_images(x, (3, 2), align_corners=False), down),
        ('up_nearest', lambda x: F.resize_images(x, (4, 5), mode='nearest'),
         up),
        ('down_nearest_no_align',
         lambda x: F.resize_images(x, (3, 2), mode='nearest',
                                   align_corners=False), down),
        ('one_pixel', lambda x: F.resize_images(x, (1, 1)),
         [(1, 1, 3, 3)])], 60, dtypes=('float32',))
    x = np.zeros((1, 1, 2, 2), np.float32)
    out['err_mode'] = err(F.resize_images, x, (3, 3), mode='bicubic')
    out['err_float16'] = err(F.resize_images, x.astype(np.float16), (3, 3))
    out['err_float64'] = err(F.resize_images, x.astype(np.float64), (3, 3))
    out['err_ndim'] = err(F.resize_images, np.zeros((2, 2), np.float32),
                          (3, 3))
    return out


def case_rollaxis(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('back', lambda x: F.rollaxis(x, 2), [(2, 3, 4)]),
        ('start', lambda x: F.rollaxis(x, 0, 2), [(2, 3, 4)]),
        ('neg', lambda x: F.rollaxis(x, -1, 1), [(2, 3, 4)])], 65)
    out['err_axis'] = err(F.rollaxis, np.zeros((2, 3), np.float32), 3)
    return out


def case_scatter_add(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('dup', lambda a, b: F.scatter_add(a, (_i(np, 0, 2, 0),), b),
         [(3, 2), (3, 2)]),
        ('slice',
         lambda a, b: F.scatter_add(a, (slice(None), slice(1, 3)), b),
         [(2, 4), (2, 2)]),
        ('int', lambda a, b: F.scatter_add(a, 1, b), [(3, 2), (2,)])], 68)
    x = np.zeros((3, 2), np.float32)
    out['err_bcast'] = err(F.scatter_add, x, 1, np.zeros((1,), np.float32))
    out['err_dtype'] = err(F.scatter_add, x, 1, np.zeros((2,), np.float64))
    return out


def case_select_item(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('int32', lambda x: F.select_item(x, _i(np, 2, 0, 1, 2)), [(4, 3)]),
        ('int64', lambda x: F.select_item(x, np.array([1, 1], np.int64)),
         [(2, 3)])], 71)
    x = np.zeros((4, 3), np.float32)
    out['err_len'] = err(F.select_item, x, _i(np, 0, 1))
    out['err_ndim'] = err(F.select_item, np.zeros((4,), np.float32),
                          _i(np, 0, 1, 0, 1))
    out['err_t_dtype'] = err(F.select_item, x,
                             np.array([0., 1., 0., 1.], np.float32))
    return out


def case_separate(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('axis0', F.separate, [(2, 3)]),
        ('axis1', lambda x: F.separate(x, axis=1), [(2, 3)]),
        ('neg', lambda x: F.separate(x, -1), [(2, 2, 2)])], 73)
    return out


def case_space2depth(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('r2', lambda x: F.space2depth(x, 2), [(1, 2, 4, 2)]),
        ('r3', lambda x: F.space2depth(x, 3), [(2, 1, 3, 6)])], 76)
    out['err_size'] = err(F.space2depth, np.zeros((1, 1, 3, 4), np.float32),
                          2)
    return out


def _theta(np, n):
    rs = np.random.RandomState(78)
    base = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    return (base + rs.uniform(-0.3, 0.3, (n, 2, 3)))


def case_spatial_transformer_grid(chainer, F, np):
    out = check(chainer, np, {}, 'default',
                lambda t: F.spatial_transformer_grid(t, (2, 3)),
                [_theta(np, 2)], 79)
    out['err_theta'] = err(F.spatial_transformer_grid,
                           np.zeros((2, 3, 3), np.float32), (2, 2))
    return out


def _grid(np, n, h, w):
    rs = np.random.RandomState(80)
    return rs.uniform(-1.2, 1.2, (n, 2, h, w))


def case_spatial_transformer_sampler(chainer, F, np):
    out = check(chainer, np, {}, 'default', F.spatial_transformer_sampler,
                [(2, 2, 3, 4), _grid(np, 2, 2, 3)], 81)
    x = np.zeros((2, 2, 3, 4), np.float32)
    out['err_grid'] = err(F.spatial_transformer_sampler, x,
                          np.zeros((2, 3, 2, 2), np.float32))
    out['err_dtype'] = err(F.spatial_transformer_sampler, x,
                           np.zeros((2, 2, 2, 2), np.float64))
    return out


def case_split_axis(chainer, F, np):
    out = {}
    runs = [
        ('sections', lambda x: F.split_axis(x, 3, 1)),
        ('indices', lambda x: F.split_axis(x, [1, 4], 1)),
        ('indices_tuple_axis0', lambda x: F.split_axis(x, (1,), 0)),
        ('neg_axis', lambda x: F.split_axis(x, 2, -1)),
        ('empty_piece', lambda x: F.split_axis(x, [2, 2, 6], 1)),
        ('numpy_indices', lambda x: F.split_axis(x, np.array([2, 3]), 1)),
        ('one_section', lambda x: F.split_axis(x, 1, 1)),
        ('not_tuple', lambda x: F.split_axis(x, 1, 1, force_tuple=False)),
        ('not_tuple_two',
         lambda x: F.split_axis(x, 2, 1, force_tuple=False))]
    sweep(chainer, np, out, [(t, f, [(2, 6)]) for t, f in runs], 83)
    # not sorted: numpy.split's (overlapping) pieces; Chainer checks in
    # debug mode only, and its backward fails: forward only
    values(chainer, np, out, 'unsorted',
           lambda x: F.split_axis(x, [3, 1], 1), [(2, 6)], 93,
           dtypes=('float32',))
    x = np.zeros((2, 6), np.float32)
    out['err_not_divisible'] = err(F.split_axis, x, 4, 1)
    out['err_beyond'] = err(F.split_axis, x, [3, 9], 1)
    out['err_float'] = err(F.split_axis, x, 2.0, 1)
    out['err_axis'] = err(F.split_axis, x, 2, 2)
    with chainer.using_config('debug', True):
        out['err_unsorted_debug'] = err(F.split_axis, x, [3, 1], 1)
    return out


def case_squeeze(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('all', F.squeeze, [(1, 3, 1)]),
        ('axis', lambda x: F.squeeze(x, 2), [(1, 3, 1)]),
        ('axes', lambda x: F.squeeze(x, (0, -1)), [(1, 3, 1)])], 94)
    x = np.zeros((1, 3, 1), np.float32)
    out['err_not_one'] = err(F.squeeze, x, 1)
    out['err_type'] = err(F.squeeze, x, 1.0)
    out['err_range'] = err(F.squeeze, x, 3)
    return out


def case_stack(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('axis0', lambda a, b: F.stack([a, b]), [(2, 3), (2, 3)]),
        ('axis_end', lambda a, b, c: F.stack((a, b, c), axis=2),
         [(2, 3), (2, 3), (2, 3)]),
        ('neg', lambda a, b: F.stack([a, b], -1), [(3,), (3,)])], 97)
    x = np.zeros((2, 3), np.float32)
    out['err_shape'] = err(F.stack, [x, np.zeros((3, 2), np.float32)])
    out['err_axis'] = err(F.stack, [x, x], 3)
    return out


def case_swapaxes(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('two', lambda x: F.swapaxes(x, 0, 2), [(2, 3, 4)]),
        ('neg', lambda x: F.swapaxes(x, -1, 1), [(2, 3, 4)])], 100)
    out['err_axis'] = err(F.swapaxes, np.zeros((2, 3), np.float32), 0, 2)
    return out


def case_tile(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('tuple', lambda x: F.tile(x, (2, 1)), [(2, 3)]),
        ('int', lambda x: F.tile(x, 3), [(2,)]),
        ('more_reps', lambda x: F.tile(x, (2, 1, 2)), [(2, 2)]),
        ('zero', lambda x: F.tile(x, (0, 2)), [(2, 2)])], 102)
    x = np.zeros((2,), np.float32)
    out['err_neg'] = err(F.tile, x, -1)
    out['err_type'] = err(F.tile, x, 1.5)
    return out


def case_transpose(chainer, F, np):
    out = check(chainer, np, {}, 'two_d', F.transpose, [(2, 3)], 106,
                dtypes=('float16',))
    x = np.zeros((2, 3), np.float32)
    out['err_axes'] = err(F.transpose, x, (0, 0))
    out['err_len'] = err(F.transpose, x, (0, 1, 2))
    return out


def case_transpose_sequence(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('decreasing', lambda a, b, c: F.transpose_sequence([a, b, c]),
         [(3, 2), (2, 2), (1, 2)]),
        ('one_d', lambda a, b: F.transpose_sequence((a, b)),
         [(2,), (2,)])], 107)
    ys = F.transpose_sequence([])
    out['empty'] = '{} {}'.format(type(ys).__name__, len(ys))
    out['err_increasing'] = err(F.transpose_sequence,
                                [np.zeros((1, 2), np.float32),
                                 np.zeros((2, 2), np.float32)])
    return out


def case_vstack(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('two_d', lambda a, b: F.vstack([a, b]), [(1, 3), (2, 3)]),
        ('one_d', lambda a, b: F.vstack([a, b]), [(3,), (3,)])], 109)
    out['err_shape'] = err(F.vstack, [np.zeros((2, 3), np.float32),
                                      np.zeros((2, 2), np.float32)])
    return out


def case_where(chainer, F, np):
    cond = np.array([[True, False, True], [False, False, True]])
    out = {}
    sweep(chainer, np, out, [
        ('vars', lambda x, y: F.where(cond, x, y), [(2, 3), (2, 3)]),
        ('cond_var', lambda x, y: F.where(chainer.Variable(cond), x, y),
         [(2, 3), (2, 3)])], 111)
    x = np.zeros((2, 3), np.float32)
    out['err_cond_dtype'] = err(F.where, cond.astype(np.int32), x, x)
    out['err_dtype'] = err(F.where, cond, x, x.astype(np.float64))
    out['err_shape'] = err(F.where, cond, x, np.zeros((3,), np.float32))
    forward(np, out, 'arrays', F.where(cond, x, x + 1))
    return out
