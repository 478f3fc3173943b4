"""Each built-in optimizer: defaults, steps against NumPy formulas,
per-parameter hyperparameters, ``enabled``, no recompilation on a new
learning rate."""
import math

import numpy
import pytest

from chainerjax import optimizer as optimizer_module
from chainerjax import optimizers
from tests.optimizers_tests import _util

# Chainer 7.8.1's defaults (its optimizer signatures).
DEFAULTS = {
    'SGD': {'lr': 0.01},
    'MomentumSGD': {'lr': 0.01, 'momentum': 0.9},
    'NesterovAG': {'lr': 0.01, 'momentum': 0.9},
    'CorrectedMomentumSGD': {'lr': 0.01, 'momentum': 0.9},
    'AdaGrad': {'lr': 0.001, 'eps': 1e-8},
    'AdaDelta': {'rho': 0.95, 'eps': 1e-6},
    'Adam': {'alpha': 0.001, 'beta1': 0.9, 'beta2': 0.999, 'eps': 1e-8,
             'eta': 1.0, 'weight_decay_rate': 0, 'amsgrad': False,
             'adabound': False, 'final_lr': 0.1, 'gamma': 1e-3},
    'AdamW': {'alpha': 0.001, 'weight_decay_rate': 0, 'amsgrad': False},
    'AMSGrad': {'amsgrad': True, 'adabound': False},
    'AdaBound': {'amsgrad': False, 'adabound': True, 'final_lr': 0.1,
                 'gamma': 1e-3},
    'AMSBound': {'amsgrad': True, 'adabound': True},
    'RMSprop': {'lr': 0.01, 'alpha': 0.99, 'eps': 1e-8,
                'eps_inside_sqrt': False},
    'RMSpropGraves': {'lr': 1e-4, 'alpha': 0.95, 'momentum': 0.9,
                      'eps': 1e-4},
    'SMORMS3': {'lr': 0.001, 'eps': 1e-16},
    'MSVAG': {'lr': 0.1, 'beta': 0.9, 'eta': 1.0, 'weight_decay_rate': 0},
}


@pytest.mark.parametrize('name', sorted(DEFAULTS))
def test_defaults(name):
    opt = getattr(optimizers, name)()
    for k, v in DEFAULTS[name].items():
        assert getattr(opt, k) == v, k
        assert getattr(opt.hyperparam, k) == v, k


# ----- NumPy references (float64, the formulas of Chainer's docs) --------

def ref_sgd(hp, p, g, s, t):
    return p - hp['lr'] * g


def ref_momentum(hp, p, g, s, t):
    s['v'] = hp['momentum'] * s.get('v', 0) - hp['lr'] * g
    return p + s['v']


def ref_nesterov(hp, p, g, s, t):
    mu, lr = hp['momentum'], hp['lr']
    s['v'] = mu * s.get('v', 0) - lr * g
    return p + mu * mu * s['v'] - (1 + mu) * lr * g


def ref_corrected(hp, p, g, s, t):
    s['v'] = hp['momentum'] * s.get('v', 0) - g
    return p + hp['lr'] * s['v']


def ref_adagrad(hp, p, g, s, t):
    s['h'] = s.get('h', 0) + g * g
    return p - hp['lr'] * g / (numpy.sqrt(s['h']) + hp['eps'])


def ref_adadelta(hp, p, g, s, t):
    rho, eps = hp['rho'], hp['eps']
    s['msg'] = rho * s.get('msg', 0) + (1 - rho) * g * g
    dx = numpy.sqrt((s.get('msdx', 0) + eps) / (s['msg'] + eps)) * g
    s['msdx'] = rho * s.get('msdx', 0) + (1 - rho) * dx * dx
    return p - dx


