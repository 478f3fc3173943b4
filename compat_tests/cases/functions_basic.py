"""Values, gradients and dtypes of the first functions (issue item 9).

Every case runs for float16, float32 and float64 inputs; the backward pass
starts from a random upstream gradient (NumPy RandomState, fixed seed).
"""
from compat_tests.cases._util import arr, rand

DTYPES = ('float16', 'float32', 'float64')


def _fwd_bwd(chainer, np, f, arrays, seed, tag, out):
    """Applies ``f`` to Variables of ``arrays``; records output, its dtype
    and the gradients of the float inputs under ``tag``."""
    xs = [chainer.Variable(a) for a in arrays]
    y = f(*xs)
    out[tag + '_y'] = arr(np, y)
    out[tag + '_dtype'] = str(y.dtype)
    out[tag + '_shape'] = list(y.shape)
    y.grad = rand(np, y.shape, seed, y.dtype)
    y.backward()
    for i, (x, a) in enumerate(zip(xs, arrays)):
        if a.dtype.kind == 'f':
            out['{}_g{}'.format(tag, i)] = \
                'None' if x.grad is None else arr(np, x.grad)
    return out


def _each_dtype(chainer, np, f, shapes, seed, out=None, tag='', **kw):
    out = {} if out is None else out
    for dt in DTYPES:
        arrays = [rand(np, s, seed + i, dt, **kw)
                  for i, s in enumerate(shapes)]
        _fwd_bwd(chainer, np, f, arrays, seed + 100, tag + dt, out)
    return out


# ----- arithmetic ------------------------------------------------------------

def case_add(chainer, F, np):
    out = _each_dtype(chainer, np, lambda x, y: x + y, [(2, 3), (2, 3)], 600)
    _each_dtype(chainer, np, lambda x, y: x + y, [(2, 3), (3,)], 601,
                out, 'bcast_')
    _each_dtype(chainer, np, lambda x, y, z: F.add(x, y, z),
                [(2, 3), (2, 3), (2, 3)], 602, out, 'fadd_')
    return out


def case_sub(chainer, F, np):
    out = _each_dtype(chainer, np, lambda x, y: x - y, [(2, 3), (2, 3)], 603)
    _each_dtype(chainer, np, lambda x, y: y - x, [(2, 1), (1, 3)], 604,
                out, 'bcast_')
    return out


def case_mul(chainer, F, np):
    out = _each_dtype(chainer, np, lambda x, y: x * y, [(2, 3), (2, 3)], 605)
    _each_dtype(chainer, np, lambda x, y: x * y, [(2, 3), (1,)], 606,
                out, 'bcast_')
    return out


def case_div(chainer, F, np):
    out = _each_dtype(chainer, np, lambda x, y: x / y, [(2, 3), (2, 3)], 607,
                      low=0.5, high=2.0)
    _each_dtype(chainer, np, lambda x, y: x / y, [(3, 1), (3,)], 608,
                out, 'bcast_', low=0.5, high=2.0)
    return out


def case_pow(chainer, F, np):
    out = _each_dtype(chainer, np, lambda x, y: x ** y, [(2, 3), (2, 3)],
                      609, low=0.5, high=2.0)
    _each_dtype(chainer, np, lambda x: x ** 3, [(4,)], 610, out, 'const_')
    _each_dtype(chainer, np, lambda x: 2 ** x, [(4,)], 611, out, 'rconst_')
    return out


def case_neg_abs(chainer, F, np):
    out = _each_dtype(chainer, np, lambda x: -x, [(2, 3)], 612)
    _each_dtype(chainer, np, lambda x: abs(x), [(2, 3)], 613, out, 'abs_')
    _each_dtype(chainer, np, lambda x: F.absolute(x), [(2, 3)], 614, out,
                'fabs_')
    return out


# ----- reductions ------------------------------------------------------------

def case_sum(chainer, F, np):
    out = {}
    for tag, kw in (('all', {}), ('axis0', {'axis': 0}),
                    ('axis_neg', {'axis': -1}), ('axes', {'axis': (0, 2)}),
                    ('keepdims', {'axis': 1, 'keepdims': True}),
                    ('all_keepdims', {'keepdims': True})):
        _each_dtype(chainer, np, lambda x: F.sum(x, **kw), [(2, 3, 2)], 615,
                    out, tag + '_')
    return out


def case_mean(chainer, F, np):
    out = {}
    for tag, kw in (('all', {}), ('axis0', {'axis': 0}),
                    ('axes', {'axis': (0, 1)}),
                    ('keepdims', {'axis': 1, 'keepdims': True})):
        _each_dtype(chainer, np, lambda x: F.mean(x, **kw), [(2, 3, 2)], 616,
                    out, tag + '_')
    _each_dtype(chainer, np, lambda x, w: F.average(x, axis=1, weights=w),
                [(2, 3), (3,)], 617, out, 'weights_', low=0.1, high=1.0)
    return out


# ----- math ------------------------------------------------------------------

def case_exp(chainer, F, np):
    return _each_dtype(chainer, np, F.exp, [(2, 3)], 618)


