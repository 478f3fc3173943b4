import io

import numpy
import pytest

import chainerjax as chainer
from chainerjax import function_hooks
import chainerjax.functions as F


def test_timer_hook_forward_and_backward():
    x = chainer.Variable(numpy.ones((2, 3), numpy.float32))
    hook = function_hooks.TimerHook()
    assert hook.name == 'TimerHook'
    with hook:
        y = F.sum(F.relu(x))
        y.backward()
    names = [name for name, _ in hook.call_history]
    # forward ReLU, Sum, then their backwards
    assert names[:2] == ['ReLU', 'Sum']
    assert sorted(names[2:]) == ['ReLU', 'Sum']
    summary = hook.summary()
    assert summary['ReLU']['occurrence'] == 2
    assert summary['Sum']['occurrence'] == 2
    assert hook.total_time() == pytest.approx(
        sum(t for _, t in hook.call_history))
    F.relu(x)   # outside the hook: not recorded
    assert len(hook.call_history) == 4

    out = io.StringIO()
    hook.print_report(file=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ['FunctionName', 'ElapsedTime', 'Occurrence']
    assert {line.split()[0] for line in lines[1:]} == {'ReLU', 'Sum'}
    assert len({len(line) for line in lines}) == 1   # aligned
    for unit in ('sec', 'ms', 'us', 'ns', 'auto_foreach'):
        out = io.StringIO()
        hook.print_report(unit=unit, file=out)
        assert len(out.getvalue().splitlines()) == 3


def test_timer_on_one_node_and_legacy_function():
    class Double(chainer.Function):
        def forward(self, inputs):
            return inputs[0] * 2,

    hook = function_hooks.TimerHook()
    with hook:
        Double()(numpy.ones(3, numpy.float32))
    assert [name for name, _ in hook.call_history] == ['Double']
