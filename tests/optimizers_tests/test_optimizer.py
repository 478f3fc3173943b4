"""Optimizer / GradientMethod / UpdateRule / Hyperparameter semantics."""
import io

import jax
import jax.numpy as jnp
import numpy
import pytest

import chainerjax
from chainerjax import optimizer as optimizer_module
from chainerjax import optimizer_hooks
from chainerjax import optimizers
from chainerjax import serializers
from tests.optimizers_tests import _util


def test_hyperparameter_parent_and_dict():
    parent = optimizer_module.Hyperparameter()
    parent.lr = 0.1
    parent.x = 1
    child = optimizer_module.Hyperparameter(parent)
    child.x = 2
    assert child.lr == 0.1 and child.x == 2 and child.parent is parent
    assert child.get_dict() == {'lr': 0.1, 'x': 2}
    assert repr(child) == 'Hyperparameter(lr=0.1, x=2)'
    with pytest.raises(AttributeError):
        child.missing


def test_setup_requires_link():
    with pytest.raises(TypeError):
        optimizers.SGD().setup(object())


def test_setup_resets_and_creates_rules():
    model = _util.make()
    opt = optimizers.MomentumSGD()
    opt.t = 5
    assert opt.setup(model) is opt
    assert opt.t == 0 and opt.epoch == 0 and opt.target is model
    for p in model.params():
        assert isinstance(p.update_rule,
                          optimizers.momentum_sgd.MomentumSGDRule)
        assert p.update_rule.hyperparam.parent is opt.hyperparam


def test_new_epoch():
    opt = optimizers.SGD().setup(_util.make())
    opt.new_epoch()
    assert opt.epoch == 1
    with pytest.raises(RuntimeError):
        opt.new_epoch(auto=True)
    opt.use_auto_new_epoch = True
    opt.new_epoch(auto=True)
    assert opt.epoch == 2
    with pytest.raises(RuntimeError):
        opt.new_epoch()


def test_add_hook_requires_setup():
    with pytest.raises(RuntimeError):
        optimizers.SGD().add_hook(lambda o: None, name='h')


def test_hook_timing_and_order():
    model = _util.make()
    opt = optimizers.SGD().setup(model)
    log = []

    seen_t = []

    def pre(o):
        seen_t.append(o.t)
        log.append('pre')

    class Post(object):
        timing = 'post'
        name = 'post'

        def __call__(self, o):
            log.append('post')

    class Each(object):
        call_for_each_param = True
        name = 'each'

        def __call__(self, rule, param):
            assert param.update_rule is rule
            log.append('each')

    opt.add_hook(Post())
    opt.add_hook(pre, name='pre')
    opt.add_hook(Each(), timing='pre')
    with pytest.raises(KeyError):
        opt.add_hook(pre, name='pre')
    with pytest.raises(ValueError):
        opt.add_hook(pre, name='x', timing='middle')
    _util.set_grads(model)
    opt.update()
    assert log == ['pre', 'each', 'each', 'post']
    opt.remove_hook('each')
    opt.remove_hook('post')
    del log[:]
    opt.update()
    assert log == ['pre']
    assert seen_t == [0, 1]  # 'pre' hooks run before t is incremented


def test_hook_invalid_timing_attribute_falls_back_to_pre():
    opt = optimizers.SGD().setup(_util.make())

    class H(object):
        timing = 'whenever'

        def __call__(self, o):
            pass

    with pytest.warns(UserWarning):
        opt.add_hook(H(), name='h')
    assert 'h' in opt._hookable._pre_update_hooks


def test_update_with_lossfun_clears_grads_and_backprops():
    model = _util.make()
    opt = optimizers.SGD(lr=0.1).setup(model)
    _util.set_grads(model)  # stale gradients must be cleared
    before = _util.arrays(model)

    def lossfun(x):
        return chainerjax.functions.sum(model.a.W * x) + \
            chainerjax.functions.sum(model.b)

    x = numpy.full((3, 4), 2, numpy.float32)
    opt.update(lossfun, x)
    after = _util.arrays(model)
    numpy.testing.assert_allclose(after['/a/W'], before['/a/W'] - 0.2,
                                  rtol=1e-6)
    numpy.testing.assert_allclose(after['/b'], before['/b'] - 0.1,
                                  rtol=1e-6)
    assert opt.t == 1


def test_reallocate_cleared_grads():
    model = _util.make()
    opt = optimizers.SGD().setup(model)
    model.cleargrads()
    before = _util.arrays(model)
    opt.update()
    for _, p in model.namedparams():
        assert p.grad is not None and not p.grad.any()
    after = _util.arrays(model)
    for k in before:
        numpy.testing.assert_array_equal(before[k], after[k])


def test_use_cleargrads_deprecated():
    opt = optimizers.SGD().setup(_util.make())
    with pytest.warns(DeprecationWarning):
        opt.use_cleargrads()


class NumpyRule(optimizer_module.UpdateRule):
    """A user rule written with NumPy, updating in place (Chainer style)."""

    def init_state(self, param):
        self.state['n'] = numpy.zeros_like(param.data)

    def update_core_cpu(self, param):
        self.state['n'] += 1
        param.data -= 0.5 * param.grad


