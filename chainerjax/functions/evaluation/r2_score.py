"""Coefficient of determination (R^2)."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class R2_score(function_node.FunctionNode):
    """Not differentiable: no input gets a gradient."""

    _no_grad_inputs = (0, 1)

    def __init__(self, sample_weight, multioutput):
        if sample_weight is not None:
            # Chainer 7.8.1 does not support it either.
            raise NotImplementedError(
                'r2_score does not support sample_weight (as in Chainer); '
                'weight the inputs before calling it.')
        if multioutput in ['uniform_average', 'raw_values']:
            self.multioutput = multioutput
        else:
            raise ValueError('invalid multioutput argument')

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('pred', 'true'))
        pred_type, true_type = in_types
        type_check.expect(
            pred_type.dtype.kind == 'f',
            true_type.dtype.kind == 'f'
        )
        type_check.expect(pred_type.shape == true_type.shape)

    def forward(self, inputs):
        pred, true = inputs
        ss_res = jnp.sum((pred - true) ** 2, axis=0)
        ss_tot = jnp.sum((true - jnp.mean(true, axis=0)) ** 2, axis=0)
        zero = ss_tot == 0
        ss_tot = jnp.where(zero, jnp.ones((), ss_tot.dtype), ss_tot)
        ret = jnp.where(zero, 0.0, 1 - ss_res / ss_tot).astype(pred.dtype)
        if self.multioutput == 'uniform_average':
            return jnp.mean(ret),
        return ret,


def r2_score(pred, true, sample_weight=None, multioutput='uniform_average'):
    """The R^2 score of predictions ``pred`` of ``true`` (per output along
    the first axis: 0 where ``true`` is constant).

    Args:
        pred (Variable or array): float predictions.
        true (Variable or array): float targets of the same shape.
        sample_weight: must be None (not supported, as in Chainer).
        multioutput (str): ``'uniform_average'`` (the mean score) or
            ``'raw_values'`` (one score per output).

    Returns:
        ~chainerjax.Variable: the score(s), of ``pred``'s dtype.
    """
    return R2_score(sample_weight=sample_weight,
                    multioutput=multioutput).apply((pred, true))[0]
