"""chainerjax.jit: a whole step compiled, state written back."""
import weakref

import jax
import numpy
import pytest

import chainerjax as chainer
import chainerjax.functions as F
import chainerjax.links as L
from chainerjax import optimizers
from chainerjax.backends import _cpu


class MLP(chainer.Chain):

    def __init__(self):
        super(MLP, self).__init__()
        with self.init_scope():
            self.l1 = L.Linear(None, 16)
            self.l2 = L.Linear(16, 5)

    def forward(self, x):
        return self.l2(F.relu(self.l1(x)))


def _data(seed=1):
    rs = numpy.random.RandomState(seed)
    x = rs.randn(8, 6).astype(numpy.float32)
    t = rs.randint(0, 5, 8).astype(numpy.int32)
    return x, t


def _train(opt_cls, use_jit, n_steps=12, device=None, **hyper):
    numpy.random.seed(0)
    model = MLP()
    if device is not None:
        model.to_device(device)
    opt = opt_cls(**hyper)
    opt.setup(model)

    def lossfun(x, t):
        return F.softmax_cross_entropy(model(x), t)

    def step(x, t):
        opt.update(lossfun, x, t)

    if use_jit:
        step = chainer.jit(step)
    x, t = _data()
    for i in range(n_steps):
        step(x, t)
        if i == 4:
            opt.hyperparam.__dict__[_lr_name(opt)] = \
                0.5 * float(getattr(opt, _lr_name(opt)))
    return model, opt, step


def _lr_name(opt):
    return 'alpha' if hasattr(opt.hyperparam, 'alpha') else 'lr'


@pytest.mark.parametrize('opt_cls', [optimizers.SGD, optimizers.MomentumSGD,
                                     optimizers.Adam])
@pytest.mark.parametrize('device', [None, '@jax:cpu:0'])
def test_jit_matches_eager(opt_cls, device):
    m1, o1, _ = _train(opt_cls, False, device=device)
    m2, o2, step = _train(opt_cls, True, device=device)
    for (n1, p1), (n2, p2) in zip(sorted(m1.namedparams()),
                                  sorted(m2.namedparams())):
        assert n1 == n2
        numpy.testing.assert_allclose(numpy.asarray(p1.array),
                                      numpy.asarray(p2.array),
                                      rtol=1e-5, atol=1e-6)
    assert int(o1.t) == int(o2.t) == 12
    # one eager warm-up, then exactly one compile: the lr change above did
    # not recompile
    assert step.compiles == 1


def test_new_shape_compiles_again_and_warns():
    numpy.random.seed(0)
    model = MLP()
    opt = optimizers.SGD()
    opt.setup(model)

    @chainer.jit
    def step(x, t):
        opt.update(lambda a, b: F.softmax_cross_entropy(model(a), b), x, t)

    x, t = _data()
    step(x, t)
    step(x, t)
    step(x, t)
    assert step.compiles == 1
    step(x[:5], t[:5])  # the last partial batch
    assert step.compiles == 2
    with pytest.warns(RuntimeWarning, match='compiled'):
        for n in range(1, 5):
            step(x[:n], t[:n])


def test_persistents_and_outputs():
    class Counter(chainer.Link):
        def __init__(self):
            super(Counter, self).__init__()
            self.add_persistent('count', numpy.zeros((), numpy.float32))
            with self.init_scope():
                self.w = chainer.Parameter(numpy.ones(3, numpy.float32))

        def forward(self, x):
            self.count = self.count + 1
            return F.sum(x * self.w)

    link = Counter()

    @chainer.jit
    def step(x):
        return link(x)

    x = numpy.arange(3, dtype=numpy.float32)
    for _ in range(4):
        y = step(x)
    assert isinstance(y, chainer.Variable)
    assert float(y.array) == 3.0
    assert float(link.count) == 4.0
    assert step.compiles == 1


