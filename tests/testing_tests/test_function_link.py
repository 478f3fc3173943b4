import unittest

import numpy

import chainerjax as chainer
from chainerjax import functions as F
from chainerjax import initializers
from chainerjax import testing


# ----- functions used to check the test cases --------------------------------

class _WrongGrad(chainer.FunctionNode):
    # 2 * x with the gradient of 3 * x.

    def forward(self, inputs):
        return inputs[0] * 2,

    def backward(self, indexes, grad_outputs):
        return grad_outputs[0] * 3,


class _NotTwiceDifferentiable(chainer.FunctionNode):
    # x ** 2 whose backward treats x as a constant.

    def forward(self, inputs):
        self.retain_inputs((0,))
        return inputs[0] * inputs[0],

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return chainer.Variable(x.array * 2) * grad_outputs[0],


class _Base(testing.FunctionTestCase):
    # A correct test of tanh, varied by the classes below. These classes
    # are run by the tests below, not collected by pytest.
    __test__ = False

    def generate_inputs(self):
        x = numpy.random.uniform(-1, 1, (3, 2)).astype(numpy.float32)
        return x,

    def forward(self, inputs, device):
        x, = inputs
        return F.tanh(x),

    def forward_expected(self, inputs):
        x, = inputs
        return numpy.tanh(x),


def _run(klass, names=None):
    result = unittest.TestResult()
    if names is None:
        suite = unittest.defaultTestLoader.loadTestsFromTestCase(klass)
    else:
        suite = unittest.TestSuite([klass(name) for name in names])
    suite.run(result)
    return result


def _cases(decorated):
    return [c.klass for c in decorated.cases]


_record = []


@testing.inject_backend_tests(None, [{}])
class _Correct(_Base):

    def before_test(self, test_name):
        _record.append((test_name, type(self.backend_config).__name__,
                        self.test_name))


@testing.inject_backend_tests(None, [{}])
class _WrongForward(_Base):

    def forward_expected(self, inputs):
        x, = inputs
        return numpy.tanh(x) + 1e-3,


@testing.inject_backend_tests(None, [{}])
class _WrongForwardDtype(_Base):

    def forward_expected(self, inputs):
        x, = inputs
        return numpy.tanh(x).astype(numpy.float64),


@testing.inject_backend_tests(None, [{}])
class _WrongBackward(_Base):

    def forward(self, inputs, device):
        return _WrongGrad().apply(inputs)

    def forward_expected(self, inputs):
        return inputs[0] * 2,


@testing.inject_backend_tests(None, [{}])
class _WrongDoubleBackward(_Base):

    def forward(self, inputs, device):
        return _NotTwiceDifferentiable().apply(inputs)

    def forward_expected(self, inputs):
        return inputs[0] * inputs[0],


@testing.inject_backend_tests(None, [{}])
class _ModifiesInput(_Base):

    contiguous = 'C'

    def forward(self, inputs, device):
        x, = inputs
        x.array[...] = 0   # the test hands writable NumPy arrays over
        return F.tanh(x),


@testing.inject_backend_tests(None, [{}])
class _ReturnsArray(_Base):

    def forward(self, inputs, device):
        x, = inputs
        return F.tanh(x).array,


@testing.inject_backend_tests(None, [{}])
class _Skips(_Base):

    skip_forward_test = True
    skip_backward_test = True
    skip_double_backward_test = True


@testing.inject_backend_tests(None, [{}])
class _Dodge(_Base):

    dodge_nondifferentiable = True

    def generate_inputs(self):
        # The first draw is at relu's kink, the next ones are not.
        _draws.append(self.test_name)
        if len(_draws) == 1:
            return numpy.array([0., .5], numpy.float64),
        return numpy.array([-.5, .5], numpy.float64),

    def forward(self, inputs, device):
        return F.relu(inputs[0]),

    def forward_expected(self, inputs):
        return numpy.maximum(inputs[0], 0),


_contiguity = []
_draws = []


@testing.inject_backend_tests(None, [{}])
class _NonContiguous(_Base):

    def forward(self, inputs, device):
        _contiguity.append(inputs[0].array.flags.c_contiguous)
        return F.tanh(inputs[0]),


