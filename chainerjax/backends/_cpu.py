"""The ``'@numpy'`` device: arrays are ``numpy.ndarray``, as in Chainer.

Computations on it still run through JAX's CPU backend; results are handed
back as NumPy arrays (zero-copy, read-only views of JAX buffers).
"""
import numpy

from chainerjax import _backend


class CpuDevice(_backend.Device):
    """Device for NumPy arrays (specifier ``'@numpy'`` or ``-1``)."""

    xp = numpy
    supported_array_types = (numpy.ndarray,)
    name = '@numpy'
    _is_numpy = True

    @staticmethod
    def from_array(array):
        if isinstance(array, numpy.ndarray):
            return CpuDevice()
        return None

    def __eq__(self, other):
        return isinstance(other, CpuDevice)

    def __hash__(self):
        return hash('@numpy')

    def __repr__(self):
        return '<CpuDevice (numpy)>'

    def send_array(self, array):
        return _array_to_cpu(array)

    def is_array_supported(self, array):
        return isinstance(array, numpy.ndarray)


def _array_to_cpu(array):
    if array is None:
        return None
    if isinstance(array, numpy.ndarray):
        return array
    if numpy.isscalar(array):
        return numpy.asarray(array)
    # A JAX array (any device): bring it to host memory as a writable array.
    return numpy.array(array)