def test_random_keys_differ_per_step_and_reproduce():
    from chainerjax import random as cj_random

    class Noisy(chainer.Link):
        def forward(self):
            key = cj_random.next_key()
            return jax.random.normal(key, (4,))

    def run():
        cj_random.seed(123)
        link = Noisy()
        step = chainer.jit(lambda: link())
        return [numpy.asarray(chainer.as_array(step())) for _ in range(4)]

    a = run()
    b = run()
    assert not numpy.allclose(a[1], a[2])
    assert not numpy.allclose(a[2], a[3])
    for u, v in zip(a, b):
        numpy.testing.assert_array_equal(u, v)
    cj_random.reset()


class DropoutMLP(chainer.Chain):

    def __init__(self):
        super(DropoutMLP, self).__init__()
        with self.init_scope():
            self.l1 = L.Linear(6, 32)
            self.l2 = L.Linear(32, 5)

    def forward(self, x):
        return self.l2(F.dropout(F.relu(self.l1(x)), 0.5))


@pytest.mark.parametrize('device', [None, '@jax:cpu:0'])
def test_dropout_jit_matches_eager_with_a_seed(device):
    from chainerjax import random as cj_random

    def run(use_jit):
        numpy.random.seed(0)
        model = DropoutMLP()
        if device is not None:
            model.to_device(device)
        opt = optimizers.SGD(lr=0.1)
        opt.setup(model)
        losses = []

        def step(x, t):
            loss = F.softmax_cross_entropy(model(x), t)
            model.cleargrads()
            loss.backward()
            opt.update()
            return loss

        if use_jit:
            step = chainer.jit(step)
        cj_random.seed(7)
        x, t = _data()
        for _ in range(6):
            losses.append(float(step(x, t).array))
        return losses, model, cj_random.get_state()

    try:
        l1, m1, k1 = run(False)
        l2, m2, k2 = run(True)
    finally:
        cj_random.reset()
    # dropout masks differ from step to step ...
    assert len(set(l1)) == len(l1)
    # ... and the compiled run draws the very same masks as the eager one
    numpy.testing.assert_allclose(l1, l2, rtol=1e-5)
    for (n1, p1), (n2, p2) in zip(sorted(m1.namedparams()),
                                  sorted(m2.namedparams())):
        numpy.testing.assert_allclose(numpy.asarray(p1.array),
                                      numpy.asarray(p2.array),
                                      rtol=1e-5, atol=1e-6)
    # both runs leave the global stream at the same place
    numpy.testing.assert_array_equal(jax.random.key_data(k1),
                                     jax.random.key_data(k2))


def test_untraceable_code_names_the_line():
    numpy.random.seed(0)
    model = MLP()

    @chainer.jit
    def step(x):
        y = F.sum(model(x))
        if float(y.array) > 0:  # needs a concrete value
            return y
        return -y

    x, _ = _data()
    step(x)  # eager warm-up works
    with pytest.raises(chainer.UntraceableError) as e:
        step(x)
    msg = str(e.value)
    assert 'test_jit.py' in msg
    assert 'if float(y.array) > 0' in msg
    assert 'chainer.report' in msg


# ---------------------------------------------------------------------------
# the flattened state is built once and rebuilt when the structure changes

def _setup_sgd(lr=0.1):
    numpy.random.seed(0)
    model = MLP()
    opt = optimizers.SGD(lr=lr)
    opt.setup(model)

    def lossfun(x, t):
        return F.softmax_cross_entropy(model(x), t)
    return model, opt, lossfun


def _twins(change, device=None, opt_cls=optimizers.SGD, setup=None,
           **hyper):
    """The same run eagerly and compiled, with ``change(model, opt)``
    applied between the third and the fourth step (``setup(model, opt)``
    before the first)."""
    results = []
    for use_jit in (False, True):
        numpy.random.seed(0)
        model = MLP()
        if device is not None:
            model.to_device(device)
        opt = opt_cls(**(hyper or {'lr': 0.1}))
        opt.setup(model)
        if setup is not None:
            setup(model, opt)

        def lossfun(x, t):
            return F.softmax_cross_entropy(model(x), t)

        def step(x, t):
            opt.update(lossfun, x, t)
        if use_jit:
            step = chainer.jit(step)
        x, t = _data()
        for i in range(6):
            if i == 3:
                change(model, opt)
            step(x, t)
        results.append(model)
    return results


