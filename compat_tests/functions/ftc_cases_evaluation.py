"""FunctionTestCase cases of ``chainer.functions.evaluation``.

These functions are not differentiable in Chainer (their tests are forward
only). Scores have no ties (``distinct``), so that the argmax is the same
in every dtype; labels include the ignored label where there is one.
"""
import numpy

from compat_tests.functions.ftc_cases import FLOATS, Table

T = Table('evaluation')
F32 = [numpy.float32]


def _scores_labels(g):
    n_class = g.shape[1]
    t_shape = (g.shape[0],) + g.shape[2:]
    low = -1 if g.params.get('ignore_label') == -1 else 0
    return (g.distinct(), g.ints(low, n_class, t_shape))


accuracy = T.case(
    'accuracy',
    [{'dtype': FLOATS, 'shape': [(5, 3)], 'ignore_label': [None]},
     {'dtype': F32, 'shape': [(2, 3, 2)], 'ignore_label': [-1]}],
    _scores_labels,
    lambda F, p, y, t: F.accuracy(y, t, ignore_label=p.ignore_label))

# Labels in {-1, 0, 1} (-1 is ignored).
binary_accuracy = T.case(
    'binary_accuracy',
    {'dtype': FLOATS, 'shape': [(2, 3)]},
    lambda g: (g.u(avoid=(0.0,)), g.ints(-1, 2, g.shape)),
    lambda F, p, y, t: F.binary_accuracy(y, t))

classification_summary = T.case(
    'classification_summary',
    [{'dtype': FLOATS, 'shape': [(7, 3)], 'label_num,beta': [(None, 1.0)],
      'ignore_label': [-1]},
     {'dtype': F32, 'shape': [(7, 3)], 'label_num,beta': [(4, 2.0)],
      'ignore_label': [-1]}],
    _scores_labels,
    lambda F, p, y, t: F.classification_summary(
        y, t, label_num=p.label_num, beta=p.beta, ignore_label=p.ignore_label))

f1_score = T.case(
    'f1_score',
    [{'dtype': FLOATS, 'shape': [(7, 3)], 'label_num': [None],
      'ignore_label': [-1]},
     {'dtype': F32, 'shape': [(5, 3)], 'label_num': [4],
      'ignore_label': [0]}],
    _scores_labels,
    lambda F, p, y, t: F.f1_score(y, t, label_num=p.label_num,
                                  ignore_label=p.ignore_label))

precision = T.case(
    'precision',
    [{'dtype': FLOATS, 'shape': [(7, 3)], 'label_num': [None],
      'ignore_label': [-1]},
     {'dtype': F32, 'shape': [(7, 3)], 'label_num': [4],
      'ignore_label': [-1]}],
    _scores_labels,
    lambda F, p, y, t: F.precision(y, t, label_num=p.label_num,
                                   ignore_label=p.ignore_label))

recall = T.case(
    'recall',
    [{'dtype': FLOATS, 'shape': [(7, 3)], 'label_num': [None],
      'ignore_label': [-1]},
     {'dtype': F32, 'shape': [(5, 3)], 'label_num': [4],
      'ignore_label': [1]}],
    _scores_labels,
    lambda F, p, y, t: F.recall(y, t, label_num=p.label_num,
                                ignore_label=p.ignore_label))

r2_score = T.case(
    'r2_score',
    [{'dtype': FLOATS, 'shape': [(5, 2)], 'multioutput': ['uniform_average']},
     {'dtype': F32, 'shape': [(5, 2)], 'multioutput': ['raw_values']}],
    lambda g: (g.u(), g.u()),
    lambda F, p, pred, true: F.r2_score(pred, true,
                                        multioutput=p.multioutput))
