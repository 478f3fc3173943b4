"""Tree-LSTM unit (N-ary / child-sum)."""
import jax
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


def _extract_gates(x, n_split):
    # Unlike lstm, the gates are contiguous blocks: x = [a, i, o, f_1..f_n].
    r = x.reshape((x.shape[0], n_split, x.shape[1] // n_split) + x.shape[2:])
    return [r[:, g] for g in range(n_split)]


class TreeLSTM(function_node.FunctionNode):

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() >= 2)
        c_types = in_types[:-1]
        x_type = in_types[-1]
        n_ary = len(c_types)
        type_check.expect(x_type.ndim >= 2)
        for i in range(len(c_types)):
            type_check.expect(
                c_types[i].dtype.kind == 'f',
                x_type.dtype == c_types[i].dtype,
                c_types[i].ndim >= 2,
                c_types[i].ndim == x_type.ndim,
                x_type.shape[0] == c_types[i].shape[0],
                x_type.shape[1] == (3 + n_ary) * c_types[i].shape[1],
            )
            for j in range(2, type_check.eval(c_types[i].ndim)):
                type_check.expect(x_type.shape[j] == c_types[i].shape[j])

    def forward(self, inputs):
        cs, x = inputs[:-1], inputs[-1]
        gates = _extract_gates(x, 3 + len(cs))
        a, i, o = gates[:3]
        s = jax.nn.sigmoid
        c = jnp.tanh(a) * s(i)
        for f, cp in zip(gates[3:], cs):
            c = c + s(f) * cp
        h = s(o) * jnp.tanh(c)
        return c.astype(x.dtype), h.astype(x.dtype)


def tree_lstm(*inputs):
    """Tree-LSTM unit: ``tree_lstm(c_1, ..., c_n, x)`` with ``x`` the
    concatenation of the pre-activations ``[a, i, o, f_1, ..., f_n]`` (as
    contiguous blocks, not interleaved): ``c = tanh(a) sig(i) +
    sum_k sig(f_k) c_k``, ``h = sig(o) tanh(c)``.

    Returns:
        tuple: ``(c, h)``.
    """
    return TreeLSTM().apply(inputs)
