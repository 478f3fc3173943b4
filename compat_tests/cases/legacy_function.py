"""Legacy ``chainer.Function`` subclasses (issue item 5).

``MulAdd`` and ``LinearFunction`` are written exactly as Chainer users wrote
them; ``make_functions`` builds them against the framework under test (the
chainerjax-only test in ``test_legacy_function.py`` also runs them under
``jax.jit`` and ``jax.grad``).
"""
from compat_tests.cases._util import arr, rand


def make_functions(chainer):
    """Returns (MulAdd, LinearFunction, linear) written against ``chainer``."""
    class MulAdd(chainer.Function):
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

    def linear(x, W, b):
        return LinearFunction()(x, W, b)

    return MulAdd, LinearFunction, linear


def muladd_inputs(np):
    return (rand(np, (3, 2), 200), rand(np, (3, 2), 201),
            rand(np, (3, 2), 202))


def linear_inputs(np):
    return (rand(np, (4, 3), 203), rand(np, (2, 3), 204),
            rand(np, (2,), 205))


def upstream(np, shape):
    return rand(np, shape, 206)


def case_muladd(chainer, F, np):
    MulAdd, _, _ = make_functions(chainer)
    x, y, z = [chainer.Variable(a) for a in muladd_inputs(np)]
    w = MulAdd()(x, y, z)
    w.grad = upstream(np, w.shape)
    w.backward()
    return {'w': arr(np, w), 'gx': arr(np, x.grad), 'gy': arr(np, y.grad),
            'gz': arr(np, z.grad), 'w_type': type(w).__name__,
            'creator': type(w.creator).__name__,
            'creator_node': type(w.creator_node).__name__,
            'label': w.creator.label, 'dtype': str(w.dtype)}


def case_muladd_array_inputs(chainer, F, np):
    MulAdd, _, _ = make_functions(chainer)
    xa, ya, za = muladd_inputs(np)
    x = chainer.Variable(xa)
    w = MulAdd()(x, ya, za)
    loss = F.sum(w * w)
    loss.backward()
    return {'w': arr(np, w), 'gx': arr(np, x.grad)}


def case_linear_function(chainer, F, np):
    _, _, linear = make_functions(chainer)
    x, W, b = [chainer.Variable(a) for a in linear_inputs(np)]
    y = linear(x, W, b)
    y.grad = upstream(np, y.shape)
    y.backward()
    return {'y': arr(np, y), 'gx': arr(np, x.grad), 'gW': arr(np, W.grad),
            'gb': arr(np, b.grad), 'creator': type(y.creator).__name__,
            'shape': list(y.shape)}


def case_linear_function_in_graph(chainer, F, np):
    # Legacy function between built-ins; the loss flows through both.
    _, _, linear = make_functions(chainer)
    x, W, b = [chainer.Variable(a) for a in linear_inputs(np)]
    h = F.tanh(x)
    y = linear(h, W, b)
    loss = F.sum(F.sigmoid(y))
    loss.backward()
    return {'loss': arr(np, loss), 'gx': arr(np, x.grad),
            'gW': arr(np, W.grad), 'gb': arr(np, b.grad),
            'y_rank': y.rank, 'loss_rank': loss.rank}


def case_linear_function_float64(chainer, F, np):
    _, _, linear = make_functions(chainer)
    x, W, b = [chainer.Variable(a.astype('float64'))
               for a in linear_inputs(np)]
    y = linear(x, W, b)
    y.grad = upstream(np, y.shape).astype('float64')
    y.backward()
    return {'y': arr(np, y), 'gx': arr(np, x.grad), 'gW': arr(np, W.grad),
            'gb': arr(np, b.grad), 'dtype': str(y.dtype)}


def case_legacy_function_twice_accumulates(chainer, F, np):
    MulAdd, _, _ = make_functions(chainer)
    x, y, z = [chainer.Variable(a) for a in muladd_inputs(np)]
    w1 = MulAdd()(x, y, z)
    w2 = MulAdd()(w1, x, z)
    loss = F.sum(w2)
    loss.backward()
    return {'w2': arr(np, w2), 'gx': arr(np, x.grad), 'gy': arr(np, y.grad),
            'gz': arr(np, z.grad)}


def case_legacy_function_no_backprop(chainer, F, np):
    MulAdd, _, _ = make_functions(chainer)
    x, y, z = [chainer.Variable(a) for a in muladd_inputs(np)]
    with chainer.no_backprop_mode():
        w = MulAdd()(x, y, z)
    return {'creator_none': w.creator is None, 'w': arr(np, w)}
