"""Arithmetic on Variables: the ops behind ``+ - * / // ** @``, neg, abs.

Binary ops follow NumPy broadcasting (as Chainer 7 does) and require equal
dtypes; a scalar operand is cast to the variable's dtype, an array operand
becomes an input that needs no gradient.
"""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax import variable
from chainerjax.backend import get_array_types
from chainerjax.utils import type_check


def _preprocess_rhs(x, value):
    if isinstance(value, variable.Variable):
        return value
    if not (numpy.isscalar(value) or isinstance(value, get_array_types())):
        raise TypeError(
            'Value must be a scalar, `numpy.ndarray`, `jax.Array` '
            'or a `Variable`.\nActual: {}'.format(type(value)))
    return value.astype(x.dtype, copy=False)


class _Binary(function_node.FunctionNode):
    is_elementwise = True
    _label = '_ ? _'

    @property
    def label(self):
        return self._label

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('lhs', 'rhs'))
        type_check.expect(in_types[0].dtype == in_types[1].dtype)
        type_check.expect_broadcast_shapes(
            in_types[0].shape, in_types[1].shape)


def _convert_value_to_string(value):
    if isinstance(value, variable.Variable):
        value = value.array
    if numpy.isscalar(value):
        return '({})'.format(value) if value < 0 else str(value)
    if isinstance(value, get_array_types()):
        return 'constant array'
    raise ValueError(
        'Value must be a Variable, scalar, numpy.ndarray or jax.Array. '
        'Actual: {}'.format(type(value)))


class _WithConstant(function_node.FunctionNode):
    """An op of one variable and a scalar constant (passed to the kernel as
    an argument, so a new value does not recompile)."""
    is_elementwise = True
    _dynamic_attributes = ('value',)
    _label = '_ ? c'

    def __init__(self, value):
        self.value = value

    @property
    def label(self):
        # Chainer shows the constant: '_ + 1', '(-2) - _', ...
        return self._label.replace(
            'c', _convert_value_to_string(self.value))

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))

    def _c(self, x):
        return jnp.asarray(self.value, dtype=x.dtype)


class Neg(function_node.FunctionNode):
    is_elementwise = True

    @property
    def label(self):
        return '__neg__'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))

    def forward(self, inputs):
        return -inputs[0],


class Absolute(function_node.FunctionNode):
    is_elementwise = True

    @property
    def label(self):
        return '|_|'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        # Chainer's gradient is sign(x) * gy, i.e. 0 at x == 0.
        x, = inputs
        return x * jnp.sign(x),


class Add(_Binary):
    _label = '_ + _'

    def forward(self, inputs):
        return inputs[0] + inputs[1],


class AddConstant(_WithConstant):
    _label = '_ + c'

    def forward(self, inputs):
        x, = inputs
        return x + self._c(x),


class MultiAdd(function_node.FunctionNode):
    is_elementwise = True

    @property
    def label(self):
        return '_ + _ + _'

    def check_type_forward(self, in_types):
        for i, in_type in enumerate(in_types):
            type_check._argname((in_type,), ('x{}'.format(i),))
            type_check.expect(in_types[0].dtype == in_type.dtype)
        type_check.expect_broadcast_shapes(*[t.shape for t in in_types])

    def forward(self, xs):
        out = xs[0]
        for x in xs[1:]:
            out = out + x
        return out,


class Sub(_Binary):
    _label = '_ - _'

    def forward(self, inputs):
        return inputs[0] - inputs[1],


class SubFromConstant(_WithConstant):
    _label = 'c - _'

    def forward(self, inputs):
        x, = inputs
        return self._c(x) - x,


class Mul(_Binary):
    _label = '_ * _'

    def forward(self, inputs):
        return inputs[0] * inputs[1],


class MulConstant(_WithConstant):
    _label = '_ * c'

    def forward(self, inputs):
        x, = inputs
        return x * self._c(x),


class Div(_Binary):
    _label = '_ / _'

    def forward(self, inputs):
        return inputs[0] / inputs[1],


class DivFromConstant(_WithConstant):
    _label = 'c / _'

    def forward(self, inputs):
        x, = inputs
        return self._c(x) / x,


class FloorDiv(function_node.FunctionNode):
    """Not differentiable, as in Chainer."""

    @property
    def label(self):
        return '_ // _'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('lhs', 'rhs'))
        type_check.expect(in_types[0].dtype == in_types[1].dtype)
        type_check.expect_broadcast_shapes(
            in_types[0].shape, in_types[1].shape)

    def forward(self, inputs):
        return jnp.floor_divide(inputs[0], inputs[1]),

    def backward(self, indexes, grad_outputs):
        # Chainer does not differentiate floor division.
        raise RuntimeError('F.floor_divide is not differentiable.')


class PowVarVar(_Binary):
    _label = '_ ** _'

    def forward(self, inputs):
        return inputs[0] ** inputs[1],


class PowVarConst(_WithConstant):
    _label = '_ ** c'

    def forward(self, inputs):
        x, = inputs
        return x ** self._c(x),


