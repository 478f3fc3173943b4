"""Optimizer trajectory cases, shared by ``generate.py`` (real Chainer
7.8.1) and ``test_trajectories.py`` (chainerjax).

:func:`run` receives the ``chainer`` module to use (real Chainer or
chainerjax) and does the same thing on both: a 4-5-3 MLP whose weights come
from a fixed NumPy ``RandomState``, ``N_STEPS`` updates with
``softmax_cross_entropy`` on fixed data, recording every parameter after
every step. This module must not import chainer or chainerjax.
"""
import numpy

N_STEPS = 20
INTERCHANGE_STEP = 10


def _weights():
    rs = numpy.random.RandomState(0)
    return {
        'l1/W': rs.uniform(-0.7, 0.7, (5, 4)).astype(numpy.float32),
        'l1/b': rs.uniform(-0.1, 0.1, (5,)).astype(numpy.float32),
        'l2/W': rs.uniform(-0.7, 0.7, (3, 5)).astype(numpy.float32),
        'l2/b': rs.uniform(-0.1, 0.1, (3,)).astype(numpy.float32),
    }


def data():
    rs = numpy.random.RandomState(1)
    x = rs.randn(16, 4).astype(numpy.float32)
    t = rs.randint(0, 3, (16,)).astype(numpy.int32)
    return x, t


def make_model(chainer):
    L = chainer.links
    F = chainer.functions
    w = _weights()

    class MLP(chainer.Chain):

        def __init__(self):
            super(MLP, self).__init__()
            with self.init_scope():
                self.l1 = L.Linear(4, 5, initialW=w['l1/W'],
                                   initial_bias=w['l1/b'])
                self.l2 = L.Linear(5, 3, initialW=w['l2/W'],
                                   initial_bias=w['l2/b'])

        def forward(self, x):
            return self.l2(F.tanh(self.l1(x)))

    return MLP()


def param_dict(model):
    return {name.lstrip('/'): numpy.array(p.array)
            for name, p in model.namedparams()}


# name -> (optimizer class, kwargs, hooks [(hook class, args, kwargs)],
#          extra setup key or None)
def _cases():
    c = {}
    for name, kw in [
            ('SGD', {}), ('SGD', {'lr': 0.1}),
            ('MomentumSGD', {}), ('MomentumSGD', {'lr': 0.05,
                                                  'momentum': 0.5}),
            ('NesterovAG', {}), ('CorrectedMomentumSGD', {}),
            ('AdaGrad', {}), ('AdaGrad', {'lr': 0.1}),
            ('AdaDelta', {}),
            ('Adam', {}), ('Adam', {'alpha': 0.01}),
            ('Adam', {'alpha': 0.01, 'amsgrad': True}),
            ('Adam', {'alpha': 0.01, 'adabound': True}),
            ('Adam', {'alpha': 0.01, 'weight_decay_rate': 0.1}),
            ('Adam', {'alpha': 0.01, 'eta': 0.5, 'weight_decay_rate': 0.05}),
            ('AdamW', {'weight_decay_rate': 0.01}),
            ('AMSGrad', {}), ('AdaBound', {}), ('AMSBound', {'alpha': 0.01}),
            ('RMSprop', {}), ('RMSprop', {'eps_inside_sqrt': True}),
            ('RMSpropGraves', {}), ('RMSpropGraves', {'lr': 1e-2}),
            ('SMORMS3', {}), ('SMORMS3', {'lr': 0.01}),
            ('MSVAG', {}), ('MSVAG', {'weight_decay_rate': 0.01}),
    ]:
        key = name + ''.join('-%s=%s' % kv for kv in sorted(kw.items()))
        c[key] = (name, kw, [], None)
    hooks = [
        ('WeightDecay', (1e-2,), {}),
        ('Lasso', (1e-3,), {}),
        ('GradientClipping', (0.05,), {}),
        ('GradientHardClipping', (-0.02, 0.02), {}),
        ('GradientNoise', (0.01,), {}),
        ('GradientLARS', (), {'threshold': 1e-2, 'weight_decay': 1e-3}),
    ]
    for opt, kw in (('SGD', {'lr': 0.1}), ('Adam', {'alpha': 0.01})):
        for h in hooks:
            c['%s+%s' % (opt, h[0])] = (opt, kw, [h], None)
        c['%s+WeightDecay+GradientClipping' % opt] = (
            opt, kw, [hooks[0], hooks[2]], None)
    for opt, kw in (('SGD', {'lr': 0.1}), ('Adam', {'alpha': 0.01}),
                    ('MomentumSGD', {})):
        for extra in ('lr_change', 'per_param', 'disabled', 'post_hook',
                      'static_loss_scale', 'dynamic_loss_scale',
                      'rule_hook'):
            c['%s/%s' % (opt, extra)] = (opt, kw, [], extra)
    return c


