"""Stacked (bi-directional) Elman RNNs over variable-length sequences
(``chainer.functions.n_step_rnn``, ``n_step_birnn``), and the machinery
shared by :func:`~chainerjax.functions.n_step_lstm` and
:func:`~chainerjax.functions.n_step_gru`.

The whole stack runs as one op, :class:`NStepRNNFunction` (between one
that stacks the time steps into a padded array and one that splits the
outputs back): the inputs of each layer are multiplied by their weights for
all time steps at once, and the recurrence is one ``jax.lax.scan`` over time
(both directions in the same scan), in which a sequence that has ended keeps
its state. The batch sizes of the time steps are an input of the op, so one
compiled kernel serves every length pattern of the same padded shape. The
gradient is derived by JAX.
"""
import jax
import jax.numpy as jnp
import numpy

from chainerjax import _missing
from chainerjax import _random
from chainerjax import configuration
from chainerjax.functions.array import concat
from chainerjax.functions.array import separate
from chainerjax.functions.array import split_axis
from chainerjax.functions.array import stack
from chainerjax.functions.noise import dropout
from chainerjax import function_node
from chainerjax.utils import type_check


# The number of weight matrices (and bias vectors) per layer and direction.
_N_WEIGHTS = {'rnn_tanh': 2, 'rnn_relu': 2, 'gru': 6, 'lstm': 8}
_LABELS = {'rnn_tanh': 'RNNTanh', 'rnn_relu': 'RNNReLU', 'gru': 'GRU',
           'lstm': 'LSTM'}


def _cudnn_getattr(module_name, names):
    # Chainer's modules also hold the Function classes wrapping cuDNN's RNN
    # kernels; they have no counterpart here.
    default = _missing.module_getattr(module_name)

    def __getattr__(name):
        if name in names:
            raise _missing.NotImplementedInChainerjax(
                'chainer{}.{} wraps cuDNN\'s RNN kernels, which chainerjax '
                'does not use: the n_step_* functions run as compiled JAX '
                'ops on any device. Call the n_step_* functions (or the '
                'NStep* links) instead.'.format(
                    module_name[len('chainerjax'):], name))
        return default(name)
    return __getattr__


__getattr__ = _cudnn_getattr(__name__, (
    'BaseNStepRNN', 'NStepRNNTanh', 'NStepRNNReLU', 'NStepBiRNNTanh',
    'NStepBiRNNReLU', 'CudnnRNNWeightConcat', 'cudnn_rnn_weight_concat'))


def _check_kwargs(kwargs):
    if 'train' in kwargs:
        raise ValueError('train argument is not supported anymore. '
                         'Use chainer.using_config')
    if 'use_cudnn' in kwargs:
        raise ValueError('use_cudnn argument is not supported anymore. '
                         'Use chainer.using_config')
    if kwargs:
        raise TypeError('got unexpected keyword argument(s) {}'.format(
            ', '.join(sorted(kwargs))))


def _sigmoid(x):
    return jax.nn.sigmoid(x)


def _relu(x):
    # relu'(0) = 0, as Chainer's.
    return jnp.where(x > 0, x, x.dtype.type(0))


class _TimeSteps(function_node.FunctionNode):
    """Stacks the time steps ``xs[t]`` ``(B_t, I)`` (``B_t`` not
    increasing) into one ``(T, n_batch, I)`` array padded with zeros."""

    def __init__(self, n_batch, label):
        self.n_batch = n_batch
        self._label = label

    @property
    def label(self):
        return self._label

    def check_type_forward(self, in_types):
        type_check._argname(
            in_types, tuple('xs[{}]'.format(t) for t in range(len(in_types))))
        x0 = in_types[0]
        type_check.expect(
            x0.dtype.kind == 'f',
            x0.ndim == 2,
            x0.shape[0] <= self.n_batch,
        )
        for p, n in zip(in_types, in_types[1:]):
            # The sequences must be sorted by decreasing length.
            type_check.expect(
                n.dtype == x0.dtype,
                n.ndim == 2,
                n.shape[1] == x0.shape[1],
                p.shape[0] >= n.shape[0],
            )

    def forward(self, xs):
        n = self.n_batch
        return jnp.stack([jnp.pad(x, ((0, n - x.shape[0]), (0, 0)))
                          for x in xs]),


