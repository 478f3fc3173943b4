"""Fully-connected layer (``chainer.links.Linear``)."""
from chainerjax.functions.connection import linear
from chainerjax import initializers
from chainerjax import link
from chainerjax import variable


class Linear(link.Link):
    """Fully-connected layer: ``y = x W^T + b``.

    Holds a weight ``W`` of shape ``(out_size, in_size)`` and a bias ``b``
    of shape ``(out_size,)``. With ``in_size=None`` (or the one-argument form
    ``Linear(out_size)``) ``W`` is initialized at the first forward, from the
    size of the input's non-batch axes.

    Args:
        in_size (int or None): the input size; None for lazy initialization.
        out_size (int): the output size.
        nobias (bool): no bias if True.
        initialW: the weight initializer (an initializer, array or scalar);
            default :class:`~chainerjax.initializers.LeCunNormal`.
        initial_bias: the bias initializer; default 0.

    Attributes:
        W (~chainerjax.Parameter): the weight.
        b (~chainerjax.Parameter): the bias, or None.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> layer = L.Linear(2)
        >>> layer(np.ones((4, 3), np.float32)).shape
        (4, 2)
        >>> layer.W.shape
        (2, 3)
    """

    def __init__(self, in_size, out_size=None, nobias=False,
                 initialW=None, initial_bias=None):
        super(Linear, self).__init__()
        if out_size is None:
            in_size, out_size = None, in_size
        self.in_size = in_size
        self.out_size = out_size
        with self.init_scope():
            W_initializer = initializers._get_initializer(initialW)
            self.W = variable.Parameter(W_initializer)
            if in_size is not None:
                self._initialize_params(in_size)
            if nobias:
                self.b = None
            else:
                if initial_bias is None:
                    initial_bias = 0
                bias_initializer = initializers._get_initializer(
                    initial_bias)
                self.b = variable.Parameter(bias_initializer, out_size)

    def _initialize_params(self, in_size):
        self.W.initialize((self.out_size, in_size))

    @classmethod
    def from_params(cls, W, b=None, nobias=False):
        """Builds a Linear link from a weight (and bias) array.

        Args:
            W: the weight, of shape ``(out_size, in_size)``.
            b: the bias, of shape ``(out_size,)``, or None.
            nobias (bool): no bias if True.

        Raises:
            ValueError: if the sizes of ``W`` and ``b`` disagree.
        """
        out_size, in_size = W.shape
        if b is not None and out_size != b.size:
            raise ValueError('`out_size` does not match the size of `b`')
        return cls(in_size, out_size, nobias,
                   initialW=variable.as_array(W),
                   initial_bias=variable.as_array(b))

    @property
    def printable_specs(self):
        yield 'in_size', self.in_size
        yield 'out_size', self.out_size
        yield 'nobias', self.b is None

    def forward(self, x, n_batch_axes=1):
        """Applies the layer.

        Args:
            x: the input Variable or array; its first ``n_batch_axes`` axes
                are batch axes, the others are flattened.
            n_batch_axes (int): the number of batch axes.

        Returns:
            ~chainerjax.Variable: the output, of shape
            ``x.shape[:n_batch_axes] + (out_size,)``.
        """
        if self.W.array is None:
            in_size = 1
            for s in x.shape[n_batch_axes:]:
                in_size *= int(s)
            self._initialize_params(in_size)
        return linear.linear(x, self.W, self.b, n_batch_axes=n_batch_axes)
