"""Fully-connected LSTM layers (``chainer.links.LSTM``,
``chainer.links.StatelessLSTM``)."""
import numpy

from chainerjax.functions.array import concat
from chainerjax.functions.array import split_axis
from chainerjax.functions.rnn import lstm
from chainerjax import initializers
from chainerjax import link
from chainerjax.links.connection import linear
from chainerjax import variable


class LSTMBase(link.Chain):
    """The parameters shared by :class:`LSTM` and :class:`StatelessLSTM`:
    ``upward`` (input to the four gates, with bias) and ``lateral``
    (previous output to the gates, no bias) Linear links.

    The gate pre-activations are laid out as in Chainer: unit ``j``, gate
    ``g`` (cell input, input, forget, output) is column ``4 * j + g`` of
    the bias; each block of ``out_size`` rows of the weights is
    initialized separately.
    """

    def __init__(self, in_size, out_size=None, lateral_init=None,
                 upward_init=None, bias_init=None, forget_bias_init=None):
        if out_size is None:
            out_size, in_size = in_size, None
        super(LSTMBase, self).__init__()
        if bias_init is None:
            bias_init = 0
        if forget_bias_init is None:
            forget_bias_init = 1
        self.state_size = out_size
        self.lateral_init = lateral_init
        self.upward_init = upward_init
        self.bias_init = bias_init
        self.forget_bias_init = forget_bias_init
        with self.init_scope():
            self.upward = linear.Linear(in_size, 4 * out_size, initialW=0)
            self.lateral = linear.Linear(out_size, 4 * out_size, initialW=0,
                                         nobias=True)
            if in_size is not None:
                self._initialize_params()

    def _initialize_params(self):
        lateral_init = initializers._get_initializer(self.lateral_init)
        upward_init = initializers._get_initializer(self.upward_init)
        bias_init = initializers._get_initializer(self.bias_init)
        forget_bias_init = initializers._get_initializer(
            self.forget_bias_init)
        # Filled on host copies (the parameters may hold immutable JAX
        # arrays), in Chainer's order so that the random draws match.
        params = (self.lateral.W, self.upward.W, self.upward.b)
        lat, up, b = (numpy.array(p.array) for p in params)
        n = self.state_size
        for i in range(0, 4 * n, n):
            lateral_init(lat[i:i + n, :])
            upward_init(up[i:i + n, :])
        gates = b.reshape(n, 4)
        bias_init(gates[:, 0])
        bias_init(gates[:, 1])
        forget_bias_init(gates[:, 2])
        bias_init(gates[:, 3])
        for p, host in zip(params, (lat, up, b)):
            p.array = p.device.send(host)

    def _lazy_init(self, x):
        if self.upward.W.array is None:
            in_size = 1
            for s in x.shape[1:]:
                in_size *= int(s)
            self.upward._initialize_params(in_size)
            self._initialize_params()


class StatelessLSTM(LSTMBase):
    """LSTM layer that takes and returns its state (``c``, ``h``).

    Args:
        in_size (int or None): the input size; None (or the one-argument
            form) for lazy initialization.
        out_size (int): the output (state) size.
        lateral_init, upward_init: initializers of the weights (default
            :class:`~chainerjax.initializers.LeCunNormal`).
        bias_init: initializer of the biases but the forget gate's
            (default 0).
        forget_bias_init: initializer of the forget gate's bias
            (default 1).

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> lstm = L.StatelessLSTM(3, 4)
        >>> c, h = lstm(None, None, np.ones((2, 3), np.float32))
        >>> c.shape, h.shape
        ((2, 4), (2, 4))
    """

    def forward(self, c, h, x):
        """Returns ``(c_new, h_new)`` for the state ``c``, ``h`` (either may
        be None: zeros) and the input ``x``."""
        self._lazy_init(x)
        lstm_in = self.upward(x)
        if h is not None:
            lstm_in += self.lateral(h)
        if c is None:
            c = variable.Variable(self.device.send(
                numpy.zeros((x.shape[0], self.state_size), dtype=x.dtype)))
        return lstm.lstm(c, lstm_in)


class LSTM(LSTMBase):
    """Stateful LSTM layer: keeps the cell state ``c`` and the last output
    ``h`` between calls.

    A batch may be smaller than the previous one (sequences sorted by
    decreasing length): only the first rows of the state are updated.

    Args:
        in_size (int or None): the input size; None (or the one-argument
            form) for lazy initialization.
        out_size (int): the output (state) size.
        lateral_init, upward_init: initializers of the weights (default
            :class:`~chainerjax.initializers.LeCunNormal`).
        bias_init: initializer of the biases but the forget gate's
            (default 0).
        forget_bias_init: initializer of the forget gate's bias
            (default 1).

    Attributes:
        upward (~chainerjax.links.Linear): the input connection.
        lateral (~chainerjax.links.Linear): the recurrent connection.
        c (~chainerjax.Variable): the cell state, or None.
        h (~chainerjax.Variable): the last output, or None.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> lstm = L.LSTM(4)
        >>> lstm(np.ones((2, 3), np.float32)).shape
        (2, 4)
        >>> lstm.c.shape
        (2, 4)
    """

    def __init__(self, in_size, out_size=None, lateral_init=None,
                 upward_init=None, bias_init=None, forget_bias_init=None):
        if out_size is None:
            in_size, out_size = None, in_size
        super(LSTM, self).__init__(
            in_size, out_size, lateral_init, upward_init, bias_init,
            forget_bias_init)
        self.reset_state()

    def device_resident_accept(self, visitor):
        super(LSTM, self).device_resident_accept(visitor)
        if self.c is not None:
            visitor.visit_variable(self.c)
        if self.h is not None:
            visitor.visit_variable(self.h)

    def set_state(self, c, h):
        """Sets the state ``c`` and ``h`` (Variables)."""
        assert isinstance(c, variable.Variable)
        assert isinstance(h, variable.Variable)
        c.to_device(self.device)
        h.to_device(self.device)
        self.c = c
        self.h = h

    def reset_state(self):
        """Forgets the state (``c`` and ``h`` become None)."""
        self.c = self.h = None

    def forward(self, x):
        """Runs one step on the input ``x`` and returns the new output."""
        self._lazy_init(x)
        batch = x.shape[0]
        lstm_in = self.upward(x)
        h_rest = None
        if self.h is not None:
            h_size = self.h.shape[0]
            if batch == 0:
                h_rest = self.h
            elif h_size < batch:
                raise TypeError(
                    'The batch size of x must be equal to or less than '
                    'the size of the previous state h.')
            elif h_size > batch:
                h_update, h_rest = split_axis.split_axis(
                    self.h, [batch], axis=0)
                lstm_in += self.lateral(h_update)
            else:
                lstm_in += self.lateral(self.h)
        if self.c is None:
            self.c = variable.Variable(self.device.send(
                numpy.zeros((batch, self.state_size), dtype=x.dtype)))
        self.c, y = lstm.lstm(self.c, lstm_in)
        if h_rest is None:
            self.h = y
        elif y.shape[0] == 0:
            self.h = h_rest
        else:
            self.h = concat.concat([y, h_rest], axis=0)
        return y
