"""Tree-structured LSTMs (``chainer.links.ChildSumTreeLSTM``,
``chainer.links.NaryTreeLSTM``)."""
import numpy

from chainerjax.functions.activation import sigmoid
from chainerjax.functions.activation import tanh
from chainerjax.functions.array import concat
from chainerjax.functions.array import split_axis
from chainerjax.functions.rnn import tree_lstm
from chainerjax import link
from chainerjax.links.connection import linear


def _base_of(cs, hs):
    for v in tuple(cs) + tuple(hs):
        if v is not None:
            return v
    raise ValueError('All inputs (cs, hs, x) are None.')


class ChildSumTreeLSTM(link.Chain):
    """Child-sum Tree-LSTM: a node with any number of children.

    ``forward(c_1, ..., c_n, h_1, ..., h_n, x)`` returns the node's
    ``(c, h)`` from its children's states and its input ``x``: the
    input, output and candidate gates see ``sum_k h_k``, each child has its
    own forget gate ``f_k = sigma(W_x^f x + W_h^f h_k)``.
    A child state (or ``x``) may be None for zeros; with no children it is
    a leaf.

    Args:
        in_size (int): the input size.
        out_size (int): the size of the cell state and output.

    Attributes:
        W_x (~chainerjax.links.Linear): input to ``a, i, o`` and ``f``.
        W_h_aio (~chainerjax.links.Linear): summed children's outputs to
            ``a, i, o`` (no bias).
        W_h_f (~chainerjax.links.Linear): each child's output to its forget
            gate (no bias).

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> tree = L.ChildSumTreeLSTM(3, 2)
        >>> x = np.ones((4, 3), np.float32)
        >>> c1, h1 = tree(x)
        >>> c, h = tree(c1, c1, h1, h1, x)
        >>> c.shape, h.shape
        ((4, 2), (4, 2))
    """

    def __init__(self, in_size, out_size):
        super(ChildSumTreeLSTM, self).__init__()
        with self.init_scope():
            self.W_x = linear.Linear(in_size, 4 * out_size)
            self.W_h_aio = linear.Linear(out_size, 3 * out_size, nobias=True)
            self.W_h_f = linear.Linear(out_size, out_size, nobias=True)
        self.in_size = in_size
        self.state_size = out_size

    def forward(self, *cshsx):
        """forward(self, *cshsx)

        Args:
            cshsx: ``c_1, ..., c_n, h_1, ..., h_n, x`` (``n >= 0``).

        Returns:
            tuple: ``(c, h)``.
        """
        assert len(cshsx) % 2 == 1
        cs = cshsx[:len(cshsx) // 2]
        hs = cshsx[len(cshsx) // 2:-1]
        x = cshsx[-1]
        assert len(cs) == len(hs)
        if x is None:
            base = _base_of(cs, hs)
            x = self.device.send(
                numpy.zeros((base.shape[0], self.in_size), dtype=base.dtype))

        W_x_in = self.W_x(x)
        W_x_aio_in, W_x_f_in = split_axis.split_axis(
            W_x_in, [3 * self.state_size], axis=1)

        if len(hs) == 0:
            a, i, o = split_axis.split_axis(W_x_aio_in, 3, axis=1)
            c = sigmoid.sigmoid(i) * tanh.tanh(a)
            h = sigmoid.sigmoid(o) * tanh.tanh(c)
            return c, h

        hs = self._pad_zero_nodes(
            hs, (x.shape[0], self.state_size), dtype=x.dtype)
        cs = self._pad_zero_nodes(
            cs, (x.shape[0], self.state_size), dtype=x.dtype)

        aio_in = self.W_h_aio(sum(hs)) + W_x_aio_in
        W_h_fs_in = concat.concat(split_axis.split_axis(
            self.W_h_f(concat.concat(hs, axis=0)), len(hs), axis=0),
            axis=1)
        f_in = W_h_fs_in + concat.concat([W_x_f_in] * len(hs), axis=1)
        tree_lstm_in = concat.concat([aio_in, f_in], axis=1)
        return tree_lstm.tree_lstm(*(cs + (tree_lstm_in,)))

    def _pad_zero_nodes(self, vs, shape, dtype=numpy.float32):
        if any(v is None for v in vs):
            zero = self.device.send(numpy.zeros(shape, dtype=dtype))
            return tuple(zero if v is None else v for v in vs)
        return vs


class NaryTreeLSTM(link.Chain):
    """N-ary Tree-LSTM: a node with exactly ``n_ary`` ordered children,
    each with its own weights ``W_h1 .. W_h{n_ary}``.

    ``forward(c_1, ..., c_n, h_1, ..., h_n, x)`` returns the node's
    ``(c, h)`` (:func:`~chainerjax.functions.tree_lstm` of
    ``W_x x + sum_k W_hk h_k``). A child state (or ``x``) may be None for
    zeros.

    Args:
        in_size (int): the input size.
        out_size (int): the size of the cell state and output.
        n_ary (int): the number of children of a node.

    Attributes:
        W_x (~chainerjax.links.Linear): input to the gates.
        W_h1, ..., W_hN (~chainerjax.links.Linear): each child's output to
            the gates (no bias).

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> tree = L.NaryTreeLSTM(3, 2, n_ary=2)
        >>> x = np.ones((4, 3), np.float32)
        >>> c, h = tree(None, None, None, None, x)
        >>> c.shape, h.shape
        ((4, 2), (4, 2))
    """

    def __init__(self, in_size, out_size, n_ary=2):
        assert n_ary >= 1
        super(NaryTreeLSTM, self).__init__()
        with self.init_scope():
            self.W_x = linear.Linear(in_size, (3 + n_ary) * out_size)
            for i in range(1, n_ary + 1):
                setattr(self, 'W_h{}'.format(i), linear.Linear(
                    out_size, (3 + n_ary) * out_size, nobias=True))
        self.in_size = in_size
        self.state_size = out_size
        self.n_ary = n_ary

    def forward(self, *cshsx):
        """forward(self, *cshsx)

        Args:
            cshsx: ``c_1, ..., c_n, h_1, ..., h_n, x`` with ``n = n_ary``.

        Returns:
            tuple: ``(c, h)``.
        """
        assert len(cshsx) == self.n_ary * 2 + 1
        cs = cshsx[:self.n_ary]
        hs = cshsx[self.n_ary:-1]
        x = cshsx[-1]
        if x is None:
            base = _base_of(cs, hs)
            x = self.device.send(
                numpy.zeros((base.shape[0], self.in_size), dtype=base.dtype))

        tree_lstm_in = self.W_x(x)
        for i, h in enumerate(hs, start=1):
            if h is not None:
                tree_lstm_in += getattr(self, 'W_h{}'.format(i))(h)
        cs = self._pad_zero_nodes(
            cs, (x.shape[0], self.state_size), dtype=x.dtype)
        return tree_lstm.tree_lstm(*(cs + (tree_lstm_in,)))

    def _pad_zero_nodes(self, vs, shape, dtype=numpy.float32):
        if any(v is None for v in vs):
            zero = self.device.send(numpy.zeros(shape, dtype=dtype))
            return tuple(zero if v is None else v for v in vs)
        return vs
