"""Variable, Parameter, backward and chainer.grad (issue items 2-3)."""
import warnings

from compat_tests.cases._util import arr, err, rand


# ----- attributes -----------------------------------------------------------

def case_variable_attributes(chainer, F, np):
    a = rand(np, (2, 3), 0)
    v = chainer.Variable(a, name='v')
    return {
        'array': arr(np, v.array), 'data': arr(np, v.data),
        'shape': list(v.shape), 'dtype': str(v.dtype), 'ndim': v.ndim,
        'size': v.size, 'name': v.name, 'len': len(v),
        'T': arr(np, v.T), 'T_shape': list(v.T.shape),
        'grad': repr(v.grad), 'grad_var': repr(v.grad_var),
        'creator': repr(v.creator), 'creator_node': repr(v.creator_node),
        'rank': v.rank, 'requires_grad': v.requires_grad,
        'array_is_input': v.array is a,
        'label': v.label,
    }


def case_variable_float16_float64(chainer, F, np):
    out = {}
    for dt in ('float16', 'float64', 'int32'):
        v = chainer.Variable(rand(np, (3,), 1, dt) if dt != 'int32'
                             else np.arange(3, dtype=dt))
        out[dt + '_dtype'] = str(v.dtype)
        out[dt + '_label'] = v.label
    return out


def case_variable_none_and_name(chainer, F, np):
    v = chainer.Variable()
    out = {'array_none': v.array is None, 'name_none': v.name is None}
    v.name = 'x'
    out['name'] = v.name
    v.array = np.ones((2,), np.float32)
    out['array'] = arr(np, v)
    out['shape'] = list(v.shape)
    v2 = chainer.Variable(np.zeros(2, np.float32), requires_grad=False)
    out['requires_grad'] = v2.requires_grad
    return out


def case_grad_and_grad_var_setters(chainer, F, np):
    a = rand(np, (2,), 700)
    g = rand(np, (2,), 701)
    v = chainer.Variable(a, grad=g)
    out = {'init_grad': arr(np, v.grad),
           'grad_var_type': type(v.grad_var).__name__,
           'grad_var_requires_grad': v.grad_var.requires_grad,
           'grad_is_given': v.grad is g}
    gv = chainer.Variable(rand(np, (2,), 702))
    v.grad_var = gv
    out['set_grad_var_same'] = v.grad_var is gv
    out['grad_from_var'] = arr(np, v.grad)
    v.grad = None
    out['grad_var_none'] = v.grad_var is None
    return out


def case_requires_grad_false(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 703), requires_grad=False)
    w = chainer.Variable(rand(np, (3,), 704))
    y = F.sum(x * w)
    y.backward()
    z = x * 2
    return {'x_grad_none': x.grad is None, 'gw': arr(np, w.grad),
            'y_requires_grad': y.requires_grad,
            'z_requires_grad': z.requires_grad,
            'z_creator_none': z.creator is None}


def case_array_setter(chainer, F, np):
    v = chainer.Variable(rand(np, (2,), 705))
    v.array = rand(np, (3, 2), 706)
    out = {'shape': list(v.shape), 'array': arr(np, v)}
    v.data = rand(np, (4,), 707, 'float64')
    out['dtype'] = str(v.dtype)
    out['label'] = v.label
    out['bad'] = err(setattr, v, 'array', [1.0])
    return out


def case_variable_creator_rank(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 2))
    y = x * 2
    z = F.exp(y)
    w = z + y
    return {
        'y_rank': y.rank, 'z_rank': z.rank, 'w_rank': w.rank,
        'y_creator': type(y.creator).__name__,
        'z_creator': type(z.creator).__name__,
        'z_creator_node': type(z.creator_node).__name__,
        'creator_is_node': z.creator is z.creator_node,
        'node_rank': z.creator_node.rank,
        'z_creator_label': z.creator_node.label,
        'inputs_len': len(w.creator_node.inputs),
        'y_requires_grad': y.requires_grad,
    }


# ----- backward --------------------------------------------------------------

def case_backward_scalar_default_grad(chainer, F, np):
    a = rand(np, (3,), 3)
    x = chainer.Variable(a)
    y = F.sum(x * x)
    y.backward()
    return {'y': arr(np, y), 'gx': arr(np, x.grad), 'y_grad': repr(y.grad),
            'gx_dtype': str(x.grad.dtype)}