class PowConstVar(_WithConstant):
    _label = 'c ** _'

    def forward(self, inputs):
        x, = inputs
        return self._c(x) ** x,


class MatMulVarVar(function_node.FunctionNode):

    @property
    def label(self):
        return '_ @ _'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('lhs', 'rhs'))
        a_type, b_type = in_types
        type_check.expect(
            a_type.dtype.kind == 'f',
            b_type.dtype.kind == 'f',
            a_type.dtype == b_type.dtype,
            a_type.ndim >= 1,
            b_type.ndim >= 1,
        )
        a_ndim = type_check.eval(a_type.ndim)
        b_ndim = type_check.eval(b_type.ndim)
        if b_ndim == 1:
            type_check.expect(a_type.shape[-1] == b_type.shape[0])
        elif a_ndim == 1:
            type_check.expect(a_type.shape[0] == b_type.shape[-2])
        else:
            type_check.expect(a_type.shape[-1] == b_type.shape[-2])

    def forward(self, inputs):
        return jnp.matmul(inputs[0], inputs[1]),


def _scalar_or_rhs(op_var, op_const, lhs, rhs):
    if numpy.isscalar(rhs):
        return op_const(rhs).apply((lhs,))[0]
    rhs = _preprocess_rhs(lhs, rhs)
    return op_var().apply((lhs, rhs))[0]


def neg(self):
    """Element-wise negation (``-x``)."""
    return Neg().apply((self,))[0]


def absolute(self):
    """Element-wise absolute value (``abs(x)``)."""
    return Absolute().apply((self,))[0]


def add(*xs):
    """Element-wise addition (``lhs + rhs``, or the sum of several)."""
    if len(xs) == 2:
        lhs, rhs = xs
        return _scalar_or_rhs(Add, AddConstant, lhs, rhs)
    return MultiAdd().apply(xs)[0]


def sub(self, rhs):
    """Element-wise subtraction (``lhs - rhs``)."""
    return _scalar_or_rhs(Sub, lambda v: AddConstant(-v), self, rhs)


def rsub(self, rhs):
    """Element-wise subtraction (``rhs - lhs``)."""
    if numpy.isscalar(rhs):
        return SubFromConstant(rhs).apply((self,))[0]
    rhs = _preprocess_rhs(self, rhs)
    return Sub().apply((rhs, self))[0]


def mul(self, rhs):
    """Element-wise multiplication (``lhs * rhs``)."""
    return _scalar_or_rhs(Mul, MulConstant, self, rhs)


def div(self, rhs):
    """Element-wise division (``lhs / rhs``)."""
    return _scalar_or_rhs(
        Div, lambda v: MulConstant(1. / v), self, rhs)


def rdiv(self, rhs):
    """Element-wise division (``rhs / lhs``)."""
    if numpy.isscalar(rhs):
        return DivFromConstant(rhs).apply((self,))[0]
    rhs = _preprocess_rhs(self, rhs)
    return Div().apply((rhs, self))[0]


def floordiv(self, rhs):
    """Element-wise floor division (not differentiable)."""
    if numpy.isscalar(rhs):
        rhs = numpy.asarray(rhs, dtype=self.dtype)
    rhs = _preprocess_rhs(self, rhs)
    return FloorDiv().apply((self, rhs))[0]


def rfloordiv(self, rhs):
    """Element-wise floor division ``rhs // lhs`` (not differentiable)."""
    if numpy.isscalar(rhs):
        rhs = numpy.asarray(rhs, dtype=self.dtype)
    rhs = _preprocess_rhs(self, rhs)
    return FloorDiv().apply((rhs, self))[0]


def pow(self, rhs):
    """Element-wise power (``lhs ** rhs``)."""
    return _scalar_or_rhs(PowVarVar, PowVarConst, self, rhs)


def rpow(self, rhs):
    """Element-wise power (``rhs ** lhs``)."""
    if numpy.isscalar(rhs):
        return PowConstVar(rhs).apply((self,))[0]
    rhs = _preprocess_rhs(self, rhs)
    return PowVarVar().apply((rhs, self))[0]


def matmul(self, rhs):
    """Matrix product (``lhs @ rhs``) with NumPy's matmul semantics."""
    rhs = _preprocess_rhs(self, rhs)
    return MatMulVarVar().apply((self, rhs))[0]


def rmatmul(self, rhs):
    """Matrix product (``rhs @ lhs``)."""
    rhs = _preprocess_rhs(self, rhs)
    return MatMulVarVar().apply((rhs, self))[0]


def install_variable_arithmetics():
    V = variable.Variable
    V.__neg__ = neg
    V.__abs__ = absolute
    V.__add__ = add
    V.__radd__ = add
    V.__sub__ = sub
    V.__rsub__ = rsub
    V.__mul__ = mul
    V.__rmul__ = mul
    V.__truediv__ = div
    V.__rtruediv__ = rdiv
    V.__floordiv__ = floordiv
    V.__rfloordiv__ = rfloordiv
    V.__pow__ = pow
    V.__rpow__ = rpow
    V.__matmul__ = matmul
    V.__rmatmul__ = rmatmul


install_variable_arithmetics()
