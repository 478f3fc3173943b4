"""``chainer.links.model`` against real Chainer 7.8.1 (cases in
``_link_cases.py``, fixtures from ``generate_linktests.py``).

``Classifier`` is a ``testing.LinkTestCase`` (forward, numerical backward,
and ``test_chainer``: parameters, gradients, ``loss``/``accuracy``
attributes). The pretrained-architecture models are too big for a forward
each: their parameter and persistent names, shapes and dtypes with
``pretrained_model=None`` are compared with Chainer's, and GoogLeNet (the
smallest) runs its first layers, up to ``inception_3a``, on a 32x32 image,
with the gradients of some of those layers compared with Chainer's
(numerically they would be slow).
"""
import contextlib

import numpy
import pytest

import chainerjax
from chainerjax import configuration
from chainerjax import initializers
from chainerjax import testing
from compat_tests.links import _link_cases as C


def _params(name):
    return [d for t in C.get(name).tables for d in testing.product(t)]


_backends = testing.inject_backend_tests(None, [{}])


def test_fixture_has_every_case():
    assert C.fixture_case_keys('model') == C.table_case_keys('model')


@testing.parameterize(*_params('Classifier'))
@_backends
class TestClassifier(C.LinkCaseTest, testing.LinkTestCase):
    case = C.get('Classifier')


@testing.parameterize(*_params('GoogLeNet.inception_3a'))
@_backends
class TestGoogLeNetFirstLayers(C.LinkCaseTest, testing.LinkTestCase):
    # 11 layers of 13M-parameter model: gradients compared with Chainer's
    # (test_chainer) rather than numerically
    case = C.get('GoogLeNet.inception_3a')
    skip_backward_test = True


@contextlib.contextmanager
def _unfilled_parameters():
    # Parameters built inside are read-only zero-strided views: names,
    # shapes and dtypes without drawing VGG16's 138M initial values
    # (seconds). Only for the structure comparison below.
    original = initializers.generate_array

    def generate_array(initializer, shape, xp, dtype=None, device=None):
        if dtype is None:
            dtype = getattr(initializer, 'dtype', None)
        dtype = configuration.get_dtype(dtype)
        if isinstance(shape, int):
            shape = (shape,)
        return numpy.broadcast_to(numpy.zeros((), dtype), tuple(shape))

    initializers.generate_array = generate_array
    try:
        yield
    finally:
        initializers.generate_array = original


@pytest.mark.parametrize('name', [
    'VGG16Layers', 'VGG19Layers', 'ResNet50Layers', 'ResNet101Layers',
    'ResNet152Layers', 'GoogLeNet'])
def test_pretrained_model_structure(name):
    case = C.get(name)
    p, = C.expand(case.tables)
    exp = C.expected(case, p)
    assert exp
    with _unfilled_parameters():
        ours = C.run(chainerjax, case, p)
    assert sorted(ours) == sorted(exp) == ['params', 'states']
    for listing in ('params', 'states'):
        assert [str(n) for n in ours[listing]] == \
            [str(n) for n in exp[listing]], listing


def test_unfilled_parameters_is_restored():
    with _unfilled_parameters():
        pass
    link = chainerjax.links.Linear(2, 3)
    assert link.W.array.flags.writeable
