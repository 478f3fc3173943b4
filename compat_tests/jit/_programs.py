"""Small training programs written once against Chainer's API.

Every ``program_<name>(chainer, mode, out)`` takes the framework module
(``chainer`` or ``chainerjax``) and returns ``(result, handles)``:

- ``result``: a flat dict for ``compat_tests/_harness.compare``: the
  LogReport log, the per-step losses, the final parameters and gradients,
  the persistents (BatchNormalization ``avg_mean``/``avg_var``/``N``), the
  optimizer's ``t``/``epoch``/hyperparameters and every update rule's ``t``
  and state, and under ``types/`` the Python types of some of them;
- ``handles``: the updater, evaluator and jitted step objects (the tests
  read their compile counters).

``mode`` is ``None`` for real Chainer (no ``jit`` keyword is passed, no
step is wrapped), ``False`` (chainerjax eager) or ``True`` (chainerjax:
``StandardUpdater(..., jit=True)``, ``Evaluator(..., jit=True)``,
``chainerjax.jit(step)``). Weights come from ``numpy.random.RandomState``
(``init_params``), data from NumPy; nothing uses a framework's RNG except
the optional dropout of ``fire`` and ``lstm_bptt`` (off for the Chainer
fixtures: see ``test_dropout.py``). This module imports neither framework.
"""
import numpy

N_CLASSES = 10
MLP_IN, MLP_UNITS = 784, 16
N_VOCAB, LM_UNITS = 10, 8


# ---------------------------------------------------------------------------
# helpers

def jit_kw(mode):
    """The ``jit`` keyword of StandardUpdater/Evaluator (none for
    Chainer)."""
    return {} if mode is None else {'jit': mode}


def maybe_jit(chainer, mode, fun):
    return chainer.jit(fun) if mode else fun


def init_params(model, seed):
    """Overwrites every parameter from a RandomState: uniform in
    +-1/sqrt(fan in) (``gamma``: around 1)."""
    rs = numpy.random.RandomState(seed)
    for name, param in sorted(model.namedparams()):
        shape = param.shape
        if name.endswith('/gamma'):
            value = 1 + rs.uniform(-0.1, 0.1, shape)
        else:
            fan_in = int(numpy.prod(shape[1:])) if len(shape) > 1 else 4
            bound = 1 / numpy.sqrt(fan_in)
            value = rs.uniform(-bound, bound, shape)
        param.array[...] = value.astype(param.dtype)


def classification_arrays(n, shape, seed, n_out=N_CLASSES):
    rs = numpy.random.RandomState(seed)
    x = rs.uniform(-1, 1, (n,) + shape).astype(numpy.float32)
    t = rs.randint(0, n_out, n).astype(numpy.int32)
    return x, t


def classification_data(chainer, n, shape, seed, n_out=N_CLASSES):
    return chainer.datasets.TupleDataset(
        *classification_arrays(n, shape, seed, n_out))


def type_name(value):
    """``module.name`` of the value's type, ``chainerjax.*`` written
    ``chainer.*``."""
    t = type(value)
    module = t.__module__
    if module.split('.')[0] == 'chainerjax':
        module = 'chainer' + module[len('chainerjax'):]
    return '{}.{}'.format(module, t.__qualname__)


def _np(value):
    value = getattr(value, 'array', value)
    return numpy.array(numpy.asarray(value))


def record_model(result, model, prefix=''):
    """Parameters and their gradients (``None`` as the string)."""
    for name, param in sorted(model.namedparams()):
        result[prefix + 'param' + name] = _np(param.array)
        g = param.grad
        result[prefix + 'grad' + name] = 'None' if g is None else _np(g)


def record_optimizer(result, opt):
    """``t``, ``epoch``, the float hyperparameters, and each update rule's
    ``t`` and state."""
    result['opt/t'] = int(opt.t)
    result['opt/epoch'] = int(opt.epoch)
    result['types/opt/t'] = type_name(opt.t)
    for name, value in sorted(vars(opt.hyperparam).items()):
        if name.startswith('_') or isinstance(value, bool):
            continue
        if numpy.ndim(value) == 0 and numpy.asarray(value).dtype.kind == 'f':
            result['opt/hyperparam/' + name] = numpy.float64(value)
            result['types/opt/hyperparam/' + name] = type_name(value)
    for name, param in sorted(opt.target.namedparams()):
        rule = param.update_rule
        result['rule' + name + '/t'] = int(rule.t)
        result['types/rule' + name + '/t'] = type_name(rule.t)
        for key, value in sorted(rule.state.items()):
            result['rule' + name + '/' + key] = _np(value)
            result['types/rule' + name + '/' + key] = type_name(value)


