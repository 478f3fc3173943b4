"""Broadcasting."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


class BroadcastTo(function_node.FunctionNode):

    def __init__(self, shape):
        self._shape = tuple(shape)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        ndim = type_check.make_variable(len(self._shape), 'len(shape)')
        type_check.expect(in_types[0].ndim <= ndim)
        shape = type_check.eval(in_types[0].shape)
        for i in range(-1, -len(shape) - 1, -1):
            if shape[i] == self._shape[i] or shape[i] == 1:
                continue
            expect = 'in_type[0].shape[%d] == %d' % (i, self._shape[i])
            if self._shape[i] != 1:
                expect += ' or in_type[0].shape[%d] == 1' % i
            actual = 'in_type[0].shape: %s' % str(shape)
            raise type_check.InvalidType(expect, actual)

    def forward(self, inputs):
        return jnp.broadcast_to(inputs[0], self._shape),


class Broadcast(function_node.FunctionNode):

    def check_type_forward(self, in_types):
        type_check._argname(in_types, tuple('x%d' % i
                                            for i in range(len(in_types))))
        type_check.expect_broadcast_shapes(*[t.shape for t in in_types])

    def forward(self, inputs):
        return tuple(jnp.broadcast_arrays(*inputs))


def broadcast_to(x, shape):
    """Broadcasts ``x`` to ``shape`` (NumPy rules)."""
    if isinstance(x, variable.Variable) and x.shape == tuple(shape):
        return x
    if not isinstance(x, variable.Variable) and \
            numpy.shape(x) == tuple(shape):
        return variable.as_variable(x)
    return BroadcastTo(shape).apply((x,))[0]


def broadcast(*args):
    """Broadcasts the given variables to a common shape."""
    if len(args) == 0:
        raise ValueError('broadcast() needs at least one argument')
    outs = Broadcast().apply(args)
    return outs[0] if len(outs) == 1 else outs