def ref_adam(hp, p, g, s, t):
    b1, b2 = hp['beta1'], hp['beta2']
    s['m'] = s.get('m', 0) + (1 - b1) * (g - s.get('m', 0))
    s['v'] = s.get('v', 0) + (1 - b2) * (g * g - s.get('v', 0))
    vhat = s['v']
    if hp.get('amsgrad'):
        s['vhat'] = numpy.maximum(s.get('vhat', 0), s['v'])
        vhat = s['vhat']
    alpha_t = hp['alpha'] * math.sqrt(1 - b2 ** t) / (1 - b1 ** t)
    step = alpha_t / (numpy.sqrt(vhat) + hp['eps'])
    if hp.get('adabound'):
        final_lr = hp['final_lr']
        lower = final_lr * (1 - 1 / (hp['gamma'] * t + 1))
        upper = final_lr * (1 + 1 / (hp['gamma'] * t))
        step = numpy.clip(step, lower, upper)
    return p - hp['eta'] * (step * s['m'] + hp['weight_decay_rate'] * p)


def ref_rmsprop(hp, p, g, s, t):
    s['ms'] = hp['alpha'] * s.get('ms', 0) + (1 - hp['alpha']) * g * g
    if hp['eps_inside_sqrt']:
        denom = numpy.sqrt(s['ms'] + hp['eps'])
    else:
        denom = numpy.sqrt(s['ms']) + hp['eps']
    return p - hp['lr'] * g / denom


def ref_graves(hp, p, g, s, t):
    a = hp['alpha']
    s['n'] = a * s.get('n', 0) + (1 - a) * g * g
    s['g'] = a * s.get('g', 0) + (1 - a) * g
    s['delta'] = hp['momentum'] * s.get('delta', 0) - hp['lr'] * g / \
        numpy.sqrt(s['n'] - s['g'] ** 2 + hp['eps'])
    return p + s['delta']


def ref_smorms3(hp, p, g, s, t):
    mem = s.get('mem', 1)
    r = 1 / (mem + 1)
    s['g'] = (1 - r) * s.get('g', 0) + r * g
    s['g2'] = (1 - r) * s.get('g2', 0) + r * g * g
    x = s['g'] ** 2 / (s['g2'] + hp['eps'])
    s['mem'] = 1 + mem * (1 - x)
    return p - g * numpy.minimum(x, hp['lr']) / (
        numpy.sqrt(s['g2']) + hp['eps'])


def ref_msvag(hp, p, g, s, t):
    beta = hp['beta']
    bp = beta ** t
    rho = min((1 - beta) ** 2 * (1 - bp ** 2)
              / ((1 - bp) ** 2 * (1 - beta ** 2)), 0.9999)
    s['m'] = s.get('m', 0) + (1 - beta) * (g - s.get('m', 0))
    s['v'] = s.get('v', 0) + (1 - beta) * (g * g - s.get('v', 0))
    mt = s['m'] / (1 - bp)
    vt = s['v'] / (1 - bp)
    var = (vt - mt ** 2) / (1 - rho)
    with numpy.errstate(invalid='ignore', divide='ignore'):
        factor = numpy.clip(mt ** 2 / (mt ** 2 + rho * var), 0, 1)
    factor[numpy.isnan(factor)] = 0
    return p - hp['eta'] * (hp['lr'] * mt * factor
                            + hp['weight_decay_rate'] * p)


