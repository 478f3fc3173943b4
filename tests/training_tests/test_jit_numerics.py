"""Issue 7 item 3: a jitted run and an eager run of the same training
script, from the same weights and seed, give the same losses, reported
values, parameters and BatchNormalization statistics, for the MLP, the
CNN with BatchNormalization, SqueezeNet and the PTB LSTM language model
with truncated BPTT (dropout included: same key stream)."""
import numpy
import pytest

import chainerjax as chainer
import chainerjax.functions as F
import chainerjax.links as L
from chainerjax import iterators
from chainerjax import optimizer_hooks
from chainerjax import optimizers
from chainerjax import random as cj_random
from chainerjax import training
from chainerjax.training import extensions
from tests.training_tests import _jit_models

RTOL = 1e-5
ATOL = 1e-6
SEED = 11


@pytest.fixture(autouse=True)
def _reset_random():
    yield
    cj_random.reset()


def _close(actual, expected, rtol=RTOL, atol=ATOL, msg=''):
    numpy.testing.assert_allclose(
        numpy.asarray(chainer.as_array(actual), dtype=numpy.float64),
        numpy.asarray(chainer.as_array(expected), dtype=numpy.float64),
        rtol=rtol, atol=atol, err_msg=msg)


def _images(n, shape, n_out, seed):
    rs = numpy.random.RandomState(seed)
    x = rs.randn(n, *shape).astype(numpy.float32)
    t = rs.randint(0, n_out, n).astype(numpy.int32)
    return chainer.datasets.TupleDataset(x, t)


def _train(predictor_cls, shape, n_out, jit, out, n_iter=4, batch=4,
           evaluate=True):
    """The Chainer script: Classifier, MomentumSGD, StandardUpdater,
    Trainer with Evaluator and LogReport."""
    numpy.random.seed(0)
    model = L.Classifier(predictor_cls(n_out=n_out))
    optimizer = optimizers.MomentumSGD(lr=0.05)
    optimizer.setup(model)
    train = _images(batch * n_iter, shape, n_out, seed=1)
    train_iter = iterators.SerialIterator(train, batch, shuffle=False)
    updater = training.updaters.StandardUpdater(
        train_iter, optimizer, jit=jit)
    trainer = training.Trainer(updater, (n_iter, 'iteration'), out=out)
    evaluator = None
    if evaluate:
        test_iter = iterators.SerialIterator(
            _images(2 * batch, shape, n_out, seed=2), batch, repeat=False,
            shuffle=False)
        evaluator = extensions.Evaluator(test_iter, model, jit=jit)
        trainer.extend(evaluator, trigger=(2, 'iteration'))
    trainer.extend(extensions.LogReport(trigger=(1, 'iteration'),
                                        log_name=None))
    cj_random.seed(SEED)
    trainer.run()
    log = trainer.get_extension('LogReport').log
    return model, optimizer, log, updater, evaluator


def _check_same_run(eager, jitted, keys):
    m_e, o_e, log_e, _, _ = eager
    m_j, o_j, log_j, _, _ = jitted
    assert len(log_e) == len(log_j)
    for i, (a, b) in enumerate(zip(log_e, log_j)):
        for key in keys(i):
            assert key in a and key in b, key
            _close(b[key], a[key], msg='iteration %d %s' % (i + 1, key))
    # the losses are those of different batches and dropout masks
    losses = [entry['main/loss'] for entry in log_e]
    assert len(set(losses)) == len(losses)
    params_e = sorted(m_e.namedparams())
    params_j = sorted(m_j.namedparams())
    assert [n for n, _ in params_e] == [n for n, _ in params_j]
    for (name, p_e), (_, p_j) in zip(params_e, params_j):
        _close(p_j.array, p_e.array, msg=name)
        _close(p_j.update_rule.state['v'], p_e.update_rule.state['v'],
               msg=name + '/v')
    assert int(o_e.t) == int(o_j.t) == len(log_e)


def _check_one_compile(updater, evaluator):
    # the first call runs eagerly, then exactly one compile per input
    # signature (the batches all have one shape)
    assert updater._compiled_step.step.compiles == 1
    if evaluator is not None:
        assert evaluator._compiled_eval.step.compiles == 1


def _train_keys(i):
    keys = ['main/loss', 'main/accuracy']
    if (i + 1) % 2 == 0:
        keys += ['validation/main/loss', 'validation/main/accuracy']
    return keys


def test_mlp(tmp_path):
    def run(jit):
        return _train(_jit_models.MLP, (16,), 3, jit,
                      str(tmp_path / str(jit)), batch=8)
    eager, jitted = run(False), run(True)
    _check_same_run(eager, jitted, _train_keys)
    _check_one_compile(*jitted[3:])


