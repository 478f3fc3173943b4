"""Connectionist temporal classification loss."""
import collections.abc

import jax
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


class ConnectionistTemporalClassification(function_node.FunctionNode):
    """Inputs ``input_length, label_length, t, x_1..x_T``."""

    def __init__(self, blank_symbol, reduce='mean'):
        self.blank_symbol = blank_symbol
        if reduce not in ('mean', 'no'):
            raise ValueError(
                'only \'mean\' and \'no\' are valid '
                'for \'reduce\', but \'%s\' is given' % reduce)
        self.reduce = reduce

    def check_type_forward(self, in_types):
        type_check._argname(in_types[:3],
                            ('input_length', 'label_length', 't'))
        input_length_type, label_length_type, t_type = in_types[:3]
        x_type = in_types[3]
        type_check.expect(
            input_length_type.dtype == numpy.int32,
            input_length_type.ndim == 1,
            label_length_type.dtype == numpy.int32,
            label_length_type.ndim == 1,
            t_type.ndim == 2,
            t_type.dtype == numpy.int32,
            x_type.ndim == 2,
            x_type.dtype.kind == 'f',
        )
        n_batch = x_type.shape[0]
        type_check.expect(
            t_type.shape[0] == n_batch,
            input_length_type.shape[0] == n_batch,
            label_length_type.shape[0] == n_batch,
        )

    def forward(self, inputs):
        input_length, label_length, t = inputs[:3]
        x = jnp.stack(inputs[3:])                     # (T, B, V)
        dt = x.dtype
        zero = dt.type(-10000.0 if dt == numpy.float16 else -1e10)
        T, B, _ = x.shape
        L = t.shape[1] * 2 + 1
        log_y = jax.nn.log_softmax(x, axis=2)
        path = jnp.full((B, L), self.blank_symbol, jnp.int32)
        path = path.at[:, 1::2].set(t)
        path_length = 2 * label_length + 1
        inside = jnp.arange(L)[None, :] < path_length[:, None]
        # log y[t, b, path[b, s]]
        gather = jnp.clip(path, 0, x.shape[2] - 1)  # padded labels
        lp = jnp.take_along_axis(
            log_y, jnp.broadcast_to(gather[None], (T, B, L)), axis=2)
        same = jnp.concatenate(
            [jnp.ones((B, 2), bool), path[:, 2:] == path[:, :-2]], axis=1)
        pad1 = jnp.full((B, 1), zero, dt)
        pad2 = jnp.full((B, 2), zero, dt)
        start = jnp.full((B, L), zero, dt)
        start = start.at[:, 0].set(0)

        def step(prev, inp):
            lp_t, active = inp
            a2 = jnp.concatenate([pad1, prev[:, :-1]], axis=1)
            a3 = jnp.concatenate([pad2, prev[:, :-2]], axis=1)
            a3 = jnp.where(same, zero, a3)
            m = jnp.stack([prev, a2, a3])
            new = jax.scipy.special.logsumexp(m, axis=0) + lp_t
            new = jnp.where(inside, new, zero)
            new = jnp.where(active[:, None], new, prev)
            return new, None

        active = jnp.arange(T)[:, None] < input_length[None, :]
        # The first step starts from "before the sequence" (only s=0 live).
        alpha, _ = jax.lax.scan(step, start, (lp, active))
        last = jnp.take_along_axis(alpha, (path_length - 1)[:, None], 1)[:, 0]
        idx2 = path_length - 2
        last2 = jnp.where(
            idx2 >= 0,
            jnp.take_along_axis(alpha, jnp.maximum(idx2, 0)[:, None],
                                1)[:, 0], zero)
        loss = -jnp.logaddexp(last, last2)
        if self.reduce == 'mean':
            loss = jnp.mean(loss)
        return loss.astype(dt),


def connectionist_temporal_classification(
        x, t, blank_symbol, input_length=None, label_length=None,
        reduce='mean'):
    """Connectionist temporal classification loss.

    Args:
        x (list of Variable or array): the unnormalized scores per time step,
            each ``(B, V)``.
        t (array): int32 label sequences ``(B, L)``.
        blank_symbol (int): the index of the blank label.
        input_length (array): int32 lengths of the inputs ``(B,)``
            (default: ``len(x)``).
        label_length (array): int32 lengths of the labels ``(B,)``
            (default: ``L``).
        reduce (str): ``'mean'`` or ``'no'``.

    Returns:
        ~chainerjax.Variable: the negative log-likelihood.
    """
    if not isinstance(x, collections.abc.Sequence):
        raise TypeError('x must be a list of Variables')
    if not isinstance(blank_symbol, int):
        raise TypeError('blank_symbol must be non-negative integer.')
    x0 = variable.as_array(x[0])
    assert 0 <= blank_symbol < x0.shape[1]
    assert x0.ndim == 2
    ta = variable.as_array(t)
    if input_length is None:
        input_length = numpy.full(len(x0), len(x), dtype=numpy.int32)
    if label_length is None:
        label_length = numpy.full(len(ta), ta.shape[1], dtype=numpy.int32)
    return ConnectionistTemporalClassification(blank_symbol, reduce).apply(
        (input_length, label_length, t) + tuple(x))[0]
