import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


def _summary_ref(x, t, label_num, beta, ignore_label):
    pred = x.argmax(axis=1).ravel()
    t = t.ravel()
    keep = t != ignore_label
    pred, t = pred[keep], t[keep]
    p, r, f, s = [], [], [], []
    with numpy.errstate(divide='ignore', invalid='ignore'):
        for c in range(label_num):
            tp = float(((pred == c) & (t == c)).sum())
            prec = numpy.float64(tp) / (pred == c).sum()
            rec = numpy.float64(tp) / (t == c).sum()
            p.append(prec)
            r.append(rec)
            f.append((1 + beta ** 2) * prec * rec / (beta ** 2 * prec + rec))
            s.append((t == c).sum())
    return (numpy.array(p), numpy.array(r), numpy.array(f),
            numpy.array(s, numpy.int64))


@testing.parameterize(*testing.product({
    'shapes': [((8, 3), (8,)), ((4, 3, 2), (4, 2))],
    'label_num': [None, 4],
    'beta': [1.0, 2.0],
    'dtype': [numpy.float32],
}) + [{'shapes': ((8, 3), (8,)), 'label_num': None, 'beta': 1.0,
       'dtype': d} for d in (numpy.float16, numpy.float64)])
class TestClassificationSummary(object):

    def test_forward(self):
        x_shape, t_shape = self.shapes
        x = numpy.random.uniform(-1, 1, x_shape).astype(self.dtype)
        t = numpy.random.randint(-1, 3, t_shape).astype(numpy.int32)
        t.ravel()[0] = 2
        outs = functions.classification_summary(
            x, t, self.label_num, self.beta)
        label_num = self.label_num or int(t.max()) + 1
        expected = _summary_ref(x, t, label_num, self.beta, -1)
        assert len(outs) == 4
        for y, e, dtype in zip(outs, expected, [numpy.float64] * 3 +
                               [numpy.int64]):
            assert y.dtype == dtype
            assert y.shape == (label_num,)
            numpy.testing.assert_allclose(y.array, e, equal_nan=True)

    def test_shortcuts(self):
        x_shape, t_shape = self.shapes
        x = numpy.random.uniform(-1, 1, x_shape).astype(self.dtype)
        t = numpy.random.randint(0, 3, t_shape).astype(numpy.int32)
        p, r, f, s = functions.classification_summary(x, t, self.label_num)
        for fn, ref in [(functions.precision, p), (functions.recall, r),
                        (functions.f1_score, f)]:
            v, sup = fn(x, t, self.label_num)
            numpy.testing.assert_array_equal(v.array, ref.array)
            numpy.testing.assert_array_equal(sup.array, s.array)


def test_invalid():
    with pytest.raises(type_check.InvalidType):
        functions.classification_summary(numpy.zeros((3, 2), numpy.float32),
                                         numpy.zeros((3,), numpy.float32), 2)


testing.run_module(__name__, __file__)
