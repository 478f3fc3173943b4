"""chainer.utils.type_check: InvalidType from built-in functions (item 8)."""
from compat_tests.cases._util import rand


def _check(chainer, tag, func, *args, **kwargs):
    InvalidType = chainer.utils.type_check.InvalidType
    try:
        func(*args, **kwargs)
    except InvalidType as e:
        return {tag + '_error': type(e).__name__,
                tag + '_is_invalid_type': True,
                tag + '_expect': e.expect, tag + '_actual': e.actual,
                tag + '_message': str(e)}
    except Exception as e:  # NOQA
        return {tag + '_error': type(e).__name__,
                tag + '_is_invalid_type': False}
    return {tag + '_error': 'no error'}


def _run(chainer, items):
    out = {}
    for item in items:
        out.update(_check(chainer, *item))
    return out


def case_linear_mismatch(chainer, F, np):
    x = rand(np, (2, 3), 500)
    return _run(chainer, [
        ('w_cols', F.linear, x, rand(np, (4, 5), 501)),
        ('bias_shape', F.linear, x, rand(np, (4, 3), 502),
         rand(np, (5,), 503)),
        ('int_x', F.linear, np.zeros((2, 3), np.int32),
         rand(np, (4, 3), 504)),
        ('dtype_mix', F.linear, x, rand(np, (4, 3), 505, 'float64')),
        ('w_ndim', F.linear, x, rand(np, (3,), 506)),
        ('ok', F.linear, x, rand(np, (4, 3), 507)),
    ])


def case_sum_mean_int(chainer, F, np):
    i = np.arange(6, dtype=np.int32).reshape(2, 3)
    return _run(chainer, [
        ('sum_int', F.sum, i),
        ('mean_int', F.mean, i),
        ('sum_bad_axis', F.sum, rand(np, (2, 3), 508), 2),
        ('sum_neg_axis', F.sum, rand(np, (2, 3), 508), -3),
    ])


def case_elementwise_int(chainer, F, np):
    i = np.arange(4, dtype=np.int32)
    return _run(chainer, [
        ('exp', F.exp, i), ('log', F.log, i), ('relu', F.relu, i),
        ('sigmoid', F.sigmoid, i), ('tanh', F.tanh, i),
        ('softmax', F.softmax, i.reshape(2, 2)),
    ])


def case_binary_ops_mismatch(chainer, F, np):
    x = chainer.Variable(rand(np, (2, 3), 509))
    y = chainer.Variable(rand(np, (3, 2), 510))
    z = chainer.Variable(rand(np, (2, 3), 511, 'float64'))
    return _run(chainer, [
        ('add_shape', lambda: x + y), ('mul_shape', lambda: x * y),
        ('add_dtype', lambda: x + z), ('sub_dtype', lambda: x - z),
        ('div_shape', lambda: x / y),
    ])


def case_matmul_mismatch(chainer, F, np):
    return _run(chainer, [
        ('inner', F.matmul, rand(np, (2, 3), 512), rand(np, (2, 3), 513)),
        ('dtype', F.matmul, rand(np, (2, 3), 512),
         rand(np, (3, 2), 513, 'float64')),
        ('ok_transb', F.matmul, rand(np, (2, 3), 512),
         rand(np, (2, 3), 513), False, True),
    ])


def case_concat_mismatch(chainer, F, np):
    return _run(chainer, [
        ('shape', F.concat, (rand(np, (2, 3), 514), rand(np, (3, 2), 515))),
        ('ndim', F.concat, (rand(np, (2, 3), 514), rand(np, (2,), 515))),
        ('axis', F.concat, (rand(np, (2, 3), 514), rand(np, (2, 3), 515)),
         2),
        ('dtype', F.concat, (rand(np, (2, 3), 514),
                             rand(np, (2, 3), 515, 'float64'))),
    ])


def case_reshape_broadcast_mismatch(chainer, F, np):
    return _run(chainer, [
        ('reshape_size', F.reshape, rand(np, (2, 3), 516), (4, 2)),
        ('reshape_two_minus1', F.reshape, rand(np, (2, 3), 516), (-1, -1)),
        ('broadcast_to', F.broadcast_to, rand(np, (2, 3), 517), (3, 3)),
        ('broadcast_to_ndim', F.broadcast_to, rand(np, (2, 3), 517), (3,)),
        ('transpose_axes', F.transpose, rand(np, (2, 3), 518), (0, 0)),
    ])


def case_loss_mismatch(chainer, F, np):
    x = rand(np, (3, 4), 519)
    t = np.array([0, 1, 3], np.int32)
    return _run(chainer, [
        ('mse_shape', F.mean_squared_error, x, rand(np, (3, 3), 520)),
        ('mse_dtype', F.mean_squared_error, x,
         rand(np, (3, 4), 520, 'float64')),
        ('sce_label_float', F.softmax_cross_entropy, x,
         t.astype(np.float32)),
        ('sce_label_shape', F.softmax_cross_entropy, x,
         np.array([0, 1], np.int32)),
        ('sce_x_int', F.softmax_cross_entropy, x.astype(np.int32), t),
        ('sce_ok', F.softmax_cross_entropy, x, t),
    ])


def case_get_item_errors(chainer, F, np):
    x = rand(np, (2, 3), 521)
    return _run(chainer, [
        ('too_many', F.get_item, x, (0, 0, 0)),
        ('float_index', F.get_item, x, 1.5),
    ])


def case_invalid_type_attributes(chainer, F, np):
    InvalidType = chainer.utils.type_check.InvalidType
    e = InvalidType('a == b', '1 != 2')
    out = {'expect': e.expect, 'actual': e.actual, 'str': str(e),
           'is_exception': isinstance(e, Exception),
           'bases': [b.__name__ for b in InvalidType.__mro__[1:]]}
    e2 = InvalidType('x', 'y', msg='custom message')
    out['msg_str'] = str(e2)
    return out


def case_type_check_disabled_skips(chainer, F, np):
    i = np.arange(4, dtype=np.float32).reshape(2, 2)
    out = {}
    with chainer.using_config('type_check', False):
        out.update(_check(chainer, 'sum_axis', F.sum, i, 5))
    return out
