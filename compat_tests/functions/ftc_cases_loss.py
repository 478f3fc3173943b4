"""FunctionTestCase cases of ``chainer.functions.loss``.

Every loss runs in float16, float32 and float64 with its default reduction;
another reduction or option set runs in float64. Labels and sample ids are
int32 inputs (no gradient) or fixed by the parameters; inputs of the
piecewise losses stay away from their kinks (absolute errors: ``x0 - x1``
away from 0; hinge: margins away from 0).
"""
import numpy

from compat_tests.functions.ftc_cases import FLOATS, Table

T = Table('loss')
F64 = [numpy.float64]


def _pair_apart(g):
    # x1 = x0 + d with |d| >= 0.2: |x0 - x1| is smooth.
    x0 = g.u()
    d = g.u(low=-1.0, high=1.0, avoid=(0.0,), margin=0.1)
    return x0, (x0.astype(numpy.float64) + d).astype(g.dtype)


absolute_error = T.case(
    'absolute_error',
    {'dtype': FLOATS, 'shape': [(3, 4)]},
    _pair_apart,
    lambda F, p, x0, x1: F.absolute_error(x0, x1))


def _crf_inputs(g):
    cost = g.u((3, 3))
    xs = tuple(g.u((b, 3)) for b in g.lengths)
    return (cost,) + xs


# Decreasing batch sizes per step, 3 labels. Not differentiable (a path and
# its score): forward only.
argmax_crf1d = T.case(
    'argmax_crf1d',
    {'dtype': FLOATS, 'lengths': [(3, 2, 2, 1)]},
    _crf_inputs,
    lambda F, p, cost, *xs: F.argmax_crf1d(cost, list(xs)),
    array_outputs=True)

# x are the targets in [0, 1], y the logits (both get gradients).
bernoulli_nll = T.case(
    'bernoulli_nll',
    [{'dtype': FLOATS, 'shape': [(2, 3)], 'reduce': ['sum']},
     {'dtype': F64, 'shape': [(2, 3)], 'reduce': ['no']}],
    lambda g: (g.u(low=0.0, high=1.0), g.u(low=-3.0, high=3.0)),
    lambda F, p, x, y: F.bernoulli_nll(x, y, reduce=p.reduce))

_BLACK_OUT_SAMPLES = numpy.array([[1, 2], [0, 2], [3, 3]], numpy.int32)

black_out = T.case(
    'black_out',
    [{'dtype': FLOATS, 'reduce': ['mean']},
     {'dtype': F64, 'reduce': ['no']}],
    lambda g: (g.u((3, 2)), g.ints(0, 4, (3,)), g.u((4, 2))),
    lambda F, p, x, t, W: F.black_out(x, t, W, _BLACK_OUT_SAMPLES,
                                      reduce=p.reduce))

# T = 5 steps of (batch 2, 3 symbols), blank 0.
_CTC_T = numpy.array([[1, 2], [2, 2]], numpy.int32)
_CTC_LENGTHS = {
    None: {},
    'given': {'input_length': numpy.array([5, 4], numpy.int32),
              'label_length': numpy.array([2, 1], numpy.int32)},
}

connectionist_temporal_classification = T.case(
    'connectionist_temporal_classification',
    [{'dtype': FLOATS, 'lengths': [None], 'reduce': ['mean']},
     {'dtype': F64, 'lengths': ['given'], 'reduce': ['no']}],
    lambda g: tuple(g.u((2, 3), -2.0, 2.0) for _ in range(5)),
    lambda F, p, *xs: F.connectionist_temporal_classification(
        list(xs), _CTC_T, 0, reduce=p.reduce, **_CTC_LENGTHS[p.lengths]))

# y: 1 for similar pairs, 0 for dissimilar ones.
contrastive = T.case(
    'contrastive',
    [{'dtype': FLOATS, 'margin': [1.0], 'reduce': ['mean']},
     {'dtype': F64, 'margin': [0.5], 'reduce': ['no']}],
    lambda g: (g.u((4, 3)), g.u((4, 3)), numpy.array([1, 0, 0, 1],
                                                     numpy.int32)),
    lambda F, p, x0, x1, y: F.contrastive(x0, x1, y, margin=p.margin,
                                          reduce=p.reduce))

_CRF_YS = ((0, 2, 1), (1, 1), (2, 0), (1,))