class NumpyOptimizer(optimizer_module.GradientMethod):

    def create_update_rule(self):
        return NumpyRule(self.hyperparam)


def test_user_rule_with_numpy_update_core_cpu():
    model = _util.make()
    opt = NumpyOptimizer().setup(model)
    before = _util.arrays(model)
    grads = _util.set_grads(model)
    opt.update()
    after = _util.arrays(model)
    for k in before:
        numpy.testing.assert_allclose(
            after[k], before[k] - numpy.float32(0.5) * grads[k])
    assert model.b.update_rule.state['n'][0] == 1


def test_user_subclass_of_builtin_rule_is_used():
    calls = []

    class MySGDRule(optimizers.sgd.SGDRule):
        def update_core_cpu(self, param):
            calls.append(param.name)
            param.data -= 2 * param.grad

    class MySGD(optimizers.SGD):
        def create_update_rule(self):
            return MySGDRule(self.hyperparam)

    model = _util.make()
    opt = MySGD().setup(model)
    before = _util.arrays(model)
    grads = _util.set_grads(model)
    opt.update()
    assert len(calls) == 2
    numpy.testing.assert_allclose(_util.arrays(model)['/b'],
                                  before['/b'] - 2 * grads['/b'])


@pytest.mark.parametrize('device', ['@numpy', '@jax:cpu:0'])
def test_rule_hook_runs_eagerly_and_matches(device):
    log = []

    def hook(rule, param):
        log.append((rule, param))

    m1 = _util.make(device=device)
    m2 = _util.make(device=device)
    o1 = optimizers.Adam().setup(m1)
    o2 = optimizers.Adam().setup(m2)
    m2.a.W.update_rule.add_hook(hook, name='h', timing='post')
    for seed in (1, 2):
        _util.set_grads(m1, seed)
        _util.set_grads(m2, seed)
        o1.update()
        o2.update()
    assert len(log) == 2 and log[0][1] is m2.a.W
    for k, v in _util.arrays(m1).items():
        numpy.testing.assert_allclose(v, _util.arrays(m2)[k], rtol=1e-6)
    m2.a.W.update_rule.remove_hook('h')


def test_update_rule_update_directly():
    model = _util.make()
    opt = optimizers.MomentumSGD(lr=0.1).setup(model)  # NOQA
    p = model.b
    before = p.array.copy()
    g = numpy.ones_like(before)
    p.grad = g
    p.update()
    numpy.testing.assert_allclose(p.array, before - 0.1, rtol=1e-6)
    assert p.update_rule.t == 1
    numpy.testing.assert_allclose(p.update_rule.state['v'], -0.1 * g,
                                  rtol=1e-6)


def test_static_loss_scaling_divides_gradients():
    model = _util.make()
    opt = optimizers.SGD(lr=0.1).setup(model)
    opt.loss_scaling(scale=64.0)
    assert opt._loss_scale == 64.0
    before = _util.arrays(model)

    def lossfun():
        return chainerjax.functions.sum(model.b * model.b)

    opt.update(lossfun)
    numpy.testing.assert_allclose(model.b.grad, 2 * before['/b'],
                                  rtol=1e-6)
    numpy.testing.assert_allclose(
        model.b.array, before['/b'] - 0.1 * 2 * before['/b'], rtol=1e-6)
    with pytest.raises(ValueError):
        opt.loss_scaling(scale=0)


def test_dynamic_loss_scaling():
    model = _util.make()
    opt = optimizers.SGD(lr=0.1).setup(model)
    opt.loss_scaling(interval=2)
    assert opt._loss_scale == 1.0

    def lossfun():
        return chainerjax.functions.sum(model.b)

    opt.update(lossfun)
    assert opt._loss_scale == 2.0
    opt.update(lossfun)
    assert opt._loss_scale == 4.0
    before = _util.arrays(model)
    model.cleargrads()
    _util.set_grads(model)
    g = model.b.grad.copy()
    g[0] = numpy.inf
    model.b.grad = g
    with pytest.warns(UserWarning):
        opt.update()
    assert opt._loss_scale == 2.0  # halved, and nothing updated
    for k, v in _util.arrays(model).items():
        numpy.testing.assert_array_equal(v, before[k])
    opt.update(lossfun)
    assert opt._loss_scale == pytest.approx(2.0 * 2 ** 0.5)
    with pytest.raises(ValueError):
        opt.loss_scaling(interval=0)


@pytest.mark.parametrize('name', ['Adam', 'MomentumSGD', 'SGD', 'AdaDelta',
                                  'SMORMS3', 'RMSpropGraves'])
