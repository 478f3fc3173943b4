import textwrap

import numpy
import pytest

import chainerjax as chainer
import chainerjax.functions as F
import chainerjax.links as L
from chainerjax import optimizers
from chainerjax.serializers import npz
from tests.link_tests import _chainer_ref


def _x(shape, seed=0):
    return numpy.random.RandomState(seed).randn(*shape).astype(numpy.float32)


def test_train_updates_averages():
    bn = L.BatchNormalization(3)
    assert bn.avg_mean.dtype == numpy.float32 and bn.N == 0
    x = _x((5, 3, 2))
    y = bn(x)
    mean = x.mean(axis=(0, 2))
    var = x.var(axis=(0, 2))
    numpy.testing.assert_allclose(
        y.array, (x - mean[:, None]) / numpy.sqrt(var[:, None] + 2e-5),
        rtol=1e-4, atol=1e-5)
    numpy.testing.assert_allclose(bn.avg_mean, 0.1 * mean, rtol=1e-5)
    numpy.testing.assert_allclose(
        bn.avg_var, 0.9 + 0.1 * var * 10 / 9., rtol=1e-5)
    assert bn.N == 0
    assert sorted(npz.serialize(bn)) == \
        ['N', 'avg_mean', 'avg_var', 'beta', 'gamma']


def test_test_mode_uses_averages():
    bn = L.BatchNormalization(3, initial_avg_mean=1., initial_avg_var=4.,
                              initial_gamma=2., initial_beta=.5)
    x = _x((4, 3))
    with chainer.using_config('train', False):
        y = bn(x)
    numpy.testing.assert_allclose(
        y.array, 2 * (x - 1) / numpy.sqrt(4 + 2e-5) + .5, rtol=1e-5)
    numpy.testing.assert_array_equal(bn.avg_mean, 1)


def test_finetune():
    bn = L.BatchNormalization(2)
    xs = [_x((4, 2), s) for s in range(3)]
    for x in xs:
        bn(x, finetune=True)
    assert bn.N == 3
    numpy.testing.assert_allclose(
        bn.avg_mean, numpy.mean([x.mean(0) for x in xs], 0), rtol=1e-5)
    numpy.testing.assert_allclose(
        bn.avg_var, numpy.mean([x.var(0, ddof=1) for x in xs], 0),
        rtol=1e-5)
    bn.start_finetuning()
    assert bn.N == 0


def test_lazy_axis_no_gamma_beta():
    with pytest.raises(RuntimeError):
        L.BatchNormalization()
    bn = L.BatchNormalization(axis=(0, 2), use_gamma=False, use_beta=False)
    assert bn.avg_mean is None and bn.gamma is None
    x = _x((4, 3, 5))
    y = bn(x)
    assert bn.avg_mean.shape == (3,)
    assert [n for n, _ in bn.namedparams()] == []
    numpy.testing.assert_allclose(y.array.mean(axis=(0, 2)), 0, atol=1e-5)
    bn = L.BatchNormalization(axis=1)
    bn(x)
    assert bn.avg_mean.shape == (4, 5) and bn.gamma.shape == (4, 5)


def test_dtype():
    bn = L.BatchNormalization(3, dtype=numpy.float64)
    assert bn.gamma.dtype == bn.avg_var.dtype == numpy.float64
    with chainer.using_config('dtype', numpy.float16):
        bn = L.BatchNormalization(3)
    assert bn.gamma.dtype == bn.avg_mean.dtype == numpy.float16
    bn = L.BatchNormalization(3, dtype=chainer.mixed16)
    assert bn.avg_mean.dtype == numpy.float32


class Net(chainer.Chain):

    def __init__(self):
        super(Net, self).__init__()
        with self.init_scope():
            self.l1 = L.Linear(None, 4)
            self.bn = L.BatchNormalization(4)
            self.l2 = L.Linear(4, 3)

    def forward(self, x, finetune=False):
        return self.l2(F.relu(self.bn(self.l1(x), finetune=finetune)))


def _train(use_jit, finetune):
    numpy.random.seed(0)
    model = L.Classifier(Net())
    opt = optimizers.SGD(lr=0.1)
    opt.setup(model)

    def update(x, t):
        opt.update(model, x, t, finetune=finetune)

    step = chainer.jit(update) if use_jit else update
    for i in range(4):
        rs = numpy.random.RandomState(i)
        x = rs.randn(6, 5).astype(numpy.float32)
        t = rs.randint(0, 3, 6).astype(numpy.int32)
        step(x, t)
    return model


@pytest.mark.parametrize('finetune', [False, True])
def test_jit_matches_eager(finetune):
    eager = _train(False, finetune)
    jitted = _train(True, finetune)
    for name in ('avg_mean', 'avg_var'):
        numpy.testing.assert_allclose(
            numpy.asarray(getattr(jitted.predictor.bn, name)),
            getattr(eager.predictor.bn, name), rtol=1e-5, atol=1e-6)
    assert int(jitted.predictor.bn.N) == eager.predictor.bn.N == \
        (4 if finetune else 0)
    numpy.testing.assert_allclose(
        numpy.asarray(jitted.predictor.bn.gamma.array),
        eager.predictor.bn.gamma.array, rtol=1e-5, atol=1e-6)


_REF_SCRIPT = textwrap.dedent('''
    import json, warnings
    warnings.simplefilter('ignore')
    import numpy
    import chainer.links as L
    out = {}
    bn = L.BatchNormalization(3)
    ft = L.BatchNormalization(3)
    for s in range(3):
        x = numpy.random.RandomState(s).randn(5, 3, 2).astype(numpy.float32)
        bn(x)
        ft(x, finetune=True)
    out['mean'] = bn.avg_mean.tolist()
    out['var'] = bn.avg_var.tolist()
    out['ft_mean'] = ft.avg_mean.tolist()
    out['ft_var'] = ft.avg_var.tolist()
    out['N'] = [bn.N, ft.N]
    print(json.dumps(out))
''')


def test_matches_real_chainer():
    ref = _chainer_ref.run_reference(_REF_SCRIPT)
    bn = L.BatchNormalization(3)
    ft = L.BatchNormalization(3)
    for s in range(3):
        x = _x((5, 3, 2), s)
        bn(x)
        ft(x, finetune=True)
    assert [bn.N, ft.N] == ref['N']
    for a, key in ((bn.avg_mean, 'mean'), (bn.avg_var, 'var'),
                   (ft.avg_mean, 'ft_mean'), (ft.avg_var, 'ft_var')):
        numpy.testing.assert_allclose(
            a, numpy.array(ref[key], numpy.float32), rtol=1e-6, atol=1e-7)
