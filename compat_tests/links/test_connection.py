"""``chainer.links.connection`` against real Chainer 7.8.1, as
``testing.LinkTestCase`` tests (cases in ``_link_cases.py``, fixtures from
``generate_linktests.py``).

Each class runs ``test_forward`` (outputs equal Chainer's),
``test_backward`` (numerical check of the inputs and of the direct
parameters ``case.checked_params``) and ``test_chainer`` (namedparams,
serialized state and the gradients of every parameter for a fixed upstream
gradient equal Chainer's). Chains (Deformable, Highway, Inception,
InceptionBN, MLPConvolution2D, Scale's bias) have their inner parameters
checked by ``test_chainer`` only.
"""
import numpy

from chainerjax import initializers
from chainerjax import testing
from compat_tests.links import _link_cases as C


def _params(name):
    return [d for t in C.get(name).tables for d in testing.product(t)]


_backends = testing.inject_backend_tests(None, [{}])


def test_fixture_has_every_case():
    assert C.fixture_case_keys('connection') == \
        C.table_case_keys('connection')


@testing.parameterize(*_params('Linear'))
@_backends
class TestLinear(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('Linear')


@testing.parameterize(*_params('Convolution2D'))
@_backends
class TestConvolution2D(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('Convolution2D')


@testing.parameterize(*_params('Convolution1D'))
@_backends
class TestConvolution1D(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('Convolution1D')


@testing.parameterize(*_params('Convolution3D'))
@_backends
class TestConvolution3D(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('Convolution3D')


@testing.parameterize(*_params('ConvolutionND'))
@_backends
class TestConvolutionND(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('ConvolutionND')


@testing.parameterize(*_params('Deconvolution2D'))
@_backends
class TestDeconvolution2D(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('Deconvolution2D')


@testing.parameterize(*_params('Deconvolution1D'))
@_backends
class TestDeconvolution1D(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('Deconvolution1D')


@testing.parameterize(*_params('Deconvolution3D'))
@_backends
class TestDeconvolution3D(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('Deconvolution3D')


@testing.parameterize(*_params('DeconvolutionND'))
@_backends
class TestDeconvolutionND(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('DeconvolutionND')


@testing.parameterize(*_params('DilatedConvolution2D'))
@_backends
class TestDilatedConvolution2D(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('DilatedConvolution2D')


@testing.parameterize(*_params('DepthwiseConvolution2D'))
@_backends
class TestDepthwiseConvolution2D(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('DepthwiseConvolution2D')


@testing.parameterize(*_params('DeformableConvolution2D'))
@_backends
class TestDeformableConvolution2D(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('DeformableConvolution2D')


@testing.parameterize(*_params('LocalConvolution2D'))
@_backends
class TestLocalConvolution2D(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('LocalConvolution2D')


@testing.parameterize(*_params('EmbedID'))
@_backends
class TestEmbedID(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('EmbedID')


@testing.parameterize(*_params('Bias'))
@_backends
class TestBias(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('Bias')


@testing.parameterize(*_params('Scale'))
@_backends
class TestScale(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('Scale')


@testing.parameterize(*_params('Bilinear'))
@_backends
class TestBilinear(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('Bilinear')


@testing.parameterize(*_params('Highway'))
@_backends
class TestHighway(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('Highway')


@testing.parameterize(*_params('Inception'))
@_backends
class TestInception(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('Inception')


@testing.parameterize(*_params('InceptionBN'))
@_backends
class TestInceptionBN(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('InceptionBN')
    # float16 through convolution, batch normalization and concatenation:
    # differences of one or two float16 ulps of the largest values
    forward_tol = {'float16': (1e-2, 5e-3)}
    chainer_tol = {'float16': {'out/*': (1e-2, 5e-3), '*': (2e-2, 3e-2)}}


@testing.parameterize(*_params('MLPConvolution2D'))
@_backends
class TestMLPConvolution2D(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('MLPConvolution2D')


@testing.parameterize(*_params('Parameter'))
@_backends
class TestParameter(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('Parameter')


# ----- initializers ----------------------------------------------------------

@testing.parameterize(*testing.product({'dtype': C.FLOATS}))
@_backends
class TestLinearInitializers(C.CaseAdapter,
                             testing.LinkInitializersTestCase):
    # Each initializer in turn for W, then for b: the parameter holds what
    # the initializer fills (deterministic ones; None means 0 for b).
    case = C.get('Linear')
    param_names = ('W', 'b')
    nobias = False
    lazy = False
    x_shape = (3, 4)
    n_batch_axes = 1

    def get_initializers(self):
        W = numpy.arange(8).reshape(2, 4) / 8.
        return (
            [initializers.Constant(2.), initializers.One(), W, 0.5],
            [initializers.Constant(-1.), numpy.array([1., 2.]),
             testing.InitializerArgument(None, initializers.Zero())])


@testing.parameterize(*testing.product({'dtype': C.FLOATS}))
@_backends
class TestConvolution2DInitializers(C.CaseAdapter,
                                    testing.LinkInitializersTestCase):
    case = C.get('Convolution2D')
    param_names = ('W', 'b')
    stride = 1
    pad = 1

    def get_initializers(self):
        return (
            [initializers.Constant(.25), initializers.One(),
             numpy.linspace(-1, 1, 72).reshape(2, 4, 3, 3)],
            [initializers.Constant(3.),
             testing.InitializerArgument(None, initializers.Zero())])