def case_backward_explicit_grad(chainer, F, np):
    x = chainer.Variable(rand(np, (2, 3), 4))
    y = x * x + x
    gy = rand(np, (2, 3), 5)
    y.grad = gy
    y.backward()
    return {'gx': arr(np, x.grad), 'gy_kept': arr(np, y.grad)}


def case_backward_non_scalar_no_grad(chainer, F, np):
    x = chainer.Variable(rand(np, (2, 3), 4))
    y = x * 2
    return {'error': err(y.backward)}


def case_backward_one_element_non_scalar(chainer, F, np):
    x = chainer.Variable(rand(np, (1, 1), 6))
    y = x * 3
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        y.backward()
    return {'gx': arr(np, x.grad)}


def case_backward_retain_grad(chainer, F, np):
    out = {}
    for retain in (False, True):
        x = chainer.Variable(rand(np, (3,), 7))
        h = x * 3
        h2 = F.tanh(h)
        y = F.sum(h2)
        y.backward(retain_grad=retain)
        tag = 'retain' if retain else 'noretain'
        out[tag + '_gx'] = arr(np, x.grad)
        out[tag + '_gh_none'] = h.grad is None
        out[tag + '_gh2_none'] = h2.grad is None
        out[tag + '_gy_none'] = y.grad is None
        if retain:
            out['gh'] = arr(np, h.grad)
            out['gh2'] = arr(np, h2.grad)
            out['gy'] = arr(np, y.grad)
    return out


def case_backward_enable_double_backprop(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 8))
    y = F.sum(x * x * x)
    y.backward(enable_double_backprop=True)
    gx = x.grad_var
    out = {'gx': arr(np, gx), 'gx_has_creator': gx.creator is not None}
    x.cleargrad()
    z = F.sum(gx * gx)
    z.backward()
    out['ggx'] = arr(np, x.grad)
    # without double backprop the grad has no creator
    x2 = chainer.Variable(rand(np, (3,), 8))
    F.sum(x2 * x2 * x2).backward()
    out['plain_has_creator'] = x2.grad_var.creator is not None
    return out


def case_backward_loss_scale(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 9))
    y = F.sum(x * x)
    y.backward(loss_scale=8.0)
    return {'gx': arr(np, x.grad), 'dtype': str(x.grad.dtype)}


def case_grad_accumulate_variable_used_twice(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 10))
    y = F.sum(x * 2 + F.exp(x) + x)
    y.backward()
    return {'gx': arr(np, x.grad)}


def case_grad_accumulate_backward_twice(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 11))
    F.sum(x * x).backward()
    g1 = arr(np, x.grad)
    F.sum(x * 3).backward()
    g2 = arr(np, x.grad)
    x.cleargrad()
    F.sum(x * 3).backward()
    return {'g1': g1, 'g2': g2, 'g3': arr(np, x.grad)}


def case_grad_accumulate_same_graph_twice(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 12))
    y = F.sum(F.tanh(x))
    y.backward()
    y.backward()
    return {'gx': arr(np, x.grad)}


def case_cleargrad_zerograd_addgrad(chainer, F, np):
    x = chainer.Variable(rand(np, (2, 2), 13))
    out = {}
    x.grad = rand(np, (2, 2), 14)
    x.cleargrad()
    out['cleared_none'] = x.grad is None
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        x.zerograd()
    out['zerograd'] = arr(np, x.grad)
    y = chainer.Variable(rand(np, (2, 2), 15))
    y.grad = rand(np, (2, 2), 16)
    x.addgrad(y)
    out['addgrad1'] = arr(np, x.grad)
    x.addgrad(y)
    out['addgrad2'] = arr(np, x.grad)
    z = chainer.Variable(rand(np, (2, 2), 17))
    z.addgrad(y)
    out['addgrad_from_none'] = arr(np, z.grad)
    return out


def case_copydata(chainer, F, np):
    a = rand(np, (2, 3), 18)
    x = chainer.Variable(a.copy())
    y = chainer.Variable(rand(np, (2, 3), 19))
    x.copydata(y)
    return {'x': arr(np, x), 'y': arr(np, y)}


