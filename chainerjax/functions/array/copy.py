"""Copying to another device."""
import chainerjax
from chainerjax import backend
from chainerjax import function_node
from chainerjax import variable
from chainerjax.backends import cuda
from chainerjax.utils import type_check


class Copy(function_node.FunctionNode):
    """Sends the input to ``out_device``; the gradient is sent back to the
    input's device (a hand-written backward: the output lives on another
    device than the input)."""

    def __init__(self, in_device, out_device):
        self._in_device = in_device
        self.out_device = out_device

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        return self.out_device.send(x),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        return _copy(gy, self.out_device, self._in_device),


def _copy(x, in_device, out_device):
    y, = Copy(in_device, out_device).apply((x,))
    # FunctionNode.apply gives outputs the device of the inputs.
    y._device = out_device
    y._np_view = None
    return y


def copy(x, dst):
    """Copies ``x`` to the device ``dst``, differentiably.

    Args:
        x (Variable or array): the input.
        dst: a device specifier (e.g. ``'@numpy'``, ``'@jax:cpu:0'``,
            ``'@jax:gpu:0'``, an int: ``-1`` for NumPy, ``N`` for GPU ``N``)
            or a :class:`~chainerjax.backend.Device`.

    Returns:
        ~chainerjax.Variable: the copy on ``dst``; its gradient is sent back
        to the device of ``x``.
    """
    if dst is cuda.DummyDevice:
        dst = chainerjax.get_device('@numpy')
    x_is_var = isinstance(x, variable.Variable)
    in_device = x._device if x_is_var else backend.get_device_from_array(x)
    out_device = chainerjax.get_device(dst)
    return _copy(x, in_device, out_device)
