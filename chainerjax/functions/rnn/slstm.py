"""S-LSTM unit (two children)."""
import jax
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.functions.rnn.lstm import _extract_gates
from chainerjax.utils import type_check


class SLSTM(function_node.FunctionNode):

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('c_prev1', 'c_prev2', 'x1', 'x2'))
        c1, c2, x1, x2 = in_types
        type_check.expect(
            c1.dtype.kind == 'f',
            c2.dtype == c1.dtype,
            x1.dtype == c1.dtype,
            x2.dtype == c1.dtype,
            c1.ndim >= 2,
            c2.ndim >= 2,
            x1.ndim >= 2,
            x2.ndim >= 2,
            c1.ndim == x1.ndim,
            c1.ndim == c2.ndim,
            c1.ndim == x2.ndim,
            c1.shape[0] == x1.shape[0],
            c1.shape[0] == c2.shape[0],
            c1.shape[0] == x2.shape[0],
            x1.shape[1] == 4 * c1.shape[1],
            x2.shape[1] == 4 * c2.shape[1],
        )
        for i in range(2, type_check.eval(c1.ndim)):
            type_check.expect(x1.shape[i] == c1.shape[i])
            type_check.expect(x2.shape[i] == c2.shape[i])
            type_check.expect(x1.shape[i] == x2.shape[i])

    def forward(self, inputs):
        c_prev1, c_prev2, x1, x2 = inputs
        a1, i1, f1, o1 = _extract_gates(x1)
        a2, i2, f2, o2 = _extract_gates(x2)
        s = jax.nn.sigmoid
        c = jnp.tanh(a1) * s(i1) + jnp.tanh(a2) * s(i2) \
            + s(f1) * c_prev1 + s(f2) * c_prev2
        h = s(o1 + o2) * jnp.tanh(c)
        return c.astype(c_prev1.dtype), h.astype(c_prev1.dtype)


def slstm(c_prev1, c_prev2, x1, x2):
    """S-LSTM unit combining two children:
    ``c = tanh(a1) sig(i1) + tanh(a2) sig(i2) + sig(f1) c1 + sig(f2) c2``,
    ``h = sig(o1 + o2) tanh(c)`` (gates interleaved per unit as in
    :func:`lstm`).

    Args:
        c_prev1, c_prev2 (Variable or array): the children's cell states.
        x1, x2 (Variable or array): the gate pre-activations (4 times as
            many units).

    Returns:
        tuple: ``(c, h)``.
    """
    return SLSTM().apply((c_prev1, c_prev2, x1, x2))
