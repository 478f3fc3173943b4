"""Fully-connected layer: ``y = x W^T + b``."""
from jax import lax

from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


class LinearFunction(function_node.FunctionNode):

    def __init__(self, n_batch_axes=1):
        self.n_batch_axes = n_batch_axes

    def check_type_forward(self, in_types):
        n_in = type_check.eval(in_types.size())
        if n_in not in (2, 3):
            raise type_check.InvalidType(
                'in_types.size() in (2, 3)',
                'in_types.size() == {}'.format(n_in))
        x_type, w_type = in_types[:2]
        type_check._argname((x_type, w_type), ('x', 'W'))
        type_check.expect(
            x_type.dtype.kind == 'f',
            w_type.dtype.kind == 'f',
            x_type.ndim == 2,
            w_type.ndim == 2,
            x_type.shape[1] == w_type.shape[1],
        )
        if n_in == 3:
            b_type = in_types[2]
            type_check._argname((b_type,), ('b',))
            type_check.expect(
                b_type.dtype == x_type.dtype,
                b_type.ndim == 1,
                b_type.shape[0] == w_type.shape[0],
            )

    def forward(self, inputs):
        x, W = inputs[:2]
        # contracted on W's second axis directly: no transposed copy of W
        # is made (nor kept for the backward)
        y = lax.dot_general(x, W, (((1,), (1,)), ((), ())))
        if len(inputs) == 3:
            y = y + inputs[2]
        return y,


def linear(x, W, b=None, n_batch_axes=1):
    """Linear function: ``y = x W^T + b``.

    Args:
        x (Variable or array): input of shape ``(s_1, ..., s_n, ...)``; the
            first ``n_batch_axes`` axes are batch axes, the rest are flattened.
        W (Variable or array): weight of shape ``(M, N)``.
        b (Variable or array): bias of shape ``(M,)``, or None.
        n_batch_axes (int): the number of batch axes.

    Returns:
        ~chainerjax.Variable: output of shape ``(s_1, ..., s_n, M)``.
    """
    from chainerjax.functions.array import reshape
    if n_batch_axes <= 0:
        raise ValueError('n_batch_axes should be greater than 0.')
    x = x if isinstance(x, variable.Variable) else variable.as_variable(x)
    batch_shape = x.shape[:n_batch_axes]
    if x.ndim != 2 or n_batch_axes > 1:
        batch_size = 1
        for s in batch_shape:
            batch_size *= s
        x = reshape.reshape(x, (batch_size, -1))
    args = (x, W) if b is None else (x, W, b)
    y, = LinearFunction().apply(args)
    if n_batch_axes > 1:
        y = reshape.reshape(y, batch_shape + (-1,))
    return y
