"""Linear-chain conditional random field."""
import jax.numpy as jnp
import jax.scipy.special

from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


def _lse(a, axis):
    return jax.scipy.special.logsumexp(a, axis=axis)


class CRF1d(function_node.FunctionNode):
    """Inputs ``cost, x_1..x_n, y_1..y_n``; the batch sizes of the ``x_i``
    do not increase (sequences sorted by decreasing length)."""

    def __init__(self, n, reduce='mean'):
        self.n = n
        self.reduce = reduce

    def check_type_forward(self, in_types):
        n = self.n
        type_check.expect(in_types.size() == 1 + 2 * n)
        cost = in_types[0]
        type_check.expect(cost.dtype.kind == 'f', cost.ndim == 2)
        for i in range(n):
            x, y = in_types[1 + i], in_types[1 + n + i]
            type_check.expect(
                x.dtype == cost.dtype,
                x.ndim == 2,
                x.shape[1] == cost.shape[0],
                y.dtype.kind == 'i',
                y.ndim == 1,
                y.shape[0] == x.shape[0],
            )

    def forward(self, inputs):
        n = self.n
        cost = inputs[0]
        xs = inputs[1:1 + n]
        ys = inputs[1 + n:]
        alpha = xs[0]
        for x in xs[1:]:
            b = x.shape[0]
            new = _lse(alpha[:b, :, None] + cost[None], axis=1) + x
            alpha = jnp.concatenate([new, alpha[b:]], axis=0)
        logz = _lse(alpha, axis=1)
        score = jnp.take_along_axis(xs[0], ys[0][:, None], 1)[:, 0]
        for x, y, y_prev in zip(xs[1:], ys[1:], ys[:-1]):
            b = x.shape[0]
            add = jnp.take_along_axis(x, y[:, None], 1)[:, 0] \
                + cost[y_prev[:b], y]
            score = jnp.concatenate([score[:b] + add, score[b:]], axis=0)
        loss = logz - score
        if self.reduce == 'mean':
            loss = jnp.sum(loss) / xs[0].shape[0]
        return loss.astype(cost.dtype),


class ArgmaxCRF1d(function_node.FunctionNode):
    """Viterbi decoding. Outputs the best scores and the path (one int
    array per time step)."""

    def __init__(self, n):
        self.n = n

    def forward(self, inputs):
        cost = inputs[0]
        xs = inputs[1:]
        alpha = xs[0]
        rests = []
        max_inds = []
        for x in xs[1:]:
            b = x.shape[0]
            rests.append(alpha[b:] if alpha.shape[0] > b else None)
            alpha = alpha[:b]
            scores = alpha[:, :, None] + cost[None]
            max_inds.append(jnp.argmax(scores, axis=1))
            alpha = jnp.max(scores, axis=1) + x
        inds = jnp.argmax(alpha, axis=1)
        path = [inds]
        for m, a in zip(max_inds[::-1], rests[::-1]):
            inds = jnp.take_along_axis(m, inds[:, None], 1)[:, 0]
            if a is not None:
                inds = jnp.concatenate([inds, jnp.argmax(a, axis=1)])
            path.append(inds)
        path.reverse()
        score = jnp.max(alpha, axis=1)
        for a in rests[::-1]:
            if a is not None:
                score = jnp.concatenate([score, jnp.max(a, axis=1)])
        return (score,) + tuple(p.astype(jnp.int32) for p in path)


def crf1d(cost, xs, ys, reduce='mean'):
    """Negative log-likelihood of a linear-chain CRF.

    Args:
        cost (Variable or array): transition costs ``(K, K)``
            (``cost[i, j]``: from label ``i`` to ``j``).
        xs (list of Variable or array): scores per time step, each
            ``(B_t, K)``; ``B_t`` does not increase (sequences sorted by
            decreasing length).
        ys (list of array): int labels per time step, each ``(B_t,)``.
        reduce (str): ``'mean'`` (sum divided by ``B_0``) or ``'no'``.

    Returns:
        ~chainerjax.Variable: the loss.
    """
    if reduce not in ('mean', 'no'):
        raise ValueError(
            'only \'mean\' and \'no\' are valid for \'reduce\', but \'%s\' is '
            'given' % reduce)
    assert variable.as_array(xs[0]).shape[1] == \
        variable.as_array(cost).shape[0]
    return CRF1d(len(xs), reduce).apply((cost,) + tuple(xs) + tuple(ys))[0]


def argmax_crf1d(cost, xs):
    """Viterbi decoding of a linear-chain CRF.

    Args:
        cost (Variable or array): transition costs ``(K, K)``.
        xs (list of Variable or array): scores per time step (see
            :func:`crf1d`).

    Returns:
        tuple: ``(score, path)``: the Variable of the best scores ``(B_0,)``
        and the list of int arrays of the best labels per time step.
    """
    outs = ArgmaxCRF1d(len(xs)).apply((cost,) + tuple(xs))
    return outs[0], [p.array for p in outs[1:]]
