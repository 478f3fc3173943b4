"""The seed's models run (issue 4 item 6).

``LinearLayer`` (a ``Link`` with ``chainer.Parameter`` weights from
``initializers.Normal()``/``Zero()``) and SqueezeNet v1.0 made of ``Fire``
chains in the old constructor style, loaded with the weights real Chainer
7.8.1 saved (``generate.py``), give Chainer's outputs and gradients at batch
2 on 3x224x224 input: in float32, and SqueezeNet in float64 too, where the
gradients that float32 rounding may send to another element of a max
pooling window (``_seed_models.ROUTED_BY_MAX_POOLING``) are compared
element by element.
"""
import os

import numpy
import pytest

import chainerjax
from chainerjax import serializers
from compat_tests.links import _seed_models

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        'fixtures')
# float32 through 26 layers (SqueezeNet): the sums run in another order
# than NumPy's/Chainer's.
TOL = {('linear', 'float32'): (1e-5, 1e-6),
       ('squeezenet', 'float32'): (2e-4, 1e-5),
       ('squeezenet', 'float64'): (1e-9, 1e-12)}
# In float32 a gradient through a max pooling window whose two largest
# values are closer than the rounding error goes to either (both are right):
# those gradients are compared as a whole, relative to their norm.
ROUTED_NORM_RTOL = 1e-2


def _load(name):
    with numpy.load(os.path.join(FIXTURES, name), allow_pickle=False) as f:
        return dict(f.items())


def _model(which):
    model = _seed_models.make(chainerjax, which)
    serializers.load_npz(os.path.join(FIXTURES, which + '_weights.npz'),
                         model)
    return model


@pytest.fixture(scope='module')
def squeezenet():
    return _model('squeezenet')


def test_linear_layer_parameters():
    model = _seed_models.make(chainerjax, 'linear')
    assert sorted(n for n, _ in model.namedparams()) == ['/W', '/b']
    assert model.W.shape == (_seed_models.N_OUT, _seed_models.N_IN)
    assert model.W.dtype == numpy.float32 and model.b.dtype == numpy.float32
    numpy.testing.assert_array_equal(model.b.array, 0)
    # Normal() draws from NumPy's global generator, as Chainer's does: the
    # same seed gives the weights Chainer saved.
    numpy.testing.assert_array_equal(
        model.W.array, _load('linear_weights.npz')['W'])


@pytest.mark.parametrize('which,dtype', [
    ('linear', 'float32'), ('squeezenet', 'float32'),
    ('squeezenet', 'float64')])
def test_same_outputs_and_gradients_as_chainer(which, dtype, request):
    if which == 'linear':
        model = _model(which)
    elif dtype == 'float32':
        model = request.getfixturevalue('squeezenet')
    else:
        model = _seed_models.cast(_model(which), numpy.float64)
    ours = _seed_models.run(chainerjax, model, which, numpy.dtype(dtype))
    suffix = '' if dtype == 'float32' else '_' + dtype
    ref = _load(which + '_outputs' + suffix + '.npz')
    assert sorted(ours) == sorted(ref)
    rtol, atol = TOL[which, dtype]
    routed = _seed_models.ROUTED_BY_MAX_POOLING.get(which, ())
    for key in ref:
        assert ours[key].dtype == ref[key].dtype, key
        assert ours[key].shape == ref[key].shape, key
        if dtype == 'float32' and key in routed:
            error = numpy.linalg.norm(
                ours[key].astype(numpy.float64) - ref[key])
            assert error <= ROUTED_NORM_RTOL * numpy.linalg.norm(ref[key]), \
                (key, error, numpy.linalg.norm(ref[key]))
            continue
        # atol relative to the array's scale: gradients are small
        scale = max(float(numpy.abs(ref[key]).max()), 1e-30)
        numpy.testing.assert_allclose(ours[key], ref[key], rtol=rtol,
                                      atol=atol * scale, err_msg=key)


def test_squeezenet_structure(squeezenet):
    names = {n for n, _ in squeezenet.namedlinks(skipself=True)}
    assert {'/conv1', '/fire2', '/fire9/conv3', '/conv10'} <= names
    assert len(names) == 2 + 8 * 4      # conv1, conv10, 8 Fires of 3 convs
    assert squeezenet.fire4.conv3.W.shape == (128, 32, 3, 3)
    assert squeezenet.conv10.W.shape == (_seed_models.N_CLASSES, 512, 1, 1)
    raw = _load('squeezenet_weights.npz')
    assert sorted(n.lstrip('/') for n, _ in squeezenet.namedparams()) == \
        sorted(raw)


def test_squeezenet_train_mode(squeezenet):
    # dropout is random in train mode: check shapes and that gradients flow
    x_data, t = _seed_models.inputs('squeezenet')
    x = chainerjax.Variable(x_data)
    with chainerjax.using_config('train', True):
        y = squeezenet(x)
        loss = chainerjax.functions.softmax_cross_entropy(y, t)
    assert y.shape == (_seed_models.BATCH, _seed_models.N_CLASSES)
    assert y.dtype == numpy.float32
    squeezenet.cleargrads()
    loss.backward()
    assert x.grad.shape == x_data.shape
    for name, param in squeezenet.namedparams():
        assert param.grad is not None, name
        assert param.grad.shape == param.shape, name
        assert numpy.isfinite(numpy.asarray(param.grad)).all(), name
