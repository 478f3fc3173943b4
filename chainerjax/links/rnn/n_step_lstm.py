"""Stacked LSTM links over lists of sequences (``chainer.links.NStepLSTM``,
``NStepBiLSTM``)."""
from chainerjax.functions.rnn import n_step_lstm as rnn
from chainerjax.links.rnn import n_step_rnn


class NStepLSTMBase(n_step_rnn.NStepRNNBase):
    """__init__(self, n_layers, in_size, out_size, dropout, \
*, initialW=None, initial_bias=None)

    The base of :class:`NStepLSTM` and :class:`NStepBiLSTM`: eight weights
    ``w0 .. w7`` and biases ``b0 .. b7`` per layer and direction (see
    :func:`~chainerjax.functions.n_step_lstm`).
    """

    n_weights = 8

    def forward(self, hx, cx, xs, **kwargs):
        """forward(self, hx, cx, xs)

        Runs the stack over a list of sequences.

        Args:
            hx (~chainerjax.Variable or None): the initial hidden states, of
                shape ``(S, B, N)`` (``(2S, B, N)`` if bi-directional) where
                ``S`` is ``n_layers``, ``B`` the number of sequences and
                ``N`` is ``out_size``; None for zeros.
            cx (~chainerjax.Variable or None): the initial cell states, of
                the shape of ``hx``; None for zeros.
            xs (list of ~chainerjax.Variable): the ``B`` sequences, in any
                order: ``xs[i]`` is ``(L_i, I)``.

        Returns:
            tuple: ``(hy, cy, ys)``: the last hidden and cell states (shape
            of ``hx``) and the list of the outputs ``ys[i]`` of shape
            ``(L_i, N)`` (``(L_i, 2N)`` if bi-directional).
        """
        (hy, cy), ys = self._call([hx, cx], xs, **kwargs)
        return hy, cy, ys


class NStepLSTM(NStepLSTMBase):
    """__init__(self, n_layers, in_size, out_size, dropout, \
*, initialW=None, initial_bias=None)

    Stacked uni-directional LSTM over a list of sequences
    (:func:`~chainerjax.functions.n_step_lstm`). The sequences may come in
    any order and lengths: the link sorts and transposes them.

    Args:
        n_layers (int): the number of layers.
        in_size (int): the size of the input vectors.
        out_size (int): the size of the hidden states and outputs.
        dropout (float): the dropout ratio (between the layers).
        initialW: initializer of the weights (default LeCunNormal).
        initial_bias: initializer of the biases (default 0).

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> lstm = L.NStepLSTM(2, 2, 3, 0.0)
        >>> xs = [np.ones((4, 2), np.float32) for i in range(5)]
        >>> hy, cy, ys = lstm(None, None, xs)
        >>> hy.shape, cy.shape, ys[0].shape, len(ys)
        ((2, 5, 3), (2, 5, 3), (4, 3), 5)
    """

    use_bi_direction = False

    def rnn(self, *args):
        return rnn.n_step_lstm(*args)

    @property
    def n_cells(self):
        return 2


class NStepBiLSTM(NStepLSTMBase):
    """__init__(self, n_layers, in_size, out_size, dropout, \
*, initialW=None, initial_bias=None)

    Stacked bi-directional LSTM over a list of sequences
    (:func:`~chainerjax.functions.n_step_bilstm`); the arguments are
    :class:`NStepLSTM`'s. The outputs are ``(L_i, 2 * out_size)``.
    """

    use_bi_direction = True

    def rnn(self, *args):
        return rnn.n_step_bilstm(*args)

    @property
    def n_cells(self):
        return 2
