"""The compiled backward (chainerjax._backprop._compiled_backprop): a graph
of built-in ops, seen again, runs its whole backward as one XLA call, with
the gradients the node-by-node backward gives, bit for bit."""
import gc

import numpy
import pytest

import chainerjax as chainer
import chainerjax.functions as F
import chainerjax.links as L
from chainerjax import _backprop
from chainerjax import _kernels
from chainerjax import function_hooks


@pytest.fixture
def calls(monkeypatch):
    """Counts the compiled backward's calls; plans start empty."""
    monkeypatch.setattr(_backprop, '_plans', {})
    monkeypatch.setattr(_backprop, '_sightings', {})
    counter = []
    real = _kernels.backward_graph

    def spy(*args):
        counter.append(1)
        return real(*args)
    spy.lower = real.lower
    monkeypatch.setattr(_kernels, 'backward_graph', spy)
    return counter


def _compile_at(monkeypatch, n):
    monkeypatch.setattr(_backprop, '_COMPILE_AT', n)


class MLP(chainer.Chain):

    def __init__(self, dtype):
        super().__init__()
        with self.init_scope():
            self.l1 = L.Linear(5, 4, initialW=_init(0, (4, 5), dtype),
                               initial_bias=numpy.zeros(4, dtype))
            self.l2 = L.Linear(4, 3, initialW=_init(1, (3, 4), dtype),
                               initial_bias=numpy.zeros(3, dtype))

    def forward(self, x):
        return self.l2(F.relu(self.l1(x)))


def _init(seed, shape, dtype):
    return numpy.random.RandomState(seed).uniform(-1, 1, shape).astype(dtype)


def _grads(link):
    return {name: numpy.array(p.grad) for name, p in link.namedparams()}


def _mlp_grads(dtype, device, runs):
    with chainer.using_config('dtype', dtype):
        model = MLP(dtype)
    model.to_device(device)
    x = model.l1.W.device.send(_init(2, (6, 5), dtype))
    t = model.l1.W.device.send(numpy.array([0, 1, 2, 0, 1, 2], numpy.int32))
    for _ in range(runs):
        model.cleargrads()
        loss = F.softmax_cross_entropy(model(x), t)
        loss.backward()
    return _grads(model)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('device', ['@numpy', '@jax:cpu:0'])
def test_same_gradients_as_node_by_node(dtype, device, monkeypatch, calls):
    _compile_at(monkeypatch, 0)
    expected = _mlp_grads(dtype, device, 1)
    assert not calls
    _compile_at(monkeypatch, 1)
    got = _mlp_grads(dtype, device, 3)
    assert len(calls) == 3
    for name in expected:
        assert got[name].dtype == expected[name].dtype
        numpy.testing.assert_array_equal(got[name], expected[name])


def test_compiled_at_the_second_backward_of_a_graph(monkeypatch, calls):
    _compile_at(monkeypatch, 2)
    model = MLP(numpy.float32)
    x = _init(2, (6, 5), numpy.float32)
    for i in range(4):
        model.cleargrads()
        F.sum(model(x)).backward()
        assert len(calls) == max(0, i)  # eager first, compiled from then
    assert list(_backprop._plans.values()) == [True]
    # another batch size is another plan
    model.cleargrads()
    F.sum(model(x[:2])).backward()
    assert len(calls) == 3


def test_off(monkeypatch, calls):
    _compile_at(monkeypatch, 0)
    model = MLP(numpy.float32)
    for _ in range(3):
        F.sum(model(_init(2, (6, 5), numpy.float32))).backward()
    assert not calls and not _backprop._plans


def _check_like_eager(build, monkeypatch, calls, expect_compiled=True):
    """``build()`` -> (roots for chainer.backward or a loss, leaves);
    compares the leaves' gradients of the compiled and the eager
    backward."""
    results = []
    for at in (0, 1):
        _compile_at(monkeypatch, at)
        n = len(calls)
        roots, leaves = build()
        if isinstance(roots, list):
            chainer.backward(roots)
        else:
            roots.backward()
        assert len(calls) - n == (1 if at and expect_compiled else 0)
        results.append([None if v.grad is None else numpy.array(v.grad)
                        for v in leaves])
    for e, g in zip(*results):
        if e is None:
            assert g is None
        else:
            numpy.testing.assert_array_equal(g, e)


