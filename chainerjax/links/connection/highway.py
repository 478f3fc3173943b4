"""Highway layer (``chainer.links.Highway``)."""
from chainerjax.functions.activation import relu
from chainerjax.functions.activation import sigmoid
from chainerjax import link
from chainerjax.links.connection import linear


class Highway(link.Chain):
    """Highway module:
    ``y = activate(plain(x)) * T + x * (1 - T)`` with the transform gate
    ``T = sigmoid(transform(x))``.

    ``plain`` and ``transform`` are square :class:`~chainerjax.links.Linear`
    children, so the output has the shape of the input.

    Args:
        in_out_size (int): the size of the input and output vectors.
        nobias (bool): no biases if True.
        activate: the activation of the plain path (default relu).
        init_Wh: the initializer of ``plain.W``.
        init_Wt: the initializer of ``transform.W``.
        init_bh: the initializer of ``plain.b``; default 0.
        init_bt: the initializer of ``transform.b``; default -1 (negative
            values are recommended by the paper).

    See: `Highway Networks <https://arxiv.org/abs/1505.00387>`_.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> link = L.Highway(3)
        >>> link(np.ones((2, 3), np.float32)).shape
        (2, 3)
        >>> link.transform.b.array
        array([-1., -1., -1.], dtype=float32)
    """

    def __init__(self, in_out_size, nobias=False, activate=relu.relu,
                 init_Wh=None, init_Wt=None, init_bh=None, init_bt=-1):
        super(Highway, self).__init__()
        self.activate = activate
        with self.init_scope():
            self.plain = linear.Linear(
                in_out_size, in_out_size, nobias=nobias,
                initialW=init_Wh, initial_bias=init_bh)
            self.transform = linear.Linear(
                in_out_size, in_out_size, nobias=nobias,
                initialW=init_Wt, initial_bias=init_bt)

    def forward(self, x):
        """Applies the highway module to ``x`` of shape
        ``(n, in_out_size)``."""
        out_plain = self.activate(self.plain(x))
        out_transform = sigmoid.sigmoid(self.transform(x))
        return out_plain * out_transform + x * (1 - out_transform)