CASES = [
    ('SGD', {'lr': 0.1}, ref_sgd),
    ('MomentumSGD', {'lr': 0.1, 'momentum': 0.8}, ref_momentum),
    ('NesterovAG', {'lr': 0.1, 'momentum': 0.8}, ref_nesterov),
    ('CorrectedMomentumSGD', {'lr': 0.1, 'momentum': 0.8}, ref_corrected),
    ('AdaGrad', {'lr': 0.1}, ref_adagrad),
    ('AdaDelta', {}, ref_adadelta),
    ('Adam', {'alpha': 0.05}, ref_adam),
    ('Adam', {'alpha': 0.05, 'amsgrad': True}, ref_adam),
    ('Adam', {'alpha': 0.05, 'adabound': True}, ref_adam),
    ('Adam', {'alpha': 0.05, 'amsgrad': True, 'adabound': True}, ref_adam),
    ('Adam', {'alpha': 0.05, 'eta': 0.5, 'weight_decay_rate': 0.1},
     ref_adam),
    ('RMSprop', {'lr': 0.1}, ref_rmsprop),
    ('RMSprop', {'lr': 0.1, 'eps_inside_sqrt': True}, ref_rmsprop),
    ('RMSpropGraves', {'lr': 0.1}, ref_graves),
    ('SMORMS3', {'lr': 0.1}, ref_smorms3),
    ('MSVAG', {'lr': 0.1, 'beta': 0.5, 'weight_decay_rate': 0.01},
     ref_msvag),
]
TOL = {numpy.float16: (5e-3, 5e-3), numpy.float32: (1e-5, 1e-6),
       numpy.float64: (1e-12, 1e-14)}


@pytest.mark.parametrize('name,kw,ref', CASES,
                         ids=['%s-%s' % (c[0], sorted(c[1])) for c in CASES])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('device', ['@numpy', '@jax:cpu:0'])
def test_steps_match_formula(name, kw, ref, dtype, device):
    if dtype == numpy.float16 and name in ('SMORMS3', 'MSVAG', 'AdaDelta',
                                           'RMSpropGraves', 'RMSprop'):
        pytest.skip('eps/variance underflow in float16 (RMSprop raises, '
                    'see test_eps_too_small_for_float16)')
    opt = getattr(optimizers, name)(**kw)
    hp = dict(DEFAULTS['Adam'] if name == 'Adam' else DEFAULTS[name])
    hp.update(kw)
    model = _util.make(dtype, device=device)
    opt.setup(model)
    expected = {n: a.astype(numpy.float64)
                for n, a in _util.arrays(model).items()}
    states = {n: {} for n in expected}
    for step in (1, 2, 3):
        grads = _util.set_grads(model, seed=step)
        opt.update()
        for n in expected:
            expected[n] = ref(hp, expected[n],
                              grads[n].astype(numpy.float64), states[n],
                              step)
        got = _util.arrays(model)
        rtol, atol = TOL[dtype]
        for n in expected:
            assert got[n].dtype == dtype
            numpy.testing.assert_allclose(got[n], expected[n], rtol=rtol,
                                          atol=atol, err_msg=n)
    assert opt.t == 3
    for _, p in model.namedparams():
        assert p.update_rule.t == 3
        for k, v in (p.update_rule.state or {}).items():
            assert v.dtype == dtype
            if device == '@numpy':
                assert isinstance(v, numpy.ndarray)
            else:
                assert not isinstance(v, numpy.ndarray)


@pytest.mark.parametrize('name', sorted(DEFAULTS))
def test_numpy_params_updated_in_place(name):
    model = _util.make()
    W = model.a.W.array
    assert W.flags.writeable
    opt = getattr(optimizers, name)().setup(model)
    for seed in (1, 2):
        before = W.copy()
        _util.set_grads(model, seed)
        opt.update()
        assert model.a.W.array is W
        assert not numpy.array_equal(W, before)
    assert isinstance(model.a.W.array, numpy.ndarray)


def _in_xla_memory(model):
    """``model`` with each parameter's memory moved into an XLA buffer, as
    links' own parameters are on '@numpy'."""
    from chainerjax.backends import _cpu
    for p in model.params():
        p.array = _cpu.xla_backed(p.array)
        assert _cpu.xla_memory(p.array) is not None
    return model


