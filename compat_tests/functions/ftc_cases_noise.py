"""FunctionTestCase cases of ``chainer.functions.noise``.

Golden values need deterministic outputs, so the random functions run in
their deterministic modes: a given ``mask`` (``dropout``,
``simplified_dropconnect``), a given ``eps`` (``gaussian``), or test mode
(``dropout``, ``zoneout``). ``gumbel_softmax`` and training-mode
``zoneout`` have no such option: their cases reseed NumPy's global
generator before each call (both Chainer's and chainerjax's noise come from
it), which makes every call draw the same noise so that numerical gradients
can be taken, but the two frameworks draw different noise from the same
seed: their tests check backward and double backward only.
"""
import numpy

from compat_tests.functions.ftc_cases import FLOATS, Table

T = Table('noise')
F64 = [numpy.float64]


def _mask(p, shape, ratio):
    # Dropout's mask (scaled by 1 / (1 - ratio), as Chainer's), a function
    # of the parameters only.
    rs = numpy.random.RandomState(5)
    keep = rs.uniform(size=shape) >= ratio
    return (keep / (1.0 - ratio)).astype(p.dtype)


dropout = T.case(
    'dropout',
    [{'dtype': FLOATS, 'shape': [(3, 4)], 'ratio': [0.5]},
     {'dtype': F64, 'shape': [(2, 3, 4)], 'ratio': [0.25]}],
    lambda g: (g.u(),),
    lambda F, p, x: F.dropout(x, p.ratio, mask=_mask(p, p.shape, p.ratio)))

# In test mode dropout is the identity.
dropout_test_mode = T.case(
    'dropout_test_mode',
    {'dtype': FLOATS, 'shape': [(3, 4)]},
    lambda g: (g.u(),),
    lambda F, p, x: F.dropout(x, 0.5),
    config={'train': False})


def _eps(p):
    return numpy.random.RandomState(7).standard_normal(p.shape).astype(
        p.dtype)


gaussian = T.case(
    'gaussian',
    {'dtype': FLOATS, 'shape': [(3, 4)]},
    lambda g: (g.u(), g.u()),
    lambda F, p, mean, ln_var: F.gaussian(mean, ln_var, eps=_eps(p)))


class _Reseeded(object):
    """Reseeds NumPy's global generator around a call (and restores it)."""

    def __init__(self, seed):
        self.seed = seed

    def __enter__(self):
        self.state = numpy.random.get_state()
        numpy.random.seed(self.seed)

    def __exit__(self, *exc):
        numpy.random.set_state(self.state)


def _gumbel_softmax(F, p, log_pi):
    with _Reseeded(11):
        return F.gumbel_softmax(log_pi, tau=p.tau, axis=p.axis)


gumbel_softmax = T.case(
    'gumbel_softmax',
    [{'dtype': FLOATS, 'shape': [(3, 4)], 'tau,axis': [(1.0, 1)]},
     {'dtype': F64, 'shape': [(2, 3, 2)], 'tau,axis': [(0.5, 2)]}],
    lambda g: (g.u(low=-2.0, high=0.0),),
    _gumbel_softmax)


def _dropconnect(F, p, x, W, *b):
    # A boolean mask (scaled by 1 / (1 - ratio) in the function), or a float
    # one, whose values Chainer multiplies with the scaled weights.
    mask_shape = ((x.shape[0],) + W.shape) if p.batchwise else W.shape
    keep = numpy.random.RandomState(9).uniform(size=mask_shape) >= 0.5
    mask = keep if p.mask == 'bool' else keep * 0.75
    return F.simplified_dropconnect(
        x, W, b[0] if b else None, ratio=0.5, mask=mask,
        use_batchwise_mask=p.batchwise)


simplified_dropconnect = T.case(
    'simplified_dropconnect',
    [{'dtype': FLOATS, 'shapes': [((2, 3), (4, 3), (4,))],
      'batchwise': [True], 'mask': ['bool']},
     {'dtype': F64, 'shapes': [((2, 3), (4, 3))], 'batchwise': [False],
      'mask': ['float']}],
    lambda g: tuple(g.u(s) for s in g.shapes),
    _dropconnect)

# In test mode zoneout returns x (h gets no gradient).
zoneout_test_mode = T.case(
    'zoneout_test_mode',
    {'dtype': FLOATS, 'shape': [(3, 4)]},
    lambda g: (g.u(), g.u()),
    lambda F, p, h, x: F.zoneout(h, x, 0.5),
    config={'train': False})


def _zoneout(F, p, h, x):
    with _Reseeded(13):
        return F.zoneout(h, x, p.ratio)


zoneout = T.case(
    'zoneout',
    {'dtype': FLOATS, 'shape': [(3, 4)], 'ratio': [0.5]},
    lambda g: (g.u(), g.u()),
    _zoneout)
