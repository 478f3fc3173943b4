"""Stacked (bi-directional) LSTMs over variable-length sequences
(``chainer.functions.n_step_lstm``, ``n_step_bilstm``)."""
from chainerjax.functions.rnn import n_step_rnn

__getattr__ = n_step_rnn._cudnn_getattr(__name__, ('NStepLSTM', 'NStepBiLSTM'))


def n_step_lstm(
        n_layers, dropout_ratio, hx, cx, ws, bs, xs, **kwargs):
    """n_step_lstm(n_layers, dropout_ratio, hx, cx, ws, bs, xs)

    Stacked uni-directional LSTM over variable-length sequences.

    Layer by layer and time step by time step it computes

    .. math::
        i_t &= \\sigma(W_0 x_t + W_4 h_{t-1} + b_0 + b_4) \\\\
        f_t &= \\sigma(W_1 x_t + W_5 h_{t-1} + b_1 + b_5) \\\\
        a_t &= \\tanh(W_2 x_t + W_6 h_{t-1} + b_2 + b_6) \\\\
        o_t &= \\sigma(W_3 x_t + W_7 h_{t-1} + b_3 + b_7) \\\\
        c_t &= f_t c_{t-1} + i_t a_t \\\\
        h_t &= o_t \\tanh(c_t)

    where :math:`x_t` is the input of the first layer or the output of the
    layer below (to which dropout is applied in training mode). The whole
    stack is one op (a scan over time), differentiable as usual.

    (Chainer's docstring swaps :math:`W_2` and :math:`W_3`; its code, and
    this function, use :math:`W_2` for the cell input :math:`a_t` and
    :math:`W_3` for the output gate, as cuDNN does.)

    Args:
        n_layers (int): the number of layers ``S``.
        dropout_ratio (float): the dropout ratio of the inputs of the
            layers above the first.
        hx (~chainerjax.Variable or array): the initial hidden states, of
            shape ``(S, B, N)``.
        cx (~chainerjax.Variable or array): the initial cell states, of the
            shape of ``hx``.
        ws (list of list of ~chainerjax.Variable): ``ws[i]`` holds the eight
            matrices ``W_0 .. W_7`` of layer ``i``; ``ws[0][0:4]`` are
            ``(N, I)``, the others ``(N, N)``.
        bs (list of list of ~chainerjax.Variable): ``bs[i]`` holds the eight
            vectors ``b_0 .. b_7`` of shape ``(N,)``.
        xs (list of ~chainerjax.Variable): the inputs by time step:
            ``xs[t]`` is ``(B_t, I)``; the sequences are sorted by
            decreasing length, so ``B_t >= B_{t+1}``
            (see :func:`~chainerjax.functions.transpose_sequence`).

    Returns:
        tuple: ``(hy, cy, ys)``: the last hidden and cell states (shape of
        ``hx``) and the tuple of the last layer's outputs ``ys[t]`` of shape
        ``(B_t, N)``.

    Example:
        >>> import numpy as np
        >>> import chainerjax.functions as F
        >>> in_size, out_size, n_layers = 3, 2, 2
        >>> xs = [np.ones((b, in_size), np.float32) for b in (3, 2, 1)]
        >>> hx = np.ones((n_layers, 3, out_size), np.float32)
        >>> cx = np.ones((n_layers, 3, out_size), np.float32)
        >>> def w_in(i, j):
        ...     return in_size if i == 0 and j < 4 else out_size
        >>> ws = [[np.ones((out_size, w_in(i, j)), np.float32)
        ...        for j in range(8)] for i in range(n_layers)]
        >>> bs = [[np.ones(out_size, np.float32) for j in range(8)]
        ...       for i in range(n_layers)]
        >>> hy, cy, ys = F.n_step_lstm(n_layers, 0.0, hx, cx, ws, bs, xs)
        >>> hy.shape, cy.shape, [y.shape for y in ys]
        ((2, 3, 2), (2, 3, 2), [(3, 2), (2, 2), (1, 2)])
    """
    return n_step_lstm_base(n_layers, dropout_ratio, hx, cx, ws, bs, xs,
                            use_bi_direction=False, **kwargs)


def n_step_bilstm(
        n_layers, dropout_ratio, hx, cx, ws, bs, xs, **kwargs):
    """n_step_bilstm(n_layers, dropout_ratio, hx, cx, ws, bs, xs)

    Stacked bi-directional LSTM over variable-length sequences.

    Each layer runs one LSTM (the equations of :func:`n_step_lstm`) forward
    in time and one backward, and outputs the concatenation
    :math:`[h^f_t; h^b_t]` of their hidden states.

    Args:
        n_layers (int): the number of layers ``S``.
        dropout_ratio (float): the dropout ratio of the inputs of the
            layers above the first.
        hx (~chainerjax.Variable or array): the initial hidden states, of
            shape ``(2S, B, N)``; ``hx[2 * i + d]`` is layer ``i``'s,
            direction ``d`` (0 forward, 1 backward).
        cx (~chainerjax.Variable or array): the initial cell states, of the
            shape of ``hx``.
        ws (list of list of ~chainerjax.Variable): ``ws[2 * i + d]`` holds
            the eight matrices of layer ``i``, direction ``d``;
            ``ws[0][0:4]`` and ``ws[1][0:4]`` are ``(N, I)``, ``ws[k][0:4]``
            for ``k >= 2`` are ``(N, 2N)``, the others ``(N, N)``.
        bs (list of list of ~chainerjax.Variable): ``bs[2 * i + d]`` holds
            the eight vectors of shape ``(N,)``.
        xs (list of ~chainerjax.Variable): the inputs by time step, sorted
            by decreasing batch size (see :func:`n_step_lstm`).

    Returns:
        tuple: ``(hy, cy, ys)``: the last hidden and cell states (shape of
        ``hx``) and the outputs ``ys[t]`` of shape ``(B_t, 2N)``.
    """
    return n_step_lstm_base(n_layers, dropout_ratio, hx, cx, ws, bs, xs,
                            use_bi_direction=True, **kwargs)


def n_step_lstm_base(
        n_layers, dropout_ratio, hx, cx, ws, bs, xs, use_bi_direction,
        **kwargs):
    """The function behind :func:`n_step_lstm` (``use_bi_direction=False``)
    and :func:`n_step_bilstm` (``use_bi_direction=True``); the arguments
    are theirs.

    Returns:
        tuple: ``(hy, cy, ys)``.
    """
    n_step_rnn._check_kwargs(kwargs)
    n_step_rnn._check_input_size(xs, ws)
    return n_step_rnn._n_step_rnn('lstm', n_layers, dropout_ratio, hx, cx,
                                  ws, bs, xs, use_bi_direction)