@pytest.mark.parametrize('name', sorted(DEFAULTS))
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_numpy_params_in_xla_memory_updated_in_place(name, dtype,
                                                     monkeypatch):
    # the same update as on NumPy-owned arrays, written into the same memory
    # (also for SGD, which updates small models with NumPy)
    from chainerjax.backends import _cpu
    monkeypatch.setattr(optimizer_module, '_NUMPY_UPDATE_SIZE', 0)
    backed = _in_xla_memory(_util.make(dtype))
    plain = _util.make(dtype)
    # RMSprop refuses its default eps in float16 (test_eps_too_small...)
    kwargs = {'eps': 1e-3} if (name, dtype) == ('RMSprop',
                                                numpy.float16) else {}
    opts = [getattr(optimizers, name)(**kwargs).setup(m)
            for m in (backed, plain)]
    arrays = {n: p.array for n, p in backed.namedparams()}
    addresses = {n: a.ctypes.data for n, a in arrays.items()}
    for seed in (1, 2, 3):
        for m in (backed, plain):
            _util.set_grads(m, seed)
        buffers = {n: _cpu.xla_memory(a).buffer for n, a in arrays.items()}
        for opt in opts:
            opt.update()
        for n, p in backed.namedparams():
            assert p.array is arrays[n]
            assert p.array.ctypes.data == addresses[n]
            memory = _cpu.xla_memory(p.array)
            assert memory is not None
            assert memory.buffer is not buffers[n]  # XLA wrote it in place
        expected = _util.arrays(plain)
        rtol, atol = TOL[dtype]
        for n, a in _util.arrays(backed).items():
            assert a.dtype == dtype
            numpy.testing.assert_allclose(a, expected[n], rtol=rtol,
                                          atol=atol, err_msg=n)


def _no_kernel(*args):
    raise AssertionError('the update ran a compiled kernel')


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_sgd_on_numpy_runs_numpy_in_place(dtype, monkeypatch):
    # Chainer's update_core_cpu: param -= lr * grad, lr in the param dtype
    model = _util.make(dtype)
    W = model.a.W.array
    opt = optimizers.SGD(lr=0.3).setup(model)
    monkeypatch.setattr(optimizer_module, '_group_update', _no_kernel)
    for seed, lr in ((1, 0.3), (2, 0.1)):
        opt.lr = lr  # as an extension would: takes effect at once
        before = _util.arrays(model)
        grads = _util.set_grads(model, seed)
        opt.update()
        assert model.a.W.array is W
        for n, a in _util.arrays(model).items():
            assert a.dtype == dtype
            numpy.testing.assert_array_equal(
                a, before[n] - dtype(lr) * grads[n])
    assert opt.t == 2 and model.b.update_rule.t == 2


def test_sgd_with_loss_scale_on_numpy_runs_compiled():
    model = _util.make()
    opt = optimizers.SGD(lr=0.5).setup(model)
    model.b._loss_scale = 4.0
    before = _util.arrays(model)
    grads = _util.set_grads(model)
    opt.update()
    after = _util.arrays(model)
    numpy.testing.assert_allclose(
        after['/b'], before['/b'] - 0.5 * grads['/b'] / 4, rtol=1e-6)
    numpy.testing.assert_allclose(
        after['/a/W'], before['/a/W'] - 0.5 * grads['/a/W'], rtol=1e-6)


def test_subclass_with_its_own_pure_update_is_not_run_in_place():
    class DoubleStep(optimizers.sgd.SGDRule):
        @staticmethod
        def _update_pure(hp, static, param, grad, state):
            return param - 2 * hp['lr'].astype(param.dtype) * grad, {}

    class DoubleSGD(optimizers.SGD):
        def create_update_rule(self):
            return DoubleStep(self.hyperparam)

    model = _util.make()
    opt = DoubleSGD(lr=0.25).setup(model)
    before = _util.arrays(model)
    grads = _util.set_grads(model)
    opt.update()
    for n, a in _util.arrays(model).items():
        numpy.testing.assert_allclose(a, before[n] - 0.5 * grads[n],
                                      rtol=1e-6)


