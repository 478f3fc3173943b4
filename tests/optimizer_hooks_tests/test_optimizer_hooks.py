"""The built-in optimizer hooks against NumPy formulas."""
import numpy
import pytest

import chainerjax
from chainerjax import optimizer_hooks
from chainerjax import optimizers
from tests.optimizers_tests import _util

DEVICES = ['@numpy', '@jax:cpu:0']


def _wd(p, g):
    return g + numpy.float32(0.1) * p


def _lasso(p, g):
    return g + numpy.float32(0.1) * numpy.sign(p)


def _hard(p, g):
    return numpy.clip(g, -0.3, 0.4)


def _lars(p, g, threshold=0.5, wd=0.01, eps=1e-9):
    pn = numpy.linalg.norm(p)
    gn = numpy.linalg.norm(g)
    rate = pn / (eps + gn + wd * pn) if pn > threshold else 1.0
    return (g + wd * p) * rate


PER_PARAM = [
    ('WeightDecay', (0.1,), {}, _wd),
    ('Lasso', (0.1,), {}, _lasso),
    ('GradientHardClipping', (-0.3, 0.4), {}, _hard),
    ('GradientLARS', (), {'threshold': 0.5, 'weight_decay': 0.01}, _lars),
]


@pytest.mark.parametrize('name,args,kw,ref', PER_PARAM,
                         ids=[c[0] for c in PER_PARAM])
