"""Bilinear layer (``chainer.links.Bilinear``)."""
from chainerjax import backend
from chainerjax.functions.connection import bilinear
from chainerjax import initializers
from chainerjax import link
from chainerjax import variable


def _check_shape(initial, shape):
    if isinstance(initial, backend.get_array_types()):
        assert initial.shape == shape


class Bilinear(link.Link):
    """Bilinear layer: ``y = e1^T W e2 + V1^T e1 + V2^T e2 + b``.

    Holds ``W`` of shape ``(left_size, right_size, out_size)`` and, unless
    ``nobias``, ``V1`` ``(left_size, out_size)``, ``V2``
    ``(right_size, out_size)`` and ``b`` ``(out_size,)``, and applies
    :func:`~chainerjax.functions.bilinear`.

    Args:
        left_size (int): the size of ``e1``.
        right_size (int): the size of ``e2``.
        out_size (int): the output size.
        nobias (bool): no ``V1``, ``V2`` and ``b`` if True.
        initialW: the initializer of ``W``; default
            :class:`~chainerjax.initializers.LeCunNormal`.
        initial_bias (tuple): the initializers of ``(V1, V2, b)``; None for
            LeCunNormal ``V1`` and ``V2`` and a zero ``b``.

    Attributes:
        W, V1, V2, b (~chainerjax.Parameter): the parameters (``V1``,
            ``V2`` and ``b`` only without ``nobias``).

    Raises:
        ValueError: if ``initial_bias`` is neither a tuple nor None.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> link = L.Bilinear(2, 3, 4)
        >>> link(np.ones((5, 2), np.float32),
        ...      np.ones((5, 3), np.float32)).shape
        (5, 4)
    """

    def __init__(self, left_size, right_size, out_size, nobias=False,
                 initialW=None, initial_bias=None):
        super(Bilinear, self).__init__()
        self.in_sizes = (left_size, right_size)
        self.nobias = nobias
        with self.init_scope():
            shape = (left_size, right_size, out_size)
            _check_shape(initialW, shape)
            self.W = variable.Parameter(
                initializers._get_initializer(initialW), shape)
            if not self.nobias:
                V1_shape = (left_size, out_size)
                V2_shape = (right_size, out_size)
                b_shape = (out_size,)
                if isinstance(initial_bias, tuple):
                    initialV1, initialV2, initialb = initial_bias
                    _check_shape(initialV1, V1_shape)
                    _check_shape(initialV2, V2_shape)
                    _check_shape(initialb, b_shape)
                    initialV1 = initializers._get_initializer(initialV1)
                    initialV2 = initializers._get_initializer(initialV2)
                    initialb = initializers._get_initializer(initialb)
                elif initial_bias is None:
                    initialV1 = initializers._get_initializer(None)
                    initialV2 = initializers._get_initializer(None)
                    initialb = 0
                else:
                    raise ValueError('initial_bias must be tuple or None')
                self.V1 = variable.Parameter(initialV1, V1_shape)
                self.V2 = variable.Parameter(initialV2, V2_shape)
                self.b = variable.Parameter(initialb, b_shape)

    def forward(self, e1, e2):
        """Applies the bilinear function to ``e1`` ``(n, left_size)`` and
        ``e2`` ``(n, right_size)``."""
        if self.nobias:
            return bilinear.bilinear(e1, e2, self.W)
        return bilinear.bilinear(e1, e2, self.W, self.V1, self.V2, self.b)

    def zero_grads(self):
        """Same as :meth:`zerograds` (kept for backward compatibility)."""
        self.zerograds()
