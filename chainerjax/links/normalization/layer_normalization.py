"""Layer normalization layer (``chainer.links.LayerNormalization``)."""
import numpy

from chainerjax.functions.normalization import layer_normalization
from chainerjax import link
from chainerjax import variable


class LayerNormalization(link.Link):
    """Layer normalization layer.

    Each row of a 2-d input is normalized by its own mean and variance,
    then scaled by ``gamma`` and shifted by ``beta``. With ``size=None``
    the parameters are initialized at the first forward, to the size of
    the input's non-batch axes.

    See: `Layer Normalization <https://arxiv.org/abs/1607.06450>`_.

    Args:
        size (int): the number of units, or None (lazy).
        eps (float): added to the variances.
        initial_gamma: the initializer of ``gamma`` (default 1).
        initial_beta: the initializer of ``beta`` (default 0).

    Attributes:
        gamma (~chainerjax.Parameter): the scale, ``(size,)``.
        beta (~chainerjax.Parameter): the shift, ``(size,)``.
        eps (float): as given.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> ln = L.LayerNormalization()
        >>> y = ln(np.arange(6, dtype=np.float32).reshape(2, 3))
        >>> np.allclose(y.array.mean(axis=1), 0, atol=1e-6)
        True
    """

    def __init__(self, size=None, eps=1e-6, initial_gamma=None,
                 initial_beta=None):
        super(LayerNormalization, self).__init__()
        if initial_gamma is None:
            initial_gamma = 1
        if initial_beta is None:
            initial_beta = 0
        with self.init_scope():
            self.gamma = variable.Parameter(initial_gamma)
            self.beta = variable.Parameter(initial_beta)
            self.eps = eps
        if size is not None:
            self._initialize_params(size)

    def _initialize_params(self, size):
        self.gamma.initialize(size)
        self.beta.initialize(size)

    def forward(self, x):
        """Normalizes ``x``.

        Args:
            x (Variable or array): the input ``(batch_size, unit_size)``.

        Returns:
            ~chainerjax.Variable: the output, of the shape of ``x``.
        """
        if self.gamma.array is None:
            in_size = int(numpy.prod(x.shape[1:], dtype=numpy.int64))
            self._initialize_params(in_size)
        return layer_normalization.layer_normalization(
            x, self.gamma, self.beta, self.eps)