def record_bn(result, bn, prefix):
    result[prefix + '/avg_mean'] = _np(bn.avg_mean)
    result[prefix + '/avg_var'] = _np(bn.avg_var)
    result[prefix + '/N'] = int(bn.N)
    result['types/' + prefix + '/avg_mean'] = type_name(bn.avg_mean)
    result['types/' + prefix + '/N'] = type_name(bn.N)


def record_log(result, log):
    """The LogReport log without ``elapsed_time``: per entry its keys,
    float values as float64 0-d arrays, others as they are, and their
    types (LogReport gives Python floats)."""
    result['log/length'] = len(log)
    for i, entry in enumerate(log):
        keys = sorted(k for k in entry if k != 'elapsed_time')
        result['log/%02d/keys' % i] = keys
        for key in keys:
            value = entry[key]
            name = 'log/%02d/%s' % (i, key)
            if isinstance(value, float):
                result[name] = numpy.float64(value)
            else:
                result[name] = value
            result['types/' + name] = type_name(value)


def _trainer(chainer, updater, n_iter, out):
    return chainer.training.Trainer(updater, (n_iter, 'iteration'), out=out)


def _log_report(chainer):
    return chainer.training.extensions.LogReport(
        trigger=(1, 'iteration'), log_name=None)


# ---------------------------------------------------------------------------
# models

def build_mlp(chainer, n_in=MLP_IN, n_units=MLP_UNITS, n_out=N_CLASSES):
    F, L = chainer.functions, chainer.links

    class MLP(chainer.Chain):

        def __init__(self):
            super(MLP, self).__init__()
            with self.init_scope():
                self.l1 = L.Linear(n_in, n_units)
                self.l2 = L.Linear(n_units, n_out)

        def forward(self, x):
            return self.l2(F.relu(self.l1(x)))

    return MLP()


def build_cnn(chainer, n_out=3):
    """Convolution, BatchNormalization, ReLU, max pooling, linear; for
    3x16x16 inputs. ``finetune`` goes to the BatchNormalization."""
    F, L = chainer.functions, chainer.links

    class CNN(chainer.Chain):

        def __init__(self):
            super(CNN, self).__init__()
            with self.init_scope():
                self.conv1 = L.Convolution2D(3, 4, 3)
                self.bn1 = L.BatchNormalization(4)
                self.fc = L.Linear(4 * 7 * 7, n_out)

        def forward(self, x, finetune=False):
            h = F.relu(self.bn1(self.conv1(x), finetune=finetune))
            h = F.max_pooling_2d(h, 2)
            return self.fc(h)

    return CNN()


def build_fire_net(chainer, dropout=None, n_out=4):
    """SqueezeNet v1.0's layout (conv1, max pooling, Fire modules, max
    pooling, dropout, conv10, ReLU, global average pooling) at a tiny width
    and depth, for 3x32x32 inputs. ``dropout=None``: no dropout layer."""
    F, L = chainer.functions, chainer.links

    class Fire(chainer.Chain):

        def __init__(self, in_size, s1, e1, e3):
            super(Fire, self).__init__()
            with self.init_scope():
                self.conv1 = L.Convolution2D(in_size, s1, 1)
                self.conv2 = L.Convolution2D(s1, e1, 1)
                self.conv3 = L.Convolution2D(s1, e3, 3, pad=1)

        def forward(self, x):
            h = F.relu(self.conv1(x))
            return F.relu(F.concat((self.conv2(h), self.conv3(h)), axis=1))

    class FireNet(chainer.Chain):

        def __init__(self):
            super(FireNet, self).__init__()
            with self.init_scope():
                self.conv1 = L.Convolution2D(3, 8, 3, stride=2)
                self.fire2 = Fire(8, 2, 4, 4)
                self.fire3 = Fire(8, 2, 4, 4)
                self.conv10 = L.Convolution2D(8, n_out, 1)

        def forward(self, x):
            h = F.relu(self.conv1(x))
            h = F.max_pooling_2d(h, 3, stride=2)
            h = self.fire3(self.fire2(h))
            h = F.max_pooling_2d(h, 3, stride=2)
            if dropout is not None:
                h = F.dropout(h, ratio=dropout)
            h = F.relu(self.conv10(h))
            h = F.average_pooling_2d(h, h.shape[2])
            return F.reshape(h, (x.shape[0], -1))

    return FireNet()