def _assert_same_params(a, b):
    for (name, p), (_, q) in zip(sorted(a.namedparams()),
                                 sorted(b.namedparams())):
        numpy.testing.assert_allclose(numpy.asarray(p.array),
                                      numpy.asarray(q.array), rtol=1e-5,
                                      atol=1e-6, err_msg=name)


def _count_layouts(monkeypatch):
    """A list that gets an item each time a step's state layout is
    built."""
    from chainerjax import _jit
    calls = []
    original = _jit._collect_slots
    monkeypatch.setattr(_jit, '_collect_slots',
                        lambda *a: calls.append(1) or original(*a))
    return calls


def test_state_layout_is_built_once(monkeypatch):
    model, opt, lossfun = _setup_sgd()
    step = chainer.jit(lambda x, t: opt.update(lossfun, x, t))
    x, t = _data()
    step(x, t)
    step(x, t)
    calls = _count_layouts(monkeypatch)
    for _ in range(5):
        step(x, t)
    assert calls == []
    assert step.compiles == 1


def test_eager_state_updates_elsewhere_keep_the_layout(monkeypatch):
    # an eager BatchNormalization (its statistics replaced at every call)
    # or an LSTM (c and h at every timestep) running between compiled steps
    # changes no structure: the step's layout stays
    model, opt, lossfun = _setup_sgd()
    step = chainer.jit(lambda x, t: opt.update(lossfun, x, t))
    bn = L.BatchNormalization(3)
    lstm = L.LSTM(3, 2)
    x, t = _data()
    h = numpy.ones((4, 3), numpy.float32)
    lstm(h)  # c and h appear: a change (of a link the step does not use)
    step(x, t)
    step(x, t)
    calls = _count_layouts(monkeypatch)
    for _ in range(3):
        bn(h)
        lstm(h)
        step(x, t)
    assert calls == []
    # a real change is still seen
    model.l2 = L.Linear(16, 5)
    step(x, t)
    assert calls == [1]


def test_disable_update_between_compiled_steps():
    def change(model, opt):
        model.l1.disable_update()
    eager, jitted = _twins(change)
    _assert_same_params(eager, jitted)


def test_hook_added_between_compiled_steps():
    from chainerjax import optimizer_hooks

    def change(model, opt):
        opt.add_hook(optimizer_hooks.WeightDecay(0.5))
    eager, jitted = _twins(change)
    _assert_same_params(eager, jitted)


def test_rule_hyperparameter_set_between_compiled_steps():
    def change(model, opt):
        model.l2.W.update_rule.hyperparam.lr = 0.0
    eager, jitted = _twins(change)
    _assert_same_params(eager, jitted)


def test_child_link_replaced_between_compiled_steps():
    def change(model, opt):
        numpy.random.seed(3)
        new = L.Linear(16, 5)
        with model.init_scope():
            del model.l2
            model.l2 = new
        new.W.update_rule = opt.create_update_rule()
        new.b.update_rule = opt.create_update_rule()
    eager, jitted = _twins(change)
    _assert_same_params(eager, jitted)


# A call whose state is what the last call left skips the checks and
# conversions of the first call (JitStep._prepare); anything written into
# the state between calls must still be seen.

@pytest.mark.parametrize('device', ['@numpy', '@jax:cpu:0'])
def test_parameter_set_between_compiled_steps(device):
    def change(model, opt):
        model.l1.W.array = model.l1.W.array * 0.5
        model.l2.b.array = model.l2.b.array + 1
    eager, jitted = _twins(change, device, optimizers.Adam, alpha=0.01)
    _assert_same_params(eager, jitted)


