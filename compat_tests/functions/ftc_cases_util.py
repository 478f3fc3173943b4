"""FunctionTestCase cases of ``chainer.functions.util`` (``forget``).

``forget`` recomputes the wrapped function in backward; the cases wrap a
function of two inputs, one with two outputs, and one whose inputs are used
again after ``forget`` (their gradients accumulate).
"""
import numpy

from compat_tests.functions.ftc_cases import FLOATS, Table

T = Table('util')


def _two_inputs(F, a, b):
    return F.forget(lambda a, b: F.sigmoid(a) * b + a, a, b)


def _two_outputs(F, a, b):
    return F.forget(lambda a, b: (F.tanh(a) * b, F.exp(a) * 2), a, b)


def _reuse(F, a, b):
    return F.forget(lambda a, b: a * b, a, b) + a * 2


_FUNCTIONS = {'two_inputs': _two_inputs, 'two_outputs': _two_outputs,
              'reuse': _reuse}

forget = T.case(
    'forget',
    [{'dtype': FLOATS, 'shape': [(2, 3)], 'function': ['two_inputs']},
     {'dtype': [numpy.float64], 'shape': [(2, 3)],
      'function': ['two_outputs', 'reuse']}],
    lambda g: (g.u(), g.u()),
    lambda F, p, a, b: _FUNCTIONS[p.function](F, a, b))
