"""Compatibility of chainerjax with Chainer 7.8.1: cases/legacy_function.py.

Besides the eager cases (compared with fixtures of real Chainer), the same
user-written legacy Functions run inside ``jax.jit`` and ``jax.grad`` here
(chainerjax only: Chainer has no JAX) and must give the values of the eager
fixtures; a variant whose backward returns deliberately scaled gradients
shows that ``jax.grad`` uses the user's backward.
"""
import jax
import jax.numpy as jnp
import numpy
import pytest

from compat_tests import _harness
from compat_tests.cases import legacy_function as cases

MODULE = 'legacy_function'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {}

SCALE = 3.0


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    _harness.run_and_compare(MODULE, case)


def _fixture(case):
    arrays, _ = _harness.load_fixture(MODULE)[case]
    return arrays


def _functions(scaled):
    import chainerjax as chainer
    MulAdd, LinearFunction, _ = cases.make_functions(chainer)
    if not scaled:
        return chainer, MulAdd, LinearFunction

    class ScaledMulAdd(MulAdd):
        def backward_cpu(self, inputs, grad_outputs):
            gs = super(ScaledMulAdd, self).backward_cpu(inputs, grad_outputs)
            return tuple(g * SCALE for g in gs)

    class ScaledLinearFunction(LinearFunction):
        def backward(self, inputs, grad_outputs):
            gs = super(ScaledLinearFunction, self).backward(
                inputs, grad_outputs)
            return tuple(g * SCALE for g in gs)

    return chainer, ScaledMulAdd, ScaledLinearFunction


def _raw_functions(scaled=False):
    """Functions of raw arrays that wrap them in Variables, call the legacy
    function and return ``y.array``."""
    chainer, MulAdd, LinearFunction = _functions(scaled)

    def muladd(x, y, z):
        w = MulAdd()(chainer.Variable(x), chainer.Variable(y),
                     chainer.Variable(z))
        return w.array

    def linear(x, W, b):
        y = LinearFunction()(chainer.Variable(x), chainer.Variable(W),
                             chainer.Variable(b))
        return y.array

    return muladd, linear


def _check(actual, expected, scale=1.0):
    actual = numpy.asarray(actual)
    assert actual.dtype == expected.dtype
    rtol, atol = _harness.TOLERANCES[expected.dtype.name]
    numpy.testing.assert_allclose(actual, expected * expected.dtype.type(
        scale), rtol=rtol, atol=atol)


def test_muladd_jit():
    muladd, _ = _raw_functions()
    w = jax.jit(muladd)(*cases.muladd_inputs(numpy))
    _check(w, _fixture('case_muladd')['w'])


def test_linear_jit():
    _, linear = _raw_functions()
    y = jax.jit(linear)(*cases.linear_inputs(numpy))
    _check(y, _fixture('case_linear_function')['y'])


def _grad_of(f, inputs, gy):
    def loss(*xs):
        return jnp.sum(f(*xs) * gy)
    return jax.grad(loss, argnums=tuple(range(len(inputs))))


@pytest.mark.parametrize('scaled', [False, True])
@pytest.mark.parametrize('jit', [False, True])
def test_muladd_grad(scaled, jit):
    muladd, _ = _raw_functions(scaled)
    inputs = cases.muladd_inputs(numpy)
    g = _grad_of(muladd, inputs, cases.upstream(numpy, (3, 2)))
    if jit:
        g = jax.jit(g)
    gx, gy, gz = g(*inputs)
    fx = _fixture('case_muladd')
    scale = SCALE if scaled else 1.0
    _check(gx, fx['gx'], scale)
    _check(gy, fx['gy'], scale)
    _check(gz, fx['gz'], scale)


@pytest.mark.parametrize('scaled', [False, True])
@pytest.mark.parametrize('jit', [False, True])
def test_linear_grad(scaled, jit):
    _, linear = _raw_functions(scaled)
    inputs = cases.linear_inputs(numpy)
    g = _grad_of(linear, inputs, cases.upstream(numpy, (4, 2)))
    if jit:
        g = jax.jit(g)
    gx, gW, gb = g(*inputs)
    fx = _fixture('case_linear_function')
    scale = SCALE if scaled else 1.0
    _check(gx, fx['gx'], scale)
    _check(gW, fx['gW'], scale)
    _check(gb, fx['gb'], scale)


def test_scaled_variant_eager():
    # The scaled variant scales the eager gradients too (sanity check of
    # the variant itself, independent of JAX transformations).
    chainer, MulAdd, _ = _functions(True)
    x, y, z = [chainer.Variable(a) for a in cases.muladd_inputs(numpy)]
    w = MulAdd()(x, y, z)
    w.grad = cases.upstream(numpy, w.shape)
    w.backward()
    _check(x.grad, _fixture('case_muladd')['gx'], SCALE)