crf1d = T.case(
    'crf1d',
    [{'dtype': FLOATS, 'lengths': [(3, 2, 2, 1)], 'reduce': ['mean']},
     {'dtype': F64, 'lengths': [(3, 2, 2, 1)], 'reduce': ['no']}],
    _crf_inputs,
    lambda F, p, cost, *xs: F.crf1d(
        cost, list(xs), [numpy.array(y, numpy.int32) for y in _CRF_YS],
        reduce=p.reduce))

cross_covariance = T.case(
    'cross_covariance',
    [{'dtype': FLOATS, 'reduce': ['half_squared_sum']},
     {'dtype': F64, 'reduce': ['no']}],
    lambda g: (g.u((4, 3)), g.u((4, 2))),
    lambda F, p, y, z: F.cross_covariance(y, z, reduce=p.reduce))

decov = T.case(
    'decov',
    [{'dtype': FLOATS, 'reduce': ['half_squared_sum']},
     {'dtype': F64, 'reduce': ['no']}],
    lambda g: (g.u((4, 3)),),
    lambda F, p, h: F.decov(h, reduce=p.reduce))

_DMBCL_LABELS = numpy.array([[[0, 1, 1], [2, 0, 1]],
                             [[1, 1, 0], [0, 2, 2]]], numpy.int32)

# Three losses (variance, distance, regularization) with the L1 norm.
discriminative_margin_based_clustering_loss = T.case(
    'discriminative_margin_based_clustering_loss',
    {'dtype': FLOATS, 'delta_v,delta_d': [(0.5, 1.5)]},
    lambda g: (g.u((2, 2, 2, 3), -2.0, 2.0),),
    lambda F, p, e: F.discriminative_margin_based_clustering_loss(
        e, _DMBCL_LABELS, p.delta_v, p.delta_d, 2))

gaussian_kl_divergence = T.case(
    'gaussian_kl_divergence',
    [{'dtype': FLOATS, 'reduce': ['sum']},
     {'dtype': F64, 'reduce': ['mean', 'no']}],
    lambda g: (g.u((2, 3)), g.u((2, 3))),
    lambda F, p, mean, ln_var: F.gaussian_kl_divergence(mean, ln_var,
                                                        reduce=p.reduce))

gaussian_nll = T.case(
    'gaussian_nll',
    [{'dtype': FLOATS, 'reduce': ['sum']},
     {'dtype': F64, 'reduce': ['no']}],
    lambda g: (g.u((2, 3)), g.u((2, 3)), g.u((2, 3))),
    lambda F, p, x, mean, ln_var: F.gaussian_nll(x, mean, ln_var,
                                                 reduce=p.reduce))


def _hinge_inputs(g):
    # The margins 1 - x (true class) and 1 + x (others) stay away from 0.
    return (g.u((4, 3), -2.0, 2.0, avoid=(-1.0, 1.0)), g.ints(0, 3, (4,)))


hinge = T.case(
    'hinge',
    [{'dtype': FLOATS, 'norm': ['L1'], 'reduce': ['mean']},
     {'dtype': F64, 'norm': ['L2'], 'reduce': ['no']}],
    _hinge_inputs,
    lambda F, p, x, t: F.hinge(x, t, norm=p.norm, reduce=p.reduce))

# |x - t| = delta is a kink of the second derivative only.
huber_loss = T.case(
    'huber_loss',
    [{'dtype': FLOATS, 'delta': [1.0], 'reduce': ['sum_along_second_axis']},
     {'dtype': F64, 'delta': [0.5], 'reduce': ['no']}],
    lambda g: (g.u((3, 4), -2.0, 2.0), g.u((3, 4), -2.0, 2.0)),
    lambda F, p, x, t: F.huber_loss(x, t, p.delta, reduce=p.reduce))

mean_absolute_error = T.case(
    'mean_absolute_error',
    {'dtype': FLOATS, 'shape': [(3, 4)]},
    _pair_apart,
    lambda F, p, x0, x1: F.mean_absolute_error(x0, x1))

mean_squared_error = T.case(
    'mean_squared_error',
    {'dtype': FLOATS, 'shape': [(3, 4)]},
    lambda g: (g.u(), g.u()),
    lambda F, p, x0, x1: F.mean_squared_error(x0, x1))


