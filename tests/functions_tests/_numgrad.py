"""Small numerical-gradient checks for the function tests.

``check_backward`` compares the gradients that backprop gives for
``sum(func(*xs) * gy)`` with central differences computed in float64 (the
function is evaluated on float64 copies of the inputs, so float16 functions
are checked against a precise reference). ``double=True`` also checks the
gradient of the first-order gradients (double backprop) the same way.
"""
import numpy

import chainerjax as chainer

TOLERANCES = {
    numpy.dtype(numpy.float16): {'atol': 5e-2, 'rtol': 5e-2},
    numpy.dtype(numpy.float32): {'atol': 1e-3, 'rtol': 1e-3},
    numpy.dtype(numpy.float64): {'atol': 1e-5, 'rtol': 1e-5},
}


def tol(dtype, scale=1.0):
    t = TOLERANCES[numpy.dtype(dtype)]
    return {'atol': t['atol'] * scale, 'rtol': t['rtol'] * scale}


def _as_tuple(y):
    return y if isinstance(y, tuple) else (y,)


def _weighted_sum(func, xs, gys):
    ys = _as_tuple(func(*xs))
    total = 0.
    for y, gy in zip(ys, gys):
        if y.dtype.kind != 'f':
            continue
        a = numpy.asarray(y.array, dtype=numpy.float64)
        total += float((a * numpy.asarray(gy, numpy.float64)).sum())
    return total


def numerical_grad(func, xs, gys, eps=1e-4):
    """Central differences of ``sum(func(*xs) * gys)`` in float64."""
    xs64 = [numpy.array(x, numpy.float64) if x.dtype.kind == 'f'
            else numpy.array(x) for x in xs]
    grads = []
    for i, x in enumerate(xs64):
        if x.dtype.kind != 'f':
            grads.append(None)
            continue
        g = numpy.zeros_like(x)
        for idx in numpy.ndindex(x.shape):
            orig = x[idx]
            x[idx] = orig + eps
            fp = _weighted_sum(func, xs64, gys)
            x[idx] = orig - eps
            fm = _weighted_sum(func, xs64, gys)
            x[idx] = orig
            g[idx] = (fp - fm) / (2 * eps)
        grads.append(g)
    return grads


def _random_like(ys):
    return [numpy.random.uniform(-1, 1, y.shape).astype(y.dtype)
            for y in ys]


def backprop_grad(func, xs, gys, enable_double_backprop=False):
    """Gradients of ``func`` by backprop (Variables, None for int inputs)."""
    vs = [chainer.Variable(x) if not isinstance(x, chainer.Variable)
          and x.dtype.kind == 'f' else x for x in xs]
    ys = _as_tuple(func(*vs))
    pairs = [(y, gy) for y, gy in zip(ys, gys) if y.dtype.kind == 'f']
    targets = [v for v in vs if isinstance(v, chainer.Variable)]
    gxs = chainer.grad(
        [y for y, _ in pairs], targets,
        grad_outputs=[chainer.Variable(gy) if not isinstance(
            gy, chainer.Variable) else gy for _, gy in pairs],
        enable_double_backprop=enable_double_backprop)
    it = iter(gxs)
    return [next(it) if isinstance(v, chainer.Variable) else None
            for v in vs]


def check_backward(func, xs, gys=None, eps=1e-4, atol=None, rtol=None,
                   double=False, ggxs=None):
    """Checks backprop (and optionally double backprop) of ``func``."""
    xs = tuple(xs)
    ys = _as_tuple(func(*xs))
    if gys is None:
        gys = _random_like(ys)
    dtype = next(x.dtype for x in xs if x.dtype.kind == 'f')
    t = tol(dtype)
    atol = t['atol'] if atol is None else atol
    rtol = t['rtol'] if rtol is None else rtol
    gxs = backprop_grad(func, xs, gys)
    expected = numerical_grad(func, xs, gys, eps)
    for x, gx, ge in zip(xs, gxs, expected):
        if ge is None:
            assert gx is None
            continue
        assert gx is not None, 'no gradient for a float input'
        assert gx.dtype == x.dtype, (gx.dtype, x.dtype)
        assert gx.shape == x.shape
        numpy.testing.assert_allclose(
            numpy.asarray(gx.array, numpy.float64), ge, atol=atol, rtol=rtol)
    if double:
        n = len(xs)
        float_idx = [i for i, x in enumerate(xs) if x.dtype.kind == 'f']

        def first_order(*args):
            xs_, gys_ = args[:n], args[n:]
            g = backprop_grad(func, xs_, gys_, enable_double_backprop=True)
            return tuple(g[i] for i in float_idx)

        if ggxs is None:
            ggxs = [numpy.random.uniform(-1, 1, xs[i].shape).astype(
                xs[i].dtype) for i in float_idx]
        # Second differences are less precise: looser tolerances.
        check_backward(first_order, xs + tuple(gys), ggxs, eps=eps,
                       atol=max(atol * 10, 1e-3), rtol=max(rtol * 10, 1e-3))


def grad_at(func, xs, gys):
    """Backprop gradients as arrays (None where there is none)."""
    return [None if g is None else g.array
            for g in backprop_grad(func, xs, gys)]