@pytest.mark.parametrize('device', DEVICES)
def test_per_param_hooks(name, args, kw, ref, device):
    hook = getattr(optimizer_hooks, name)(*args, **kw)
    assert hook.name == name
    assert hook.timing == 'pre'
    assert hook.call_for_each_param is True
    model = _util.make(device=device)
    opt = optimizers.SGD(lr=0.5).setup(model)
    opt.add_hook(hook)
    before = _util.arrays(model)
    grads = _util.set_grads(model)
    opt.update()
    for n, p in model.namedparams():
        g = ref(before[n], grads[n])
        numpy.testing.assert_allclose(numpy.asarray(p.grad), g, rtol=1e-5,
                                      atol=1e-7)
        numpy.testing.assert_allclose(
            p.array, before[n] - numpy.float32(0.5) * g, rtol=1e-5,
            atol=1e-6)
    # called directly on one parameter
    _util.set_grads(model, 7)
    p = model.b
    g0 = numpy.asarray(p.grad).copy()
    hook(p.update_rule, p)
    numpy.testing.assert_allclose(numpy.asarray(p.grad),
                                  ref(numpy.asarray(p.array), g0),
                                  rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize('device', DEVICES)
def test_per_param_hook_as_update_rule_hook(device):
    model = _util.make(device=device)
    opt = optimizers.SGD(lr=1.0).setup(model)
    model.b.update_rule.add_hook(optimizer_hooks.GradientHardClipping(-0.1,
                                                                      0.1))
    before = _util.arrays(model)
    grads = _util.set_grads(model)
    opt.update()
    after = _util.arrays(model)
    numpy.testing.assert_allclose(
        after['/b'], before['/b'] - numpy.clip(grads['/b'], -0.1, 0.1),
        rtol=1e-6)
    numpy.testing.assert_allclose(after['/a/W'],
                                  before['/a/W'] - grads['/a/W'], rtol=1e-6)


def test_subclass_overriding_call_is_called_per_param():
    seen = []

    class MyDecay(optimizer_hooks.WeightDecay):
        def __call__(self, rule, param):
            seen.append(param.name)
            super(MyDecay, self).__call__(rule, param)

    model = _util.make()
    opt = optimizers.SGD().setup(model)
    opt.add_hook(MyDecay(0.1))
    _util.set_grads(model)
    opt.update()
    assert sorted(seen) == ['W', 'b']


def test_weight_decay_scaled_by_loss_scale():
    model = _util.make()
    opt = optimizers.SGD(lr=0.1).setup(model)
    opt.add_hook(optimizer_hooks.WeightDecay(0.1))
    opt.loss_scaling(scale=8.0)
    before = _util.arrays(model)

    def lossfun():
        return chainerjax.functions.sum(model.b)

    opt.update(lossfun)
    # grad = (8 * 1 + 0.1 * 8 * p) / 8
    numpy.testing.assert_allclose(
        model.b.array, before['/b'] - 0.1 * (1 + 0.1 * before['/b']),
        rtol=1e-5)


@pytest.mark.parametrize('device', DEVICES)
@pytest.mark.parametrize('threshold', [0.5, 100.0])
def test_gradient_clipping(device, threshold):
    hook = optimizer_hooks.GradientClipping(threshold)
    assert hook.name == 'GradientClipping' and hook.timing == 'pre'
    assert not getattr(hook, 'call_for_each_param', False)
    model = _util.make(device=device)
    opt = optimizers.SGD(lr=1.0).setup(model)
    opt.add_hook(hook)
    before = _util.arrays(model)
    grads = _util.set_grads(model)
    norm = numpy.sqrt(sum((g.astype(numpy.float64) ** 2).sum()
                          for g in grads.values()))
    rate = min(threshold / norm, 1.0)
    opt.update()
    for n, p in model.namedparams():
        numpy.testing.assert_allclose(numpy.asarray(p.grad),
                                      grads[n] * rate, rtol=1e-5)
        numpy.testing.assert_allclose(p.array, before[n] - grads[n] * rate,
                                      rtol=1e-5, atol=1e-7)


def test_gradient_noise_numpy_matches_numpy_rng():
    hook = optimizer_hooks.GradientNoise(0.3)
    assert hook.timing == 'pre' and hook.call_for_each_param
    model = _util.make()
    opt = optimizers.SGD(lr=1.0).setup(model)
    opt.add_hook(hook)
    grads = _util.set_grads(model)
    before = _util.arrays(model)
    numpy.random.seed(3)
    opt.update()
    numpy.random.seed(3)
    std = numpy.sqrt(0.3 / numpy.power(1 + 0, 0.55))
    for n, p in model.namedparams():  # params() order = namedparams order
        noise = numpy.random.normal(0, std, p.shape).astype(numpy.float32)
        numpy.testing.assert_allclose(p.array, before[n] - (grads[n] + noise),
                                      rtol=1e-5, atol=1e-6)


def test_gradient_noise_jax_device_seedable():
    results = []
    for _ in range(2):
        chainerjax.random.seed(5)
        try:
            model = _util.make(device='@jax:cpu:0')
            opt = optimizers.SGD(lr=1.0).setup(model)
            opt.add_hook(optimizer_hooks.GradientNoise(0.3))
            grads = _util.set_grads(model)
            before = _util.arrays(model)
            opt.update()
        finally:
            chainerjax.random.reset()
        results.append(_util.arrays(model))
    noise = before['/b'] - grads['/b'] - results[0]['/b']
    assert numpy.abs(noise).max() > 0
    for k in results[0]:
        numpy.testing.assert_array_equal(results[0][k], results[1][k])


def test_custom_noise_func():
    def noise_func(xp, shape, dtype, hook, rule):
        return xp.full(shape, hook.eta, dtype=dtype)

    model = _util.make()
    opt = optimizers.SGD(lr=1.0).setup(model)
    opt.add_hook(optimizer_hooks.GradientNoise(0.25, noise_func=noise_func))
    grads = _util.set_grads(model)
    before = _util.arrays(model)
    opt.update()
    numpy.testing.assert_allclose(model.b.array,
                                  before['/b'] - grads['/b'] - 0.25,
                                  rtol=1e-6)


def test_post_timing():
    model = _util.make()
    opt = optimizers.SGD(lr=1.0).setup(model)
    opt.add_hook(optimizer_hooks.WeightDecay(0.1), timing='post')
    before = _util.arrays(model)
    grads = _util.set_grads(model)
    opt.update()
    after = _util.arrays(model)
    numpy.testing.assert_allclose(after['/b'], before['/b'] - grads['/b'],
                                  rtol=1e-6)
    numpy.testing.assert_allclose(
        model.b.grad, grads['/b'] + numpy.float32(0.1) * after['/b'],
        rtol=1e-6)


def test_user_hooks_may_write_gradients_in_place():
    """Chainer-style user hooks mutate ``param.grad`` in place; on
    '@numpy' they get writable NumPy gradients."""

    def halve(rule, param):
        param.grad *= 0.5

    halve.call_for_each_param = True

    def zero_bias(opt):
        opt.target.b.grad[...] = 0

    model = _util.make()
    opt = optimizers.SGD(lr=1.0).setup(model)
    opt.add_hook(halve, name='halve')
    opt.add_hook(zero_bias, name='zero_bias')
    model.a.W.update_rule.add_hook(halve, name='halve_again')
    before = _util.arrays(model)
    grads = {k: v.copy() for k, v in _util.set_grads(model).items()}
    opt.update()
    after = _util.arrays(model)
    numpy.testing.assert_array_equal(after['/b'], before['/b'])
    numpy.testing.assert_allclose(after['/a/W'],
                                  before['/a/W'] - 0.25 * grads['/a/W'],
                                  rtol=1e-6)
