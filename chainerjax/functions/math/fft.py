"""Fast Fourier transform of complex arrays given as (real, imag) pairs."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class FFT(function_node.FunctionNode):
    """One-dimensional (inverse) DFT along the last axis."""

    def __init__(self, method):
        self._method = method

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('real', 'imag'))
        r_type, i_type = in_types
        type_check.expect(
            r_type.dtype.kind == 'f',
            r_type.ndim > 0,
            r_type.shape == i_type.shape,
            r_type.dtype == i_type.dtype,
        )

    def forward(self, inputs):
        real, imag = inputs
        y = getattr(jnp.fft, self._method)(_complex(real, imag))
        return jnp.real(y).astype(real.dtype), jnp.imag(y).astype(imag.dtype)


def _complex(real, imag):
    return real + imag * jnp.asarray(1j, jnp.result_type(real.dtype, 1j))


def fft(x):
    """One-dimensional discrete Fourier transform along the last axis.

    Args:
        x (tuple): ``(real, imag)``, two float Variables or arrays of the
            same shape and dtype.

    Returns:
        tuple: ``(real, imag)`` of the transform.
    """
    real, imag = x
    return FFT('fft').apply((real, imag))


def ifft(x):
    """One-dimensional inverse discrete Fourier transform (last axis).

    Args:
        x (tuple): ``(real, imag)``, two float Variables or arrays of the
            same shape and dtype.

    Returns:
        tuple: ``(real, imag)`` of the inverse transform.
    """
    real, imag = x
    return FFT('ifft').apply((real, imag))
