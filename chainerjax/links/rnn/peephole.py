"""LSTM with peephole connections
(``chainer.links.StatefulPeepholeLSTM``)."""
import numpy

from chainerjax.functions.activation import sigmoid
from chainerjax.functions.activation import tanh
from chainerjax.functions.array import reshape
from chainerjax.functions.array import split_axis
from chainerjax import link
from chainerjax.links.connection import linear
from chainerjax import variable


class StatefulPeepholeLSTM(link.Chain):
    """Stateful LSTM whose input, forget and output gates also see the cell
    state (peephole connections):

    .. math::
        i &= \\sigma(W_i x + U_i h + P_i c), \\quad
        f = \\sigma(W_f x + U_f h + P_f c), \\\\
        c' &= \\tanh(W_a x + U_a h) \\odot i + f \\odot c, \\\\
        o &= \\sigma(W_o x + U_o h + P_o c'), \\quad
        h' = o \\odot \\tanh(c').

    The gates of ``upward`` and ``lateral`` are interleaved per unit as in
    :class:`~chainerjax.links.LSTM` (``a, i, f, o``).

    Args:
        in_size (int): the input size.
        out_size (int): the size of the output and of the cell state.

    Attributes:
        upward (~chainerjax.links.Linear): input to the gates.
        lateral (~chainerjax.links.Linear): previous output to the gates
            (no bias).
        peep_i, peep_f, peep_o (~chainerjax.links.Linear): cell state to the
            input, forget and output gates (no bias).
        c (~chainerjax.Variable): the cell state, or None.
        h (~chainerjax.Variable): the last output, or None.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> lstm = L.StatefulPeepholeLSTM(3, 4)
        >>> lstm(np.ones((2, 3), np.float32)).shape
        (2, 4)
    """

    def __init__(self, in_size, out_size):
        super(StatefulPeepholeLSTM, self).__init__()
        self.state_size = out_size
        self.reset_state()
        with self.init_scope():
            self.upward = linear.Linear(in_size, 4 * out_size)
            self.lateral = linear.Linear(out_size, 4 * out_size, nobias=True)
            self.peep_i = linear.Linear(out_size, out_size, nobias=True)
            self.peep_f = linear.Linear(out_size, out_size, nobias=True)
            self.peep_o = linear.Linear(out_size, out_size, nobias=True)

    def device_resident_accept(self, visitor):
        super(StatefulPeepholeLSTM, self).device_resident_accept(visitor)
        if self.c is not None:
            visitor.visit_variable(self.c)
        if self.h is not None:
            visitor.visit_variable(self.h)

    def reset_state(self):
        """Forgets the state (``c`` and ``h`` become None)."""
        self.c = self.h = None

    def forward(self, x):
        """Runs one step on the input ``x`` and returns the new output."""
        lstm_in = self.upward(x)
        if self.h is not None:
            lstm_in += self.lateral(self.h)
        if self.c is None:
            self.c = variable.Variable(self.device.send(
                numpy.zeros((len(x), self.state_size), dtype=x.dtype)))
        lstm_in = reshape.reshape(
            lstm_in, (len(lstm_in), lstm_in.shape[1] // 4, 4))
        a, i, f, o = split_axis.split_axis(lstm_in, 4, 2)
        a = reshape.reshape(a, a.shape[:2])
        i = reshape.reshape(i, i.shape[:2])
        f = reshape.reshape(f, f.shape[:2])
        o = reshape.reshape(o, o.shape[:2])
        peep_in_i = self.peep_i(self.c)
        peep_in_f = self.peep_f(self.c)
        a = tanh.tanh(a)
        i = sigmoid.sigmoid(i + peep_in_i)
        f = sigmoid.sigmoid(f + peep_in_f)
        self.c = a * i + f * self.c
        peep_in_o = self.peep_o(self.c)
        o = sigmoid.sigmoid(o + peep_in_o)
        self.h = o * tanh.tanh(self.c)
        return self.h
