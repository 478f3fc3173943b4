"""Group normalization layer (``chainer.links.GroupNormalization``)."""
import numpy

from chainerjax import configuration
from chainerjax.functions.normalization import group_normalization
from chainerjax import initializers
from chainerjax import link
from chainerjax import variable


class GroupNormalization(link.Link):
    """Group normalization layer.

    The channels of each sample are split into ``groups`` groups; each
    group is normalized by its own mean and variance, then every channel is
    scaled by ``gamma`` and shifted by ``beta``. With ``size=None`` the
    parameters are initialized at the first forward, from the number of
    channels of the input.

    See: `Group Normalization <https://arxiv.org/abs/1803.08494>`_.

    Args:
        groups (int): the number of channel groups (it must divide the
            number of channels).
        size (int): the number of channels, or None (lazy).
        eps (float): added to the variances.
        initial_gamma: the initializer of ``gamma`` (default 1).
        initial_beta: the initializer of ``beta`` (default 0).

    Attributes:
        groups (int): the number of groups.
        gamma (~chainerjax.Parameter): the scale, ``(size,)``.
        beta (~chainerjax.Parameter): the shift, ``(size,)``.
        eps (float): as given.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> gn = L.GroupNormalization(2)
        >>> gn(np.ones((3, 4, 5), np.float32)).shape, gn.gamma.shape
        ((3, 4, 5), (4,))
    """

    def __init__(self, groups, size=None, eps=1e-5, initial_gamma=None,
                 initial_beta=None):
        super(GroupNormalization, self).__init__()
        if initial_gamma is None:
            initial_gamma = 1
        if initial_beta is None:
            initial_beta = 0
        highprec_dtype = configuration.get_dtype(
            None, map_mixed16=numpy.float32)
        with self.init_scope():
            self.groups = groups
            gamma_initializer = initializers._get_initializer(initial_gamma)
            gamma_initializer.dtype = highprec_dtype
            beta_initializer = initializers._get_initializer(initial_beta)
            beta_initializer.dtype = highprec_dtype
            self.gamma = variable.Parameter(gamma_initializer)
            self.beta = variable.Parameter(beta_initializer)
            self.eps = eps
        if size is not None:
            self._initialize_params(size)

    def _initialize_params(self, size):
        self.gamma.initialize(size)
        self.beta.initialize(size)

    def forward(self, x):
        """Normalizes ``x``.

        Args:
            x (Variable or array): the input ``(N, C, ...)``.

        Returns:
            ~chainerjax.Variable: the output, of the shape of ``x``.

        Raises:
            ValueError: if ``x`` has fewer than 2 axes at the lazy
                initialization.
        """
        if self.gamma.array is None:
            if x.ndim < 2:
                raise ValueError('Input dimension must be at least 2, '
                                 'including batch size dimension '
                                 '(first dimension).')
            self._initialize_params(x.shape[1])
        return group_normalization.group_normalization(
            x, self.groups, self.gamma, self.beta, self.eps)
