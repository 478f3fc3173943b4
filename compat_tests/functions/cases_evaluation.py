"""``chainer.functions.evaluation``: values, dtypes and errors against
Chainer 7.8.1 (these functions are not differentiable: forward only)."""
from compat_tests.functions._common import OPT, err, values


def _labels(np, *v):
    return np.array(v, np.int32)


def case_accuracy(chainer, F, np):
    t = _labels(np, 0, 2, 1, 2, 1)
    out = values(chainer, np, {}, 'base', F.accuracy, [(5, 3), t], 1)
    t_ign = _labels(np, 0, -1, 1, -1, 2)
    values(chainer, np, out, 'ignore',
           lambda y, t: F.accuracy(y, t, ignore_label=-1), [(5, 3), t_ign],
           2)
    values(chainer, np, out, 'all_ignored',
           lambda y, t: F.accuracy(y, t, ignore_label=-1),
           [(5, 3), _labels(np, -1, -1, -1, -1, -1)], 3)
    values(chainer, np, out, 'spatial', F.accuracy,
           [(2, 3, 2), np.array([[0, 1], [2, 2]], np.int32)], 4, dtypes=OPT)
    values(chainer, np, out, 'spatial_ignore',
           lambda y, t: F.accuracy(y, t, ignore_label=1),
           [(2, 3, 2), np.array([[0, 1], [2, 1]], np.int32)], 5,
           dtypes=OPT)
    values(chainer, np, out, 'int64', F.accuracy,
           [(5, 3), t.astype(np.int64)], 6, dtypes=OPT)
    # ties: argmax takes the first maximum
    ties = np.array([[1.0, 1.0, 0.0], [0.0, 2.0, 2.0]])
    values(chainer, np, out, 'ties', F.accuracy,
           [ties, _labels(np, 1, 1)], 7, dtypes=OPT)
    y = np.zeros((5, 3), np.float32)
    out['err_t_shape'] = err(F.accuracy, y, _labels(np, 0, 1, 2))
    out['err_t_dtype'] = err(F.accuracy, y, t.astype(np.float32))
    out['err_y_dtype'] = err(F.accuracy, y.astype(np.int32), t)
    return out


def case_binary_accuracy(chainer, F, np):
    t = _labels(np, 0, 1, 1, 0, 1, 0)
    out = values(chainer, np, {}, 'base', F.binary_accuracy, [(6,), t], 8)
    values(chainer, np, out, 'ignore', F.binary_accuracy,
           [(2, 3), np.array([[0, -1, 1], [-1, 1, 0]], np.int32)], 9)
    values(chainer, np, out, 'all_ignored', F.binary_accuracy,
           [(3,), _labels(np, -1, -1, -1)], 10, dtypes=OPT)
    values(chainer, np, out, 'zero_logit', F.binary_accuracy,
           [np.array([0.0, -0.0, 1e-3, -1e-3]), _labels(np, 0, 1, 1, 0)],
           11, dtypes=OPT)
    out['err_shape'] = err(F.binary_accuracy, np.zeros((6,), np.float32),
                           _labels(np, 0, 1))
    return out


def _summary_inputs(np):
    t = _labels(np, 0, 2, 1, 2, 1, -1, 0)
    return [(7, 3), t]


def case_classification_summary(chainer, F, np):
    out = values(chainer, np, {}, 'base', F.classification_summary,
                 _summary_inputs(np), 12)
    values(chainer, np, out, 'beta_label_num',
           lambda y, t: F.classification_summary(y, t, label_num=4,
                                                 beta=2.0),
           _summary_inputs(np), 13, dtypes=OPT)
    values(chainer, np, out, 'ignore',
           lambda y, t: F.classification_summary(y, t, ignore_label=2),
           [(5, 3), _labels(np, 0, 2, 1, 2, 1)], 14, dtypes=OPT)
    values(chainer, np, out, 'spatial', F.classification_summary,
           [(2, 3, 2), np.array([[0, 1], [2, 1]], np.int32)], 15,
           dtypes=OPT)
    out['err_negative_label'] = err(
        F.classification_summary, np.zeros((2, 3), np.float32),
        _labels(np, 0, -1), ignore_label=2)
    out['err_t_shape'] = err(F.classification_summary,
                             np.zeros((7, 3), np.float32), _labels(np, 0))
    return out


def case_f1_score(chainer, F, np):
    out = values(chainer, np, {}, 'base', F.f1_score, _summary_inputs(np),
                 16)
    values(chainer, np, out, 'label_num',
           lambda y, t: F.f1_score(y, t, label_num=4, ignore_label=0),
           [(5, 3), _labels(np, 0, 2, 1, 2, 1)], 17, dtypes=OPT)
    return out


def case_precision(chainer, F, np):
    out = values(chainer, np, {}, 'base', F.precision, _summary_inputs(np),
                 18)
    values(chainer, np, out, 'label_num',
           lambda y, t: F.precision(y, t, label_num=4), _summary_inputs(np),
           19, dtypes=OPT)
    return out


def case_recall(chainer, F, np):
    out = values(chainer, np, {}, 'base', F.recall, _summary_inputs(np), 20)
    values(chainer, np, out, 'label_num',
           lambda y, t: F.recall(y, t, label_num=4, ignore_label=1),
           [(5, 3), _labels(np, 0, 2, 1, 2, 1)], 21, dtypes=OPT)
    return out


def case_r2_score(chainer, F, np):
    out = values(chainer, np, {}, 'base', F.r2_score, [(5, 2), (5, 2)], 22)
    values(chainer, np, out, 'raw',
           lambda p, t: F.r2_score(p, t, multioutput='raw_values'),
           [(5, 2), (5, 2)], 23)
    values(chainer, np, out, 'one_d', F.r2_score, [(4,), (4,)], 24,
           dtypes=OPT)
    values(chainer, np, out, 'constant_true', F.r2_score,
           [(3,), np.array([1.0, 1.0, 1.0])], 25, dtypes=OPT)
    values(chainer, np, out, 'perfect', F.r2_score,
           [np.array([1.0, 2.0, 1.0]), np.array([1.0, 2.0, 1.0])], 26,
           dtypes=OPT)
    p = np.zeros((5, 2), np.float32)
    out['err_weight'] = err(F.r2_score, p, p, sample_weight=np.ones(5))
    out['err_multioutput'] = err(F.r2_score, p, p, multioutput='variance')
    out['err_shape'] = err(F.r2_score, p, np.zeros((5, 3), np.float32))
    out['err_dtype'] = err(F.r2_score, p, p.astype(np.float64))
    return out
