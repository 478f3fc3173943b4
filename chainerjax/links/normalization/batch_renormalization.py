"""Batch renormalization layer (``chainer.links.BatchRenormalization``).

As :class:`~chainerjax.links.BatchNormalization`, the running averages are
replaced by new arrays (returned by
:func:`~chainerjax.functions.normalization.batch_renormalization.\
_batch_renormalization_with_stats`) rather than updated in place, so that
the link also works inside ``chainerjax.jit``.
"""
from chainerjax import configuration
from chainerjax.functions.normalization import batch_normalization
from chainerjax.functions.normalization import batch_renormalization
from chainerjax.links.normalization.batch_normalization import _mix
from chainerjax.links.normalization.batch_normalization import \
    BatchNormalization


class BatchRenormalization(BatchNormalization):
    """Batch renormalization layer.

    In training mode the input is normalized with the batch statistics
    corrected towards the running ones: ``r = clip(sigma_B / sigma, 1/rmax,
    rmax)`` and ``d = clip((mu_B - mu) / sigma, -dmax, dmax)`` (constants
    for backprop) give ``y = gamma * (x_hat * r + d) + beta``; the running
    averages are updated as in batch normalization. With
    ``chainer.config.train`` False the running averages are used, as in
    :class:`~chainerjax.links.BatchNormalization`.

    See: `Batch Renormalization <https://arxiv.org/abs/1702.03275>`_.

    Args:
        size (int or tuple of ints): the shape of the statistics (the axes
            after the batch axis).
        rmax (float): the bound of ``r``.
        dmax (float): the bound of ``d``.
        decay (float): the decay rate of the running averages.
        eps (float): added to the variances.
        dtype: the dtype of the parameters and statistics.
        use_gamma (bool): have a scale parameter ``gamma``.
        use_beta (bool): have a shift parameter ``beta``.
        initial_gamma, initial_beta: their initializers (default 1, 0).
        initial_avg_mean, initial_avg_var: the initializers of the running
            averages (default 0, 1).

    Attributes:
        gamma, beta (~chainerjax.Parameter): scale and shift (or None).
        avg_mean, avg_var (array): persistent running averages.
        N (int): persistent; batches seen in fine-tuning.
        rmax, dmax, decay, eps (float): as given.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> brn = L.BatchRenormalization(3, rmax=3., dmax=5.)
        >>> brn(np.arange(12, dtype=np.float32).reshape(4, 3)).shape
        (4, 3)
    """

    def __init__(self, size, rmax=1, dmax=0, decay=0.9, eps=2e-5,
                 dtype=None, use_gamma=True, use_beta=True,
                 initial_gamma=None, initial_beta=None,
                 initial_avg_mean=None, initial_avg_var=None):
        super(BatchRenormalization, self).__init__(
            size, decay=decay, eps=eps, dtype=dtype, use_gamma=use_gamma,
            use_beta=use_beta, initial_gamma=initial_gamma,
            initial_beta=initial_beta, initial_avg_mean=initial_avg_mean,
            initial_avg_var=initial_avg_var)
        self.rmax = rmax  # the largest correction of the variance
        self.dmax = dmax  # the largest correction of the mean
        self.r = None
        self.d = None

    def forward(self, x, finetune=False):
        """Normalizes ``x``.

        Args:
            x (Variable or array): the input.
            finetune (bool): in training mode, accumulate population
                statistics (the decay is ``1 - 1 / N``).

        Returns:
            ~chainerjax.Variable: the output, of the shape of ``x``.
        """
        dtype = x.dtype
        gamma = self.gamma
        if gamma is None:
            gamma = self.device.send(self.xp.ones(
                self.avg_mean.shape, dtype=dtype))
        beta = self.beta
        if beta is None:
            beta = self.device.send(self.xp.zeros(
                self.avg_mean.shape, dtype=dtype))

        if not configuration.config.train:
            return batch_normalization.fixed_batch_normalization(
                x, gamma, beta, self.avg_mean, self.avg_var, self.eps)

        config = configuration.config
        if config.in_recomputing:
            # The statistics of the first forward, not updated again.
            y, _, _ = batch_renormalization._batch_renormalization_with_stats(
                x, gamma, beta, self.rmax, self.dmax, self.eps,
                self._prev_avg_mean, self._prev_avg_var, self.decay)
            return y
        if getattr(config, '_will_recompute', False):
            self._prev_avg_mean = self.avg_mean.copy()
            self._prev_avg_var = self.avg_var.copy()

        if finetune:
            self.N += 1
            decay = 1. - 1. / self.N
            # The decay changes every batch (and is traced under
            # chainerjax.jit): take the batch statistics (decay 0) and mix
            # them in here, as BatchNormalization does.
            y, batch_mean, batch_var = \
                batch_renormalization._batch_renormalization_with_stats(
                    x, gamma, beta, self.rmax, self.dmax, self.eps,
                    self.avg_mean, self.avg_var, 0.0)
            self.avg_mean = _mix(self.avg_mean, batch_mean, decay)
            self.avg_var = _mix(self.avg_var, batch_var, decay)
            return y
        y, new_mean, new_var = \
            batch_renormalization._batch_renormalization_with_stats(
                x, gamma, beta, self.rmax, self.dmax, self.eps,
                self.avg_mean, self.avg_var, self.decay)
        self.avg_mean = new_mean
        self.avg_var = new_var
        return y
