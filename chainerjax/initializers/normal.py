"""Initializers drawing from normal distributions.

With no ``rng`` they draw from NumPy's global generator, as Chainer does on
the CPU, so ``numpy.random.seed`` reproduces Chainer's initial weights.
"""
import numpy

from chainerjax import initializer


def _parse_rng(kwargs):
    rng = kwargs.pop('rng', None)
    if kwargs:
        raise TypeError('unexpected keyword argument(s): {}'.format(
            ', '.join(sorted(kwargs))))
    return rng


class Normal(initializer.Initializer):
    """Draws from N(0, scale^2).

    Args:
        scale (float): the standard deviation.
        dtype: the dtype of the arrays made.
        rng: a ``numpy.random.RandomState``/``Generator`` (default: NumPy's
            global generator).
    """

    def __init__(self, scale=0.05, dtype=None, **kwargs):
        self.scale = scale
        self.rng = _parse_rng(kwargs)
        super(Normal, self).__init__(dtype)

    def __call__(self, array):
        if self.dtype is not None:
            assert array.dtype == self.dtype, \
                '{} != {}'.format(array.dtype, self.dtype)
        initializer._check_writable(array, type(self).__name__)
        rng = numpy.random if self.rng is None else self.rng
        array[...] = rng.normal(loc=0.0, scale=self.scale, size=array.shape)


class _FanNormal(initializer.Initializer):

    def __init__(self, scale=1.0, dtype=None, **kwargs):
        self.scale = scale
        self.rng = _parse_rng(kwargs)
        super(_FanNormal, self).__init__(dtype)

    def _std(self, fan_in, fan_out):
        raise NotImplementedError

    def __call__(self, array):
        if self.dtype is not None:
            assert array.dtype == self.dtype, \
                '{} != {}'.format(array.dtype, self.dtype)
        fan_in, fan_out = initializer.get_fans(array.shape)
        Normal(self._std(fan_in, fan_out), rng=self.rng)(array)


class LeCunNormal(_FanNormal):
    """Draws from N(0, scale^2 / fan_in) (Chainer's default for weights)."""

    def _std(self, fan_in, fan_out):
        return self.scale * numpy.sqrt(1. / fan_in)


class GlorotNormal(_FanNormal):
    """Draws from N(0, 2 scale^2 / (fan_in + fan_out))."""

    def _std(self, fan_in, fan_out):
        return self.scale * numpy.sqrt(2. / (fan_in + fan_out))


class HeNormal(_FanNormal):
    """Draws from N(0, 2 scale^2 / fan), fan by ``fan_option``.

    Args:
        scale (float): the scale.
        dtype: the dtype of the arrays made.
        fan_option (str): ``'fan_in'`` or ``'fan_out'``.
    """

    def __init__(self, scale=1.0, dtype=None, fan_option='fan_in',
                 **kwargs):
        self.fan_option = fan_option
        super(HeNormal, self).__init__(scale, dtype, **kwargs)

    def _std(self, fan_in, fan_out):
        if self.fan_option == 'fan_in':
            return self.scale * numpy.sqrt(2. / fan_in)
        if self.fan_option == 'fan_out':
            return self.scale * numpy.sqrt(2. / fan_out)
        raise ValueError(
            'fan_option should be either \'fan_in\' or \'fan_out\'.')