def case_log(chainer, F, np):
    out = _each_dtype(chainer, np, F.log, [(2, 3)], 619, low=0.2, high=3.0)
    _each_dtype(chainer, np, F.log2, [(3,)], 620, out, 'log2_', low=0.2,
                high=3.0)
    _each_dtype(chainer, np, F.log10, [(3,)], 621, out, 'log10_', low=0.2,
                high=3.0)
    return out


def case_matmul(chainer, F, np):
    out = _each_dtype(chainer, np, F.matmul, [(2, 3), (3, 4)], 622)
    _each_dtype(chainer, np, lambda a, b: F.matmul(a, b, transa=True),
                [(3, 2), (3, 4)], 623, out, 'transa_')
    _each_dtype(chainer, np, lambda a, b: F.matmul(a, b, transb=True),
                [(2, 3), (4, 3)], 624, out, 'transb_')
    _each_dtype(chainer, np, F.matmul, [(2, 2, 3), (2, 3, 2)], 625, out,
                'batch_')
    _each_dtype(chainer, np, F.matmul, [(3,), (3,)], 626, out, 'vec_')
    return out


def case_identity(chainer, F, np):
    out = _each_dtype(chainer, np, F.identity, [(2, 3)], 627)
    _each_dtype(chainer, np, lambda x, y: F.identity(x, y)[1] * 2,
                [(2,), (3,)], 628, out, 'two_')
    x = chainer.Variable(rand(np, (2,), 629))
    ys = F.identity(x, x)
    out['two_type'] = type(ys).__name__
    out['two_len'] = len(ys)
    return out


# ----- array -----------------------------------------------------------------

def case_reshape(chainer, F, np):
    out = _each_dtype(chainer, np, lambda x: F.reshape(x, (3, 2)), [(2, 3)],
                      630)
    _each_dtype(chainer, np, lambda x: F.reshape(x, (-1, 2)) * 3,
                [(2, 3)], 631, out, 'minus1_')
    _each_dtype(chainer, np, lambda x: F.reshape(x, ()),
                [(1,)], 632, out, 'scalar_')
    return out


def case_transpose(chainer, F, np):
    out = _each_dtype(chainer, np, F.transpose, [(2, 3, 4)], 633)
    _each_dtype(chainer, np, lambda x: F.transpose(x, (1, 2, 0)),
                [(2, 3, 4)], 634, out, 'axes_')
    _each_dtype(chainer, np, lambda x: F.transpose(x, (-1, 0, 1)),
                [(2, 3, 4)], 635, out, 'neg_')
    return out


def case_get_item(chainer, F, np):
    out = {}
    for i, (tag, index) in enumerate((
            ('int', 1), ('slice', slice(1, None)),
            ('tuple', (slice(None), 0)), ('none', (None, Ellipsis, 1)),
            ('array', (np.array([2, 0, 2]),)),
            ('neg', (-1, slice(None, None, -1))))):
        _each_dtype(chainer, np, lambda x: F.get_item(x, index), [(3, 4)],
                    636 + i, out, tag + '_')
    return out


def case_concat(chainer, F, np):
    out = _each_dtype(chainer, np, lambda x, y: F.concat((x, y)),
                      [(2, 3), (2, 2)], 643)
    _each_dtype(chainer, np, lambda x, y: F.concat([x, y], axis=0),
                [(1, 3), (2, 3)], 644, out, 'axis0_')
    _each_dtype(chainer, np, lambda x, y, z: F.concat((x, y, z), axis=-1),
                [(2, 1), (2, 2), (2, 1)], 645, out, 'three_')
    return out


def case_broadcast_to(chainer, F, np):
    out = _each_dtype(chainer, np, lambda x: F.broadcast_to(x, (2, 3)),
                      [(3,)], 646)
    _each_dtype(chainer, np, lambda x: F.broadcast_to(x, (2, 2, 3)),
                [(2, 1, 3)], 647, out, 'middle_')
    _each_dtype(chainer, np, lambda x, y: F.broadcast(x, y)[0] *
                F.broadcast(x, y)[1], [(2, 1), (1, 3)], 648, out,
                'broadcast_')
    return out


# ----- activations -------------------------------------------------------

def case_relu(chainer, F, np):
    out = _each_dtype(chainer, np, F.relu, [(3, 4)], 649)
    # gradient at exactly zero is zero in Chainer
    for dt in DTYPES:
        _fwd_bwd(chainer, np, F.relu,
                 [np.array([-1.0, 0.0, 2.0], dtype=dt)], 650, 'zero_' + dt,
                 out)
    return out


def case_sigmoid(chainer, F, np):
    return _each_dtype(chainer, np, F.sigmoid, [(3, 4)], 651, low=-4,
                       high=4)


def case_tanh(chainer, F, np):
    return _each_dtype(chainer, np, F.tanh, [(3, 4)], 652, low=-3, high=3)