def test_shared_parameter_and_existing_gradient(monkeypatch, calls):
    def build():
        W = chainer.Parameter(_init(0, (3, 3), numpy.float32))
        W.grad = numpy.ones((3, 3), numpy.float32)  # accumulated into
        x = chainer.Variable(_init(1, (2, 3), numpy.float32))
        h = F.tanh(F.linear(x, W))
        y = F.sum(F.linear(h, W) * h)
        return y, [W, x]
    _check_like_eager(build, monkeypatch, calls)


def test_unused_and_dropped_outputs(monkeypatch, calls):
    def build():
        x = chainer.Variable(_init(1, (2, 6), numpy.float32))
        a, b, c = F.split_axis(x, 3, axis=1)
        del c  # its node is gone: gets no gradient
        gc.collect()
        return F.sum(a * 2) + F.sum(F.exp(b)), [x]
    _check_like_eager(build, monkeypatch, calls)


def test_output_cut_from_the_graph_keeps_its_gradient(monkeypatch, calls):
    # truncated BPTT: a state cut by unchain_backward is a leaf of the
    # next graph, while the node that computed it is still reached
    # through another of its outputs
    def build():
        x = chainer.Variable(_init(1, (2, 4), numpy.float32))
        a, b = F.split_axis(F.sin(x), 2, axis=1)
        first = F.sum(a)
        first.unchain_backward()
        return F.sum(a * a) + F.sum(b * 3), [a, x]
    _check_like_eager(build, monkeypatch, calls)


def test_several_roots(monkeypatch, calls):
    def build():
        x = chainer.Variable(_init(1, (2, 3), numpy.float32))
        y1 = F.exp(x)
        y2 = F.sum(x * x, axis=1)
        y1.grad = numpy.full((2, 3), 0.5, numpy.float32)
        y2.grad = numpy.array([1.0, -2.0], numpy.float32)
        return [y1, y2], [x]
    _check_like_eager(build, monkeypatch, calls)


class UserBackward(chainer.FunctionNode):

    def forward(self, inputs):
        return inputs[0] * 2,

    def backward(self, indexes, grad_outputs):
        return grad_outputs[0] * 2,


def test_eager_where_it_does_not_apply(monkeypatch, calls):
    _compile_at(monkeypatch, 1)
    x = chainer.Variable(_init(1, (2, 3), numpy.float32))

    def loss():
        return F.sum(F.exp(x))
    # a user's backward in the graph
    F.sum(UserBackward().apply((F.exp(x),))[0]).backward()
    # a function hook, retain_grad, double backprop, debug mode
    with function_hooks.TimerHook():
        loss().backward()
    loss().backward(retain_grad=True)
    loss().backward(enable_double_backprop=True)
    with chainer.using_config('debug', True):
        loss().backward()
    assert not calls
    loss().backward()
    assert len(calls) == 1


def _build_small():
    x = chainer.Variable(_init(1, (2, 3), numpy.float32))
    return F.sum(F.exp(F.sin(x))), [x]


@pytest.mark.parametrize('limit, compiled', [
    (0, False),  # the gradients alone are over half of it: no compile
    (200, True),  # compiled, but its scratch memory is over it
])
def test_eager_where_the_scratch_memory_is_large(limit, compiled,
                                                 monkeypatch, calls):
    monkeypatch.setattr(_kernels, '_MAX_CPU_SCRATCH', limit)
    lowered = []
    real_lower = _kernels.backward_graph.lower

    def lower(*args):
        lowered.append(1)
        return real_lower(*args)
    monkeypatch.setattr(_kernels.backward_graph, 'lower', lower)
    monkeypatch.setattr(_kernels, '_scratch_bytes', lambda compiled: 10**9)
    _check_like_eager(_build_small, monkeypatch, calls,
                      expect_compiled=False)
    assert list(_backprop._plans.values()) == [False]
    assert bool(lowered) == compiled


def test_update_after_compiled_backward_on_numpy(monkeypatch, calls):
    # the compiled backward reads the '@numpy' weights in place; the
    # in-place update that follows waits for it
    _compile_at(monkeypatch, 1)
    model = MLP(numpy.float32)
    opt = chainer.optimizers.SGD(lr=0.5)
    opt.setup(model)
    x = _init(2, (6, 5), numpy.float32)
    W0 = model.l2.W.array.copy()
    F.sum(model(x)).backward()
    g = model.l2.W.grad.copy()
    opt.update()
    numpy.testing.assert_allclose(model.l2.W.array, W0 - 0.5 * g,
                                  rtol=1e-6)
    assert calls