def case_unchain(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 20))
    h = x * 2
    h.unchain()
    y = F.sum(h * h)
    y.backward()
    return {'x_grad_none': x.grad is None, 'gh': arr(np, h.grad),
            'h_creator_none': h.creator is None, 'y_rank': y.rank}


def case_unchain_backward(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 21))
    h = x * 2
    h2 = F.exp(h)
    y = F.sum(h2)
    y.unchain_backward()
    out = {'y_creator_none': y.creator is None,
           'h2_creator_none': h2.creator is None,
           'h_creator_none': h.creator is None}
    y.backward()
    out['x_grad_none'] = x.grad is None
    out['h2_grad_none'] = h2.grad is None
    return out


def case_unchain_backward_middle(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 22))
    h = x * 2
    h2 = F.exp(h)
    y = F.sum(h2 * 3)
    h2.unchain_backward()
    y.backward(retain_grad=True)
    return {'x_grad_none': x.grad is None, 'gh2': arr(np, h2.grad),
            'y_creator_none': y.creator is None}


# ----- array-like methods ----------------------------------------------------

def case_reshape_transpose_methods(chainer, F, np):
    x = chainer.Variable(rand(np, (2, 3, 4), 23))
    a = x.reshape(6, 4)
    b = x.reshape((4, 6))
    c = x.transpose()
    d = x.transpose(1, 0, 2)
    e = x.transpose((2, 0, 1))
    y = F.sum(a * 1) + F.sum(b * 2) + F.sum(c * 3) + F.sum(d * 4) + \
        F.sum(e * 5)
    y.backward()
    return {'a': arr(np, a), 'b': arr(np, b), 'c': arr(np, c),
            'd': arr(np, d), 'e': arr(np, e), 'gx': arr(np, x.grad),
            'c_shape': list(c.shape), 'e_shape': list(e.shape)}


_INDEXES = [
    ('int', 1),
    ('neg_int', -1),
    ('slice', slice(0, 2)),
    ('neg_slice', slice(-2, None)),
    ('step_slice', slice(None, None, 2)),
    ('tuple', (1, slice(1, 3))),
    ('none', (None, 0)),
    ('ellipsis', (Ellipsis, 1)),
    ('ellipsis_none', (0, Ellipsis, None)),
    ('int_array', [0, 2, 0]),
    ('int_array_neg', [-1, 0]),
    ('mixed', (slice(None), [1, 0])),
]


def case_getitem(chainer, F, np):
    out = {}
    for tag, index in _INDEXES:
        x = chainer.Variable(rand(np, (3, 4, 2), 24))
        if isinstance(index, list):
            index = np.array(index)
        elif isinstance(index, tuple):
            index = tuple(np.array(i) if isinstance(i, list) else i
                          for i in index)
        y = x[index]
        gy = rand(np, y.shape, 25)
        y.grad = gy
        y.backward()
        out[tag + '_y'] = arr(np, y)
        out[tag + '_gx'] = arr(np, x.grad)
    return out


def case_len_iter(chainer, F, np):
    x = chainer.Variable(rand(np, (3, 2), 26))
    parts = list(x)
    s = chainer.Variable(np.array(2.0, np.float32))
    return {'len': len(x), 'n_parts': len(parts),
            'part1': arr(np, parts[1]),
            'part_type': type(parts[0]).__name__,
            'len0d_error': err(len, s)}


# ----- operators ----------------------------------------------------------

def case_arithmetic_operators(chainer, F, np):
    out = {}
    a = rand(np, (2, 3), 27)
    b = rand(np, (2, 3), 28, low=0.5, high=2.0)
    ops = [
        ('add', lambda x, y: x + y), ('sub', lambda x, y: x - y),
        ('mul', lambda x, y: x * y), ('div', lambda x, y: x / y),
        ('pow', lambda x, y: x ** y),
    ]
    for name, op in ops:
        x = chainer.Variable(a.copy() if name != 'pow' else np.abs(a) + 0.5)
        y = chainer.Variable(b.copy())
        z = op(x, y)
        z.grad = rand(np, (2, 3), 29)
        z.backward()
        out[name] = arr(np, z)
        out[name + '_gx'] = arr(np, x.grad)
        out[name + '_gy'] = arr(np, y.grad)
        out[name + '_dtype'] = str(z.dtype)
    return out


