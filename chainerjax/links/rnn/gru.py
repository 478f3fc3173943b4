"""Gated recurrent units (``chainer.links.StatelessGRU``,
``chainer.links.StatefulGRU``, ``chainer.links.GRU``)."""
from chainerjax.functions.activation import sigmoid
from chainerjax.functions.activation import tanh
from chainerjax.functions.math import linear_interpolate
from chainerjax import link
from chainerjax.links.connection import linear
from chainerjax import variable


class GRUBase(link.Chain):
    """The parameters shared by the GRU links: the Linear links ``W_r``,
    ``W_z``, ``W`` (input to reset gate, update gate and candidate) and
    ``U_r``, ``U_z``, ``U`` (hidden state to the same), all with biases."""

    def __init__(self, in_size, out_size, init=None,
                 inner_init=None, bias_init=None):
        super(GRUBase, self).__init__()
        with self.init_scope():
            self.W_r = linear.Linear(
                in_size, out_size, initialW=init, initial_bias=bias_init)
            self.U_r = linear.Linear(
                out_size, out_size, initialW=inner_init,
                initial_bias=bias_init)
            self.W_z = linear.Linear(
                in_size, out_size, initialW=init, initial_bias=bias_init)
            self.U_z = linear.Linear(
                out_size, out_size, initialW=inner_init,
                initial_bias=bias_init)
            self.W = linear.Linear(
                in_size, out_size, initialW=init, initial_bias=bias_init)
            self.U = linear.Linear(
                out_size, out_size, initialW=inner_init,
                initial_bias=bias_init)


class StatelessGRU(GRUBase):
    """GRU that takes the previous hidden state and returns the new one:

    .. math::
        r &= \\sigma(W_r x + U_r h), \\\\
        z &= \\sigma(W_z x + U_z h), \\\\
        \\bar{h} &= \\tanh(W x + U (r \\odot h)), \\\\
        h' &= (1 - z) \\odot h + z \\odot \\bar{h}.

    Args:
        in_size (int or None): the input size (None: from the first input).
        out_size (int): the size of the hidden state.
        init: initializer of ``W_r``, ``W_z``, ``W`` (default LeCunNormal).
        inner_init: initializer of ``U_r``, ``U_z``, ``U``.
        bias_init: initializer of all the biases (default 0).

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> gru = L.StatelessGRU(3, 4)
        >>> h = np.zeros((2, 4), np.float32)
        >>> gru(h, np.ones((2, 3), np.float32)).shape
        (2, 4)
    """

    def forward(self, h, x):
        """Returns the new hidden state for the state ``h`` and input
        ``x``."""
        r = sigmoid.sigmoid(self.W_r(x) + self.U_r(h))
        z = sigmoid.sigmoid(self.W_z(x) + self.U_z(h))
        h_bar = tanh.tanh(self.W(x) + self.U(r * h))
        return linear_interpolate.linear_interpolate(z, h_bar, h)


class StatefulGRU(GRUBase):
    """GRU that keeps its hidden state ``h`` between calls (the equations
    of :class:`StatelessGRU`; the first step, without a state, gives
    ``z * tanh(W x)``).

    Args:
        in_size (int or None): the input size (None: from the first input).
        out_size (int): the size of the hidden state.
        init: initializer of ``W_r``, ``W_z``, ``W`` (default LeCunNormal).
        inner_init: initializer of ``U_r``, ``U_z``, ``U``.
        bias_init: initializer of all the biases (default 0).

    Attributes:
        h (~chainerjax.Variable): the hidden state, or None.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> gru = L.StatefulGRU(3, 4)
        >>> gru(np.ones((2, 3), np.float32)).shape
        (2, 4)
        >>> gru.h.shape
        (2, 4)
    """

    def __init__(self, in_size, out_size, init=None,
                 inner_init=None, bias_init=0):
        super(StatefulGRU, self).__init__(
            in_size, out_size, init, inner_init, bias_init)
        self.state_size = out_size
        self.reset_state()

    def device_resident_accept(self, visitor):
        super(StatefulGRU, self).device_resident_accept(visitor)
        if self.h is not None:
            visitor.visit_variable(self.h)

    def set_state(self, h):
        """Sets the hidden state ``h`` (a Variable)."""
        assert isinstance(h, variable.Variable)
        h.to_device(self.device)
        self.h = h

    def reset_state(self):
        """Forgets the hidden state."""
        self.h = None

    def forward(self, x):
        """Runs one step on the input ``x`` and returns the new state."""
        z = self.W_z(x)
        h_bar = self.W(x)
        if self.h is not None:
            r = sigmoid.sigmoid(self.W_r(x) + self.U_r(self.h))
            z += self.U_z(self.h)
            h_bar += self.U(r * self.h)
        z = sigmoid.sigmoid(z)
        h_bar = tanh.tanh(h_bar)
        if self.h is not None:
            h_new = linear_interpolate.linear_interpolate(z, h_bar, self.h)
        else:
            h_new = z * h_bar
        self.h = h_new
        return self.h


class GRU(StatefulGRU):
    """The stateful GRU, :class:`StatefulGRU` (``GRU(in_size, out_size,
    init=None, inner_init=None, bias_init=0)``), called with one argument
    ``x``. Calling it with two (the stateless signature of Chainer v1)
    raises ValueError pointing to :class:`StatelessGRU`."""

    def forward(self, *args):
        """forward(self, x)

        Runs one step on the input ``x`` and returns the new state.
        """
        n_args = len(args)
        msg = ('Invalid argument. The length of GRU.forward must be 1. '
               'But %d is given. ' % n_args)
        if n_args == 0 or n_args >= 3:
            raise ValueError(msg)
        elif n_args == 2:
            msg += ('In Chainer v2, chainer.links.GRU is changed '
                    'from stateless to stateful. '
                    'One possibility is you assume GRU to be stateless. '
                    'Use chainer.links.StatelessGRU instead.')
            raise ValueError(msg)
        return super(GRU, self).forward(args[0])
