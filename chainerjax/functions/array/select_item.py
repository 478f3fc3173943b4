"""Selecting one element per row."""
import jax.numpy as jnp
import numpy

import chainerjax
from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


class SelectItem(function_node.FunctionNode):

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            t_type.dtype.kind == 'i',
            x_type.ndim == 2,
            t_type.ndim == 1,
            x_type.shape[0] == t_type.shape[0],
        )

    def forward(self, inputs):
        x, t = inputs
        return x[jnp.arange(t.shape[0]), t],


def select_item(x, t):
    """Selects ``x[i, t[i]]`` for each row ``i``.

    Args:
        x (Variable or array): a 2-D array of shape ``(n, m)``.
        t (Variable or array): a 1-D int array of shape ``(n,)`` with
            ``0 <= t[i] < m``.

    Returns:
        ~chainerjax.Variable: the selected elements, of shape ``(n,)``.
    """
    if chainerjax.is_debug():
        t_arr = t.array if isinstance(t, variable.Variable) else t
        t_arr = numpy.asarray(t_arr)
        n = x.shape[1] if len(x.shape) == 2 else 0
        if not ((0 <= t_arr).all() and (t_arr < n).all()):
            raise ValueError(
                'Each label `t` need to satisfty `0 <= t < x.shape[1]`')
    return SelectItem().apply((x, t))[0]
