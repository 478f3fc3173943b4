"""FunctionNode: derived backward, kernel cache, custom backward, tracing."""
import jax
import jax.numpy as jnp
import numpy
import pytest

import chainerjax as chainer
import chainerjax.functions as F
from chainerjax import _kernels
from chainerjax.utils import type_check


def _arr(*shape, dtype=numpy.float32, seed=0):
    return numpy.random.RandomState(seed).uniform(
        -1, 1, shape).astype(dtype)


class Cube(chainer.FunctionNode):
    """Derived backward: only a forward."""

    def forward(self, inputs):
        x, = inputs
        return x * x * x,


class ScaledSquare(chainer.FunctionNode):
    """Hand-written backward that deliberately differs from the true one."""

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, = inputs
        return x * x,

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        return 10 * x * gy,


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_derived_backward_and_double_backward(dtype):
    x = chainer.Variable(_arr(3, 4, dtype=dtype))
    y, = Cube().apply((x,))
    assert y.dtype == dtype
    gx, = chainer.grad([F.sum(y)], [x], enable_double_backprop=True)
    tol = 1e-2 if dtype == numpy.float16 else 1e-6
    numpy.testing.assert_allclose(gx.array, 3 * x.array ** 2, rtol=tol)
    ggx, = chainer.grad([F.sum(gx)], [x], enable_double_backprop=True)
    numpy.testing.assert_allclose(ggx.array, 6 * x.array, rtol=tol)
    gggx, = chainer.grad([F.sum(ggx)], [x])
    numpy.testing.assert_allclose(gggx.array, numpy.full_like(x.array, 6),
                                  rtol=tol)


def test_kernel_cache_compiles_once_per_signature():
    x = chainer.Variable(_arr(5, 3, seed=1))
    y, = Cube().apply((x,))
    F.sum(y).backward()
    before = _kernels.stats['compiles']
    for _ in range(3):
        x.cleargrad()
        y, = Cube().apply((x,))
        F.sum(y).backward()
    assert _kernels.stats['compiles'] == before


def test_dynamic_constant_does_not_recompile():
    x = chainer.Variable(_arr(4, seed=2))
    (x * 0.5).array
    before = _kernels.stats['compiles']
    for c in (0.1, 0.2, 0.3, 1.7):
        y = x * c
        numpy.testing.assert_allclose(y.array, x.array * numpy.float32(c),
                                      rtol=1e-6)
        assert y.dtype == numpy.float32
    assert _kernels.stats['compiles'] == before


def test_custom_backward_is_used_eagerly():
    x = chainer.Variable(_arr(3, seed=3))
    y, = ScaledSquare().apply((x,))
    y.grad = numpy.ones(3, numpy.float32)
    y.backward()
    numpy.testing.assert_allclose(x.grad, 10 * x.array, rtol=1e-6)


def test_custom_backward_is_used_by_jax_grad_and_jit():
    xa = _arr(3, seed=4)

    def f(a):
        y, = ScaledSquare().apply((chainer.Variable(a),))
        return F.sum(y).array

    g = jax.grad(f)(xa)
    numpy.testing.assert_allclose(numpy.asarray(g), 10 * xa, rtol=1e-6)
    numpy.testing.assert_allclose(numpy.asarray(jax.jit(f)(xa)),
                                  (xa * xa).sum(), rtol=1e-6)


def test_derived_op_under_jax_grad_and_jit_backward():
    xa = _arr(2, 3, seed=5)

    def f(a):
        y, = Cube().apply((chainer.Variable(a),))
        return F.sum(y).array

    numpy.testing.assert_allclose(numpy.asarray(jax.grad(f)(xa)),
                                  3 * xa ** 2, rtol=1e-6)

    def g(a):
        x = chainer.Variable(a)
        y, = Cube().apply((x,))
        F.sum(y).backward()
        return x.grad

    numpy.testing.assert_allclose(numpy.asarray(jax.jit(g)(xa)),
                                  3 * xa ** 2, rtol=1e-6)


def test_retained_outputs():
    class Exp(chainer.FunctionNode):
        def forward(self, inputs):
            self.retain_outputs((0,))
            return numpy.exp(inputs[0]),

        def backward(self, indexes, grad_outputs):
            y, = self.get_retained_outputs()
            return y * grad_outputs[0],

    x = chainer.Variable(_arr(4, seed=6))
    y, = Exp().apply((x,))
    assert isinstance(y.array, numpy.ndarray)
    y.grad = numpy.ones(4, numpy.float32)
    y.backward()
    numpy.testing.assert_allclose(x.grad, numpy.exp(x.array), rtol=1e-6)


def test_integer_inputs_get_no_gradient():
    x = chainer.Variable(_arr(4, 3, seed=7))
    t = numpy.array([0, 2, 1, 2], numpy.int32)
    loss = F.softmax_cross_entropy(x, t)
    loss.backward()
    assert x.grad.shape == (4, 3)


def test_type_check_error_and_config():
    x = numpy.zeros((2, 3), numpy.float32)
    W = numpy.zeros((4, 5), numpy.float32)
    with pytest.raises(type_check.InvalidType) as e:
        F.linear(x, W)
    assert 'LinearFunction' in str(e.value)
    assert 'x.shape[1] == W.shape[1]' in str(e.value)
    with chainer.using_config('type_check', False):
        # NumPy's error, as Chainer raises without type checks (JAX's shape
        # rule raises TypeError), with and without a graph
        with pytest.raises(ValueError, match='contracting dimensions'):
            F.linear(x, W)
        with chainer.no_backprop_mode():
            with pytest.raises(ValueError, match='contracting dimensions'):
                F.linear(x, W)