def case_scalar_operators(chainer, F, np):
    out = {}
    ops = [
        ('add', lambda x: x + 2), ('radd', lambda x: 2 + x),
        ('sub', lambda x: x - 2), ('rsub', lambda x: 2 - x),
        ('mul', lambda x: x * 3), ('rmul', lambda x: 3 * x),
        ('div', lambda x: x / 4), ('rdiv', lambda x: 4 / x),
        ('pow', lambda x: x ** 2), ('rpow', lambda x: 2 ** x),
        ('fpow', lambda x: x ** 1.5), ('neg', lambda x: -x),
        ('abs', lambda x: abs(x)),
        ('float_mul', lambda x: x * 0.5), ('float_add', lambda x: 1.5 + x),
    ]
    for dt in ('float16', 'float32', 'float64'):
        for name, op in ops:
            a = rand(np, (3,), 30, dt, low=0.5, high=2.0)
            if name in ('abs', 'neg'):
                a = rand(np, (3,), 31, dt)
            x = chainer.Variable(a)
            z = op(x)
            z.grad = np.ones(z.shape, dtype=z.dtype) * z.dtype.type(0.5)
            z.backward()
            key = '{}_{}'.format(dt, name)
            out[key] = arr(np, z)
            out[key + '_gx'] = arr(np, x.grad)
            out[key + '_dtype'] = str(z.dtype)
    return out


def case_unary_pos(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 30))
    y = +x
    return {'is_self': y is x, 'y': arr(np, y)}


def case_numpy_array_operands(chainer, F, np):
    out = {}
    a = rand(np, (2, 3), 32)
    c = rand(np, (2, 3), 33, low=0.5, high=1.5)
    ops = [
        ('add', lambda x: x + c), ('radd', lambda x: c + x),
        ('sub', lambda x: x - c), ('rsub', lambda x: c - x),
        ('mul', lambda x: x * c), ('rmul', lambda x: c * x),
        ('div', lambda x: x / c), ('rdiv', lambda x: c / x),
    ]
    for name, op in ops:
        x = chainer.Variable(a.copy())
        z = op(x)
        out[name + '_type'] = type(z).__name__
        z.grad = np.ones_like(a)
        z.backward()
        out[name] = arr(np, z)
        out[name + '_gx'] = arr(np, x.grad)
    return out


def case_broadcasting_operators(chainer, F, np):
    x = chainer.Variable(rand(np, (2, 3), 34))
    y = chainer.Variable(rand(np, (3,), 35))
    z = chainer.Variable(rand(np, (2, 1), 36))
    out = {}
    for name, f in (('add', lambda: x + y), ('mul', lambda: x * y),
                    ('sub_col', lambda: x - z), ('outer', lambda: y * z)):
        try:
            r = f()
            out[name] = arr(np, r)
            out[name + '_shape'] = list(r.shape)
        except Exception as e:  # NOQA
            out[name + '_error'] = type(e).__name__
    return out


def case_matmul_operator(chainer, F, np):
    x = chainer.Variable(rand(np, (2, 3), 37))
    W = chainer.Variable(rand(np, (3, 4), 38))
    y = x @ W
    y.grad = rand(np, (2, 4), 39)
    y.backward()
    out = {'y': arr(np, y), 'gx': arr(np, x.grad), 'gW': arr(np, W.grad)}
    x2 = chainer.Variable(rand(np, (2, 3), 37))
    y2 = x2 @ rand(np, (3, 4), 38)
    out['y_np'] = arr(np, y2)
    y3 = rand(np, (4, 2), 40) @ x2
    out['y_rnp'] = arr(np, y3)
    return out


def case_item(chainer, F, np):
    x = chainer.Variable(np.array([2.5], np.float32))
    s = chainer.Variable(np.array(3.25, np.float64))
    i = chainer.Variable(np.array(7, np.int32))
    return {'item': x.item(), 'item_type': type(x.item()).__name__,
            's': s.item(), 'i': i.item(),
            'i_type': type(i.item()).__name__,
            'error': err(chainer.Variable(np.zeros(2, np.float32)).item)}


