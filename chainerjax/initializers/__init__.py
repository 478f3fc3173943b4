"""Initializers (``chainer.initializers``)."""
import numpy

from chainerjax import _missing
from chainerjax import backend
from chainerjax import configuration
from chainerjax.backends import _cpu
from chainerjax.initializer import Initializer  # NOQA
from chainerjax.initializers.constant import Constant  # NOQA
from chainerjax.initializers.constant import Identity  # NOQA
from chainerjax.initializers.constant import NaN  # NOQA
from chainerjax.initializers.constant import One  # NOQA
from chainerjax.initializers.constant import Zero  # NOQA
from chainerjax.initializers.normal import GlorotNormal  # NOQA
from chainerjax.initializers.normal import HeNormal  # NOQA
from chainerjax.initializers.normal import LeCunNormal  # NOQA
from chainerjax.initializers.normal import Normal  # NOQA
from chainerjax.initializers.orthogonal import Orthogonal  # NOQA
from chainerjax.initializers.sampling import DownsamplingConvFilter  # NOQA
from chainerjax.initializers.sampling import UpsamplingDeconvFilter  # NOQA
from chainerjax.initializers.uniform import GlorotUniform  # NOQA
from chainerjax.initializers.uniform import HeUniform  # NOQA
from chainerjax.initializers.uniform import LeCunUniform  # NOQA
from chainerjax.initializers.uniform import Uniform  # NOQA

__getattr__ = _missing.module_getattr(__name__)


def generate_array(initializer, shape, xp, dtype=None, device=None):
    """Returns a new array of ``shape`` filled by ``initializer``.

    The array is filled on the host and sent to ``device`` (or to the
    device of ``xp``: NumPy for ``numpy``, the default JAX device for
    ``jax.numpy``).

    Args:
        initializer: a callable that fills a NumPy array in place.
        shape: the shape.
        xp: ``numpy`` or ``jax.numpy``.
        dtype: the dtype (default: the initializer's, else
            ``chainer.config.dtype``).
        device: a device specifier.

    Raises:
        ValueError: if ``dtype`` contradicts the initializer's dtype, or
            ``xp`` contradicts ``device``.
    """
    dtype_attr = getattr(initializer, 'dtype', None)
    if dtype is not None and dtype_attr is not None \
            and numpy.dtype(dtype) != numpy.dtype(dtype_attr):
        raise ValueError(
            'dtype mismatch: {} != {}'.format(dtype, dtype_attr))
    if dtype is None:
        dtype = dtype_attr
    dtype = configuration.get_dtype(dtype)
    if device is None:
        target = backend._cpu_device if xp is numpy else \
            backend.get_device('@jax')
    else:
        target = backend.get_device(device)
        if xp is not target.xp:
            raise ValueError('xp and device arguments are inconsistent.')
    if isinstance(shape, int):
        shape = (shape,)
    if target.xp is numpy:
        array = _cpu.empty(shape, dtype)
    else:
        array = numpy.empty(tuple(shape), dtype=dtype)
    initializer(array)
    return target.send(array)


def _get_initializer(initializer):
    if initializer is None:
        return LeCunNormal()
    if isinstance(initializer, backend.get_array_types()) or \
            numpy.isscalar(initializer):
        return Constant(initializer)
    if not callable(initializer):
        raise TypeError('invalid type of initializer: %s' % type(initializer))
    return initializer


def _check_is_initializer_like(initializer):
    if not (initializer is None
            or isinstance(initializer, Initializer)
            or callable(initializer)
            or isinstance(initializer, backend.get_array_types())
            or numpy.isscalar(initializer)):
        raise TypeError(
            'Initializer is of wrong type: {}. Allowed types are Initializer, '
            'ndarray and scalar.'.format(type(initializer)))