class _SplitTimeSteps(function_node.FunctionNode):
    """The inverse of :class:`_TimeSteps`: ``ys[t] = y[t, :batches[t]]``."""

    def __init__(self, batches):
        self.batches = tuple(batches)

    def forward(self, inputs):
        y, = inputs
        return tuple([y[t, :b] for t, b in enumerate(self.batches)])


class NStepRNNFunction(function_node.FunctionNode):
    """The whole stacked RNN as one op.

    Inputs: ``(key,)`` when dropout is applied (raw ``uint32`` key data),
    ``hx``, ``cx`` (LSTM only), the ``n_layers * n_directions * n_weights``
    weights in Chainer's order (``ws[layer * n_directions + direction][j]``),
    the biases in the same order, the padded inputs ``x`` ``(T, B, I)`` and
    the batch size of each time step ``batches`` ``(T,)`` (int32).
    Outputs: ``hy``, ``cy`` (LSTM only) and ``y`` ``(T, B, D * N)`` (the
    rows ``y[t, batches[t]:]`` are meaningless).

    The kernel only depends on the shapes, not on the batch sizes of the
    time steps, so batches of different length patterns share it.

    Args:
        n_layers (int): the number of layers.
        n_directions (int): 1, or 2 for bi-directional.
        mode (str): ``'lstm'``, ``'gru'``, ``'rnn_tanh'`` or ``'rnn_relu'``.
        dropout_ratio (float): the dropout ratio of the inputs of the layers
            above the first; only used when ``use_dropout``.
        use_dropout (bool): whether the first input is a key and dropout
            is applied.
    """

    def __init__(self, n_layers, n_directions, mode, dropout_ratio,
                 use_dropout):
        self.n_layers = n_layers
        self.n_directions = n_directions
        self.mode = mode
        # Part of the kernel's key only when it is used.
        self.dropout_ratio = float(dropout_ratio) if use_dropout else 0.0
        self.use_dropout = use_dropout

    @property
    def label(self):
        return 'NStep{}{}'.format('Bi' if self.n_directions == 2 else '',
                                  _LABELS[self.mode])

    def _names(self):
        n_w = _N_WEIGHTS[self.mode]
        n_ld = self.n_layers * self.n_directions
        names = ['key'] if self.use_dropout else []
        names.append('hx')
        if self.mode == 'lstm':
            names.append('cx')
        for p in ('ws', 'bs'):
            names += ['{}[{}][{}]'.format(p, i, j)
                      for i in range(n_ld) for j in range(n_w)]
        return names + ['x', 'batches']

    def check_type_forward(self, in_types):
        type_check._argname(in_types, self._names())
        n_w = _N_WEIGHTS[self.mode]
        n_dir = self.n_directions
        n_ld = self.n_layers * n_dir
        start = 1 if self.use_dropout else 0
        h_type = in_types[start]
        start += 1
        if self.mode == 'lstm':
            c_type = in_types[start]
            start += 1
        w_types = in_types[start:start + n_ld * n_w]
        b_types = in_types[start + n_ld * n_w:start + 2 * n_ld * n_w]
        x_type = in_types[-2]

        out_size = w_types[0].shape[0]
        type_check.expect(
            h_type.dtype == x_type.dtype,
            h_type.ndim == 3,
            h_type.shape[0] >= n_ld,
            h_type.shape[1] == x_type.shape[1],
            h_type.shape[2] == out_size,
        )
        if self.mode == 'lstm':
            type_check.expect(
                c_type.dtype == x_type.dtype,
                c_type.ndim == 3,
                c_type.shape[0] >= n_ld,
                c_type.shape[1] == h_type.shape[1],
                c_type.shape[2] == out_size,
            )
        for layer in range(self.n_layers):
            for di in range(n_dir):
                for j in range(n_w):
                    k = (layer * n_dir + di) * n_w + j
                    w_type, b_type = w_types[k], b_types[k]
                    if j >= n_w // 2:
                        w_in = out_size
                    elif layer == 0:
                        w_in = x_type.shape[2]
                    else:
                        w_in = out_size * n_dir
                    type_check.expect(
                        w_type.dtype == x_type.dtype,
                        w_type.ndim == 2,
                        w_type.shape[0] == out_size,
                        w_type.shape[1] == w_in,
                        b_type.dtype == x_type.dtype,
                        b_type.ndim == 1,
                        b_type.shape[0] == out_size,
                    )

    def forward(self, inputs):
        mode = self.mode
        n_w = _N_WEIGHTS[mode]
        n_g = n_w // 2
        n_dir = self.n_directions
        n_ld = self.n_layers * n_dir
        pos = 0
        key = None
        if self.use_dropout:
            key = jax.random.wrap_key_data(inputs[0])
            pos = 1
        hx = inputs[pos]
        pos += 1
        cx = None
        if mode == 'lstm':
            cx = inputs[pos]
            pos += 1
        ws = inputs[pos:pos + n_ld * n_w]
        bs = inputs[pos + n_ld * n_w:pos + 2 * n_ld * n_w]
        x, batches = inputs[-2:]
        dtype = hx.dtype
        n_batch = hx.shape[1]

        # valid[t, d, b]: row b is inside its sequence at the t-th step of
        # direction d (the backward direction runs on reversed time).
        valid = jnp.arange(n_batch)[None, :] < batches[:, None]
        valid = jnp.stack([valid, valid[::-1]][:n_dir], axis=1)[..., None]

        hy = []
        cy = []
        for layer in range(self.n_layers):
            idx = [layer * n_dir + di for di in range(n_dir)]

            def gather(arrays, lo, hi):
                return jnp.stack([jnp.concatenate(
                    arrays[k * n_w + lo:k * n_w + hi], axis=0) for k in idx])

            w_x, w_h = gather(ws, 0, n_g), gather(ws, n_g, n_w)
            b_x, b_h = gather(bs, 0, n_g), gather(bs, n_g, n_w)
            if layer > 0 and self.use_dropout:
                # Chainer drops the inputs of each direction separately.
                scale = dtype.type(1. / (1. - self.dropout_ratio))
                kept = []
                for k in idx:
                    sub = jax.random.fold_in(key, k)
                    flag = jax.random.uniform(sub, x.shape, jnp.float32) \
                        >= self.dropout_ratio
                    kept.append(x * (flag.astype(dtype) * scale))
                gx = jnp.einsum('dtbi,dgi->dtbg', jnp.stack(kept), w_x)
            else:
                gx = jnp.einsum('tbi,dgi->dtbg', x, w_x)
            gx = gx + b_x[:, None, None, :]
            if n_dir == 2:
                gx = jnp.stack([gx[0], gx[1, ::-1]])
            gx = jnp.swapaxes(gx, 0, 1)  # (T, D, B, G)

            h0 = jnp.stack([hx[k] for k in idx])
            c0 = jnp.stack([cx[k] for k in idx]) if cx is not None else None
            step = _make_step(mode, w_h, b_h, dtype)
            (h_last, c_last), out = jax.lax.scan(step, (h0, c0), (gx, valid))
            hy.append(h_last)
            cy.append(c_last)
            if n_dir == 2:
                x = jnp.concatenate([out[:, 0], out[::-1, 1]], axis=-1)
            else:
                x = out[:, 0]

        outputs = [jnp.concatenate(hy, axis=0)]
        if mode == 'lstm':
            outputs.append(jnp.concatenate(cy, axis=0))
        outputs.append(x)
        return tuple(outputs)