def test_numpy_array_set_between_compiled_steps_is_copied():
    # a NumPy array given to a parameter that the step donates is copied
    # (eager updates write into it, as Chainer's do; a compiled step must
    # not lend its memory to XLA)
    given = []

    def change(model, opt):
        # aligned as large arrays are (XLA reads those in place)
        a = _cpu.empty(model.l1.W.shape, numpy.float32)
        a[...] = numpy.asarray(model.l1.W.array) * 0.5
        model.l1.W.array = a
        given.append((a, a.copy()))
        model.l2.b.array = jax.numpy.ones(5, numpy.float32)  # uncommitted
    eager, jitted = _twins(change, '@jax:cpu:0', optimizers.Adam,
                           alpha=0.01)
    _assert_same_params(eager, jitted)
    a, copy = given[1]  # the compiled run's
    numpy.testing.assert_array_equal(a, copy)


@pytest.mark.parametrize('device', ['@numpy', '@jax:cpu:0'])
def test_counters_set_between_compiled_steps(device):
    # Adam's step size depends on each rule's t
    def change(model, opt):
        opt.t = 1
        for param in model.params():
            param.update_rule.t = 1
    eager, jitted = _twins(change, device, optimizers.Adam, alpha=0.01)
    _assert_same_params(eager, jitted)


@pytest.mark.parametrize('device', ['@numpy', '@jax:cpu:0'])
def test_rule_state_set_between_compiled_steps(device):
    def change(model, opt):
        rule = model.l1.W.update_rule
        rule.state['m'] = rule.state['m'] * 0
    eager, jitted = _twins(change, device, optimizers.Adam, alpha=0.01)
    _assert_same_params(eager, jitted)


def test_frozen_numpy_parameter_written_in_place_between_compiled_steps():
    # the step does not change a frozen parameter: it stays the NumPy array
    # that the user writes into
    def freeze(model, opt):
        model.l1.disable_update()

    def change(model, opt):
        model.l1.W.array[...] *= 0.5
    eager, jitted = _twins(change, '@numpy', setup=freeze)
    assert type(jitted.l1.W.array) is numpy.ndarray
    # l2 learns from what l1 computes with the halved weights
    _assert_same_params(eager, jitted)


def test_steady_calls_skip_the_preparation(monkeypatch):
    from chainerjax import _jit
    model, opt, lossfun = _setup_sgd()
    model.to_device('@jax:cpu:0')
    step = chainer.jit(lambda x, t: opt.update(lossfun, x, t))
    x, t = _data()
    step(x, t)
    step(x, t)
    prepared = []
    original = _jit.JitStep._prepare
    monkeypatch.setattr(_jit.JitStep, '_prepare',
                        lambda *a: prepared.append(1) or original(*a))
    for _ in range(4):
        step(x, t)
    assert prepared == []
    opt.lr = 0.05  # a hyperparameter
    step(x, t)
    step(x, t)
    assert prepared == [1]
    model.l1.W.array = model.l1.W.array * 1  # a parameter
    step(x, t)
    assert prepared == [1, 1]
    model.l1.W.update_rule.t = 1  # a counter
    step(x, t)
    assert prepared == [1, 1, 1]
    step(x, t)
    assert prepared == [1, 1, 1]
    assert step.compiles == 1


@pytest.mark.parametrize('device', ['@numpy', '@jax:cpu:0'])
def test_one_xla_compile_for_one_signature(device):
    # The random key and '@numpy' state come back from the first compiled
    # call committed to a device: passed so from the start, the second call
    # reuses the executable instead of compiling it again unseen.
    model, opt, lossfun = _setup_sgd()
    model.to_device(device)
    step = chainer.jit(lambda x, t: opt.update(lossfun, x, t))
    x, t = _data()
    for _ in range(5):
        step(x, t)
    assert step.compiles == 1
    (entry,) = step._cache.values()
    assert entry.jitted._cache_size() == 1


