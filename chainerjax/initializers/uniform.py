"""Initializers drawing from uniform distributions.

With no ``rng`` they draw from NumPy's global generator, as Chainer does on
the CPU, so ``numpy.random.seed`` reproduces Chainer's initial weights.
"""
import numpy

from chainerjax import initializer


def _parse_rng(kwargs):
    rng = kwargs.pop('rng', None)
    if kwargs:
        raise TypeError('got unexpected keyword argument(s) {}'.format(
            ', '.join(sorted(kwargs))))
    return rng


def _check_dtype(init, array):
    if init.dtype is not None:
        assert array.dtype == init.dtype, \
            '{} != {}'.format(array.dtype, init.dtype)


class Uniform(initializer.Initializer):
    """Draws each element from the uniform distribution on
    ``[-scale, scale]``.

    Args:
        scale (float): the half width of the interval.
        dtype: the dtype of the arrays made.
        rng: a ``numpy.random.RandomState``/``Generator`` (default: NumPy's
            global generator).

    Example:
        >>> import numpy as np
        >>> from chainerjax import initializers
        >>> w = np.empty((3, 4), np.float32)
        >>> initializers.Uniform(0.5)(w)
        >>> bool((abs(w) <= 0.5).all())
        True
    """

    def __init__(self, scale=0.05, dtype=None, **kwargs):
        self.scale = scale
        self.rng = _parse_rng(kwargs)
        super(Uniform, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        initializer._check_writable(array, type(self).__name__)
        rng = numpy.random if self.rng is None else self.rng
        array[...] = numpy.asarray(rng.uniform(
            low=-self.scale, high=self.scale,
            size=array.shape)).astype(array.dtype, copy=False)


class _FanUniform(initializer.Initializer):
    # Uniform on [-s, s] with s computed from the fans of the array.

    def __init__(self, scale=1.0, dtype=None, **kwargs):
        self.scale = scale
        self.rng = _parse_rng(kwargs)
        super(_FanUniform, self).__init__(dtype)

    def _bound(self, fan_in, fan_out):
        raise NotImplementedError

    def __call__(self, array):
        _check_dtype(self, array)
        fan_in, fan_out = initializer.get_fans(array.shape)
        Uniform(self._bound(fan_in, fan_out), rng=self.rng)(array)


class LeCunUniform(_FanUniform):
    """Draws from the uniform distribution on ``[-s, s]``,
    ``s = scale * sqrt(3 / fan_in)``.

    Args:
        scale (float): the scale.
        dtype: the dtype of the arrays made.
        rng: a NumPy random generator (default: the global one).
    """

    def _bound(self, fan_in, fan_out):
        return self.scale * numpy.sqrt(3. / fan_in)


class GlorotUniform(_FanUniform):
    """Draws from the uniform distribution on ``[-s, s]``,
    ``s = scale * sqrt(6 / (fan_in + fan_out))``.

    Args:
        scale (float): the scale.
        dtype: the dtype of the arrays made.
        rng: a NumPy random generator (default: the global one).
    """

    def _bound(self, fan_in, fan_out):
        return self.scale * numpy.sqrt(6. / (fan_in + fan_out))


class HeUniform(_FanUniform):
    """Draws from the uniform distribution on ``[-s, s]``,
    ``s = scale * sqrt(6 / fan_in)``.

    Args:
        scale (float): the scale.
        dtype: the dtype of the arrays made.
        rng: a NumPy random generator (default: the global one).
    """

    def _bound(self, fan_in, fan_out):
        return self.scale * numpy.sqrt(6. / fan_in)
