"""Negative sampling loss."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


class NegativeSamplingFunction(function_node.FunctionNode):
    """Inputs ``x, t, W, samples`` (``samples[:, 0]`` is ``t``)."""

    ignore_label = -1

    def __init__(self, reduce='sum'):
        if reduce not in ('sum', 'no'):
            raise ValueError(
                'only \'sum\' and \'no\' are valid for \'reduce\', but \'%s\' '
                'is given' % reduce)
        self.reduce = reduce

    def check_type_forward(self, in_types):
        type_check._argname(in_types[:3], ('x', 't', 'W'))
        x_type, t_type, w_type = in_types[:3]
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 2,
            t_type.dtype == numpy.int32,
            t_type.ndim == 1,
            x_type.shape[0] == t_type.shape[0],
            w_type.dtype == x_type.dtype,
            w_type.ndim == 2,
        )

    def forward(self, inputs):
        x, t, W, samples = inputs
        dt = x.dtype
        # float16 is computed in float32, as Chainer does
        ct = jnp.float32 if dt == jnp.float16 else dt
        mask = t != self.ignore_label
        wx = jnp.einsum('ij,ikj->ik', x.astype(ct), W[samples].astype(ct))
        sign = jnp.where(jnp.arange(wx.shape[1]) == 0, -1, 1).astype(ct)
        loss = jnp.sum(jnp.logaddexp(wx * sign, jnp.zeros((), ct)), axis=1)
        loss = jnp.where(mask, loss, jnp.zeros((), ct))
        if self.reduce == 'sum':
            loss = jnp.sum(loss)
        return loss.astype(dt),


def negative_sampling(x, t, W, sampler, sample_size, reduce='sum',
                      **kwargs):
    """negative_sampling(x, t, W, sampler, sample_size, reduce='sum', *, \
return_samples=False)

    Negative sampling loss: ``-log sigmoid(w_t . x) - sum_k log
    sigmoid(-w_k . x)`` over ``sample_size`` negative words ``k`` drawn by
    ``sampler``. Samples with ``t == -1`` are ignored.

    Args:
        x (Variable or array): inputs ``(N, D)``.
        t (Variable or array): int32 targets ``(N,)``.
        W (Variable or array): the word embeddings ``(V, D)``.
        sampler (callable): ``sampler(shape)`` returns an int array of word
            ids (e.g. ``WalkerAlias.sample``).
        sample_size (int): the number of negative samples.
        reduce (str): ``'sum'`` or ``'no'``.
        return_samples (bool): keyword only; also return the samples (an
            ``(N, sample_size + 1)`` array whose first column is ``t``).

    Returns:
        ~chainerjax.Variable, or a tuple ``(loss, samples)``.
    """
    return_samples = kwargs.pop('return_samples', False)
    if kwargs:
        raise TypeError('got unexpected keyword argument(s) {}'.format(
            ', '.join(sorted(kwargs))))
    func = NegativeSamplingFunction(reduce)
    ta = variable.as_array(t)
    samples = sampler((int(ta.shape[0]), sample_size + 1))
    if isinstance(ta, numpy.ndarray):
        samples = numpy.array(samples)
        samples[:, 0] = ta
    else:  # JAX arrays, also under jit
        samples = jnp.asarray(samples).at[:, 0].set(ta)
    s_in = samples
    out = func.apply((x, t, W, s_in))[0]
    if return_samples:
        return out, samples
    return out
