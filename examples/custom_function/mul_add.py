"""Custom differentiable functions written in the Chainer 7 style.

This is a plain Chainer 7 program (it imports ``chainer`` only). It defines

* ``MulAdd`` and ``LinearFunction``: legacy ``chainer.Function`` subclasses
  with hand-written ``forward``/``backward`` on plain arrays (the examples of
  Chainer's "Define your own function" guide);
* ``Square``: a ``chainer.FunctionNode`` with its own ``backward`` on
  Variables;

checks their gradients against built-in functions, then fits a tiny linear
regression by hand (``loss.backward()`` and plain SGD on ``.array``).

Run it on chainerjax with
``python -m chainerjax examples/custom_function/mul_add.py``, and on real
Chainer 7.8.1 with ``python examples/custom_function/mul_add.py``.

Quality bar: the custom gradients match the built-in functions' and the
regression reaches a loss below 1e-3 (the script exits with status 1
otherwise).
"""
import sys

import numpy as np

import chainer
import chainer.functions as F


class MulAdd(chainer.Function):
    """w = x * y + z, elementwise."""

    def forward_cpu(self, inputs):
        x, y, z = inputs
        w = x * y + z
        return w,

    def backward_cpu(self, inputs, grad_outputs):
        x, y, z = inputs
        gw, = grad_outputs
        gx = y * gw
        gy = x * gw
        gz = gw
        return gx, gy, gz


class LinearFunction(chainer.Function):
    """y = x W^T + b."""

    def forward(self, inputs):
        x, W, b = inputs
        return x.dot(W.T) + b,

    def backward(self, inputs, grad_outputs):
        x, W, b = inputs
        gy, = grad_outputs
        gx = gy.dot(W)
        gW = gy.T.dot(x)
        gb = gy.sum(axis=0)
        return gx, gW, gb


class Square(chainer.FunctionNode):
    """y = x ** 2, with a backward written on Variables (so it is itself
    differentiable)."""

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, = inputs
        return x * x,

    def backward(self, target_input_indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        return 2 * x * gy,


def square(x):
    return Square().apply((x,))[0]


def check_mul_add():
    x = chainer.Variable(np.array([1, 2, 3], np.float32))
    y = chainer.Variable(np.array([4, 5, 6], np.float32))
    z = chainer.Variable(np.array([7, 8, 9], np.float32))
    w = MulAdd()(x, y, z)
    w.grad = np.ones(3, np.float32)
    w.backward()
    np.testing.assert_allclose(w.array, [11, 18, 27])
    np.testing.assert_allclose(x.grad, y.array)
    np.testing.assert_allclose(y.grad, x.array)
    np.testing.assert_allclose(z.grad, np.ones(3))
    print('MulAdd: w =', w.array, 'x.grad =', x.grad)


def mse(x, W, b, t):
    """Mean squared error through the three custom functions."""
    y = LinearFunction()(x, W, b)
    # y * 1 + (-t): puts MulAdd's hand-written backward in the graph.
    residual = MulAdd()(y, np.ones_like(t), -t)
    return F.sum(square(residual)) / residual.size


def check_against_builtins(x, W, b, t):
    """The custom gradients equal those of F.linear/F.mean_squared_error."""
    W.cleargrad()
    b.cleargrad()
    loss = mse(x, W, b, t)
    loss.backward()
    gW, gb = np.array(W.grad), np.array(b.grad)

    W.cleargrad()
    b.cleargrad()
    ref = F.mean_squared_error(F.linear(x, W, b), t)
    ref.backward()
    np.testing.assert_allclose(loss.array, ref.array, rtol=1e-5)
    np.testing.assert_allclose(gW, W.grad, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(gb, b.grad, rtol=1e-4, atol=1e-6)
    print('custom gradients match F.linear + F.mean_squared_error')


def main():
    rng = np.random.RandomState(0)
    n, d = 64, 3
    x = rng.randn(n, d).astype(np.float32)
    true_W = np.array([[2.0, -3.0, 0.5]], np.float32)
    true_b = np.array([1.0], np.float32)
    t = (x.dot(true_W.T) + true_b
         + 0.01 * rng.randn(n, 1)).astype(np.float32)

    W = chainer.Parameter(np.zeros((1, d), np.float32))
    b = chainer.Parameter(np.zeros((1,), np.float32))

    check_mul_add()
    check_against_builtins(x, W, b, t)

    lr = 0.1
    first = None
    for step in range(1, 101):
        W.cleargrad()
        b.cleargrad()
        loss = mse(x, W, b, t)
        loss.backward()
        W.array = W.array - lr * W.grad
        b.array = b.array - lr * b.grad
        value = float(loss.array)
        if first is None:
            first = value
        if step == 1 or step % 20 == 0:
            print('step {:3d}  loss {:.6f}'.format(step, value))

    final = float(mse(x, W, b, t).array)
    print('learned W =', np.round(W.array, 3), 'b =', np.round(b.array, 3))
    print('final loss: {:.6f}'.format(final))
    converged = final < 1e-3 < first
    print('quality bar: final loss = {:.6f} (< 1e-3) {}'.format(
        final, 'reached' if converged else 'NOT reached'))
    if not converged:
        print('training did not converge', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