def _make_step(mode, w_h, b_h, dtype):
    # One time step of every direction: h, c are (D, B, N) (c is None but
    # for LSTMs), gx_t is the input contribution (D, B, G * N) and valid_t
    # (D, B, 1) says which rows are inside their sequence.
    def step(carry, inp):
        h, c = carry
        gx_t, valid_t = inp
        gh = jnp.einsum('dbn,dgn->dbg', h, w_h) + b_h[:, None, :]
        n = h.shape[-1]
        if mode == 'lstm':
            # Chainer's (and cuDNN's) order: W0 input gate, W1 forget gate,
            # W2 cell input, W3 output gate.
            g = gx_t + gh
            i, f, a, o = (g[..., k * n:(k + 1) * n] for k in range(4))
            c_new = jnp.tanh(a) * _sigmoid(i) + _sigmoid(f) * c
            h_new = _sigmoid(o) * jnp.tanh(c_new)
            c = jnp.where(valid_t, c_new.astype(dtype), c)
        elif mode == 'gru':
            r = _sigmoid(gx_t[..., :n] + gh[..., :n])
            z = _sigmoid(gx_t[..., n:2 * n] + gh[..., n:2 * n])
            h_bar = jnp.tanh(gx_t[..., 2 * n:] + r * gh[..., 2 * n:])
            h_new = (dtype.type(1) - z) * h_bar + z * h
        elif mode == 'rnn_tanh':
            h_new = jnp.tanh(gx_t + gh)
        else:
            h_new = _relu(gx_t + gh)
        h = jnp.where(valid_t, h_new.astype(dtype), h)
        return (h, c), h

    return step