def test_cnn_with_batch_normalization(tmp_path):
    def run(jit):
        return _train(_jit_models.CNN, (3, 32, 32), 4, jit,
                      str(tmp_path / str(jit)), batch=2, evaluate=False)
    eager, jitted = run(False), run(True)
    _check_same_run(eager, jitted, lambda i: ['main/loss', 'main/accuracy'])
    bn_e, bn_j = eager[0].predictor.bn1, jitted[0].predictor.bn1
    _close(bn_j.avg_mean, bn_e.avg_mean, msg='avg_mean')
    _close(bn_j.avg_var, bn_e.avg_var, msg='avg_var')
    assert int(bn_j.N) == int(bn_e.N)
    # the statistics moved away from their initial values
    assert not numpy.allclose(chainer.as_array(bn_e.avg_mean), 0)
    assert not numpy.allclose(chainer.as_array(bn_e.avg_var), 1)
    _check_one_compile(*jitted[3:])


def test_batch_normalization_finetune():
    # N counts the batches of fine-tuning; the decay 1 - 1/N is traced
    def run(use_jit):
        bn = L.BatchNormalization(8)

        def step(x):
            return bn(x, finetune=True)

        if use_jit:
            step = chainer.jit(step)
        rs = numpy.random.RandomState(5)
        for _ in range(4):
            step(rs.randn(2, 8, 15, 15).astype(numpy.float32))
        return bn, step

    bn_e, _ = run(False)
    bn_j, step = run(True)
    assert int(bn_j.N) == int(bn_e.N) == 4
    _close(bn_j.avg_mean, bn_e.avg_mean)
    _close(bn_j.avg_var, bn_e.avg_var)
    assert step.compiles == 1


def test_squeezenet(tmp_path):
    def run(jit):
        return _train(_jit_models.SqueezeNet, (3, 32, 32), 4, jit,
                      str(tmp_path / str(jit)), batch=2, evaluate=False)
    eager, jitted = run(False), run(True)
    _check_same_run(eager, jitted, lambda i: ['main/loss', 'main/accuracy'])
    _check_one_compile(*jitted[3:])


# ---------------------------------------------------------------------------
# the PTB example: LSTM language model, truncated BPTT custom updater

N_VOCAB = 10


def _train_ptb(jit, out, n_iter=4, bprop_len=3, batch=4):
    numpy.random.seed(0)
    words = numpy.random.RandomState(3).randint(
        0, N_VOCAB, 40).astype(numpy.int32)
    rnn = _jit_models.RNNForLM(N_VOCAB, 8)
    model = L.Classifier(rnn)
    model.compute_accuracy = False
    optimizer = optimizers.SGD(lr=1.0)
    optimizer.setup(model)
    optimizer.add_hook(optimizer_hooks.GradientClipping(5.0))
    train_iter = _jit_models.ParallelSequentialIterator(words, batch)
    updater = _jit_models.BPTTUpdater(train_iter, optimizer, bprop_len,
                                      jit=jit)
    trainer = training.Trainer(updater, (n_iter, 'iteration'), out=out)
    trainer.extend(extensions.LogReport(trigger=(1, 'iteration'),
                                        log_name=None))
    cj_random.seed(SEED)
    trainer.run()
    log = trainer.get_extension('LogReport').log
    return model, optimizer, log, updater


def test_ptb_lstm_truncated_bptt(tmp_path):
    m_e, o_e, log_e, up_e = _train_ptb(False, str(tmp_path / 'e'))
    m_j, o_j, log_j, up_j = _train_ptb(True, str(tmp_path / 'j'))
    assert len(log_e) == len(log_j) == 4
    for i, (a, b) in enumerate(zip(log_e, log_j)):
        _close(b['main/loss'], a['main/loss'], msg='iteration %d' % i)
    losses = [entry['main/loss'] for entry in log_e]
    assert len(set(losses)) == len(losses)
    for (name, p_e), (_, p_j) in zip(sorted(m_e.namedparams()),
                                     sorted(m_j.namedparams())):
        _close(p_j.array, p_e.array, msg=name)
    # the LSTM state carried from one update to the next
    for name in ('c', 'h'):
        s_e = getattr(m_e.predictor.l1, name)
        s_j = getattr(m_j.predictor.l1, name)
        assert isinstance(s_j, chainer.Variable)
        assert s_j.creator is None
        _close(s_j.array, s_e.array, msg=name)
    assert isinstance(m_j.loss, chainer.Variable)
    _close(m_j.loss.array, m_e.loss.array)
    # both runs read the same words and leave the stream at one place
    assert up_e.get_iterator('main').iteration == \
        up_j.get_iterator('main').iteration == 12
    assert int(o_j.t) == int(o_e.t) == 4
    # the overridden update_core ran eagerly once (recording how it uses
    # the iterator and the converter), once more eagerly on data read
    # beforehand, then compiled once
    assert up_e._compiled_update_core is None
    assert up_j._compiled_update_core.step.compiles == 1
    assert up_j._compiled_update_core.step.calls == 3


