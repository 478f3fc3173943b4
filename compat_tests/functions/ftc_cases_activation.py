"""FunctionTestCase cases of ``chainer.functions.activation``.

Every function runs in float16, float32 and float64 on a representative
shape; option sets run in float64. Inputs of the piecewise functions stay
0.1 away from their kinks (``avoid``) and maxout's inputs have no ties, so
that numerical gradients are taken where the function is smooth.
"""
import numpy

from compat_tests.functions.ftc_cases import FLOATS, Table

T = Table('activation')
F64 = [numpy.float64]


def _one(lo=-1.0, hi=1.0, avoid=()):
    return lambda g: (g.u(low=lo, high=hi, avoid=avoid),)


clipped_relu = T.case(
    'clipped_relu',
    [{'dtype': FLOATS, 'shape': [(3, 4)], 'z': [0.75]},
     {'dtype': F64, 'shape': [(2, 3, 4)], 'z': [20.0]}],
    lambda g: (g.u(low=-1.0, high=1.5 if g.z < 1 else 22.0,
                   avoid=(0.0, g.z)),),
    lambda F, p, x: F.clipped_relu(x, p.z))

relu6 = T.case(
    'relu6',
    {'dtype': FLOATS, 'shape': [(3, 4)]},
    _one(-2.0, 8.0, avoid=(0.0, 6.0)),
    lambda F, p, x: F.relu6(x))

crelu = T.case(
    'crelu',
    [{'dtype': FLOATS, 'shape': [(3, 4)], 'axis': [1]},
     {'dtype': F64, 'shape': [(2, 3, 4)], 'axis': [-1]}],
    _one(avoid=(0.0,)),
    lambda F, p, x: F.crelu(x, axis=p.axis))

# elu's first derivative is continuous at 0 for alpha=1, its second is not.
elu = T.case(
    'elu',
    [{'dtype': FLOATS, 'shape': [(3, 4)], 'alpha': [1.0]},
     {'dtype': F64, 'shape': [(2, 3, 4)], 'alpha': [0.5]}],
    _one(-2.0, 2.0, avoid=(0.0,)),
    lambda F, p, x: F.elu(x, alpha=p.alpha))

hard_sigmoid = T.case(
    'hard_sigmoid',
    {'dtype': FLOATS, 'shape': [(3, 4)]},
    _one(-3.5, 3.5, avoid=(-2.5, 2.5)),
    lambda F, p, x: F.hard_sigmoid(x))

leaky_relu = T.case(
    'leaky_relu',
    [{'dtype': FLOATS, 'shape': [(3, 4)], 'slope': [0.2]},
     {'dtype': F64, 'shape': [(2, 3, 4)], 'slope': [-0.3]}],
    _one(avoid=(0.0,)),
    lambda F, p, x: F.leaky_relu(x, slope=p.slope))

log_softmax = T.case(
    'log_softmax',
    [{'dtype': FLOATS, 'shape': [(3, 4)], 'axis': [1]},
     {'dtype': F64, 'shape': [(2, 3, 4)], 'axis': [0]}],
    _one(-2.0, 2.0),
    lambda F, p, x: F.log_softmax(x, axis=p.axis))

maxout = T.case(
    'maxout',
    [{'dtype': FLOATS, 'shape': [(3, 4)], 'pool_size': [2], 'axis': [1]},
     {'dtype': F64, 'shape': [(6, 2, 3)], 'pool_size': [3], 'axis': [0]}],
    lambda g: (g.distinct(),),
    lambda F, p, x: F.maxout(x, p.pool_size, axis=p.axis))

prelu = T.case(
    'prelu',
    [{'dtype': FLOATS, 'shape,w_shape': [((3, 4), (4,))]},
     {'dtype': F64, 'shape,w_shape': [((2, 3, 4), (3, 4))]}],
    lambda g: (g.u(avoid=(0.0,)), g.u(g.w_shape, 0.1, 0.9)),
    lambda F, p, x, W: F.prelu(x, W))

relu = T.case(
    'relu',
    [{'dtype': FLOATS, 'shape': [(3, 2)]},
     {'dtype': F64, 'shape': [()]}],
    _one(avoid=(0.0,)),
    lambda F, p, x: F.relu(x))


def _rrelu_r(p):
    # rrelu's slopes, given so that training mode is deterministic (a
    # function of the parameters only, NumPy RandomState).
    rs = numpy.random.RandomState(37)
    return rs.uniform(p.l, p.u, p.shape).astype(p.dtype)


rrelu = T.case(
    'rrelu',
    [{'dtype': FLOATS, 'shape': [(3, 4)], 'l,u': [(0.125, 1 / 3.)]},
     {'dtype': F64, 'shape': [(2, 3, 4)], 'l,u': [(0.0, 0.5)]}],
    _one(avoid=(0.0,)),
    lambda F, p, x: F.rrelu(x, l=p.l, u=p.u, r=_rrelu_r(p)))

# In test mode the slope is (l + u) / 2.
rrelu_test_mode = T.case(
    'rrelu_test_mode',
    {'dtype': FLOATS, 'shape': [(3, 4)]},
    _one(avoid=(0.0,)),
    lambda F, p, x: F.rrelu(x, l=0.1, u=0.5),
    config={'train': False})

selu = T.case(
    'selu',
    [{'dtype': FLOATS, 'shape': [(3, 4)], 'alpha,scale': [
        (1.6732632423543772, 1.0507009873554805)]},
     {'dtype': F64, 'shape': [(2, 3, 4)], 'alpha,scale': [(1.5, 2.0)]}],
    _one(-2.0, 2.0, avoid=(0.0,)),
    lambda F, p, x: F.selu(x, alpha=p.alpha, scale=p.scale))

sigmoid = T.case(
    'sigmoid',
    {'dtype': FLOATS, 'shape': [(3, 4)]},
    _one(-4.0, 4.0),
    lambda F, p, x: F.sigmoid(x))

softmax = T.case(
    'softmax',
    [{'dtype': FLOATS, 'shape': [(3, 4)], 'axis': [1]},
     {'dtype': F64, 'shape': [(2, 3, 4)], 'axis': [-1]}],
    _one(-2.0, 2.0),
    lambda F, p, x: F.softmax(x, axis=p.axis))

softplus = T.case(
    'softplus',
    [{'dtype': FLOATS, 'shape': [(3, 4)], 'beta': [1.0]},
     {'dtype': F64, 'shape': [(2, 3, 4)], 'beta': [2.0]}],
    _one(-3.0, 3.0),
    lambda F, p, x: F.softplus(x, beta=p.beta))

swish = T.case(
    'swish',
    [{'dtype': FLOATS, 'shape,beta_shape': [((3, 4), (4,))]},
     {'dtype': F64, 'shape,beta_shape': [((2, 3, 4), ())]}],
    lambda g: (g.u(low=-2.0, high=2.0), g.u(g.beta_shape, 0.5, 1.5)),
    lambda F, p, x, beta: F.swish(x, beta))

tanh = T.case(
    'tanh',
    {'dtype': FLOATS, 'shape': [(3, 4)]},
    _one(-2.0, 2.0),
    lambda F, p, x: F.tanh(x))