def _n_step_rnn(mode, n_layers, dropout_ratio, hx, cx, ws, bs, xs,
                use_bi_direction):
    # Runs NStepRNNFunction; returns (hy, cy or None, ys).
    if hx is None or (mode == 'lstm' and cx is None):
        raise TypeError(
            'hx and cx must be Variables or arrays (the links accept None; '
            'for the functions pass zeros)')
    n_dir = 2 if use_bi_direction else 1
    n_w = _N_WEIGHTS[mode]
    n_ld = n_layers * n_dir
    if n_layers < 1:
        raise ValueError('n_layers must be positive, got {}'.format(
            n_layers))
    if len(ws) < n_ld or len(bs) < n_ld or \
            any(len(ws[k]) < n_w or len(bs[k]) < n_w for k in range(n_ld)):
        raise IndexError(
            '{} layer(s) x {} direction(s) need {} lists of {} weights in ws '
            'and of {} biases in bs'.format(n_layers, n_dir, n_ld, n_w, n_w))
    xs = list(xs)
    if not xs:
        raise IndexError('xs is empty')
    if len(hx.shape) != 3:
        raise type_check.InvalidType(
            'hx.ndim == 3', 'hx.ndim == {}'.format(len(hx.shape)))
    batches = [int(x.shape[0]) for x in xs]
    train = configuration.config.train
    use_dropout = False
    if train and n_layers > 1:
        if not 0.0 <= dropout_ratio < 1.0:
            raise ValueError('dropout_ratio must be in the range [0, 1)')
        use_dropout = dropout_ratio > 0
    inputs = []
    if use_dropout:
        inputs.append(jax.random.key_data(_random.next_key()))
    inputs.append(hx)
    if mode == 'lstm':
        inputs.append(cx)
    for p in (ws, bs):
        for k in range(n_ld):
            inputs.extend(p[k][:n_w])
    func = NStepRNNFunction(n_layers, n_dir, mode, dropout_ratio,
                            use_dropout)
    inputs.append(_TimeSteps(int(hx.shape[1]), func.label).apply(xs)[0])
    inputs.append(numpy.asarray(batches, numpy.int32))
    outs = func.apply(inputs)
    ys = _SplitTimeSteps(batches).apply((outs[-1],))
    if mode == 'lstm':
        return outs[0], outs[1], ys
    return outs[0], None, ys


def _check_input_size(xs, ws):
    x_in = xs[0].shape[1]
    w_in = ws[0][0].shape[1]
    if x_in != w_in:
        raise ValueError('Inconsistent input size in input values and weight '
                         'parameters: {} != {}'.format(x_in, w_in))


