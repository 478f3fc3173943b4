"""Simplified DropConnect (a linear layer with dropped weights)."""
import jax
import jax.numpy as jnp

from chainerjax import _random
from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


class SimplifiedDropconnect(function_node.FunctionNode):
    """``y_i = (W * scale * mask_i) x_i + b``.

    Inputs: ``x, W, mask_or_key[, b]``; the third input is the given mask
    when ``given_mask`` is set (its values multiply the scaled weights, as
    in Chainer, whatever its dtype), else raw key data the boolean mask is
    drawn from. Outputs ``(y, mask)``.
    """

    _no_grad_inputs = (2,)

    def __init__(self, ratio, use_batchwise_mask=True,
                 given_mask=False):
        self.ratio = ratio
        self.use_batchwise_mask = use_batchwise_mask
        self.given_mask = given_mask

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(3 <= n_in, n_in <= 4)
        x_type, w_type = in_types[:2]
        type_check._argname((x_type, w_type), ('x', 'W'))
        type_check.expect(
            x_type.dtype.kind == 'f',
            w_type.dtype.kind == 'f',
            x_type.ndim >= 2,
            w_type.ndim == 2,
            type_check.prod(x_type.shape[1:]) == w_type.shape[1],
        )
        if type_check.eval(n_in) == 4:
            b_type = in_types[3]
            type_check._argname((b_type,), ('b',))
            type_check.expect(
                b_type.dtype == x_type.dtype,
                b_type.ndim == 1,
                b_type.shape[0] == w_type.shape[0],
            )
        if self.given_mask:
            m_type = in_types[2]
            if self.use_batchwise_mask:
                type_check.expect(
                    m_type.shape[0] == x_type.shape[0],
                    m_type.shape[1:] == w_type.shape,
                )
            else:
                type_check.expect(m_type.shape == w_type.shape)

    def forward(self, inputs):
        x, W, m = inputs[:3]
        x2 = x.reshape(x.shape[0], -1)
        if self.given_mask:
            mask = m
        else:
            if self.use_batchwise_mask:
                shape = (x.shape[0],) + W.shape
            else:
                shape = W.shape
            key = jax.random.wrap_key_data(m)
            mask = jax.random.uniform(key, shape, jnp.float32) >= self.ratio
        scale = W.dtype.type(1. / (1 - self.ratio))
        Wm = W * scale * mask.astype(W.dtype)
        if Wm.ndim == 3:
            y = jnp.einsum('ijk,ik->ij', Wm, x2)
        else:
            y = jnp.einsum('jk,ik->ij', Wm, x2)
        y = y.astype(x.dtype)
        if len(inputs) == 4:
            y = y + inputs[3]
        return y, mask


def simplified_dropconnect(x, W, b=None, ratio=.5, train=True, mask=None,
                           use_batchwise_mask=True):
    """Linear layer whose weights are dropped with probability ``ratio``
    and scaled by ``1 / (1 - ratio)`` (simplified DropConnect).

    Args:
        x (Variable or array): input of shape ``(n, ...)``.
        W (Variable or array): weight of shape ``(M, N)`` with ``N`` the
            size of one sample of ``x``.
        b (Variable or array): bias of shape ``(M,)`` or None.
        ratio (float): dropping ratio.
        train (bool): if False, nothing is dropped (``ratio`` becomes 0).
        mask (array): the mask (usually boolean; its values multiply the
            scaled weights), ``(n, M, N)`` with ``use_batchwise_mask`` else
            ``(M, N)``; drawn randomly if None.
        use_batchwise_mask (bool): a different mask for each sample.

    Returns:
        ~chainerjax.Variable: output of shape ``(n, M)``.
    """
    if not train:
        ratio = 0
    if mask is None:
        third = jax.random.key_data(_random.next_key())
    else:
        third = variable.as_array(mask)
    func = SimplifiedDropconnect(ratio, use_batchwise_mask,
                                 mask is not None)
    inputs = (x, W, third) if b is None else (x, W, third, b)
    return func.apply(inputs)[0]