def case_repr_str_summary(chainer, F, np):
    x = chainer.Variable(np.array([[1., 2.], [3., 4.5]], np.float32))
    n = chainer.Variable(np.array([1., -2.], np.float32), name='w')
    s = chainer.Variable(np.array(1.5, np.float64))
    e = chainer.Variable()
    return {'repr': repr(x), 'str': str(x), 'repr_named': repr(n),
            'str_named': str(n), 'summary_named': n.summary(),
            'repr_0d': repr(s), 'repr_none': repr(e), 'str_none': str(e)}


def case_as_variable_as_array(chainer, F, np):
    a = rand(np, (2,), 41)
    v = chainer.as_variable(a)
    w = chainer.Variable(a)
    return {
        'type': type(v).__name__, 'requires_grad': v.requires_grad,
        'same_var': chainer.as_variable(w) is w,
        'as_array_var': chainer.as_array(w) is w.array,
        'as_array_arr': chainer.as_array(a) is a,
        'value': arr(np, v),
    }


# ----- errors ----------------------------------------------------------------

def case_variable_errors(chainer, F, np):
    v = chainer.Variable(np.zeros((2,), np.float32))
    return {
        'int_data': err(chainer.Variable, 3),
        'list_data': err(chainer.Variable, [1.0, 2.0]),
        'numpy_scalar_data': err(chainer.Variable, np.float32(2.0)),
        'eq': err(lambda: v == v),
        'ne': err(lambda: v != v),
        'lt': err(lambda: v < v),
        'bool': err(bool, v),
        'grad_shape': err(setattr, v, 'grad', np.zeros((3,), np.float32)),
        'grad_dtype': err(setattr, v, 'grad', np.zeros((2,), np.float64)),
        'grad_type': err(setattr, v, 'grad', [0.0, 0.0]),
        'hash': err(hash, v),
    }


def case_backward_grad_errors(chainer, F, np):
    out = {}
    x = chainer.Variable(rand(np, (2,), 42))
    y = x * 2
    out['set_bad_shape'] = err(setattr, y, 'grad',
                               np.ones((3,), np.float32))
    out['set_bad_dtype'] = err(setattr, y, 'grad',
                               np.ones((2,), np.float64))
    return out


# ----- chainer.grad / chainer.backward ---------------------------------------

def case_grad_basic(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 43))
    w = chainer.Variable(rand(np, (3,), 44))
    y = F.sum(x * w + F.exp(x))
    gx, gw = chainer.grad([y], [x, w])
    return {'gx': arr(np, gx), 'gw': arr(np, gw),
            'x_grad_none': x.grad is None,
            'gx_type': type(gx).__name__,
            'gx_creator_none': gx.creator is None}


def case_grad_grad_outputs(chainer, F, np):
    x = chainer.Variable(rand(np, (2, 3), 45))
    y = F.tanh(x) * 2
    gy = chainer.Variable(rand(np, (2, 3), 46))
    gx, = chainer.grad([y], [x], grad_outputs=[gy])
    return {'gx': arr(np, gx)}


def case_grad_grad_inputs(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 47))
    y = F.sum(x * x)
    gi = chainer.Variable(rand(np, (3,), 48))
    gx, = chainer.grad([y], [x], grad_inputs=[gi])
    return {'gx': arr(np, gx)}


def case_grad_set_grad(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 49))
    y = F.sum(x * x * 2)
    gx, = chainer.grad([y], [x], set_grad=True)
    return {'gx': arr(np, gx), 'x_grad': arr(np, x.grad),
            'same': x.grad_var is gx}


def case_grad_retain_grad(chainer, F, np):
    out = {}
    for retain in (False, True):
        x = chainer.Variable(rand(np, (3,), 50))
        h = F.exp(x)
        y = F.sum(h * 3)
        gx, = chainer.grad([y], [x], retain_grad=retain)
        tag = 'retain' if retain else 'noretain'
        out[tag + '_gx'] = arr(np, gx)
        out[tag + '_h_grad_none'] = h.grad is None
        if h.grad is not None:
            out[tag + '_gh'] = arr(np, h.grad)
    return out


def case_grad_double_backprop(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 51))
    y = F.sum(x * x * x + F.exp(x) * x)
    gx, = chainer.grad([y], [x], enable_double_backprop=True)
    out = {'gx': arr(np, gx), 'has_creator': gx.creator is not None}
    ggx, = chainer.grad([F.sum(gx)], [x])
    out['ggx'] = arr(np, ggx)
    gx2, = chainer.grad([y], [x])
    out['plain_has_creator'] = gx2.creator is not None
    return out


