"""Long short-term memory unit."""
import jax
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


def _extract_gates(x):
    # Chainer's layout: the four gates a, i, f, o are interleaved per unit
    # (x[:, 4 * k + g] is gate g of unit k).
    r = x.reshape((x.shape[0], x.shape[1] // 4, 4) + x.shape[2:])
    return [r[:, :, g] for g in range(4)]


class LSTM(function_node.FunctionNode):

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('c', 'x'))
        c_type, x_type = in_types
        type_check.expect(
            c_type.dtype.kind == 'f',
            x_type.dtype == c_type.dtype,
            c_type.ndim >= 2,
            x_type.ndim >= 2,
            c_type.ndim == x_type.ndim,
            x_type.shape[0] <= c_type.shape[0],
            x_type.shape[1] == 4 * c_type.shape[1],
        )
        for i in range(2, type_check.eval(c_type.ndim)):
            type_check.expect(x_type.shape[i] == c_type.shape[i])

    def forward(self, inputs):
        c_prev, x = inputs
        a, i, f, o = _extract_gates(x)
        batch = x.shape[0]
        c = jnp.tanh(a) * jax.nn.sigmoid(i) \
            + jax.nn.sigmoid(f) * c_prev[:batch]
        h = jax.nn.sigmoid(o) * jnp.tanh(c)
        c_next = jnp.concatenate([c, c_prev[batch:]], axis=0)
        return c_next.astype(c_prev.dtype), h.astype(c_prev.dtype)


def lstm(c_prev, x):
    """LSTM unit: ``c = tanh(a) sigmoid(i) + sigmoid(f) c_prev``,
    ``h = sigmoid(o) tanh(c)``, where the gates ``a, i, f, o`` are
    interleaved per unit in ``x`` (``x[:, 4k:4k+4]`` are the gates of unit
    ``k``), as in Chainer.

    ``x`` may have a smaller batch than ``c_prev`` (sequences sorted by
    decreasing length): the trailing cells are passed through.

    Args:
        c_prev (Variable or array): the previous cell state ``(B, N, ...)``.
        x (Variable or array): the gate pre-activations ``(B', 4N, ...)``
            with ``B' <= B``.

    Returns:
        tuple: ``(c, h)``: the new cell state ``(B, N, ...)`` and the output
        ``(B', N, ...)``.
    """
    return LSTM().apply((c_prev, x))