def test_counters_stay_python_ints():
    model, opt, lossfun = _setup_sgd()
    step = chainer.jit(lambda x, t: opt.update(lossfun, x, t))
    x, t = _data()
    for _ in range(4):
        step(x, t)
    assert type(opt.t) is int and opt.t == 4
    assert type(model.l1.W.update_rule.t) is int
    assert model.l1.W.update_rule.t == 4
    assert type(opt.lr) is float


def test_counters_only_incremented_are_not_passed_per_call(monkeypatch):
    # SGD only counts its steps: the compiled step gets one placeholder
    # for the counters, the same array at every call (no host-to-device
    # copy per step); Adam computes with t: it gets their values
    for opt_cls, read in ((optimizers.SGD, False), (optimizers.Adam, True)):
        model, opt, lossfun = _setup_sgd()
        opt = opt_cls()
        opt.setup(model)
        step = chainer.jit(lambda x, t: opt.update(lossfun, x, t))
        x, t = _data()
        for _ in range(2):
            step(x, t)
        (entry,) = step._cache.values()
        assert entry.counters_read is read
        passed = []
        jitted = entry.jitted
        monkeypatch.setattr(entry, 'jitted',
                            lambda *a: passed.append(a[4]) or jitted(*a))
        for _ in range(3):
            step(x, t)
        if read:
            assert [list(numpy.asarray(c)) for c in passed] == \
                [[k] * len(passed[0]) for k in (2, 3, 4)]
        else:
            assert passed[0] is passed[1] is passed[2]
        assert opt.t == 5 and model.l1.W.update_rule.t == 5


@pytest.mark.parametrize('opt_cls', [optimizers.SGD, optimizers.Adam])
def test_counters_read_after_their_increment(opt_cls):
    # the incremented counters reported by the step: computed with, so
    # passed in
    def run(compiled):
        model, opt, lossfun = _setup_sgd()
        opt = opt_cls()
        opt.setup(model)

        def train(x, t):
            opt.update(lossfun, x, t)
            chainer.report({'t': opt.t + 10 * model.l1.W.update_rule.t})
        step = chainer.jit(train) if compiled else train
        x, t = _data()
        seen = []
        for _ in range(4):
            observation = {}
            with chainer.Reporter().scope(observation):
                step(x, t)
            seen.append(float(observation['t']))
        return seen
    assert run(True) == run(False) == [11., 22., 33., 44.]


def test_donated_state_keeps_its_own_buffer():
    # XLA gives a donated input's buffer to the first output of its shape
    # and dtype: parameters, Adam's moments and the gradients the step
    # writes all have the same shapes, so the outputs must come in the order
    # of the donated inputs, or a gradient takes a moment's buffer and XLA
    # copies the moments every step.
    model = MLP()
    model.to_device('@jax:cpu:0')
    opt = optimizers.Adam()
    opt.setup(model)

    def lossfun(x, t):
        return F.softmax_cross_entropy(model(x), t)

    step = chainer.jit(lambda x, t: opt.update(lossfun, x, t))
    x, t = _data()
    for _ in range(3):
        step(x, t)

    def buffers():
        out = []
        for p in model.params():
            out.append(p.array.unsafe_buffer_pointer())
            # the step clears the gradients and computes them anew: the
            # new ones go where the old ones were
            out.append(p.grad.unsafe_buffer_pointer())
            for name in ('m', 'v'):
                out.append(p.update_rule.state[name].unsafe_buffer_pointer())
        return out

    before = buffers()
    step(x, t)
    assert buffers() == before


def test_result_types_are_kept():
    # what the step returns comes back as it was: arrays as arrays,
    # Variables as Variables
    model, opt, lossfun = _setup_sgd()
    model.to_device('@jax:cpu:0')

    def step(x, t):
        loss = lossfun(x, t)
        model.cleargrads()
        loss.backward()
        opt.update()
        return loss, {'array': loss.array, 'n': 3}

    step = chainer.jit(step)
    x, t = _data()
    for _ in range(3):
        loss, extra = step(x, t)
        assert isinstance(loss, chainer.Variable)
        assert isinstance(extra['array'], (numpy.ndarray, jax.Array))
        numpy.testing.assert_allclose(numpy.asarray(extra['array']),
                                      numpy.asarray(loss.array))
    only_array = chainer.jit(lambda x, t: lossfun(x, t).array)
    for _ in range(3):
        assert isinstance(only_array(x, t), (numpy.ndarray, jax.Array))