def n_step_rnn(
        n_layers, dropout_ratio, hx, ws, bs, xs, activation='tanh', **kwargs):
    """n_step_rnn(n_layers, dropout_ratio, hx, ws, bs, xs, activation='tanh')

    Stacked uni-directional RNN over variable-length sequences.

    Layer by layer and time step by time step it computes

    .. math::
        h_t = f(W_0 x_t + b_0 + W_1 h_{t-1} + b_1),

    where :math:`f` is ``tanh`` or ``relu``, :math:`x_t` is the input of
    the first layer or the output of the layer below (to which dropout is
    applied in training mode).

    Args:
        n_layers (int): the number of layers ``S``.
        dropout_ratio (float): the dropout ratio of the inputs of the
            layers above the first.
        hx (~chainerjax.Variable or array): the initial hidden states, of
            shape ``(S, B, N)``.
        ws (list of list of ~chainerjax.Variable): ``ws[i] = [W_0, W_1]``
            for layer ``i``; ``ws[0][0]`` is ``(N, I)``, the others
            ``(N, N)``.
        bs (list of list of ~chainerjax.Variable): ``bs[i] = [b_0, b_1]``,
            each of shape ``(N,)``.
        xs (list of ~chainerjax.Variable): the inputs by time step:
            ``xs[t]`` is ``(B_t, I)``; the sequences are sorted by
            decreasing length, so ``B_t >= B_{t+1}``
            (see :func:`~chainerjax.functions.transpose_sequence`).
        activation (str): ``'tanh'`` or ``'relu'``.

    Returns:
        tuple: ``(hy, ys)``: the last hidden states (shape of ``hx``) and
        the tuple of the last layer's outputs ``ys[t]`` of shape
        ``(B_t, N)``.

    Example:
        >>> import numpy as np
        >>> import chainerjax.functions as F
        >>> xs = [np.ones((b, 3), np.float32) for b in (3, 2, 1)]
        >>> hx = np.zeros((2, 3, 4), np.float32)
        >>> ws = [[np.ones((4, 3 if i == 0 and j == 0 else 4), np.float32)
        ...        for j in range(2)] for i in range(2)]
        >>> bs = [[np.zeros(4, np.float32)] * 2 for i in range(2)]
        >>> hy, ys = F.n_step_rnn(2, 0.0, hx, ws, bs, xs)
        >>> hy.shape, [y.shape for y in ys]
        ((2, 3, 4), [(3, 4), (2, 4), (1, 4)])
    """
    return n_step_rnn_base(n_layers, dropout_ratio, hx, ws, bs, xs,
                           activation, use_bi_direction=False, **kwargs)


def n_step_birnn(
        n_layers, dropout_ratio, hx, ws, bs, xs, activation='tanh', **kwargs):
    """n_step_birnn(n_layers, dropout_ratio, hx, ws, bs, xs, activation='tanh')

    Stacked bi-directional RNN over variable-length sequences.

    Each layer runs one RNN forward in time and one backward
    (:math:`h^f_t = f(W^f_0 x_t + b^f_0 + W^f_1 h^f_{t-1} + b^f_1)`,
    :math:`h^b_t = f(W^b_0 x_t + b^b_0 + W^b_1 h^b_{t+1} + b^b_1)`) and
    outputs their concatenation :math:`[h^f_t; h^b_t]`.

    Args:
        n_layers (int): the number of layers ``S``.
        dropout_ratio (float): the dropout ratio of the inputs of the
            layers above the first.
        hx (~chainerjax.Variable or array): the initial hidden states, of
            shape ``(2S, B, N)``; ``hx[2 * i + d]`` is layer ``i``'s,
            direction ``d`` (0 forward, 1 backward).
        ws (list of list of ~chainerjax.Variable): ``ws[2 * i + d] =
            [W_0, W_1]``; ``W_0`` is ``(N, I)`` for the first layer,
            ``(N, 2N)`` above, ``W_1`` is ``(N, N)``.
        bs (list of list of ~chainerjax.Variable): ``bs[2 * i + d] =
            [b_0, b_1]``, each of shape ``(N,)``.
        xs (list of ~chainerjax.Variable): the inputs by time step, sorted
            by decreasing batch size (see :func:`n_step_rnn`).
        activation (str): ``'tanh'`` or ``'relu'``.

    Returns:
        tuple: ``(hy, ys)``: the last hidden states (shape of ``hx``) and
        the outputs ``ys[t]`` of shape ``(B_t, 2N)``.
    """
    return n_step_rnn_base(n_layers, dropout_ratio, hx, ws, bs, xs,
                           activation, use_bi_direction=True, **kwargs)