def case_softmax(chainer, F, np):
    out = _each_dtype(chainer, np, F.softmax, [(3, 4)], 653, low=-3, high=3)
    _each_dtype(chainer, np, lambda x: F.softmax(x, axis=0), [(3, 4)], 654,
                out, 'axis0_', low=-3, high=3)
    _each_dtype(chainer, np, lambda x: F.softmax(x, axis=2), [(2, 2, 3)],
                655, out, 'axis2_', low=-3, high=3)
    return out


# ----- connection ------------------------------------------------------------

def case_linear(chainer, F, np):
    out = _each_dtype(chainer, np, F.linear, [(4, 3), (2, 3), (2,)], 656)
    _each_dtype(chainer, np, F.linear, [(4, 3), (2, 3)], 657, out, 'nobias_')
    _each_dtype(chainer, np, F.linear, [(2, 3, 2), (2, 6)], 658, out,
                'flatten_')
    _each_dtype(chainer, np,
                lambda x, W, b: F.linear(x, W, b, n_batch_axes=2),
                [(2, 3, 4), (2, 4), (2,)], 659, out, 'batch_axes_')
    return out


# ----- losses ----------------------------------------------------------------

def case_mean_squared_error(chainer, F, np):
    out = _each_dtype(chainer, np, F.mean_squared_error, [(3, 4), (3, 4)],
                      660)
    _each_dtype(chainer, np, F.mean_squared_error, [(2, 2, 2), (2, 2, 2)],
                661, out, 'three_d_')
    return out


def _sce(chainer, F, np, tag, out, t, seed, shape=(4, 3), **kw):
    for dt in DTYPES:
        x = chainer.Variable(rand(np, shape, seed, dt, low=-2, high=2))
        if 'class_weight' in kw:
            kw = dict(kw, class_weight=kw['class_weight'].astype(dt))
        tt = t.astype(dt) if t.dtype.kind == 'f' else t
        y = F.softmax_cross_entropy(x, tt, **kw)
        key = '{}_{}'.format(tag, dt)
        out[key + '_y'] = arr(np, y)
        out[key + '_dtype'] = str(y.dtype)
        out[key + '_shape'] = list(y.shape)
        y.grad = rand(np, y.shape, seed + 1, dt)
        y.backward()
        out[key + '_gx'] = arr(np, x.grad)


def case_softmax_cross_entropy(chainer, F, np):
    out = {}
    t = np.array([0, 2, 1, 2], np.int32)
    _sce(chainer, F, np, 'default', out, t, 662)
    _sce(chainer, F, np, 'int64_label', out, t.astype(np.int64), 663)
    return out


def case_softmax_cross_entropy_ignore_label(chainer, F, np):
    out = {}
    t = np.array([0, -1, 1, -1], np.int32)
    _sce(chainer, F, np, 'normalize', out, t, 664)
    _sce(chainer, F, np, 'no_normalize', out, t, 665, normalize=False)
    t2 = np.array([0, 2, 1, 2], np.int32)
    _sce(chainer, F, np, 'custom', out, t2, 666, ignore_label=2)
    _sce(chainer, F, np, 'all_ignored', out, np.full((4,), -1, np.int32),
         667)
    return out


def case_softmax_cross_entropy_class_weight(chainer, F, np):
    out = {}
    t = np.array([0, 2, 1, 2], np.int32)
    w = np.array([0.5, 2.0, 1.0], np.float32)
    _sce(chainer, F, np, 'weight', out, t, 668, class_weight=w)
    _sce(chainer, F, np, 'weight_no', out, t, 669, class_weight=w,
         reduce='no')
    return out


def case_softmax_cross_entropy_reduce_no(chainer, F, np):
    out = {}
    t = np.array([0, -1, 1, 2], np.int32)
    _sce(chainer, F, np, 'no', out, t, 670, reduce='no')
    t3 = np.array([[0, 1], [2, -1]], np.int32)
    _sce(chainer, F, np, 'spatial', out, t3, 671, shape=(2, 3, 2))
    _sce(chainer, F, np, 'spatial_no', out, t3, 672, shape=(2, 3, 2),
         reduce='no')
    return out


def case_softmax_cross_entropy_soft_target(chainer, F, np):
    out = {}
    rs = np.random.RandomState(673)
    p = rs.uniform(0.1, 1.0, (4, 3))
    p = (p / p.sum(axis=1, keepdims=True))
    _sce(chainer, F, np, 'soft', out, p.astype(np.float64), 674)
    _sce(chainer, F, np, 'soft_kl', out, p.astype(np.float64), 675,
         soft_target_loss='kl-divergence')
    _sce(chainer, F, np, 'soft_no', out, p.astype(np.float64), 676,
         reduce='no')
    return out


def case_softmax_cross_entropy_errors(chainer, F, np):
    x = rand(np, (4, 3), 677)
    t = np.array([0, 2, 1, 2], np.int32)
    out = {}
    for tag, kw in (('bad_reduce', {'reduce': 'sum'}),
                    ('bad_soft_loss', {'soft_target_loss': 'foo'})):
        try:
            F.softmax_cross_entropy(x, t, **kw)
            out[tag] = 'no error'
        except Exception as e:  # NOQA
            out[tag] = type(e).__name__
    return out
