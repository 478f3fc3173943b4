"""Stacked GRU links over lists of sequences (``chainer.links.NStepGRU``,
``NStepBiGRU``)."""
from chainerjax.functions.rnn import n_step_gru as rnn
from chainerjax.links.rnn import n_step_rnn


class NStepGRUBase(n_step_rnn.NStepRNNBase):
    """__init__(self, n_layers, in_size, out_size, dropout, \
*, initialW=None, initial_bias=None)

    The base of :class:`NStepGRU` and :class:`NStepBiGRU`: six weights
    ``w0 .. w5`` and biases ``b0 .. b5`` per layer and direction (see
    :func:`~chainerjax.functions.n_step_gru`). ``forward(hx, xs)`` is
    :meth:`NStepRNNBase.forward`.
    """

    n_weights = 6


class NStepGRU(NStepGRUBase):
    """__init__(self, n_layers, in_size, out_size, dropout, \
*, initialW=None, initial_bias=None)

    Stacked uni-directional GRU over a list of sequences
    (:func:`~chainerjax.functions.n_step_gru`). The sequences may come in
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
        >>> gru = L.NStepGRU(1, 2, 3, 0.0)
        >>> hy, ys = gru(None, [np.ones((n, 2), np.float32) for n in (1, 3)])
        >>> hy.shape, [y.shape for y in ys]
        ((1, 2, 3), [(1, 3), (3, 3)])
    """

    use_bi_direction = False

    def rnn(self, *args):
        return rnn.n_step_gru(*args)

    @property
    def n_cells(self):
        return 1


class NStepBiGRU(NStepGRUBase):
    """__init__(self, n_layers, in_size, out_size, dropout, \
*, initialW=None, initial_bias=None)

    Stacked bi-directional GRU over a list of sequences
    (:func:`~chainerjax.functions.n_step_bigru`); the arguments are
    :class:`NStepGRU`'s. The outputs are ``(L_i, 2 * out_size)``.
    """

    use_bi_direction = True

    def rnn(self, *args):
        return rnn.n_step_bigru(*args)

    @property
    def n_cells(self):
        return 1
