"""Matrix inverse."""
import jax
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


def _inv(x):
    # float16 is inverted in float32 and cast back, as Chainer does.
    if x.dtype == numpy.float16:
        return jnp.linalg.inv(x.astype(numpy.float32)).astype(x.dtype)
    return jnp.linalg.inv(x)


def check_singular(y_data, x):
    """Raises Chainer's ValueError when an eagerly computed inverse is not
    finite although its input is (a singular matrix). Traced values are not
    checked."""
    x_data = x._data if isinstance(x, variable.Variable) else x
    if isinstance(y_data, jax.core.Tracer) or \
            isinstance(x_data, jax.core.Tracer):
        return
    if not numpy.isfinite(numpy.asarray(y_data)).all() and \
            numpy.isfinite(numpy.asarray(x_data)).all():
        raise ValueError('Input has singular matrices.')


class Inv(function_node.FunctionNode):
    """Inverse of a square matrix."""

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a',))
        a_type, = in_types
        type_check.expect(a_type.dtype.kind == 'f')
        type_check.expect(a_type.ndim == 2)
        type_check.expect(a_type.shape[0] == a_type.shape[1])

    def forward(self, inputs):
        return _inv(inputs[0]),


class BatchInv(function_node.FunctionNode):
    """Inverses of a batch of square matrices."""

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a',))
        a_type, = in_types
        type_check.expect(a_type.dtype.kind == 'f')
        type_check.expect(a_type.ndim == 3)
        type_check.expect(a_type.shape[-1] == a_type.shape[-2])

    def forward(self, inputs):
        return _inv(inputs[0]),


def inv(a):
    """Inverse of a square matrix.

    Args:
        a (Variable or array): a float array of shape ``(n, n)``.

    Returns:
        ~chainerjax.Variable: the inverse.

    Raises:
        ValueError: ``a`` is singular (checked eagerly only).
    """
    y = Inv().apply((a,))[0]
    check_singular(y._data, a)
    return y


def batch_inv(a):
    """Inverses of a batch of square matrices.

    Args:
        a (Variable or array): a float array of shape ``(B, n, n)``.

    Returns:
        ~chainerjax.Variable: the inverses.

    Raises:
        ValueError: a matrix is singular (checked eagerly only).
    """
    y = BatchInv().apply((a,))[0]
    check_singular(y._data, a)
    return y
