"""Shift: spatially shifts groups of channels (a zero-FLOP convolution)."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import conv
from chainerjax.utils import type_check


class Shift(function_node.FunctionNode):

    def __init__(self, ksize=3, dilate=1):
        self.kh, self.kw = conv._pair(ksize)
        if self.kh % 2 != 1:
            raise ValueError('kh must be odd')
        if self.kw % 2 != 1:
            raise ValueError('kw must be odd')
        self.dy, self.dx = conv._pair(dilate)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type = in_types[0]
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 4,
            x_type.shape[1] >= self.kh * self.kw,
        )

    def forward(self, inputs):
        x, = inputs
        _, c, h, w = x.shape
        py = self.kh // 2 * abs(self.dy)
        px = self.kw // 2 * abs(self.dx)
        xp = jnp.pad(x, ((0, 0), (0, 0), (py, py), (px, px)))
        n_groups = self.kh * self.kw
        group_size = c // n_groups
        center = (n_groups - 1) // 2
        ret = []
        for i in range(n_groups):
            # the center (unshifted) group goes last, the last group takes
            # its place
            group_idx = i
            if i == center:
                group_idx = n_groups - 1
            elif i == n_groups - 1:
                group_idx = center
            ky = group_idx // self.kw - py // abs(self.dy)
            kx = group_idx % self.kw - px // abs(self.dx)
            hs = py - ky * self.dy
            ws = px - kx * self.dx
            cs = i * group_size
            ce = (i + 1) * group_size if i < n_groups - 1 else c
            ret.append(xp[:, cs:ce, hs:hs + h, ws:ws + w])
        return jnp.concatenate(ret, axis=1),


def shift(x, ksize=3, dilate=1):
    """Shift: the channels are split into ``k_H * k_W`` groups, and each
    group is shifted (with zero fill) by one offset of a ``ksize`` window
    scaled by ``dilate``; the last group (with the remaining channels) is
    not shifted.

    Args:
        x (Variable or array): input of shape ``(n, c, h, w)`` with
            ``c >= k_H * k_W``.
        ksize (int or pair of ints): the (odd) window size.
        dilate (int or pair of ints): the shift step.

    Returns:
        ~chainerjax.Variable: output of the shape of ``x``.
    """
    y, = Shift(ksize, dilate).apply((x,))
    return y
