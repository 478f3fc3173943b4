import io

import numpy
import pytest

import chainerjax as chainer
from chainerjax import function_hooks
import chainerjax.functions as F


def test_print_hook():
    out = io.StringIO()
    x = chainer.Variable(numpy.arange(3, dtype=numpy.float32))
    with function_hooks.PrintHook(file=out):
        y = F.sum(x * 2)
        y.backward()
    text = out.getvalue()
    lines = text.splitlines()
    assert lines[0] == 'function\t_ * 2'   # the label, as in Chainer
    assert 'function\tSum' in lines
    assert 'input data' in lines
    assert 'output gradient' in lines
    assert '- shape: (3,)' in lines
    assert '- statistics: mean=1.00000000, std=0.81649661' in lines
    assert text.count('function\t') == 4
    with pytest.warns(DeprecationWarning):
        function_hooks.PrintHook(sep='')
    hook = function_hooks.PrintHook(end='|', file=io.StringIO(), flush=False)
    assert hook.name == 'PrintHook'


def test_alias_import():
    import chainerjax.alias  # NOQA
    import chainer
    import chainer.function_hooks
    import chainer.function_hooks.debug_print as debug_print
    assert chainer.function_hooks is function_hooks
    assert debug_print.PrintHook is function_hooks.PrintHook
    from chainer.function_hooks import TimerHook  # NOQA
    from chainer.function_hooks.cupy_memory_profile import \
        CupyMemoryProfileHook  # NOQA
