"""Exponentials and logarithms."""
import jax.numpy as jnp

from chainerjax import function_node
from chainerjax.utils import type_check


class _Unary(function_node.FunctionNode):
    is_elementwise = True

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')


class Exp(_Unary):

    @property
    def label(self):
        return 'exp'

    def check_type_forward(self, in_types):
        # Chainer's Exp names no argument in its messages.
        type_check.expect(in_types.size() == 1)
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        return jnp.exp(inputs[0]),


class Log(_Unary):

    @property
    def label(self):
        return 'log'

    def forward(self, inputs):
        return jnp.log(inputs[0]),


class Log2(_Unary):

    @property
    def label(self):
        return 'log2'

    def forward(self, inputs):
        return jnp.log2(inputs[0]),


class Log10(_Unary):

    @property
    def label(self):
        return 'log10'

    def forward(self, inputs):
        return jnp.log10(inputs[0]),


def exp(x):
    """Element-wise exponential function."""
    return Exp().apply((x,))[0]


def log(x):
    """Element-wise natural logarithm."""
    return Log().apply((x,))[0]


def log2(x):
    """Element-wise logarithm in base 2."""
    return Log2().apply((x,))[0]


def log10(x):
    """Element-wise logarithm in base 10."""
    return Log10().apply((x,))[0]