def test_per_parameter_hyperparam_and_enabled():
    model = _util.make()
    opt = optimizers.SGD(lr=0.1).setup(model)
    model.a.W.update_rule.hyperparam.lr = 0.5
    model.b.update_rule.enabled = False
    before = _util.arrays(model)
    grads = _util.set_grads(model)
    opt.update()
    after = _util.arrays(model)
    numpy.testing.assert_allclose(
        after['/a/W'], before['/a/W'] - numpy.float32(0.5) * grads['/a/W'],
        rtol=1e-6)
    numpy.testing.assert_array_equal(after['/b'], before['/b'])
    assert model.b.update_rule.t == 0
    assert model.a.W.update_rule.t == 1
    # the child falls back to the optimizer for unset values
    assert model.b.update_rule.hyperparam.lr == 0.1
    opt.lr = 0.2
    assert model.b.update_rule.hyperparam.lr == 0.2
    assert model.a.W.update_rule.hyperparam.lr == 0.5


@pytest.mark.parametrize('name,attr', [('SGD', 'lr'), ('Adam', 'alpha'),
                                       ('MomentumSGD', 'momentum'),
                                       ('RMSprop', 'lr')])
def test_changing_hyperparameter_does_not_recompile(name, attr):
    model = _util.make()
    opt = getattr(optimizers, name)().setup(model)
    _util.set_grads(model)
    opt.update()
    n = optimizer_module._update_compiles
    for i in range(4):
        setattr(opt, attr, getattr(opt, attr) * 0.5)
        model.b.update_rule.hyperparam.__dict__[attr] = 0.001 * (i + 1)
        _util.set_grads(model, i + 2)
        opt.update()
    assert optimizer_module._update_compiles == n


def test_adam_alpha_t_and_bounds():
    opt = optimizers.AdaBound(alpha=0.01)
    model = _util.make()
    opt.setup(model)
    with pytest.raises(RuntimeError):
        opt.alpha_t
    _util.set_grads(model)
    opt.update()
    assert opt.alpha_t == pytest.approx(
        0.01 * math.sqrt(1 - 0.999) / (1 - 0.9))
    rule = model.b.update_rule
    assert rule.alpha_t == opt.alpha_t
    lower, upper = rule.bounds
    assert lower == pytest.approx(0.1 * (1 - 1 / (1e-3 + 1)))
    assert upper == pytest.approx(0.1 * (1 + 1 / 1e-3))
    with pytest.warns(DeprecationWarning):
        opt.lr


def test_eps_too_small_for_float16():
    model = _util.make(numpy.float16)
    opt = optimizers.RMSprop(eps=1e-10).setup(model)
    _util.set_grads(model)
    with pytest.raises(ValueError):
        opt.update()


def test_use_fp32_update_keeps_float32_master():
    model = _util.make(numpy.float16)
    opt = optimizers.SGD(lr=1e-4)
    opt.use_fp32_update()
    opt.setup(model)
    w16 = model.a.W.array.copy()
    master = w16.astype(numpy.float32)
    for seed in range(1, 4):
        grads = _util.set_grads(model, seed)
        opt.update()
        master = master - numpy.float32(1e-4) * grads['/a/W'].astype(
            numpy.float32)
    rule = model.a.W.update_rule
    assert rule._fp32_param.dtype == numpy.float32
    numpy.testing.assert_allclose(rule._fp32_param.array, master,
                                  rtol=1e-6)
    assert model.a.W.dtype == numpy.float16
    numpy.testing.assert_array_equal(model.a.W.array,
                                     master.astype(numpy.float16))
    # without the master copy the tiny steps are lost in float16
    model2 = _util.make(numpy.float16)
    opt2 = optimizers.SGD(lr=1e-4).setup(model2)
    for seed in range(1, 4):
        _util.set_grads(model2, seed)
        opt2.update()
    assert not numpy.array_equal(model2.a.W.array, model.a.W.array)


def test_adam_float16_moments_stored_in_float16():
    model = _util.make(numpy.float16)
    opt = optimizers.Adam().setup(model)
    _util.set_grads(model)
    opt.update()
    assert model.a.W.update_rule.state['m'].dtype == numpy.float16