def test_eager_graph_across_a_compiled_step_names_the_cause():
    # a compiled step donates the parameters it updates: an eager graph
    # built before it cannot backpropagate through them afterwards
    model, opt, lossfun = _setup_sgd()
    model.to_device('@jax:cpu:0')
    step = chainer.jit(lambda x, t: opt.update(lossfun, x, t))
    x, t = _data()
    for _ in range(3):
        step(x, t)
    hidden = chainer.Variable(numpy.ones((2, 16), numpy.float32))
    y = F.sum(model.l2(hidden))
    step(x, t)
    with pytest.raises(RuntimeError, match='compiled step'):
        y.backward()


def test_step_without_randomness_leaves_the_stream_alone():
    # a step that draws no random numbers is compiled without a key: the
    # global stream stays where it was, as after the same eager code
    from chainerjax import _random
    from chainerjax import random as cj_random
    model, opt, lossfun = _setup_sgd()
    step = chainer.jit(lambda x, t: opt.update(lossfun, x, t))
    x, t = _data()
    cj_random.seed(3)
    try:
        before = _random.get_state()
        for _ in range(4):
            step(x, t)
        assert _random.get_state() is before
        assert list(step._cache.values())[0].uses_key is False
    finally:
        cj_random.reset()


def test_step_that_starts_drawing_random_numbers_says_so():
    # Python state the trace read (a plain flag) switches dropout on; a
    # retrace for a new batch size then needs the key the step was compiled
    # without
    class Flag(object):
        on = False

    flag = Flag()
    model, opt, lossfun = _setup_sgd()

    def step(x, t):
        h = model(x)
        if flag.on:
            h = F.dropout(h, 0.5)
        loss = F.softmax_cross_entropy(h, t)
        model.cleargrads()
        loss.backward()
        opt.update()

    step = chainer.jit(step)
    x, t = _data()
    for _ in range(3):
        step(x, t)
    flag.on = True
    with pytest.raises(chainer.UntraceableError,
                       match='draws random numbers'):
        step(x[:4], t[:4])


@pytest.mark.parametrize('device', [None, '@jax:cpu:0'])
def test_gradient_variables_after_compiled_steps(device):
    # the step writes each gradient into the Parameter's gradient Variable
    # when nothing else holds it, and into a new one when the user kept it
    model, opt, lossfun = _setup_sgd()
    if device is not None:
        model.to_device(device)
    step = chainer.jit(lambda x, t: opt.update(lossfun, x, t))
    x, t = _data()
    x2, t2 = _data(seed=2)
    for _ in range(3):
        step(x, t)
    W = model.l1.W
    kept = W.grad_var
    if device is None:
        kept_value = numpy.array(kept.array)
    step(x2, t2)
    assert W.grad_var is not kept
    if device is None:
        # not donated on '@numpy': the kept Variable keeps its values
        numpy.testing.assert_array_equal(kept.array, kept_value)
    del kept
    eager = MLP()
    eager.copyparams(model)
    eager.cleargrads()
    F.softmax_cross_entropy(eager(x), t).backward()
    step(x, t)
    step_grad = numpy.asarray(W.grad)
    # the gradient of the step's last batch, from the parameters before it
    numpy.testing.assert_allclose(step_grad,
                                  numpy.asarray(eager.l1.W.grad),
                                  rtol=1e-5, atol=1e-6)
    same = weakref.ref(W.grad_var)
    step(x2, t2)
    assert W.grad_var is same()
    assert W.grad_var.requires_grad
    assert not numpy.allclose(numpy.asarray(W.grad), step_grad)