CASES = _cases()
INTERCHANGE_CASES = ('Adam-alpha=0.01', 'MomentumSGD')


def _setup(chainer, model, case):
    opt_name, kw, hooks, extra = CASES[case]
    opt = getattr(chainer.optimizers, opt_name)(**kw)
    opt.setup(model)
    for hook_name, args, hkw in hooks:
        opt.add_hook(getattr(chainer.optimizer_hooks, hook_name)(*args, **hkw))
    if extra == 'per_param':
        hp = model.l1.W.update_rule.hyperparam
        if opt_name == 'Adam':
            hp.alpha = 0.05
        else:
            hp.lr = 0.3
    elif extra == 'disabled':
        model.l2.b.update_rule.enabled = False
    elif extra == 'post_hook':
        opt.add_hook(chainer.optimizer_hooks.WeightDecay(1e-2),
                     timing='post')
    elif extra == 'static_loss_scale':
        opt.loss_scaling(scale=128.0)
    elif extra == 'dynamic_loss_scale':
        opt.loss_scaling(interval=3)
    elif extra == 'rule_hook':
        model.l1.W.update_rule.add_hook(
            chainer.optimizer_hooks.GradientHardClipping(-0.01, 0.01))
    return opt


def uses_loss_scaling(case):
    return CASES[case][3] in ('static_loss_scale', 'dynamic_loss_scale')


def _step(chainer, model, opt, case, step, x, t, grads=None):
    """One update; returns the gradients the update started from (before
    the hooks), or None with loss scaling (``update(lossfun)`` then)."""
    extra = CASES[case][3]
    if extra == 'lr_change' and step == N_STEPS // 2:
        if hasattr(opt.hyperparam, 'alpha'):
            opt.alpha = opt.alpha * 0.3
        else:
            opt.lr = opt.lr * 0.3
    F = chainer.functions

    def lossfun():
        return F.softmax_cross_entropy(model(x), t)

    if uses_loss_scaling(case):
        opt.update(lossfun)
        return None
    # what update(lossfun) does without loss scaling, with the gradients
    # recorded (or replaced by given ones)
    if grads is None:
        loss = lossfun()
        model.cleargrads()
        loss.backward()
    else:
        for name, p in model.namedparams():
            p.grad = grads[name.lstrip('/')].copy()
    used = {name.lstrip('/'): numpy.array(p.grad)
            for name, p in model.namedparams()}
    opt.update()
    return used


def run(chainer, case, start=None, stop=N_STEPS, on_step=None, grads=None):
    """Runs ``case``; returns ``(model, optimizer, {step: params},
    {step: grads})``.

    ``grads={step: {path: array}}`` replaces the computed gradients.

    ``start=(model, optimizer, first_step)`` continues an existing run.
    ``on_step(step, model, optimizer)`` is called after each step.
    """
    x, t = data()
    if start is None:
        numpy.random.seed(12345)  # GradientNoise draws from NumPy
        model = make_model(chainer)
        opt = _setup(chainer, model, case)
        first = 1
    else:
        model, opt, first = start
    history = {}
    used_grads = {}
    for step in range(first, stop + 1):
        used_grads[step] = _step(chainer, model, opt, case, step, x, t,
                                 None if grads is None else grads[step])
        history[step] = param_dict(model)
        if on_step is not None:
            on_step(step, model, opt)
    return model, opt, history, used_grads


def state_dict(chainer, opt):
    """The optimizer as ``save_npz`` writes it: ``{key: array}``."""
    s = chainer.serializers.DictionarySerializer()
    s.save(opt)
    return {k: numpy.asarray(v) for k, v in s.target.items()}
