import textwrap

import numpy
import pytest

import chainerjax.functions as F
import chainerjax.links as L
from tests.link_tests import _chainer_ref


def _x(shape, seed=0):
    return numpy.random.RandomState(seed).randn(*shape).astype(numpy.float32)


def test_stateful_steps_and_reset():
    link = L.LSTM(3, 4)
    assert link.c is None and link.h is None
    assert link.upward.W.shape == (16, 3) and link.lateral.W.shape == (16, 4)
    assert link.lateral.b is None
    x1, x2 = _x((2, 3), 1), _x((2, 3), 2)
    y1 = link(x1)
    c, h = F.lstm(numpy.zeros((2, 4), numpy.float32), link.upward(x1))
    numpy.testing.assert_allclose(y1.array, h.array, rtol=1e-6)
    y2 = link(x2)
    c, h = F.lstm(c, link.upward(x2) + link.lateral(h))
    numpy.testing.assert_allclose(y2.array, h.array, rtol=1e-5)
    numpy.testing.assert_allclose(link.c.array, c.array, rtol=1e-5)
    link.cleargrads()
    F.sum(y2).backward()
    assert link.lateral.W.grad is not None
    link.reset_state()
    assert link.c is None and link.h is None
    assert sorted(n for n, _ in link.namedparams()) == \
        ['/lateral/W', '/upward/W', '/upward/b']


def test_smaller_batch_and_errors():
    link = L.LSTM(4)
    link(_x((3, 2)))
    h_old = link.h.array.copy()
    y = link(_x((2, 2), 1))
    assert y.shape == (2, 4) and link.h.shape == (3, 4)
    numpy.testing.assert_array_equal(link.h.array[2], h_old[2])
    with pytest.raises(TypeError):
        link(_x((4, 2)))


def test_lazy_and_stateless():
    link = L.LSTM(None, 4)
    link(_x((2, 5)))
    assert link.upward.W.shape == (16, 5)
    s = L.StatelessLSTM(4)
    c, h = s(None, None, _x((2, 3)))
    c2, h2 = s(c, h, _x((2, 3), 1))
    assert c2.shape == h2.shape == (2, 4)


def test_bias_layout():
    link = L.LSTM(2, 3, bias_init=.5, forget_bias_init=2.)
    numpy.testing.assert_array_equal(
        link.upward.b.array.reshape(3, 4), [[.5, .5, 2., .5]] * 3)


_REF_SCRIPT = textwrap.dedent('''
    import json, warnings
    warnings.simplefilter('ignore')
    import numpy
    import chainer.links as L
    numpy.random.seed(2)
    link = L.LSTM(3, 2)
    out = {k: getattr(link, a).W.array.tolist()
           for k, a in (('up', 'upward'), ('lat', 'lateral'))}
    out['b'] = link.upward.b.array.tolist()
    x = numpy.random.RandomState(0).randn(2, 3).astype(numpy.float32)
    link(x)
    out['y'] = link(x).array.tolist()
    print(json.dumps(out))
''')


def test_matches_real_chainer():
    ref = _chainer_ref.run_reference(_REF_SCRIPT)
    numpy.random.seed(2)
    link = L.LSTM(3, 2)
    numpy.testing.assert_array_equal(link.upward.W.array, ref['up'])
    numpy.testing.assert_array_equal(link.lateral.W.array,
                                     numpy.array(ref['lat'], numpy.float32))
    numpy.testing.assert_array_equal(link.upward.b.array, ref['b'])
    x = _x((2, 3))
    link(x)
    numpy.testing.assert_allclose(link(x).array, ref['y'], rtol=1e-5)
