"""FunctionTestCase cases of ``chainer.functions.rnn``.

Every function runs in float16, float32 and float64 on tiny shapes. The
``n_step_*`` functions run one layer of 2 units on 3 steps of decreasing
batch size (``n_step_lstm`` also two layers, in float64), in test mode
so that dropout is the identity; their inputs are the flattened
``hx``/``cx``, weights, biases and sequence, rebuilt into Chainer's nested
lists in the forward pass.
"""
import numpy

from compat_tests.functions.ftc_cases import FLOATS, Table

T = Table('rnn')
F64 = [numpy.float64]


def _arrays(g):
    return tuple(g.u(s, -2.0, 2.0) for s in g.shapes)


# x has 4 * units columns (the gates); a batch of x smaller than c_prev's
# lets the remaining rows of c_prev pass through.
lstm = T.case(
    'lstm',
    [{'dtype': FLOATS, 'shapes': [((2, 3), (2, 12))]},
     {'dtype': F64, 'shapes': [((3, 2), (2, 8)), ((2, 2, 1), (2, 8, 1))]}],
    _arrays,
    lambda F, p, c, x: F.lstm(c, x))

slstm = T.case(
    'slstm',
    [{'dtype': FLOATS, 'shapes': [((2, 3), (2, 3), (2, 12), (2, 12))]},
     {'dtype': F64, 'shapes': [((2, 2, 1), (2, 2, 1), (2, 8, 1),
                                (2, 8, 1))]}],
    _arrays,
    lambda F, p, c1, c2, x1, x2: F.slstm(c1, c2, x1, x2))

# Children's cells then x with (3 + n_children) * units columns.
tree_lstm = T.case(
    'tree_lstm',
    [{'dtype': FLOATS, 'shapes': [((2, 3), (2, 3), (2, 15))]},
     {'dtype': F64, 'shapes': [((2, 2), (2, 8)),
                               ((1, 2), (1, 2), (1, 2), (1, 12))]}],
    _arrays,
    lambda F, p, *xs: F.tree_lstm(*xs))

# Weights per layer and direction of each n_step function.
_N_WEIGHTS = {'rnn': 2, 'gru': 6, 'lstm': 8}
_UNITS = 2
_IN_SIZE = 3
_BATCHES = (2, 2, 1)


def _n_step_layout(p):
    # [(shape, ...)] of hx (and cx), the weights and biases, and xs.
    kind, bi = p.kind, p.bi
    dirs = 2 if bi else 1
    n_w = _N_WEIGHTS[kind]
    states = [(p.n_layers * dirs, _BATCHES[0], _UNITS)] * (
        2 if kind == 'lstm' else 1)
    ws, bs = [], []
    for layer in range(p.n_layers):
        in_size = _IN_SIZE if layer == 0 else _UNITS * dirs
        for _ in range(dirs):
            ws.append([(_UNITS, in_size if i < n_w // 2 else _UNITS)
                       for i in range(n_w)])
            bs.append([(_UNITS,)] * n_w)
    xs = [(b, _IN_SIZE) for b in _BATCHES]
    return states, ws, bs, xs


def _n_step_inputs(g):
    states, ws, bs, xs = _n_step_layout(g.params)
    shapes = list(states)
    for w, b in zip(ws, bs):
        shapes.extend(w)
        shapes.extend(b)
    shapes.extend(xs)
    return tuple(g.u(s) for s in shapes)


def _n_step_forward(F, p, *arrays):
    states, ws, bs, xs = _n_step_layout(p)
    it = iter(arrays)
    hx = [next(it) for _ in states]
    w_list, b_list = [], []
    for w, b in zip(ws, bs):
        w_list.append([next(it) for _ in w])
        b_list.append([next(it) for _ in b])
    x_list = [next(it) for _ in xs]
    name = 'n_step_' + ('bi' if p.bi else '') + p.kind
    return getattr(F, name)(p.n_layers, 0.0, *hx, w_list, b_list, x_list)


def _n_step_case(kind, bi, two_layers=False):
    name = 'n_step_' + ('bi' if bi else '') + kind
    grid = [{'dtype': FLOATS, 'n_layers': [1]}]
    if two_layers:
        grid.append({'dtype': F64, 'n_layers': [2]})
    return T.case(
        name,
        grid,
        _n_step_inputs,
        _n_step_forward,
        defaults={'kind': kind, 'bi': bi},
        config={'train': False})


n_step_rnn = _n_step_case('rnn', False)
n_step_birnn = _n_step_case('rnn', True)
n_step_gru = _n_step_case('gru', False)
n_step_bigru = _n_step_case('gru', True)
n_step_lstm = _n_step_case('lstm', False, two_layers=True)
n_step_bilstm = _n_step_case('lstm', True)
