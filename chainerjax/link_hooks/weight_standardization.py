"""Weight standardization (``chainer.link_hooks.WeightStandardization``)."""
from chainerjax.functions.normalization import group_normalization
from chainerjax import link_hook


class WeightStandardization(link_hook.LinkHook):
    """Standardizes a link's weight before every forward.

    Each output's weights (``W[i]``, over all the other axes) are shifted
    and scaled to mean 0 and variance 1 (group normalization of the weight
    with one group); after the forward the link's parameter is restored.
    Meant for convolutions followed by group (or batch) normalization; it
    works with any link whose weight has at least 2 axes.

    See: Qiao et al., `Weight Standardization
    <https://arxiv.org/abs/1903.10520>`_.

    Args:
        eps (float): added to the variances.
        weight_name (str): the name of the weight parameter.
        name (str): the name of the hook (default
            ``'WeightStandardization'``).

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> from chainerjax import link_hooks
        >>> layer = L.Linear(3, 2).add_hook(
        ...     link_hooks.WeightStandardization())
        >>> layer(np.ones((1, 3), np.float32)).shape
        (1, 2)
    """

    name = 'WeightStandardization'

    def __init__(self, *, eps=1e-5, weight_name='W', name=None):
        self.eps = eps
        self.weight_name = weight_name
        self._initialized = False
        if name is not None:
            self.name = name

    def __enter__(self):
        raise NotImplementedError(
            'This hook is not supposed to be used as context manager.')

    def __exit__(self, *args):
        raise NotImplementedError

    def added(self, link):
        if not hasattr(link, self.weight_name):
            raise ValueError(
                'Weight \'{}\' does not exist!'.format(self.weight_name))
        if getattr(link, self.weight_name).array is not None:
            self._initialized = True

    def forward_preprocess(self, cb_args):
        link = cb_args.link
        input_variable = cb_args.args[0]
        if not self._initialized:
            if getattr(link, self.weight_name).array is None:
                if input_variable is None:
                    raise ValueError('Input variable does not exist!')
                link._initialize_params(input_variable.shape[1])
        weight = getattr(link, self.weight_name)
        xp = link.xp
        gamma = link.device.send(
            xp.ones((weight.shape[1],), dtype=weight.dtype))
        beta = link.device.send(
            xp.zeros((weight.shape[1],), dtype=weight.dtype))
        # The link's attribute is the Parameter again after the forward.
        self.original_weight = weight
        normalized_weight = group_normalization.group_normalization(
            weight, groups=1, gamma=gamma, beta=beta, eps=self.eps)
        setattr(link, self.weight_name, normalized_weight)

    def forward_postprocess(self, cb_args):
        setattr(cb_args.link, self.weight_name, self.original_weight)
