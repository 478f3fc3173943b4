"""Stacked (bi-directional) GRUs over variable-length sequences
(``chainer.functions.n_step_gru``, ``n_step_bigru``)."""
from chainerjax.functions.rnn import n_step_rnn

__getattr__ = n_step_rnn._cudnn_getattr(__name__, ('NStepGRU', 'NStepBiGRU'))


def n_step_gru(
        n_layers, dropout_ratio, hx, ws, bs, xs, **kwargs):
    """n_step_gru(n_layers, dropout_ratio, hx, ws, bs, xs)

    Stacked uni-directional GRU over variable-length sequences.

    Layer by layer and time step by time step it computes

    .. math::
        r_t &= \\sigma(W_0 x_t + b_0 + W_3 h_{t-1} + b_3) \\\\
        z_t &= \\sigma(W_1 x_t + b_1 + W_4 h_{t-1} + b_4) \\\\
        \\bar{h}_t &= \\tanh(W_2 x_t + b_2 + r_t (W_5 h_{t-1} + b_5)) \\\\
        h_t &= (1 - z_t) \\bar{h}_t + z_t h_{t-1}

    where :math:`x_t` is the input of the first layer or the output of the
    layer below (to which dropout is applied in training mode).

    Args:
        n_layers (int): the number of layers ``S``.
        dropout_ratio (float): the dropout ratio of the inputs of the
            layers above the first.
        hx (~chainerjax.Variable or array): the initial hidden states, of
            shape ``(S, B, N)``.
        ws (list of list of ~chainerjax.Variable): ``ws[i]`` holds the six
            matrices ``W_0 .. W_5`` of layer ``i``; ``ws[0][0:3]`` are
            ``(N, I)``, the others ``(N, N)``.
        bs (list of list of ~chainerjax.Variable): ``bs[i]`` holds the six
            vectors ``b_0 .. b_5`` of shape ``(N,)``.
        xs (list of ~chainerjax.Variable): the inputs by time step:
            ``xs[t]`` is ``(B_t, I)``; the sequences are sorted by
            decreasing length, so ``B_t >= B_{t+1}``
            (see :func:`~chainerjax.functions.transpose_sequence`).

    Returns:
        tuple: ``(hy, ys)``: the last hidden states (shape of ``hx``) and
        the tuple of the last layer's outputs ``ys[t]`` of shape
        ``(B_t, N)``.

    Example:
        >>> import numpy as np
        >>> import chainerjax.functions as F
        >>> xs = [np.ones((b, 3), np.float32) for b in (2, 1)]
        >>> hx = np.zeros((1, 2, 4), np.float32)
        >>> ws = [[np.ones((4, 3 if j < 3 else 4), np.float32)
        ...        for j in range(6)]]
        >>> bs = [[np.zeros(4, np.float32)] * 6]
        >>> hy, ys = F.n_step_gru(1, 0.0, hx, ws, bs, xs)
        >>> hy.shape, [y.shape for y in ys]
        ((1, 2, 4), [(2, 4), (1, 4)])
    """
    return n_step_gru_base(n_layers, dropout_ratio, hx, ws, bs, xs,
                           use_bi_direction=False, **kwargs)


def n_step_bigru(
        n_layers, dropout_ratio, hx, ws, bs, xs, **kwargs):
    """n_step_bigru(n_layers, dropout_ratio, hx, ws, bs, xs)

    Stacked bi-directional GRU over variable-length sequences.

    Each layer runs one GRU (the equations of :func:`n_step_gru`) forward in
    time and one backward, and outputs the concatenation
    :math:`[h^f_t; h^b_t]` of their hidden states.

    Args:
        n_layers (int): the number of layers ``S``.
        dropout_ratio (float): the dropout ratio of the inputs of the
            layers above the first.
        hx (~chainerjax.Variable or array): the initial hidden states, of
            shape ``(2S, B, N)``; ``hx[2 * i + d]`` is layer ``i``'s,
            direction ``d`` (0 forward, 1 backward).
        ws (list of list of ~chainerjax.Variable): ``ws[2 * i + d]`` holds
            the six matrices of layer ``i``, direction ``d``;
            ``ws[0][0:3]`` and ``ws[1][0:3]`` are ``(N, I)``, ``ws[k][0:3]``
            for ``k >= 2`` are ``(N, 2N)``, the others ``(N, N)``.
        bs (list of list of ~chainerjax.Variable): ``bs[2 * i + d]`` holds
            the six vectors of shape ``(N,)``.
        xs (list of ~chainerjax.Variable): the inputs by time step, sorted
            by decreasing batch size (see :func:`n_step_gru`).

    Returns:
        tuple: ``(hy, ys)``: the last hidden states (shape of ``hx``) and
        the outputs ``ys[t]`` of shape ``(B_t, 2N)``.
    """
    return n_step_gru_base(n_layers, dropout_ratio, hx, ws, bs, xs,
                           use_bi_direction=True, **kwargs)


def n_step_gru_base(n_layers, dropout_ratio, hx, ws, bs, xs,
                    use_bi_direction, **kwargs):
    """n_step_gru_base(n_layers, dropout_ratio, hx, ws, bs, xs, \
use_bi_direction)

    The function behind :func:`n_step_gru` (``use_bi_direction=False``)
    and :func:`n_step_bigru` (``use_bi_direction=True``); the arguments are
    theirs.

    Returns:
        tuple: ``(hy, ys)``.
    """
    n_step_rnn._check_kwargs(kwargs)
    hy, _, ys = n_step_rnn._n_step_rnn('gru', n_layers, dropout_ratio, hx,
                                       None, ws, bs, xs, use_bi_direction)
    return hy, ys