def _sampler(shape):
    # The negative samples: the same on every call (numerical gradients).
    return numpy.random.RandomState(30).randint(0, 4, shape).astype(
        numpy.int32)


negative_sampling = T.case(
    'negative_sampling',
    [{'dtype': FLOATS, 'sample_size': [2], 'reduce': ['sum']},
     {'dtype': F64, 'sample_size': [3], 'reduce': ['no']}],
    lambda g: (g.u((3, 2)), g.ints(0, 4, (3,)), g.u((4, 2))),
    lambda F, p, x, t, W: F.negative_sampling(x, t, W, _sampler,
                                              p.sample_size,
                                              reduce=p.reduce))

# Labels in {-1, 0, 1} (-1 is ignored).
sigmoid_cross_entropy = T.case(
    'sigmoid_cross_entropy',
    [{'dtype': FLOATS, 'normalize': [True], 'reduce': ['mean']},
     {'dtype': F64, 'normalize': [False], 'reduce': ['mean']},
     {'dtype': F64, 'normalize': [True], 'reduce': ['no']}],
    lambda g: (g.u((2, 3), -3.0, 3.0), g.ints(-1, 2, (2, 3))),
    lambda F, p, x, t: F.sigmoid_cross_entropy(
        x, t, normalize=p.normalize, reduce=p.reduce))

_CLASS_WEIGHT = (0.5, 2.0, 1.0)


def _sce_inputs(g):
    x = g.u(g.shape, -2.0, 2.0)
    t_shape = (g.shape[0],) + g.shape[2:]
    return x, g.ints(-1, g.shape[1], t_shape)


def _sce(F, p, x, t):
    weight = None
    if p.class_weight:
        weight = numpy.array(_CLASS_WEIGHT, p.dtype)
    return F.softmax_cross_entropy(
        x, t, normalize=p.normalize, class_weight=weight, reduce=p.reduce,
        enable_double_backprop=p.enable_double_backprop)


# Chainer differentiates the gradient only with enable_double_backprop.
softmax_cross_entropy = T.case(
    'softmax_cross_entropy',
    [{'dtype': FLOATS, 'shape': [(4, 3)], 'enable_double_backprop': [True]},
     {'dtype': F64, 'shape': [(2, 3, 2, 2)], 'enable_double_backprop': [True],
      'reduce': ['no']},
     {'dtype': F64, 'shape': [(4, 3)], 'enable_double_backprop': [False],
      'class_weight': [True], 'normalize': [False]}],
    _sce_inputs,
    _sce,
    defaults={'normalize': True, 'class_weight': False, 'reduce': 'mean'})


def _soft_q(p):
    # The soft target (a constant of the loss), from the parameters.
    q = numpy.random.RandomState(45).uniform(0.1, 1.0, (2, 3, 2))
    return (q / q.sum(axis=1, keepdims=True)).astype(p.dtype)


softmax_cross_entropy_soft_target = T.case(
    'softmax_cross_entropy_soft_target',
    [{'dtype': FLOATS, 'loss': ['cross-entropy'], 'reduce': ['mean']},
     {'dtype': F64, 'loss': ['kl-divergence'], 'reduce': ['no']}],
    lambda g: (g.u((2, 3, 2), -2.0, 2.0),),
    lambda F, p, x: F.softmax_cross_entropy(
        x, _soft_q(p), soft_target_loss=p.loss, reduce=p.reduce))


squared_difference = T.case(
    'squared_difference',
    {'dtype': FLOATS, 'shape': [(3, 4)]},
    lambda g: (g.u(), g.u()),
    lambda F, p, x1, x2: F.squared_difference(x1, x2))

squared_error = T.case(
    'squared_error',
    {'dtype': FLOATS, 'shape': [(3, 4)]},
    lambda g: (g.u(), g.u()),
    lambda F, p, x0, x1: F.squared_error(x0, x1))

triplet = T.case(
    'triplet',
    [{'dtype': FLOATS, 'margin': [0.2], 'reduce': ['mean']},
     {'dtype': F64, 'margin': [1.0], 'reduce': ['no']}],
    lambda g: (g.u((3, 2)), g.u((3, 2)), g.u((3, 2))),
    lambda F, p, a, pos, neg: F.triplet(a, pos, neg, margin=p.margin,
                                        reduce=p.reduce))
