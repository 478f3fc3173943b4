"""Batch normalization layer (``chainer.links.BatchNormalization``).

Chainer's link updates its running averages in place. Here the new
averages are returned by
:func:`~chainerjax.functions.normalization.batch_normalization.\
_batch_normalization_with_stats` and assigned to ``avg_mean``/``avg_var``,
so that the link also works inside ``chainerjax.jit`` (where the
persistents are traced values).
"""
import numpy

from chainerjax import configuration
from chainerjax.functions.normalization import batch_normalization
from chainerjax import initializers
from chainerjax import link
from chainerjax.utils import conv
from chainerjax import variable


def _mix(avg, stat, decay):
    # decay * avg + (1 - decay) * stat, in the dtype of avg; decay is a
    # Python/NumPy scalar, or a 0-dim (traced) JAX array.
    dtype = avg.dtype
    if isinstance(decay, (float, int, numpy.number)):
        a = dtype.type(decay)
        b = dtype.type(1. - float(decay))
    else:
        a = decay.astype(dtype)
        b = (1. - decay).astype(dtype)
    return avg * a + stat * b


class BatchNormalization(link.Link):
    """Batch normalization layer over the batch (and other) axes.

    In training mode the input is normalized with the statistics of the
    batch, and the running averages ``avg_mean``/``avg_var`` are updated
    (``avg = decay * avg + (1 - decay) * batch_stat``, the variance being
    unbiased). With ``chainer.config.train`` False the running averages are
    used instead.

    With ``finetune=True`` in the forward, the averages become the
    population statistics of all batches seen since
    :meth:`start_finetuning` (the decay is ``1 - 1 / N``).

    Args:
        size (int or tuple of ints): the shape of the statistics (and of
            ``gamma``/``beta``); None to infer it from the first input
            (then ``axis`` is required).
        decay (float): the decay rate of the running averages.
        eps (float): added to the variance.
        dtype: the dtype of the parameters and statistics (default
            ``chainer.config.dtype``; mixed16 maps to float32).
        use_gamma (bool): have a scale parameter ``gamma`` if True.
        use_beta (bool): have a shift parameter ``beta`` if True.
        initial_gamma: the initializer of ``gamma`` (default 1).
        initial_beta: the initializer of ``beta`` (default 0).
        axis (int or tuple of ints): the axes to normalize over (default:
            the batch axis and the axes after ``size``'s).
        initial_avg_mean: the initializer of ``avg_mean`` (default 0).
        initial_avg_var: the initializer of ``avg_var`` (default 1).

    Attributes:
        gamma (~chainerjax.Parameter): the scale, or None.
        beta (~chainerjax.Parameter): the shift, or None.
        avg_mean (array): persistent; the running mean.
        avg_var (array): persistent; the running variance.
        N (int): persistent; the number of batches seen in fine-tuning.
        decay (float), eps (float): as given.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> bn = L.BatchNormalization(3)
        >>> bn(np.arange(12, dtype=np.float32).reshape(4, 3)).shape
        (4, 3)
        >>> bn.avg_mean.shape
        (3,)
    """

    gamma = None
    beta = None
    avg_mean = None
    avg_var = None

    def __init__(self, size=None, decay=0.9, eps=2e-5, dtype=None,
                 use_gamma=True, use_beta=True,
                 initial_gamma=None, initial_beta=None, axis=None,
                 initial_avg_mean=None, initial_avg_var=None):
        super(BatchNormalization, self).__init__()
        if size is None and axis is None:
            raise RuntimeError('size or axis is required')
        self._initial_avg_mean = initial_avg_mean
        self._initial_avg_var = initial_avg_var
        self.N = 0
        self.register_persistent('N')
        self.decay = decay
        self.eps = eps
        if isinstance(axis, (int, numpy.integer)):
            axis = (int(axis),)
        self.axis = axis
        self._highprec_dtype = configuration.get_dtype(
            dtype, map_mixed16=numpy.float32)
        with self.init_scope():
            if use_gamma:
                if initial_gamma is None:
                    initial_gamma = 1
                init = initializers._get_initializer(initial_gamma)
                init.dtype = self._highprec_dtype
                self.gamma = variable.Parameter(init)
            if use_beta:
                if initial_beta is None:
                    initial_beta = 0
                init = initializers._get_initializer(initial_beta)
                init.dtype = self._highprec_dtype
                self.beta = variable.Parameter(init)
        if size is None:
            self.avg_mean = None
            self.avg_var = None
        else:
            self._initialize_params(size)
        self.register_persistent('avg_mean')
        self.register_persistent('avg_var')

    def _initialize_params(self, shape):
        self.avg_mean = self._init_array(self._initial_avg_mean, 0, shape)
        self._initial_avg_mean = None
        self.avg_var = self._init_array(self._initial_avg_var, 1, shape)
        self._initial_avg_var = None
        if self.gamma is not None:
            self.gamma.initialize(shape)
        if self.beta is not None:
            self.beta.initialize(shape)

    def _init_array(self, initializer, default_value, size):
        if initializer is None:
            initializer = default_value
        initializer = initializers._get_initializer(initializer)
        return initializers.generate_array(
            initializer, size, self.xp, dtype=self._highprec_dtype,
            device=self.device)

    def _constant(self, value):
        xp = self.xp
        with_dtype = xp.full(self.avg_mean.shape, value,
                             dtype=self._highprec_dtype)
        return self.device.send(with_dtype)

    @property
    def printable_specs(self):
        yield 'size', self.avg_mean.shape[0]
        yield 'decay', self.decay
        yield 'eps', self.eps
        yield 'dtype', self.avg_mean.dtype
        yield 'use_gamma', self.gamma is not None
        yield 'use_beta', self.beta is not None

    def forward(self, x, **kwargs):
        """forward(self, x, finetune=False)

        Normalizes ``x``.

        Args:
            x (Variable or array): the input.
            finetune (bool): in training mode, accumulate population
                statistics (see the class documentation).

        Returns:
            ~chainerjax.Variable: the output, of the shape of ``x``.
        """
        finetune, = conv._parse_kwargs(
            'forward', kwargs, ('finetune', False),
            test='test argument is not supported anymore. '
                 'Use chainer.using_config')
        if self.avg_mean is None:
            self._initialize_params(tuple(
                d for i, d in enumerate(x.shape) if i not in self.axis))
        gamma = self.gamma
        if gamma is None:
            gamma = self._constant(1)
        beta = self.beta
        if beta is None:
            beta = self._constant(0)

        if configuration.config.train:
            if configuration.config.in_recomputing:
                y, _, _ = batch_normalization.\
                    _batch_normalization_with_stats(
                        x, gamma, beta, eps=self.eps, decay=self.decay,
                        axis=self.axis)
                return y
            if finetune:
                self.N += 1
                decay = 1. - 1. / self.N
                # The decay changes every batch (and is traced under
                # chainerjax.jit): get the batch statistics (decay 0) and
                # mix them in here rather than making the decay a kernel
                # attribute (one compile per value).
                y, batch_mean, batch_var = batch_normalization.\
                    _batch_normalization_with_stats(
                        x, gamma, beta, eps=self.eps,
                        running_mean=self.avg_mean,
                        running_var=self.avg_var, decay=0.0, axis=self.axis)
                self.avg_mean = _mix(self.avg_mean, batch_mean, decay)
                self.avg_var = _mix(self.avg_var, batch_var, decay)
                return y
            y, new_mean, new_var = batch_normalization.\
                _batch_normalization_with_stats(
                    x, gamma, beta, eps=self.eps,
                    running_mean=self.avg_mean, running_var=self.avg_var,
                    decay=self.decay, axis=self.axis)
            # Assigned, never written in place (see the module docstring).
            self.avg_mean = new_mean
            self.avg_var = new_var
            return y
        return batch_normalization.fixed_batch_normalization(
            x, gamma, beta, self.avg_mean, self.avg_var, self.eps,
            axis=self.axis)

    def start_finetuning(self):
        """Resets the batch count ``N`` of the fine-tuning mode."""
        self.N = 0