# ---------------------------------------------------------------------------
# what these runs needed from chainerjax.jit (regression tests)

class _StatefulNet(chainer.Chain):
    # the shapes of the PTB model's LSTM and output layer

    def __init__(self):
        super(_StatefulNet, self).__init__()
        with self.init_scope():
            self.lstm = L.LSTM(8, 8)
            self.out = L.Linear(8, N_VOCAB)

    def forward(self, x):
        return self.out(self.lstm(x))


def _lstm_steps(use_jit, n_steps=5, reset_at=3):
    numpy.random.seed(0)
    model = L.Classifier(_StatefulNet())
    optimizer = optimizers.SGD(lr=0.5)
    optimizer.setup(model)

    def step(x, t):
        loss = model(x, t)
        model.cleargrads()
        loss.backward()
        loss.unchain_backward()
        optimizer.update()
        return loss

    if use_jit:
        step = chainer.jit(step)
    rs = numpy.random.RandomState(2)
    reporter = chainer.Reporter()
    reporter.add_observer('main', model)
    losses, states, observations = [], [], []
    for i in range(n_steps):
        if i == reset_at:
            model.predictor.lstm.reset_state()
        x = rs.randn(4, 8).astype(numpy.float32)
        t = rs.randint(0, N_VOCAB, 4).astype(numpy.int32)
        observation = {}
        with reporter.scope(observation):
            losses.append(float(step(x, t).array))
        observations.append(observation)
        states.append(numpy.array(model.predictor.lstm.h.array))
    return losses, states, observations, model, step


def test_link_state_attributes_go_through_the_compiled_step():
    # L.LSTM keeps c and h, L.Classifier y, loss and accuracy, in plain
    # attributes: the next step reads them, so they are state like
    # persistents (they used to be baked in as constants and left as
    # tracers on the links)
    l_e, s_e, o_e, m_e, _ = _lstm_steps(False)
    l_j, s_j, o_j, m_j, step = _lstm_steps(True)
    _close(l_j, l_e)
    for a, b in zip(s_j, s_e):
        _close(a, b)
    for link, names in ((m_j.predictor.lstm, ('c', 'h')),
                        (m_j, ('y', 'loss', 'accuracy'))):
        for name in names:
            value = getattr(link, name)
            assert isinstance(value, chainer.Variable), name
            assert isinstance(value.array, numpy.ndarray), name
            _close(value.array, getattr(
                m_e if link is m_j else m_e.predictor.lstm, name).array)
    # reported Variables are reported as Variables, as in eager mode
    for a, b in zip(o_j, o_e):
        assert sorted(a) == sorted(b) == ['main/accuracy', 'main/loss']
        assert isinstance(a['main/loss'], chainer.Variable)
        _close(a['main/loss'], b['main/loss'])
    # one compile with the state, one for the step after reset_state(),
    # which creates the state inside the compiled step
    assert step.compiles == 2


def test_step_called_from_a_step_and_new_epoch():
    def run(use_jit):
        numpy.random.seed(0)
        model = L.Linear(3, 2)
        optimizer = optimizers.MomentumSGD(lr=0.1)
        optimizer.setup(model)
        x = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)

        def inner(x):
            loss = F.sum(model(x) ** 2)
            model.cleargrads()
            loss.backward()
            optimizer.update()

        def outer(x):
            inner(x)
            optimizer.new_epoch()

        if use_jit:
            inner = chainer.jit(inner)
            outer = chainer.jit(outer)
        for _ in range(4):
            outer(x)
        return model, optimizer, inner, outer

    m_e, o_e, _, _ = run(False)
    m_j, o_j, inner, outer = run(True)
    _close(m_j.W.array, m_e.W.array)
    _close(m_j.b.array, m_e.b.array)
    # the optimizer's epoch is state too
    assert int(o_j.epoch) == int(o_e.epoch) == 4
    assert int(o_j.t) == int(o_e.t) == 4
    # inside a traced step, a jitted function is part of that step
    assert outer.compiles == 1
    assert inner.compiles == 0


