"""Minimal gated units (``chainer.links.StatelessMGU``,
``chainer.links.StatefulMGU``)."""
import numpy

from chainerjax import configuration
from chainerjax.functions.activation import sigmoid
from chainerjax.functions.activation import tanh
from chainerjax.functions.array import concat
from chainerjax.functions.math import linear_interpolate
from chainerjax import link
from chainerjax.links.connection import linear
from chainerjax import variable


class MGUBase(link.Chain):
    """The parameters of the MGU links: the Linear links ``W_f`` (forget
    gate) and ``W_h`` (candidate), both from ``[h, x]``."""

    def __init__(self, n_inputs, n_units):
        super(MGUBase, self).__init__()
        with self.init_scope():
            self.W_f = linear.Linear(n_inputs + n_units, n_units)
            self.W_h = linear.Linear(n_inputs + n_units, n_units)

    def _call_mgu(self, h, x):
        f = sigmoid.sigmoid(self.W_f(concat.concat([h, x])))
        h_bar = tanh.tanh(self.W_h(concat.concat([f * h, x])))
        return linear_interpolate.linear_interpolate(f, h_bar, h)


class StatelessMGU(MGUBase):
    """Minimal gated unit that takes and returns the hidden state:

    .. math::
        f &= \\sigma(W_f [h; x]), \\\\
        \\bar{h} &= \\tanh(W_h [f \\odot h; x]), \\\\
        h' &= (1 - f) \\odot h + f \\odot \\bar{h}.

    ``forward(h, x)`` returns ``h'``.

    Args:
        n_inputs (int): the input size.
        n_units (int): the size of the hidden state.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> mgu = L.StatelessMGU(3, 4)
        >>> mgu(np.zeros((2, 4), np.float32),
        ...     np.ones((2, 3), np.float32)).shape
        (2, 4)
    """

    forward = MGUBase._call_mgu


class StatefulMGU(MGUBase):
    """Minimal gated unit that keeps its hidden state ``h`` between calls
    (the equations of :class:`StatelessMGU`, from a zero state of dtype
    ``chainer.config.dtype``).

    Args:
        in_size (int): the input size.
        out_size (int): the size of the hidden state.

    Attributes:
        h (~chainerjax.Variable): the hidden state, or None.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> mgu = L.StatefulMGU(3, 4)
        >>> mgu(np.ones((2, 3), np.float32)).shape
        (2, 4)
    """

    def __init__(self, in_size, out_size):
        super(StatefulMGU, self).__init__(in_size, out_size)
        self._state_size = out_size
        self.reset_state()

    def device_resident_accept(self, visitor):
        super(StatefulMGU, self).device_resident_accept(visitor)
        if self.h is not None:
            visitor.visit_variable(self.h)

    def set_state(self, h):
        """Sets the hidden state ``h`` (a Variable, moved to the link's
        device)."""
        assert isinstance(h, variable.Variable)
        h.to_device(self.device)
        self.h = h

    def reset_state(self):
        """Forgets the hidden state."""
        self.h = None

    def forward(self, x):
        """Runs one step on the input ``x`` and returns the new state."""
        if self.h is None:
            dtype = configuration.get_dtype()
            h = variable.Variable(self.device.send(
                numpy.zeros((x.shape[0], self._state_size), dtype=dtype)))
        else:
            h = self.h
        self.h = self._call_mgu(h, x)
        return self.h
