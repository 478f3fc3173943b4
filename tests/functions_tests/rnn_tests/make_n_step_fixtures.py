"""Generates n_step_fixtures.npz (n_step_lstm/gru/rnn) with real Chainer
7.8.1.

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python \\
        tests/functions_tests/rnn_tests/make_n_step_fixtures.py

For each case ``<name>`` (see CASES): ``<name>/meta`` ``[n_layers,
bi-directional, train]``, ``<name>/ratio`` (dropout ratio), the inputs
``hx``, ``cx`` (LSTM), ``w<k>_<j>``, ``b<k>_<j>``, ``x<t>`` and the outputs
``hy``, ``cy``, ``y<t>``; for the cases of GRAD_CASES also the output
gradients ``ghy``, ``gcy``, ``gy<t>`` and the input gradients
``g_<input>``.
"""
import os
import tempfile

import numpy

import chainer
import chainer.functions as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   'n_step_fixtures.npz')

N_WEIGHTS = {'lstm': 8, 'gru': 6, 'rnn_tanh': 2, 'rnn_relu': 2}

# name: (mode, bi, n_layers, in_size, out_size, batches, dtype, hx batch,
#        dropout ratio, train)
CASES = {}
for _mode in ('lstm', 'gru', 'rnn_tanh', 'rnn_relu'):
    CASES[_mode] = (_mode, False, 2, 3, 4, (3, 2, 2, 1), 'float32', 3,
                    0.0, True)
    CASES['bi' + _mode] = (_mode, True, 2, 3, 2, (3, 2, 2, 1), 'float32', 3,
                           0.0, True)
for _mode in ('lstm', 'gru', 'rnn_tanh'):
    for _dtype in ('float16', 'float64'):
        CASES['{}_{}'.format(_mode, _dtype)] = (
            _mode, False, 1, 3, 2, (2, 2, 1), _dtype, 2, 0.0, True)
# hx with more rows than sequences and an empty last time step.
CASES['lstm_float64'] = ('lstm', False, 1, 3, 2, (3, 1, 0), 'float64', 4,
                         0.0, True)
# Gradients are compared for one case per family (and the wide one).
GRAD_CASES = ('lstm', 'bigru', 'birnn_tanh', 'lstm_float64')


def call(mode, bi, n_layers, ratio, hx, cx, ws, bs, xs):
    if mode == 'lstm':
        f = F.n_step_bilstm if bi else F.n_step_lstm
        return f(n_layers, ratio, hx, cx, ws, bs, xs)
    if mode == 'gru':
        f = F.n_step_bigru if bi else F.n_step_gru
        hy, ys = f(n_layers, ratio, hx, ws, bs, xs)
    else:
        f = F.n_step_birnn if bi else F.n_step_rnn
        hy, ys = f(n_layers, ratio, hx, ws, bs, xs,
                   activation=mode[4:])
    return hy, None, ys


def make_case(store, rs, name, case):
    (mode, bi, n_layers, in_size, out_size, batches, dtype, n_batch, ratio,
     train) = case
    n_dir = 2 if bi else 1
    n_w = N_WEIGHTS[mode]

    def u(*shape):
        return rs.uniform(-1, 1, shape).astype(dtype)

    arrays = {'hx': u(n_layers * n_dir, n_batch, out_size)}
    if mode == 'lstm':
        arrays['cx'] = u(n_layers * n_dir, n_batch, out_size)
    for layer in range(n_layers):
        for di in range(n_dir):
            k = layer * n_dir + di
            for j in range(n_w):
                if j >= n_w // 2:
                    w_in = out_size
                elif layer == 0:
                    w_in = in_size
                else:
                    w_in = out_size * n_dir
                arrays['w{}_{}'.format(k, j)] = u(out_size, w_in)
                arrays['b{}_{}'.format(k, j)] = u(out_size)
    for t, b in enumerate(batches):
        arrays['x{}'.format(t)] = u(b, in_size)
    vs = {k: chainer.Variable(a.copy()) for k, a in arrays.items()}
    ws = [[vs['w{}_{}'.format(k, j)] for j in range(n_w)]
          for k in range(n_layers * n_dir)]
    bs = [[vs['b{}_{}'.format(k, j)] for j in range(n_w)]
          for k in range(n_layers * n_dir)]
    xs = [vs['x{}'.format(t)] for t in range(len(batches))]
    with chainer.using_config('train', train):
        hy, cy, ys = call(mode, bi, n_layers, ratio, vs['hx'], vs.get('cx'),
                          ws, bs, xs)
    outs = [('hy', hy)] + ([('cy', cy)] if cy is not None else []) + \
        [('y{}'.format(t), y) for t, y in enumerate(ys)]
    store[name + '/meta'] = numpy.array([n_layers, int(bi), int(train)])
    store[name + '/ratio'] = numpy.array(ratio)
    for k, a in arrays.items():
        store['{}/{}'.format(name, k)] = a
    for k, y in outs:
        store['{}/{}'.format(name, k)] = y.array
    if name not in GRAD_CASES:
        return
    gys = []
    for k, y in outs:
        gy = rs.uniform(-1, 1, y.shape).astype(dtype)
        store['{}/g{}'.format(name, k)] = gy
        gys.append(chainer.Variable(gy.copy()))
    chainer.backward([y for _, y in outs], gys)
    for k in arrays:
        store['{}/g_{}'.format(name, k)] = vs[k].grad


def main():
    rs = numpy.random.RandomState(0)
    store = {}
    for name in sorted(CASES):
        make_case(store, rs, name, CASES[name])
    fd, tmp = tempfile.mkstemp(suffix='.npz', dir=os.path.dirname(OUT))
    os.close(fd)
    numpy.savez_compressed(tmp, **store)
    os.chmod(tmp, 0o644)
    os.replace(tmp, OUT)


if __name__ == '__main__':
    main()