class RaisesTypeError(chainer.FunctionNode):

    def forward(self, inputs):
        raise TypeError('the shape of this op is wrong')


def test_type_errors_of_a_user_forward_stay_type_errors():
    with pytest.raises(TypeError, match='the shape of this op'):
        RaisesTypeError().apply((_arr(2),))


def test_debug_mode_names_the_op():
    x = chainer.Variable(numpy.array([-1.0, 1.0], numpy.float32))
    with chainer.using_config('debug', True):
        with pytest.raises(RuntimeError, match='NaN is detected on forward '
                                               'computation of log'):
            F.log(x)
    F.log(x)  # no error outside debug mode


def test_function_hooks_are_called():
    calls = []

    class Hook(chainer.FunctionHook):
        name = 'TestHook'

        def forward_preprocess(self, function, in_data):
            calls.append(('fwd', function.label))

        def backward_preprocess(self, function, in_data, out_grad):
            calls.append(('bwd', function.label))

    x = chainer.Variable(_arr(3, seed=8))
    with Hook():
        y = F.sum(F.relu(x))
        y.backward()
    assert ('fwd', 'ReLU') in calls
    assert ('bwd', 'ReLU') in calls
    assert ('bwd', 'Sum') in calls


def test_rank_order_and_accumulation():
    x = chainer.Variable(_arr(3, seed=9))
    a = x * 2
    b = a * a
    c = a + b
    assert (x.rank, a.rank, b.rank, c.rank) == (0, 1, 2, 3)
    F.sum(c).backward()
    numpy.testing.assert_allclose(x.grad, 2 + 8 * x.array, rtol=1e-5)
    F.sum(c).backward()  # grads accumulate into the leaf
    numpy.testing.assert_allclose(x.grad, 2 * (2 + 8 * x.array), rtol=1e-5)


def test_unhashable_attribute_error():
    class Bad(chainer.FunctionNode):
        def __init__(self):
            self.table = {1: [1, 2]}

        def forward(self, inputs):
            return inputs[0] * 2,

    class Worse(chainer.FunctionNode):
        def __init__(self):
            self.obj = {1: {2}}
            self.obj2 = set([object()])

        def forward(self, inputs):
            return inputs[0] * 2,

    x = chainer.Variable(_arr(2))
    Bad().apply((x,))  # dicts of lists are frozen
    with pytest.raises(TypeError, match='unhashable'):
        Worse().apply((x,))


def test_jax_device_roundtrip():
    x = chainer.Variable(_arr(2, 2, seed=10))
    x.to_device('@jax:cpu:0')
    assert isinstance(x.array, jax.Array)
    assert x.device.name == '@jax:cpu:0'
    assert x.xp is jnp
    y = F.sum(x * x)
    assert isinstance(y.array, jax.Array)
    y.backward()
    assert isinstance(x.grad, jax.Array)
    x.to_cpu()
    assert isinstance(x.array, numpy.ndarray)
    assert isinstance(x.grad, numpy.ndarray)
    assert x.array.flags.writeable


def test_copy_of_parameter_is_parameter():
    import copy
    p = chainer.Parameter(numpy.ones(2, numpy.float32), name='w')
    q = copy.copy(p)
    assert type(q) is chainer.Parameter
    assert q.name == 'w'
    assert q.array is p.array
    assert q.node is not p.node


def test_residuals_that_are_inputs_are_not_copied():
    # A jitted kernel returns copies of the inputs it returns: the VJP of
    # x W^T keeps the caller's W (the same buffer), not a copy made at
    # every forward.
    device = chainer.get_device('@jax:cpu:0')
    x = chainer.Variable(device.send(_arr(3, 4)))
    W = chainer.Parameter(device.send(_arr(5, 4, seed=1)))
    y = F.linear(x, W)
    leaves = y.creator._vjp.leaves
    assert any(leaf is W.array for leaf in leaves)
    assert any(leaf is x.array for leaf in leaves)
    y.grad = numpy.ones((3, 5), numpy.float32)
    y.backward()
    numpy.testing.assert_allclose(
        numpy.asarray(W.grad), numpy.ones((3, 5)).T @ numpy.asarray(x.array),
        rtol=1e-6)


@pytest.mark.parametrize('device', ['@numpy', '@jax:cpu:0'])
def test_gradients_summed_in_place_stay_private(device):
    # the backward pass adds a parameter's contributions into a buffer of
    # its own; a gradient the user holds (an earlier grad, a retained one)
    # is never written into
    device = chainer.get_device(device)
    W = chainer.Parameter(device.send(_arr(4, 3)))
    x = chainer.Variable(device.send(_arr(2, 3, seed=1)))

    def loss():
        h = F.linear(x, W)
        for _ in range(4):
            h = F.linear(F.tanh(h[:, :3]), W)
        return F.sum(h)

    loss().backward()
    first = W.grad
    first_copy = numpy.array(first)
    loss().backward()  # accumulates into W.grad; `first` is the user's
    numpy.testing.assert_array_equal(numpy.asarray(first), first_copy)
    numpy.testing.assert_allclose(numpy.asarray(W.grad), 2 * first_copy,
                                  rtol=1e-6)