def test_numpy_random_in_a_step_is_refused():
    numpy.random.seed(0)
    model = L.Linear(3, 2)

    @chainer.jit
    def step(x):
        noise = numpy.random.uniform(size=x.shape).astype(numpy.float32)
        return F.sum(model(x + noise))

    x = numpy.ones((2, 3), numpy.float32)
    step(x)  # eagerly
    with pytest.raises(chainer.UntraceableError, match='numpy.random'):
        step(x)
    assert isinstance(model.W.array, numpy.ndarray)


# ---------------------------------------------------------------------------
# overridden update_core under jit

def _linear_data(n=6, seed=4):
    rs = numpy.random.RandomState(seed)
    x = rs.randn(n, 3).astype(numpy.float32)
    t = rs.randint(0, 2, n).astype(numpy.int32)
    return chainer.datasets.TupleDataset(x, t)


class _SuperUpdater(training.updaters.StandardUpdater):
    """Adds to the default update_core (which reads ``is_new_epoch`` and
    calls ``new_epoch``)."""

    def update_core(self):
        super(_SuperUpdater, self).update_core()
        target = self.get_optimizer('main').target
        # self.iteration is traced: computing with it works
        chainer.report({'w_norm': F.sum(target.predictor.W ** 2),
                        'next_iteration': self.iteration + 1}, target)


class _PeekingUpdater(training.updaters.StandardUpdater):
    """Builds its arrays from the examples, not with self.converter."""

    def update_core(self):
        batch = self.get_iterator('main').next()
        x = numpy.stack([example[0] for example in batch])
        t = numpy.array([example[1] for example in batch])
        optimizer = self.get_optimizer('main')
        optimizer.update(optimizer.target, x, t)


class _AlternatingUpdater(training.updaters.StandardUpdater):
    """Python control flow on self.iteration."""

    def update_core(self):
        optimizer = self.get_optimizer('main')
        x, t = self.converter(self.get_iterator('main').next(), self.device)
        if self.iteration % 2 == 0:
            optimizer.update(optimizer.target, x, t)


def _run_updater(updater_cls, jit, n_iter=7):
    numpy.random.seed(0)
    model = L.Classifier(L.Linear(3, 2))
    optimizer = optimizers.SGD(lr=0.2)
    optimizer.setup(model)
    it = iterators.SerialIterator(_linear_data(), 2, shuffle=False)
    updater = updater_cls(it, optimizer, jit=jit)
    reporter = chainer.Reporter()
    reporter.add_observer('main', model)
    observations = []
    for _ in range(n_iter):
        observation = {}
        with reporter.scope(observation):
            updater.update()
        observations.append(observation)
    return model, optimizer, updater, observations


def test_overridden_update_core_is_compiled():
    m_e, o_e, _, obs_e = _run_updater(_SuperUpdater, False)
    m_j, o_j, up_j, obs_j = _run_updater(_SuperUpdater, True)
    _close(m_j.predictor.W.array, m_e.predictor.W.array)
    for a, b in zip(obs_j, obs_e):
        assert sorted(a) == sorted(b)
        for key in b:
            _close(a[key], b[key], msg=key)
    # 3 batches an epoch: new_epoch(auto=True) after updates 3 and 6
    assert int(o_j.epoch) == int(o_e.epoch) == 2
    # is_new_epoch is read in update_core: one version for each value
    assert up_j._compiled_update_core.step.compiles == 2
    # the inner step of the default update_core ran inline
    assert up_j._compiled_step.step.compiles == 0


@pytest.mark.parametrize('updater_cls, message', [
    (_PeekingUpdater, 'looks inside a batch without self.converter'),
    (_AlternatingUpdater, 'if self.iteration % 2 == 0:'),
])
def test_overridden_update_core_that_cannot_be_compiled(updater_cls,
                                                        message):
    with pytest.raises(chainer.UntraceableError) as e:
        _run_updater(updater_cls, True)
    assert message in str(e.value)
    with pytest.warns(RuntimeWarning, match='runs eagerly') as record:
        m_a, o_a, up_a, _ = _run_updater(updater_cls, 'auto')
    assert len([w for w in record if 'runs eagerly' in str(w.message)]) == 1
    assert up_a._compiled_update_core.step is None
    # the update whose compilation failed ran eagerly on its batch
    m_e, o_e, _, _ = _run_updater(updater_cls, False)
    _close(m_a.predictor.W.array, m_e.predictor.W.array)
    assert int(o_a.t) == int(o_e.t)
    assert up_a.get_iterator('main').current_position == 2