def build_lm(chainer, dropout=None):
    """The PTB example's language model (embedding, LSTM, linear)."""
    F, L = chainer.functions, chainer.links

    class RNNForLM(chainer.Chain):

        def __init__(self):
            super(RNNForLM, self).__init__()
            with self.init_scope():
                self.embed = L.EmbedID(N_VOCAB, LM_UNITS)
                self.l1 = L.LSTM(LM_UNITS, LM_UNITS)
                self.l2 = L.Linear(LM_UNITS, N_VOCAB)

        def reset_state(self):
            self.l1.reset_state()

        def _drop(self, h):
            return h if dropout is None else F.dropout(h, dropout)

        def forward(self, x):
            h0 = self.embed(x)
            h1 = self.l1(self._drop(h0))
            return self.l2(self._drop(h1))

    return RNNForLM()


def build_ptb_iterator(chainer, dataset, batch_size):
    """The PTB example's ParallelSequentialIterator: ``batch_size`` cursors
    at equal offsets in one sequence; a batch is the list of (word, next
    word) pairs."""

    class ParallelSequentialIterator(chainer.dataset.Iterator):

        def __init__(self):
            self.dataset = dataset
            self.batch_size = batch_size
            n = len(dataset)
            self.offsets = [i * n // batch_size for i in range(batch_size)]
            self.epoch = 0
            self.is_new_epoch = False
            self.iteration = 0
            self._previous_epoch_detail = -1.

        def __next__(self):
            n = len(self.dataset)
            cur = self._words()
            self._previous_epoch_detail = self.epoch_detail
            self.iteration += 1
            nxt = self._words()
            epoch = self.iteration * self.batch_size // n
            self.is_new_epoch = self.epoch < epoch
            if self.is_new_epoch:
                self.epoch = epoch
            return list(zip(cur, nxt))

        next = __next__

        @property
        def epoch_detail(self):
            return self.iteration * self.batch_size / len(self.dataset)

        @property
        def previous_epoch_detail(self):
            if self._previous_epoch_detail < 0:
                return None
            return self._previous_epoch_detail

        def _words(self):
            n = len(self.dataset)
            return [self.dataset[(o + self.iteration) % n]
                    for o in self.offsets]

        def serialize(self, serializer):
            self.iteration = serializer('iteration', self.iteration)
            self.epoch = serializer('epoch', self.epoch)

    return ParallelSequentialIterator()


def build_bptt_updater(chainer, train_iter, optimizer, bprop_len, mode):
    """The PTB example's truncated-BPTT updater: the losses of
    ``bprop_len`` steps are summed and back-propagated, the graph is cut
    (``unchain_backward``) and the parameters updated."""

    class BPTTUpdater(chainer.training.updaters.StandardUpdater):

        def __init__(self):
            super(BPTTUpdater, self).__init__(train_iter, optimizer,
                                              **jit_kw(mode))
            self.bprop_len = bprop_len

        def update_core(self):
            loss = 0
            it = self.get_iterator('main')
            opt = self.get_optimizer('main')
            for _ in range(self.bprop_len):
                x, t = self.converter(it.__next__(), self.device)
                loss += opt.target(x, t)
            opt.target.cleargrads()
            loss.backward()
            loss.unchain_backward()
            opt.update()

    return BPTTUpdater()


# ---------------------------------------------------------------------------
# the programs

def program_mlp_sgd(chainer, mode, out):
    """MLP 784-16-10, SGD with WeightDecay, a Trainer: StandardUpdater,
    Evaluator (12 test examples in batches of 8: the last one is
    partial), ExponentialShift halving lr every 2 iterations, observe_lr,
    LogReport every iteration; 6 iterations over 32 examples (the epoch
    ends at iteration 4)."""
    ext = chainer.training.extensions
    model = chainer.links.Classifier(build_mlp(chainer))
    init_params(model, 0)
    opt = chainer.optimizers.SGD(lr=0.1)
    opt.setup(model)
    opt.add_hook(chainer.optimizer_hooks.WeightDecay(1e-2))
    train_iter = chainer.iterators.SerialIterator(
        classification_data(chainer, 32, (MLP_IN,), 1), 8, shuffle=False)
    test_iter = chainer.iterators.SerialIterator(
        classification_data(chainer, 12, (MLP_IN,), 2), 8, repeat=False,
        shuffle=False)
    updater = chainer.training.updaters.StandardUpdater(
        train_iter, opt, **jit_kw(mode))
    trainer = _trainer(chainer, updater, 6, out)
    evaluator = ext.Evaluator(test_iter, model, **jit_kw(mode))
    trainer.extend(evaluator, trigger=(3, 'iteration'))
    trainer.extend(ext.ExponentialShift('lr', 0.5), trigger=(2, 'iteration'))
    trainer.extend(ext.observe_lr(), trigger=(1, 'iteration'))
    trainer.extend(_log_report(chainer))
    trainer.run()
    result = {}
    record_log(result, trainer.get_extension('LogReport').log)
    record_model(result, model)
    record_optimizer(result, opt)
    return result, {'updater': updater, 'evaluator': evaluator}


def program_mlp_adam(chainer, mode, out):
    """MLP 784-16-10, Adam with GradientClipping, a step function
    ``lambda x, t: opt.update(model, x, t)``; 2 epochs over 20 examples
    in batches of 8, 8 and 4 (a partial last batch), ``new_epoch()``
    after each; loss and accuracy read from ``model`` after each step."""
    model = chainer.links.Classifier(build_mlp(chainer))
    init_params(model, 3)
    opt = chainer.optimizers.Adam(alpha=0.01)
    opt.setup(model)
    opt.add_hook(chainer.optimizer_hooks.GradientClipping(2.0))
    step = maybe_jit(chainer, mode, lambda x, t: opt.update(model, x, t))
    x_all, t_all = classification_arrays(20, (MLP_IN,), 4)
    losses, accuracies = [], []
    for _ in range(2):
        for i in range(0, len(x_all), 8):
            step(x_all[i:i + 8], t_all[i:i + 8])
            losses.append(_np(model.loss))
            accuracies.append(_np(model.accuracy))
        opt.new_epoch()
    result = {'losses': numpy.stack(losses),
              'accuracies': numpy.stack(accuracies),
              'types/model.loss': type_name(model.loss)}
    record_model(result, model)
    record_optimizer(result, opt)
    return result, {'step': step}


def program_cnn_bn(chainer, mode, out):
    """Convolution + BatchNormalization CNN, MomentumSGD, a Trainer with
    StandardUpdater, Evaluator (test mode: it uses the running statistics),
    ExponentialShift (lr divided by 10 after iteration 2), observe_lr and
    LogReport; 4 iterations over 16 3x16x16 images in batches of 4.
    Then 3 fine-tuning passes (``finetune=True``: ``N`` counts them and
    the statistics are their running average) in a step function."""
    model = chainer.links.Classifier(build_cnn(chainer))
    init_params(model, 5)
    opt = chainer.optimizers.MomentumSGD(lr=0.05)
    opt.setup(model)
    x_all, t_all = classification_arrays(16, (3, 16, 16), 6, n_out=3)
    train = chainer.datasets.TupleDataset(x_all, t_all)
    train_iter = chainer.iterators.SerialIterator(train, 4, shuffle=False)
    test_iter = chainer.iterators.SerialIterator(
        classification_data(chainer, 8, (3, 16, 16), 7, n_out=3), 4,
        repeat=False, shuffle=False)
    updater = chainer.training.updaters.StandardUpdater(
        train_iter, opt, **jit_kw(mode))
    trainer = _trainer(chainer, updater, 4, out)
    evaluator = chainer.training.extensions.Evaluator(
        test_iter, model, **jit_kw(mode))
    trainer.extend(evaluator, trigger=(2, 'iteration'))
    trainer.extend(chainer.training.extensions.ExponentialShift('lr', 0.1),
                   trigger=(2, 'iteration'))
    trainer.extend(chainer.training.extensions.observe_lr(),
                   trigger=(1, 'iteration'))
    trainer.extend(_log_report(chainer))
    trainer.run()
    result = {}
    record_log(result, trainer.get_extension('LogReport').log)
    record_model(result, model)
    record_optimizer(result, opt)
    bn = model.predictor.bn1
    record_bn(result, bn, 'bn_trained')

    finetune = maybe_jit(chainer, mode,
                         lambda x: model.predictor(x, finetune=True))
    for i in range(3):
        finetune(x_all[4 * i:4 * i + 4])
    record_bn(result, bn, 'bn_finetuned')
    return result, {'updater': updater, 'evaluator': evaluator,
                    'finetune': finetune}


def program_fire(chainer, mode, out, dropout=None):
    """A SqueezeNet-like Fire network on 3x32x32 images, MomentumSGD, a
    step function (forward, cleargrads, backward, update) returning the
    loss; 4 steps in batches of 2."""
    model = chainer.links.Classifier(build_fire_net(chainer, dropout))
    init_params(model, 8)
    opt = chainer.optimizers.MomentumSGD(lr=0.1)
    opt.setup(model)

    def step(x, t):
        loss = model(x, t)
        model.cleargrads()
        loss.backward()
        opt.update()
        return loss

    step = maybe_jit(chainer, mode, step)
    x_all, t_all = classification_arrays(8, (3, 32, 32), 9, n_out=4)
    losses = [_np(step(x_all[i:i + 2], t_all[i:i + 2]))
              for i in range(0, 8, 2)]
    result = {'losses': numpy.stack(losses)}
    record_model(result, model)
    record_optimizer(result, opt)
    return result, {'step': step}


def program_lstm_bptt(chainer, mode, out, dropout=None):
    """The PTB example at a tiny size: RNNForLM (vocabulary 10, 8 units),
    ParallelSequentialIterator, the truncated-BPTT updater (``bprop_len``
    3, ``unchain_backward``), SGD lr 1 with GradientClipping, a Trainer
    with LogReport; 4 iterations of 4 streams over 40 words."""
    words = numpy.random.RandomState(10).randint(
        0, N_VOCAB, 40).astype(numpy.int32)
    rnn = build_lm(chainer, dropout)
    model = chainer.links.Classifier(rnn)
    model.compute_accuracy = False
    init_params(model, 11)
    opt = chainer.optimizers.SGD(lr=1.0)
    opt.setup(model)
    opt.add_hook(chainer.optimizer_hooks.GradientClipping(1.0))
    train_iter = build_ptb_iterator(chainer, words, 4)
    updater = build_bptt_updater(chainer, train_iter, opt, 3, mode)
    trainer = _trainer(chainer, updater, 4, out)
    trainer.extend(_log_report(chainer))
    trainer.run()
    result = {'iterator/iteration': int(train_iter.iteration),
              'iterator/epoch': int(train_iter.epoch)}
    record_log(result, trainer.get_extension('LogReport').log)
    record_model(result, model)
    record_optimizer(result, opt)
    for name in ('c', 'h'):
        result['lstm/' + name] = _np(getattr(rnn.l1, name))
    result['model.loss'] = _np(model.loss)
    return result, {'updater': updater}


def program_report_scopes(chainer, mode, out):
    """A step that reports ``loss`` and ``ymax`` for its Linear, called
    under reporters that name the Linear ``main``, ``main`` again, then
    ``validation/main`` and ``other``; and a second step called twice
    outside any reporter (nothing is reported), then under ``main``. The
    observations record the keys the reporter built and the values."""
    F = chainer.functions
    model = chainer.links.Linear(3, 2)
    init_params(model, 12)

    def body(x):
        y = model(x)
        loss = F.sum(y * y)
        chainer.report({'loss': loss, 'ymax': F.max(y)}, model)
        return loss

    step_a = maybe_jit(chainer, mode, body)
    step_b = maybe_jit(chainer, mode, body)
    x = numpy.random.RandomState(13).uniform(-1, 1, (4, 3)).astype(
        numpy.float32)
    result = {}

    def observe(i, step, name):
        observation = {}
        if name is None:
            step(x * (i + 1))
        else:
            reporter = chainer.Reporter()
            reporter.add_observer(name, model)
            with reporter.scope(observation):
                step(x * (i + 1))
        result['obs%d/keys' % i] = sorted(observation)
        for key, value in observation.items():
            result['obs%d/%s' % (i, key)] = _np(value)
            result['types/obs%d/%s' % (i, key)] = type_name(value)

    for i, name in enumerate(['main', 'main', 'validation/main', 'other']):
        observe(i, step_a, name)
    for i, name in enumerate([None, None, 'main'], 4):
        observe(i, step_b, name)
    return result, {'step_a': step_a, 'step_b': step_b}


PROGRAMS = {
    'mlp_sgd': program_mlp_sgd,
    'mlp_adam': program_mlp_adam,
    'cnn_bn': program_cnn_bn,
    'fire': program_fire,
    'lstm_bptt': program_lstm_bptt,
    'report_scopes': program_report_scopes,
}
