"""Bilinear function."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check


class BilinearFunction(function_node.FunctionNode):

    def check_type_forward(self, in_types):
        n_in = type_check.eval(in_types.size())
        if n_in != 3 and n_in != 6:
            raise type_check.InvalidType(
                '{0} or {1}'.format(
                    in_types.size() == 3, in_types.size() == 6),
                '{0} == {1}'.format(in_types.size(), n_in))
        e1_type, e2_type, W_type = in_types[:3]
        type_check._argname((e1_type, e2_type, W_type), ('e1', 'e2', 'W'))
        type_check_prod = type_check.make_variable(numpy.prod, 'prod')
        type_check.expect(
            e1_type.dtype == numpy.float32,
            e1_type.ndim >= 2,
            e2_type.dtype == numpy.float32,
            e2_type.ndim >= 2,
            e1_type.shape[0] == e2_type.shape[0],
            W_type.dtype == numpy.float32,
            W_type.ndim == 3,
            type_check_prod(e1_type.shape[1:]) == W_type.shape[0],
            type_check_prod(e2_type.shape[1:]) == W_type.shape[1],
        )
        if n_in == 6:
            out_size = W_type.shape[2]
            V1_type, V2_type, b_type = in_types[3:]
            type_check._argname((V1_type, V2_type, b_type),
                                ('V1', 'V2', 'b'))
            type_check.expect(
                V1_type.dtype == numpy.float32,
                V1_type.ndim == 2,
                V1_type.shape[0] == W_type.shape[0],
                V1_type.shape[1] == out_size,
                V2_type.dtype == numpy.float32,
                V2_type.ndim == 2,
                V2_type.shape[0] == W_type.shape[1],
                V2_type.shape[1] == out_size,
                b_type.dtype == numpy.float32,
                b_type.ndim == 1,
                b_type.shape[0] == out_size,
            )

    def forward(self, inputs):
        e1 = inputs[0].reshape(inputs[0].shape[0], -1)
        e2 = inputs[1].reshape(inputs[1].shape[0], -1)
        W = inputs[2]
        y = jnp.einsum('ij,ik,jkl->il', e1, e2, W)
        if len(inputs) == 6:
            V1, V2, b = inputs[3:]
            y = y + jnp.matmul(e1, V1) + jnp.matmul(e2, V2) + b
        return y,


def bilinear(e1, e2, W, V1=None, V2=None, b=None):
    """Bilinear function:
    ``y[i, l] = sum_jk e1[i, j] e2[i, k] W[j, k, l]
    (+ (e1 V1)[i, l] + (e2 V2)[i, l] + b[l])``.

    Args:
        e1 (Variable or array): float32, shape ``(N, J)`` (trailing axes are
            flattened).
        e2 (Variable or array): float32, shape ``(N, K)`` (likewise).
        W (Variable or array): float32, shape ``(J, K, L)``.
        V1 (Variable or array): float32, shape ``(J, L)``, or None.
        V2 (Variable or array): float32, shape ``(K, L)``, or None.
        b (Variable or array): float32, shape ``(L,)``, or None.

    ``V1``, ``V2`` and ``b`` are given all together or not at all
    (ValueError otherwise).

    Returns:
        ~chainerjax.Variable: output of shape ``(N, L)``.
    """
    flags = [V1 is None, V2 is None, b is None]
    if any(flags):
        if not all(flags):
            raise ValueError('All coefficients and bias for bilinear() must '
                             'be None, if at least one of them is None.')
        return BilinearFunction().apply((e1, e2, W))[0]
    return BilinearFunction().apply((e1, e2, W, V1, V2, b))[0]