def n_step_rnn_base(n_layers, dropout_ratio, hx, ws, bs, xs,
                    activation, use_bi_direction, **kwargs):
    """n_step_rnn_base(n_layers, dropout_ratio, hx, ws, bs, xs, activation, \
use_bi_direction)

    The function behind :func:`n_step_rnn` (``use_bi_direction=False``)
    and :func:`n_step_birnn` (``use_bi_direction=True``); the arguments are
    theirs.

    Returns:
        tuple: ``(hy, ys)``.
    """
    _check_kwargs(kwargs)
    if activation not in ('tanh', 'relu'):
        raise ValueError('Invalid activation: "{}". Please select from '
                         '[tanh,relu]'.format(activation))
    _check_input_size(xs, ws)
    hy, _, ys = _n_step_rnn('rnn_' + activation, n_layers, dropout_ratio,
                            hx, None, ws, bs, xs, use_bi_direction)
    return hy, ys


def n_step_rnn_impl(
        f, n_layers, dropout_ratio, hx, cx, ws, bs, xs, use_bi_direction):
    """Stacked RNN for any cell ``f``, one op per step (a generic helper).

    ``f(x, h, c, w, b)`` computes one time step of one direction of one
    layer from the input ``x`` ``(B_t, I)``, the state ``h`` (and ``c``,
    None when ``cx`` is None) restricted to the first ``B_t`` rows, the
    layer's weights ``w = ws[k]`` and biases ``b = bs[k]``, and returns the
    new ``(h, c)``. Dropout (in training mode) is applied to the inputs of
    the layers above the first, per direction.

    The built-in :func:`n_step_rnn`, :func:`~chainerjax.functions.n_step_gru`
    and :func:`~chainerjax.functions.n_step_lstm` do not use this helper: they
    run the whole stack as one compiled op.

    Returns:
        tuple: ``(hy, cy, ys)``; ``cy`` is None when ``cx`` is None.
    """
    n_dir = 2 if use_bi_direction else 1
    hx = separate.separate(hx)
    use_cell = cx is not None
    if use_cell:
        cx = separate.separate(cx)
    else:
        cx = [None] * len(hx)

    xs_next = xs
    hy = []
    cy = []
    for layer in range(n_layers):
        outs = []
        for di in range(n_dir):
            k = n_dir * layer + di
            xs_in = xs_next if layer == 0 else [
                dropout.dropout(x, ratio=dropout_ratio) for x in xs_next]
            if di == 1:
                xs_in = list(reversed(xs_in))
            h, c, hs = _one_directional_loop(
                f, xs_in, hx[k], cx[k], ws[k], bs[k])
            if di == 1:
                hs.reverse()
            outs.append(hs)
            hy.append(h)
            cy.append(c)
        if n_dir == 2:
            xs_next = [concat.concat([hf, hb], axis=1)
                       for hf, hb in zip(*outs)]
        else:
            xs_next = outs[0]
    hy = stack.stack(hy)
    cy = stack.stack(cy) if use_cell else None
    return hy, cy, tuple(xs_next)


def _one_directional_loop(f, xs, h, c, w, b):
    hs = []
    for x in xs:
        batch = len(x)
        split = len(h) > batch
        if split:
            h, h_rest = split_axis.split_axis(h, [batch], axis=0)
            if c is not None:
                c, c_rest = split_axis.split_axis(c, [batch], axis=0)
        h, c = f(x, h, c, w, b)
        hs.append(h)
        if split:
            h = concat.concat([h, h_rest], axis=0)
            if c is not None:
                c = concat.concat([c, c_rest], axis=0)
    return h, c, hs