@pytest.mark.parametrize('device', ['@numpy', '@jax:cpu:0'])
def test_serialize_round_trip(name, device):
    m1 = _util.make(device=device)
    o1 = getattr(optimizers, name)().setup(m1)
    o1.new_epoch()
    for seed in (1, 2, 3):
        _util.set_grads(m1, seed)
        o1.update()
    buf = io.BytesIO()
    serializers.save_npz(buf, o1)
    buf.seek(0)
    with numpy.load(buf) as f:
        keys = sorted(f.files)
    expected = ['epoch', 't']
    for path, p in m1.namedparams():
        expected.append(path.lstrip('/') + '/t')
        expected += [path.lstrip('/') + '/' + k
                     for k in p.update_rule.state]
    assert keys == sorted(expected)
    # into a fresh optimizer (states not initialized yet)
    m2 = _util.make(device=device)
    for p2, p1 in zip(m2.params(), m1.params()):
        p2.array = p1.array.copy()
    o2 = getattr(optimizers, name)().setup(m2)
    buf.seek(0)
    serializers.load_npz(buf, o2)
    assert o2.t == 3 and o2.epoch == 1
    # into an optimizer with initialized states
    m3 = _util.make(device=device)
    o3 = getattr(optimizers, name)().setup(m3)
    _util.set_grads(m3, 9)
    o3.update()
    for p3, p1 in zip(m3.params(), m1.params()):
        p3.array = p1.array.copy()
    buf.seek(0)
    serializers.load_npz(buf, o3)
    for m, o in ((m2, o2), (m3, o3)):
        for p, p1 in zip(m.params(), m1.params()):
            assert p.update_rule.t == 3
            for k, v in p1.update_rule.state.items():
                numpy.testing.assert_array_equal(
                    numpy.asarray(p.update_rule.state[k]), numpy.asarray(v))
    for seed in (4, 5):
        for m, o in ((m1, o1), (m2, o2), (m3, o3)):
            _util.set_grads(m, seed)
            o.update()
    for m in (m2, m3):
        for k, v in _util.arrays(m).items():
            numpy.testing.assert_allclose(v, _util.arrays(m1)[k], rtol=1e-6)


def test_update_is_traceable_by_jax_jit():
    """optimizer.update() does no host round trip: it runs inside jax.jit
    with traced parameters, gradients, states and learning rate."""
    model = _util.make(device='@jax:cpu:0')
    opt = optimizers.Adam().setup(model)
    _util.set_grads(model)
    opt.update()  # initializes the states
    params = list(model.params())

    def step(arrays, grads, states, alpha):
        for p, a, g, s in zip(params, arrays, grads, states):
            p._data = a
            p.grad = g
            p.update_rule._state = dict(s)
        opt.alpha = alpha
        opt.add_hook(optimizer_hooks.GradientClipping(0.5), name='clip')
        opt.add_hook(optimizer_hooks.WeightDecay(1e-3), name='wd')
        try:
            opt.update()
        finally:
            opt.remove_hook('clip')
            opt.remove_hook('wd')
        return ([p._data for p in params],
                [dict(p.update_rule.state) for p in params])

    arrays = [p.array for p in params]
    grads = [p.grad for p in params]
    states = [dict(p.update_rule.state) for p in params]
    t = opt.t
    new_arrays, new_states = jax.jit(step)(arrays, grads, states,
                                           jnp.float64(0.01))
    # the same step eagerly
    m2 = _util.make(device='@jax:cpu:0')
    o2 = optimizers.Adam().setup(m2)
    _util.set_grads(m2)
    o2.update()
    o2.alpha = 0.01
    o2.add_hook(optimizer_hooks.GradientClipping(0.5))
    o2.add_hook(optimizer_hooks.WeightDecay(1e-3))
    for p2, g in zip(m2.params(), grads):
        p2.grad = g
    o2.update()
    assert opt.t == t + 1
    for a, p2 in zip(new_arrays, m2.params()):
        numpy.testing.assert_allclose(numpy.asarray(a), p2.array, rtol=1e-6)


def test_deprecated_hook_aliases():
    with pytest.warns(DeprecationWarning):
        h = optimizer_module.WeightDecay(0.1)
    assert isinstance(h, optimizer_hooks.WeightDecay)


def test_update_keeps_weights_a_pending_graph_holds():
    # A GAN updates the discriminator, then backpropagates the generator's
    # loss through it: the graph holds the discriminator's old weights,
    # which the update must not delete (it copies them before donating)
    import chainerjax.functions as F
    import chainerjax.links as L
    dis = L.Linear(3, 1)
    gen = L.Linear(2, 3)
    dis.to_device('@jax:cpu:0')
    gen.to_device('@jax:cpu:0')
    opt_dis = optimizers.SGD(lr=0.5)
    opt_dis.setup(dis)
    z = numpy.ones((4, 2), numpy.float32)
    y_fake = dis(gen(z))
    w_before = numpy.array(dis.W.array)
    held = dis.W.array
    F.sum(y_fake).backward()
    opt_dis.update()
    assert not numpy.allclose(numpy.asarray(dis.W.array), w_before)
    numpy.testing.assert_array_equal(numpy.asarray(held), w_before)
    gen.cleargrads()
    F.sum(-y_fake).backward()
    # the generator's gradient goes through the weights y_fake was built
    # with
    expected = -(numpy.ones((4, 1), numpy.float32) @ w_before).T @ z
    numpy.testing.assert_allclose(numpy.asarray(gen.W.grad), expected,
                                  rtol=1e-6)