class TestFunctionTestCase(unittest.TestCase):

    def check_result(self, decorated, failures=0, skipped=0, tests=3,
                     names=None):
        klass, = _cases(decorated)
        result = _run(klass, names)
        assert result.testsRun == tests
        assert not result.errors, result.errors
        assert len(result.failures) == failures, result.failures
        assert len(result.skipped) == skipped
        return result

    def test_correct(self):
        del _record[:]
        self.check_result(_Correct)
        assert sorted(_record) == [
            ('test_backward', 'BackendConfig', 'test_backward'),
            ('test_double_backward', 'BackendConfig', 'test_double_backward'),
            ('test_forward', 'BackendConfig', 'test_forward')]

    def test_wrong_forward(self):
        result = self.check_result(_WrongForward, failures=1)
        assert 'Outputs do not match' in result.failures[0][1]
        assert 'FunctionTestError' in result.failures[0][1]

    def test_wrong_forward_dtype(self):
        result = self.check_result(_WrongForwardDtype, failures=1, tests=1,
                                   names=['test_forward'])
        assert 'Shapes and/or dtypes do not match' in result.failures[0][1]

    def test_wrong_backward(self):
        # (Double backward passes: it checks the derivatives of the first
        # order gradients as they are computed, 3 * gy here.)
        result = self.check_result(_WrongBackward, failures=1)
        assert ('backward is not implemented correctly'
                in result.failures[0][1])

    def test_wrong_double_backward(self):
        result = self.check_result(_WrongDoubleBackward, failures=1)
        assert ('double backward is not implemented correctly'
                in result.failures[0][1])

    def test_modified_input(self):
        result = self.check_result(_ModifiesInput, failures=1, tests=1,
                                   names=['test_forward'])
        assert 'modified during forward' in result.failures[0][1]

    def test_forward_must_return_variables(self):
        result = self.check_result(_ReturnsArray, failures=3)
        assert 'must return a tuple' in result.failures[0][1]

    def test_skips(self):
        self.check_result(_Skips, skipped=3)

    def test_dodge_nondifferentiable(self):
        del _draws[:]
        self.check_result(_Dodge, names=['test_backward'], tests=1)
        # The first draw was rejected, the second one was used.
        assert _draws == ['test_backward', 'test_backward']

    def test_non_contiguous_inputs(self):
        del _contiguity[:]
        self.check_result(_NonContiguous, names=['test_forward'], tests=1)
        assert _contiguity == [False]


# ----- links -----------------------------------------------------------------

class _LinearLinkBase(testing.LinkTestCase):

    __test__ = False

    param_names = ('W', 'b')

    def setUp(self):
        self.check_backward_options = {'atol': 1e-4, 'rtol': 1e-3}

    def generate_params(self):
        initialW = numpy.random.uniform(-1, 1, (3, 2)).astype(numpy.float32)
        initial_bias = numpy.random.uniform(-1, 1, (3,)).astype(
            numpy.float32)
        return initialW, initial_bias

    def generate_inputs(self):
        return numpy.random.uniform(-1, 1, (4, 2)).astype(numpy.float32),

    def create_link(self, initializers):
        initialW, initial_bias = initializers
        return chainer.links.Linear(
            2, 3, initialW=initialW, initial_bias=initial_bias)

    def forward(self, link, inputs, device):
        x, = inputs
        return link(x),

    def forward_expected(self, link, inputs):
        x, = inputs
        return x.dot(link.W.array.T) + link.b.array,


_LinearLink = testing.inject_backend_tests(None, [{}])(_LinearLinkBase)


@testing.inject_backend_tests(None, [{}])
class _LinearLinkWrongExpectation(_LinearLinkBase):

    def forward_expected(self, link, inputs):
        x, = inputs
        return x.dot(link.W.array.T),


@testing.inject_backend_tests(None, [{}])
class _LinearInitializers(testing.LinkInitializersTestCase):

    __test__ = False

    param_names = ('W', 'b')

    generate_params = _LinearLinkBase.generate_params
    generate_inputs = _LinearLinkBase.generate_inputs
    create_link = _LinearLinkBase.create_link

    def get_initializers(self):
        return ([initializers.Constant(1), 2],
                [initializers.Constant(2), 3,
                 testing.InitializerArgument(None, 0)])


class TestLinkTestCase(unittest.TestCase):

    def setUp(self):
        if not hasattr(chainer, 'links'):
            self.skipTest('chainerjax.links is not available')

    def test_correct(self):
        klass, = _cases(_LinearLink)
        result = _run(klass)
        assert result.testsRun == 2
        assert not result.errors and not result.failures, (
            result.errors, result.failures)

    def test_wrong_expectation(self):
        klass, = _cases(_LinearLinkWrongExpectation)
        result = _run(klass)
        assert len(result.failures) == 1
        assert 'LinkTestError' in result.failures[0][1]

    def test_initializers(self):
        klass, = _cases(_LinearInitializers)
        result = _run(klass)
        assert result.testsRun == 1
        assert not result.errors and not result.failures, (
            result.errors, result.failures)


def test_initializer_argument_needs_expected_initializer():
    import pytest
    with pytest.raises(ValueError):
        testing.InitializerArgument(None, None)


testing.run_module(__name__, __file__)
