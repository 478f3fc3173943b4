"""LSTM with zoneout (``chainer.links.StatefulZoneoutLSTM``)."""
import numpy

from chainerjax.functions.activation import sigmoid
from chainerjax.functions.activation import tanh
from chainerjax.functions.array import reshape
from chainerjax.functions.array import split_axis
from chainerjax.functions.noise import zoneout
from chainerjax import link
from chainerjax.links.connection import linear
from chainerjax import variable


class StatefulZoneoutLSTM(link.Chain):
    """Stateful LSTM with zoneout: in training mode each element of the new
    cell state (output) keeps its previous value with probability
    ``c_ratio`` (``h_ratio``), see :func:`~chainerjax.functions.zoneout`.
    In test mode it is a plain LSTM (the gates of ``upward`` and
    ``lateral`` interleaved per unit as in :class:`~chainerjax.links.LSTM`).

    Args:
        in_size (int): the input size.
        out_size (int): the size of the output and of the cell state.
        c_ratio (float): the zoneout ratio of the cell state.
        h_ratio (float): the zoneout ratio of the output.

    Attributes:
        upward (~chainerjax.links.Linear): input to the gates.
        lateral (~chainerjax.links.Linear): previous output to the gates
            (no bias).
        c (~chainerjax.Variable): the cell state, or None.
        h (~chainerjax.Variable): the last output, or None.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> lstm = L.StatefulZoneoutLSTM(3, 4)
        >>> lstm(np.ones((2, 3), np.float32)).shape
        (2, 4)
    """

    def __init__(self, in_size, out_size, c_ratio=0.5, h_ratio=0.5, **kwargs):
        if 'train' in kwargs:
            raise ValueError('train argument is not supported anymore. '
                             'Use chainer.using_config')
        if kwargs:
            raise TypeError('got unexpected keyword argument(s) {}'.format(
                ', '.join(repr(k) for k in sorted(kwargs))))
        super(StatefulZoneoutLSTM, self).__init__()
        self.state_size = out_size
        self.c_ratio = c_ratio
        self.h_ratio = h_ratio
        self.reset_state()
        with self.init_scope():
            self.upward = linear.Linear(in_size, 4 * out_size)
            self.lateral = linear.Linear(out_size, 4 * out_size, nobias=True)

    def device_resident_accept(self, visitor):
        super(StatefulZoneoutLSTM, self).device_resident_accept(visitor)
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

    def _zeros(self, x):
        return variable.Variable(self.device.send(
            numpy.zeros((len(x), self.state_size), dtype=x.dtype)))

    def forward(self, x):
        """Runs one step on the input ``x`` and returns the new output."""
        lstm_in = self.upward(x)
        if self.h is not None:
            lstm_in += self.lateral(self.h)
        else:
            self.h = self._zeros(x)
        if self.c is None:
            self.c = self._zeros(x)
        lstm_in = reshape.reshape(
            lstm_in, (len(lstm_in), lstm_in.shape[1] // 4, 4))
        a, i, f, o = split_axis.split_axis(lstm_in, 4, 2)
        a = reshape.reshape(a, (len(a), self.state_size))
        i = reshape.reshape(i, (len(i), self.state_size))
        f = reshape.reshape(f, (len(f), self.state_size))
        o = reshape.reshape(o, (len(o), self.state_size))
        c_tmp = tanh.tanh(a) * sigmoid.sigmoid(i) + sigmoid.sigmoid(f) * self.c
        self.c = zoneout.zoneout(self.c, c_tmp, self.c_ratio)
        self.h = zoneout.zoneout(self.h,
                                 sigmoid.sigmoid(o) * tanh.tanh(c_tmp),
                                 self.h_ratio)
        return self.h