def case_grad_loss_scale(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 57))
    y = F.sum(x * x)
    gx, = chainer.grad([y], [x], loss_scale=4.0)
    return {'gx': arr(np, gx)}


def case_grad_unreachable_input(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 52))
    z = chainer.Variable(rand(np, (3,), 53))
    y = F.sum(x * 2)
    gx, gz = chainer.grad([y], [x, z])
    return {'gx': arr(np, gx), 'gz_none': gz is None}


def case_grad_multiple_outputs(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 54))
    y1 = F.sum(x * x)
    y2 = F.sum(F.exp(x))
    gx, = chainer.grad([y1, y2], [x])
    return {'gx': arr(np, gx)}


def case_grad_errors(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 55))
    y = F.sum(x * 2)
    return {
        'outputs_not_seq': err(chainer.grad, y, [x]),
        'inputs_not_seq': err(chainer.grad, [y], x),
        'grad_outputs_len': err(chainer.grad, [y], [x],
                                grad_outputs=[None, None]),
    }


def case_chainer_backward_several_outputs(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 56))
    y1 = x * 2
    y2 = F.exp(x)
    g1 = rand(np, (3,), 57)
    g2 = rand(np, (3,), 58)
    chainer.backward([y1, y2], [chainer.Variable(g1), chainer.Variable(g2)])
    out = {'gx': arr(np, x.grad)}
    x2 = chainer.Variable(rand(np, (3,), 56))
    l1 = F.sum(x2 * x2)
    l2 = F.sum(x2 * 3)
    chainer.backward([l1, l2])
    out['gx_default'] = arr(np, x2.grad)
    return out


# ----- Parameter ------------------------------------------------------------

def case_parameter_initializers(chainer, F, np):
    out = {}
    p = chainer.Parameter(chainer.initializers.Constant(2.5), (2, 3))
    out['const'] = arr(np, p)
    out['const_dtype'] = str(p.dtype)
    out['const_grad'] = arr(np, p.grad)
    a = rand(np, (2, 2), 59)
    q = chainer.Parameter(a)
    out['array'] = arr(np, q)
    out['array_grad_none'] = q.grad is None
    out['array_is_same'] = q.array is a
    r = chainer.Parameter(3.0, (2,))
    out['scalar'] = arr(np, r)
    out['scalar_dtype'] = str(r.dtype)
    s = chainer.Parameter(None, (2,))
    out['none'] = arr(np, s)
    out['none_grad'] = arr(np, s.grad)
    t = chainer.Parameter(chainer.initializers.Constant(1, dtype='float64'),
                          (2,))
    out['f64_dtype'] = str(t.dtype)
    out['type'] = type(p).__name__
    out['isinstance_variable'] = isinstance(p, chainer.Variable)
    return out


def case_parameter_lazy_initialize(chainer, F, np):
    p = chainer.Parameter(chainer.initializers.Constant(0.5))
    out = {'array_none': p.array is None,
           'grad_error': err(getattr, p, 'grad'),
           'is_initialized': p.is_initialized, 'dtype': str(p.dtype)}
    p.initialize((2, 3))
    out['after'] = arr(np, p)
    out['after_grad'] = arr(np, p.grad)
    out['after_shape'] = list(p.shape)
    out['after_initialized'] = p.is_initialized
    q = chainer.Parameter()
    q.initialize((3,))
    out['nan'] = arr(np, q)
    q.cleargrad()
    out['cleared'] = q.grad is None
    r = chainer.Parameter(chainer.initializers.Constant(1.0))
    r.cleargrad()
    r.initialize((2,))
    out['cleared_before_init_grad_none'] = r.grad is None
    z = chainer.Parameter(chainer.initializers.Constant(1.0))
    z.zerograd()
    z.initialize((2,))
    out['zerograd_before_init'] = arr(np, z.grad)
    return out


def case_parameter_in_graph(chainer, F, np):
    W = chainer.Parameter(rand(np, (3, 2), 60))
    x = chainer.Variable(rand(np, (4, 3), 61))
    y = F.sum(F.matmul(x, W))
    y.backward()
    return {'gW': arr(np, W.grad), 'gx': arr(np, x.grad),
            'W_grad_type': type(W.grad_var).__name__}
