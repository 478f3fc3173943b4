"""``chainer.links.normalization`` against real Chainer 7.8.1, as
``testing.LinkTestCase`` tests (cases in ``_link_cases.py``, fixtures from
``generate_linktests.py``).

Each class runs ``test_forward`` (outputs equal Chainer's),
``test_backward`` (numerical check of the inputs and of the direct
parameters ``case.checked_params``) and ``test_chainer`` (namedparams,
serialized state and the gradients of every parameter for a fixed upstream
gradient equal Chainer's).
"""
import numpy

from chainerjax import initializers
from chainerjax import testing
from compat_tests.links import _link_cases as C


def _params(name):
    return [d for t in C.get(name).tables for d in testing.product(t)]


_backends = testing.inject_backend_tests(None, [{}])


def test_fixture_has_every_case():
    assert C.fixture_case_keys('normalization') == \
        C.table_case_keys('normalization')


@testing.parameterize(*_params('BatchNormalization'))
@_backends
class TestBatchNormalization(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('BatchNormalization')


@testing.parameterize(*_params('BatchRenormalization'))
@_backends
class TestBatchRenormalization(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('BatchRenormalization')


@testing.parameterize(*_params('DecorrelatedBatchNormalization'))
@_backends
class TestDecorrelatedBatchNormalization(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('DecorrelatedBatchNormalization')


@testing.parameterize(*_params('GroupNormalization'))
@_backends
class TestGroupNormalization(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('GroupNormalization')


@testing.parameterize(*_params('LayerNormalization'))
@_backends
class TestLayerNormalization(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('LayerNormalization')


@testing.parameterize(*testing.product({'dtype': C.FLOATS}))
@_backends
class TestBatchNormalizationInitializers(C.CaseAdapter,
                                         testing.LinkInitializersTestCase):
    # gamma, then beta, from each initializer in turn (None: 1 and 0)
    case = C.get('BatchNormalization')
    param_names = ('gamma', 'beta')
    train = True
    opt = 'default'

    def get_initializers(self):
        return (
            [initializers.Constant(2.), numpy.array([1., -2., .5]),
             testing.InitializerArgument(None, initializers.One())],
            [initializers.Constant(-1.), initializers.One(),
             testing.InitializerArgument(None, initializers.Zero())])
