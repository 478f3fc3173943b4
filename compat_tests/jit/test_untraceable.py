"""Code that cannot be compiled (chainerjax only): inside a jitted step it
raises ``chainerjax.UntraceableError`` naming the user's file and line and
the fix; ``StandardUpdater(jit='auto')`` runs such a step eagerly instead,
with one warning saying why, and trains exactly as ``jit=False``."""
import os
import warnings

import numpy
import pytest

import chainerjax
import chainerjax.functions as F
import chainerjax.links as L
from chainerjax import iterators
from chainerjax import optimizers
from chainerjax import training
from chainerjax.backends import cuda
from compat_tests.jit import _programs

THIS_FILE = os.path.basename(__file__)


# Each takes the step's loss Variable and does something that needs its
# value on the host while the step is traced. The line is what the error
# must show.

def host_float(loss):
    return float(loss.array) > 0  # LINE: float(loss.array) > 0


def host_item(loss):
    return loss.item() > 0  # LINE: loss.item() > 0


def python_if(loss):
    if loss.array > 0:  # LINE: if loss.array > 0:
        return 1
    return 0


def host_to_cpu(loss):
    return cuda.to_cpu(loss.array)  # LINE: cuda.to_cpu(loss.array)


def host_numpy(loss):
    return numpy.asarray(loss.array)  # LINE: numpy.asarray(loss.array)


class NumpyExp(chainerjax.Function):
    """A legacy Function whose forward_cpu only works on NumPy arrays."""

    def forward_cpu(self, inputs):
        x, = inputs
        return numpy.exp(x),  # LINE: numpy.exp(x),

    def backward_cpu(self, inputs, grad_outputs):
        return grad_outputs[0] * numpy.exp(inputs[0]),


def legacy_forward_cpu(loss):
    return NumpyExp()(loss)


# the line to show is in forward_cpu
legacy_forward_cpu.line_in = NumpyExp.forward_cpu


def _line_of(fun):
    import inspect
    fun = getattr(fun, 'line_in', fun)
    for line in inspect.getsource(fun).splitlines():
        if '# LINE: ' in line:
            return line.split('# LINE: ')[1].strip()
    raise AssertionError(fun)


CASES = [
    pytest.param(host_float, id='float'),
    pytest.param(host_item, id='item'),
    pytest.param(python_if, id='python_if'),
    pytest.param(host_to_cpu, id='to_cpu'),
    pytest.param(host_numpy, id='numpy_asarray'),
    pytest.param(legacy_forward_cpu, id='legacy_forward_cpu'),
]


@pytest.mark.parametrize('host_code', CASES)
def test_error_names_the_users_line(host_code):
    model = L.Linear(3, 2)
    _programs.init_params(model, 0)
    opt = optimizers.SGD()
    opt.setup(model)

    @chainerjax.jit
    def step(x):
        loss = F.sum(model(x))
        host_code(loss)
        model.cleargrads()
        loss.backward()
        opt.update()

    x = numpy.ones((2, 3), numpy.float32)
    step(x)  # the first call runs eagerly: it works
    w = numpy.array(model.W.array)
    with pytest.raises(chainerjax.UntraceableError) as e:
        step(x)
    message = str(e.value)
    assert THIS_FILE in message
    assert _line_of(host_code) in message
    # and the fixes
    assert 'chainer.report' in message and 'jit=False' in message
    # nothing was written back
    numpy.testing.assert_array_equal(model.W.array, w)
    assert int(opt.t) == 1


# ---------------------------------------------------------------------------
# StandardUpdater(jit='auto')

def _classifier(chainer, host_code):
    F = chainer.functions

    class HostClassifier(chainer.Chain):
        """Reports a value computed on the host from the loss."""

        def __init__(self):
            super(HostClassifier, self).__init__()
            with self.init_scope():
                self.predictor = _programs.build_mlp(chainer, 6, 8, 3)

        def forward(self, x, t):
            loss = F.softmax_cross_entropy(self.predictor(x), t)
            chainer.report({'loss': loss,
                            'positive': float(host_code(loss))}, self)
            return loss

    return HostClassifier()


def _train_updater(jit, host_code, n_iter=4):
    model = _classifier(chainerjax, host_code)
    _programs.init_params(model, 2)
    opt = optimizers.MomentumSGD(lr=0.1)
    opt.setup(model)
    it = iterators.SerialIterator(chainerjax.datasets.TupleDataset(
        *_programs.classification_arrays(8, (6,), 3, n_out=3)), 4,
        shuffle=False)
    updater = training.updaters.StandardUpdater(it, opt, jit=jit)
    reporter = chainerjax.Reporter()
    reporter.add_observer('main', model)
    losses = []
    for _ in range(n_iter):
        observation = {}
        with reporter.scope(observation):
            updater.update()
        losses.append(float(observation['main/loss'].array))
    return model, opt, updater, losses


@pytest.mark.parametrize('host_code', [
    pytest.param(host_float, id='float'),
    pytest.param(host_item, id='item'),
])
def test_auto_falls_back_to_eager_with_one_warning(host_code):
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter('always')
        m_a, o_a, updater, losses_a = _train_updater('auto', host_code)
    fallbacks = [str(w.message) for w in record
                 if 'runs eagerly' in str(w.message)]
    assert len(fallbacks) == 1
    assert 'StandardUpdater' in fallbacks[0]
    # it says why: the user's line
    assert _line_of(host_code) in fallbacks[0]
    assert updater._compiled_step.step is None
    # the update whose compilation failed ran eagerly: nothing lost
    m_e, o_e, _, losses_e = _train_updater(False, host_code)
    numpy.testing.assert_allclose(losses_a, losses_e, rtol=1e-6)
    for (name, p_a), (_, p_e) in zip(sorted(m_a.namedparams()),
                                     sorted(m_e.namedparams())):
        numpy.testing.assert_allclose(p_a.array, p_e.array, rtol=1e-6,
                                      err_msg=name)
    assert int(o_a.t) == int(o_e.t) == 4
