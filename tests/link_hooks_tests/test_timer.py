import io

import numpy
import pytest

import chainerjax as chainer
from chainerjax import link_hooks
import chainerjax.links as L


class MLP(chainer.Chain):

    def __init__(self):
        super(MLP, self).__init__()
        with self.init_scope():
            self.l1 = L.Linear(3, 4)
            self.l2 = L.Linear(4, 2)

    def forward(self, x):
        return self.l2(self.l1(x))


def test_timer_hook():
    model = MLP()
    x = numpy.ones((2, 3), numpy.float32)
    hook = link_hooks.TimerHook()
    assert hook.name == 'TimerHook'
    with hook:
        model(x)
        model(x)
    assert [name for name, _ in hook.call_history] == \
        ['Linear', 'Linear', 'MLP'] * 2
    summary = hook.summary()
    assert list(summary) == ['Linear', 'MLP']
    assert summary['Linear']['occurrence'] == 4
    assert summary['MLP']['occurrence'] == 2
    mlp_time = sum(t for n, t in hook.call_history if n == 'MLP')
    # only the outermost calls count in the total
    assert hook.total_time() == pytest.approx(mlp_time)
    assert summary['Linear']['elapsed_time'] <= mlp_time
    model(x)   # outside the hook: not recorded
    assert len(hook.call_history) == 6

    out = io.StringIO()
    hook.print_report(file=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ['LinkName', 'ElapsedTime', 'Occurrence']
    assert lines[1].split()[0] == 'Linear' and lines[1].split()[2] == '4'
    assert len({len(line) for line in lines}) == 1   # aligned
    for unit in ('sec', 'ms', 'us', 'ns', 'auto_foreach'):
        out = io.StringIO()
        hook.print_report(unit=unit, file=out)
        assert len(out.getvalue().splitlines()) == 3
    out = io.StringIO()
    hook.print_report(unit='ms', file=out)
    assert 'ms' in out.getvalue().splitlines()[1]


def test_timer_on_one_link():
    link = L.Linear(3, 2)
    hook = link_hooks.TimerHook()
    link.add_hook(hook)
    link.to_device('@jax:cpu:0')
    link(numpy.ones((1, 3), numpy.float32))
    assert len(hook.call_history) == 1 and hook.total_time() > 0


def test_alias_import():
    import chainerjax.alias  # NOQA
    import chainer.link_hooks
    import chainer.link_hooks.spectral_normalization as sn
    assert chainer.link_hooks is link_hooks
    assert sn.SpectralNormalization is link_hooks.SpectralNormalization
    from chainer.link_hooks import TimerHook, WeightStandardization  # NOQA
