"""When a jitted step compiles (chainerjax only; the numerics of these
situations against Chainer are in test_programs.py): once per distinct
input signature, never for a changed hyperparameter, and a warning naming
what changed once a step has compiled more than a few times."""
import warnings

import numpy
import pytest

import chainerjax
import chainerjax.functions as F
import chainerjax.links as L
from chainerjax import optimizer_hooks
from chainerjax import optimizers
from compat_tests.jit import _programs


def _model(seed=0):
    model = L.Linear(4, 3)
    _programs.init_params(model, seed)
    return model


def _batch(n, seed=1):
    rs = numpy.random.RandomState(seed)
    return (rs.uniform(-1, 1, (n, 4)).astype(numpy.float32),
            rs.randint(0, 3, n).astype(numpy.int32))


def _recompile_warnings(record):
    return [str(w.message) for w in record
            if issubclass(w.category, RuntimeWarning)
            and 'has been compiled' in str(w.message)]


def test_one_compile_per_input_signature():
    model = _model()
    opt = optimizers.SGD(lr=0.1)
    opt.setup(model)

    @chainerjax.jit
    def step(x, t):
        loss = F.softmax_cross_entropy(model(x), t)
        model.cleargrads()
        loss.backward()
        opt.update()
        return loss

    for _ in range(3):
        step(*_batch(8))          # the first call runs eagerly
    assert step.compiles == 1
    step(*_batch(5))              # the last, partial batch
    assert step.compiles == 2
    step(*_batch(8))
    step(*_batch(5))
    assert step.compiles == 2     # both versions are kept
    assert step.calls == 6


def test_repeated_recompiles_warn_once_naming_the_shapes():
    model = _model()

    @chainerjax.jit
    def step(x):
        return F.sum(model(x))

    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter('always')
        for n in (1, 1, 2, 3, 4):       # eager, then 4 compiles
            step(_batch(n)[0])
        assert step.compiles == 4
        assert _recompile_warnings(record) == []
        step(_batch(5)[0])
        assert step.compiles == 5
        messages = _recompile_warnings(record)
        assert len(messages) == 1
        # it names what changed: the shapes of the last two versions
        assert 'compiled 5 times' in messages[0]
        assert 'input shapes/dtypes' in messages[0]
        assert '(4, 4)' in messages[0] and '(5, 4)' in messages[0]
        step(_batch(6)[0])
        assert step.compiles == 6
        assert len(_recompile_warnings(record)) == 1   # once


def test_new_non_array_argument_compiles_and_is_named():
    model = _model()

    @chainerjax.jit
    def step(x, scale):
        return F.sum(model(x)) * scale

    x, _ = _batch(2)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter('always')
        for scale in (1.0, 1.0, 2.0, 3.0, 4.0, 5.0):
            y = step(x, scale)
        assert step.compiles == 5
        messages = _recompile_warnings(record)
    assert len(messages) == 1
    assert 'non-array arguments' in messages[0]
    assert '5.0' in messages[0]
    numpy.testing.assert_allclose(
        y.array, 5.0 * numpy.sum(model(x).array), rtol=1e-6)


def _train(opt_factory, use_jit, change, n_steps=5, hooks=()):
    model = _model()
    opt = opt_factory()
    opt.setup(model)
    for hook in hooks:
        opt.add_hook(hook)

    def step(x, t):
        opt.update(lambda a, b: F.softmax_cross_entropy(model(a), b), x, t)

    if use_jit:
        step = chainerjax.jit(step)
    x, t = _batch(6)
    for i in range(n_steps):
        if i == 2:
            change(opt)
        step(x, t)
    return model, step


def _set(attr, factor):
    def change(opt):
        setattr(opt, attr, factor * float(getattr(opt, attr)))
    return change


@pytest.mark.parametrize('opt_factory, attr, factor', [
    (lambda: optimizers.SGD(lr=0.1), 'lr', 0.0),
    (lambda: optimizers.MomentumSGD(lr=0.1), 'momentum', 0.5),
    (lambda: optimizers.Adam(alpha=0.01), 'alpha', 10.0),
    (lambda: optimizers.Adam(alpha=0.01), 'beta1', 0.5),
])
def test_hyperparameter_change_takes_effect_without_recompile(
        opt_factory, attr, factor):
    change = _set(attr, factor)
    m_e, _ = _train(opt_factory, False, change)
    m_j, step = _train(opt_factory, True, change)
    m_0, _ = _train(opt_factory, False, lambda opt: None)
    for name in ('W', 'b'):
        actual = numpy.asarray(getattr(m_j, name).array)
        numpy.testing.assert_allclose(
            actual, getattr(m_e, name).array, rtol=1e-5, atol=1e-7)
    # the change mattered
    assert not numpy.allclose(m_j.W.array, m_0.W.array, rtol=1e-4)
    assert step.compiles == 1


@pytest.mark.parametrize('hook_cls, attr, before, after', [
    (optimizer_hooks.WeightDecay, 'rate', 0.0, 0.5),
    (optimizer_hooks.GradientClipping, 'threshold', 100.0, 1e-3),
])
def test_hook_hyperparameter_change_takes_effect(hook_cls, attr, before,
                                                 after):
    def run(use_jit):
        hook = hook_cls(before)
        return _train(lambda: optimizers.SGD(lr=0.1), use_jit,
                      lambda opt: setattr(hook, attr, after),
                      hooks=[hook])[0]

    m_e, m_j = run(False), run(True)
    numpy.testing.assert_allclose(numpy.asarray(m_j.W.array),
                                  m_e.W.array, rtol=1e-5, atol=1e-7)
