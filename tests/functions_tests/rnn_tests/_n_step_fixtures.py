"""Compares the n_step_* functions with real Chainer 7.8.1
(n_step_fixtures.npz, see make_n_step_fixtures.py)."""
import os

import numpy

import chainerjax as chainer
import chainerjax.functions as F

_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                     'n_step_fixtures.npz')
_data = None

N_WEIGHTS = {'lstm': 8, 'gru': 6, 'rnn_tanh': 2, 'rnn_relu': 2}


def load():
    global _data
    if _data is None:
        with numpy.load(_PATH) as f:
            _data = dict(f.items())
    return _data


def tol(dtype):
    return {numpy.dtype('float16'): {'rtol': 3e-2, 'atol': 3e-2},
            numpy.dtype('float32'): {'rtol': 1e-4, 'atol': 1e-5},
            numpy.dtype('float64'): {'rtol': 1e-10, 'atol': 1e-12}}[
                numpy.dtype(dtype)]


def mode_of(name):
    for mode in ('lstm', 'gru', 'rnn_tanh', 'rnn_relu'):
        if name.lstrip('bi').startswith(mode):
            return mode
    raise ValueError(name)


def inputs(name):
    """Returns ``(meta, ratio, variables, hx, cx, ws, bs, xs)`` of a case,
    as fresh Variables."""
    d = load()
    mode = mode_of(name)
    n_layers, bi, train = (int(v) for v in d[name + '/meta'])
    n_ld = n_layers * (2 if bi else 1)
    n_w = N_WEIGHTS[mode]
    prefix = name + '/'
    vs = {}
    for key, a in d.items():
        k = key[len(prefix):]
        if key.startswith(prefix) and k[0] in 'hcwbx' and '_' not in k[:2] \
                and k not in ('hy', 'cy') and not k.startswith('g'):
            vs[k] = chainer.Variable(a.copy())
    ws = [[vs['w{}_{}'.format(k, j)] for j in range(n_w)]
          for k in range(n_ld)]
    bs = [[vs['b{}_{}'.format(k, j)] for j in range(n_w)]
          for k in range(n_ld)]
    t = 0
    xs = []
    while 'x{}'.format(t) in vs:
        xs.append(vs['x{}'.format(t)])
        t += 1
    meta = (mode, n_layers, bool(bi), bool(train))
    return (meta, float(d[name + '/ratio']), vs, vs['hx'], vs.get('cx'), ws,
            bs, xs)


def call(mode, bi, n_layers, ratio, hx, cx, ws, bs, xs):
    """Runs the chainerjax function of ``mode``; returns (hy, cy, ys)."""
    if mode == 'lstm':
        f = F.n_step_bilstm if bi else F.n_step_lstm
        return f(n_layers, ratio, hx, cx, ws, bs, xs)
    if mode == 'gru':
        f = F.n_step_bigru if bi else F.n_step_gru
        hy, ys = f(n_layers, ratio, hx, ws, bs, xs)
    else:
        f = F.n_step_birnn if bi else F.n_step_rnn
        hy, ys = f(n_layers, ratio, hx, ws, bs, xs, activation=mode[4:])
    return hy, None, ys


def check(name, func=None):
    """Runs case ``name`` (with ``func(meta, ratio, hx, cx, ws, bs, xs)``,
    by default :func:`call`) and compares the outputs, and all the input
    gradients when the fixture has them, with Chainer's."""
    d = load()
    meta, ratio, vs, hx, cx, ws, bs, xs = inputs(name)
    mode, n_layers, bi, train = meta
    grad = '{}/ghy'.format(name) in d
    with chainer.using_config('train', train), \
            chainer.using_config('enable_backprop', grad):
        if func is None:
            hy, cy, ys = call(mode, bi, n_layers, ratio, hx, cx, ws, bs, xs)
        else:
            hy, cy, ys = func(meta, ratio, hx, cx, ws, bs, xs)
    assert isinstance(ys, tuple) and len(ys) == len(xs)
    outs = [('hy', hy)] + ([('cy', cy)] if mode == 'lstm' else []) + \
        [('y{}'.format(t), y) for t, y in enumerate(ys)]
    gys = []
    for k, y in outs:
        want = d['{}/{}'.format(name, k)]
        assert y.dtype == want.dtype and y.shape == want.shape, k
        numpy.testing.assert_allclose(y.array, want, err_msg=k,
                                      **tol(want.dtype))
        if grad:
            gys.append(chainer.Variable(d['{}/g{}'.format(name, k)]))
    if not grad:
        return
    chainer.backward([y for _, y in outs], gys)
    for k, v in vs.items():
        want = d['{}/g_{}'.format(name, k)]
        assert v.grad is not None, k
        numpy.testing.assert_allclose(v.grad, want, err_msg='g_' + k,
                                      **tol(want.dtype))
