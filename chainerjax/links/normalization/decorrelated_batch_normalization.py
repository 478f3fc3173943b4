"""Decorrelated batch normalization layer
(``chainer.links.DecorrelatedBatchNormalization``).

The running statistics are replaced by new arrays rather than updated in
place, so that the link also works inside ``chainerjax.jit``.
"""
import functools
import warnings

import numpy

from chainerjax import backend
from chainerjax import configuration
from chainerjax.functions.normalization import \
    decorrelated_batch_normalization as _dbn
from chainerjax import link
from chainerjax.links.normalization.batch_normalization import _mix
from chainerjax import serializer as serializer_mod
from chainerjax.utils import conv


class DecorrelatedBatchNormalization(link.Link):
    """Decorrelated batch normalization layer.

    The channels are split into ``groups`` groups, and each group is
    whitened (ZCA) with the statistics of the batch in training mode; the
    running mean and whitening projection are updated then (``avg = decay
    * avg + (1 - decay) * batch_stat``; with ``finetune=True`` the decay is
    ``1 - 1 / N``, which averages all batches since
    :meth:`start_finetuning`). With ``chainer.config.train`` False the
    running statistics are used.

    See: `Decorrelated Batch Normalization
    <https://arxiv.org/abs/1804.08450>`_.

    Args:
        size (int): the number of channels.
        groups (int): the number of channel groups.
        decay (float): the decay rate of the running statistics.
        eps (float): added to the covariances' diagonal.
        dtype: the dtype of the statistics.

    Attributes:
        avg_mean (array): persistent, ``(groups, size // groups)``.
        avg_projection (array): persistent,
            ``(groups, size // groups, size // groups)`` (identities at
            first).
        N (int): persistent; batches seen in fine-tuning.
        groups (int), decay (float), eps (float): as given.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> dbn = L.DecorrelatedBatchNormalization(4, groups=2)
        >>> x = np.random.RandomState(0).randn(8, 4).astype(np.float32)
        >>> dbn(x).shape, dbn.avg_projection.shape
        ((8, 4), (2, 2, 2))
    """

    def __init__(self, size, groups=16, decay=0.9, eps=2e-5,
                 dtype=numpy.float32):
        super(DecorrelatedBatchNormalization, self).__init__()
        C = size // groups
        self.avg_mean = numpy.zeros((groups, C), dtype=dtype)
        self.register_persistent('avg_mean')
        avg_projection = numpy.zeros((groups, C, C), dtype=dtype)
        arange_C = numpy.arange(C)
        avg_projection[:, arange_C, arange_C] = 1
        self.avg_projection = avg_projection
        self.register_persistent('avg_projection')
        self.N = 0
        self.register_persistent('N')
        self.decay = decay
        self.eps = eps
        self.groups = groups

    def serialize(self, serializer):
        if isinstance(serializer, serializer_mod.Deserializer):
            # Statistics saved by older Chainer versions lack the group
            # axis.
            serializer = _PatchedDeserializer(serializer, {
                'avg_mean': functools.partial(
                    fix_avg_mean, groups=self.groups),
                'avg_projection': functools.partial(
                    fix_avg_projection, groups=self.groups),
            })
        super(DecorrelatedBatchNormalization, self).serialize(serializer)

    def forward(self, x, **kwargs):
        """forward(self, x, *, finetune=False)

        Normalizes ``x``.

        Args:
            x (Variable or array): the input ``(N, size, ...)``.
            finetune (bool): in training mode, accumulate population
                statistics.

        Returns:
            ~chainerjax.Variable: the output, of the shape of ``x``.
        """
        finetune, = conv._parse_kwargs(
            'forward', kwargs, ('finetune', False))

        if not configuration.config.train:
            return _dbn.fixed_decorrelated_batch_normalization(
                x, self.avg_mean, self.avg_projection, groups=self.groups)

        if configuration.config.in_recomputing:
            # Batch statistics only: nothing is updated again.
            y, _, _ = _dbn._decorrelated_batch_normalization_with_stats(
                x, groups=self.groups, eps=self.eps)
            return y
        if finetune:
            self.N += 1
            decay = 1. - 1. / self.N
            # The decay changes every batch (and is traced under
            # chainerjax.jit): take the batch statistics (decay 0) and mix
            # them in here.
            y, batch_mean, batch_projection = \
                _dbn._decorrelated_batch_normalization_with_stats(
                    x, groups=self.groups, eps=self.eps,
                    running_mean=self.avg_mean,
                    running_projection=self.avg_projection, decay=0.0)
            self.avg_mean = _mix(self.avg_mean, batch_mean, decay)
            self.avg_projection = _mix(
                self.avg_projection, batch_projection, decay)
            return y
        y, new_mean, new_projection = \
            _dbn._decorrelated_batch_normalization_with_stats(
                x, groups=self.groups, eps=self.eps,
                running_mean=self.avg_mean,
                running_projection=self.avg_projection, decay=self.decay)
        self.avg_mean = new_mean
        self.avg_projection = new_projection
        return y

    def start_finetuning(self):
        """Resets the batch count ``N`` of the fine-tuning mode."""
        self.N = 0


class _PatchedDeserializer(serializer_mod.Deserializer):
    # Reads some keys through a fixing function.

    def __init__(self, base, patches):
        self.base = base
        self.patches = patches

    def __repr__(self):
        return '_PatchedDeserializer({}, {})'.format(
            repr(self.base), repr(self.patches))

    def __getitem__(self, key):
        return self.base[key]

    def __call__(self, key, value):
        if key not in self.patches:
            return self.base(key, value)
        arr = self.base(key, None)
        if arr is None:
            return value
        arr = self.patches[key](arr)
        if value is None:
            return arr
        if isinstance(value, numpy.ndarray) and value.flags.writeable:
            backend.copyto(value, arr)
            return value
        device = backend.get_device_from_array(value)
        arr = numpy.asarray(arr).astype(value.dtype).reshape(value.shape)
        return device.send(arr)


def _warn_old_model():
    warnings.warn(
        'Found moving statistics of old DecorrelatedBatchNormalization, '
        'whose algorithm was different from the paper.')


def fix_avg_mean(avg_mean, groups):
    """Returns ``avg_mean`` with the group axis (a 1-d mean, as older
    Chainer versions saved, is broadcast to every group)."""
    if avg_mean.ndim == 2:
        return avg_mean
    if avg_mean.ndim == 1:
        if groups != 1:
            _warn_old_model()
        return numpy.broadcast_to(avg_mean, (groups,) + avg_mean.shape)
    raise ValueError('unexpected shape of avg_mean')


def fix_avg_projection(avg_projection, groups):
    """Returns ``avg_projection`` with the group axis (see
    :func:`fix_avg_mean`)."""
    if avg_projection.ndim == 3:
        return avg_projection
    if avg_projection.ndim == 2:
        if groups != 1:
            _warn_old_model()
        return numpy.broadcast_to(
            avg_projection, (groups,) + avg_projection.shape)
    raise ValueError('unexpected shape of avg_projection')
