"""FunctionTestCase cases of ``chainer.functions.normalization``.

Every function runs in float16, float32 and float64 where Chainer supports
the dtype (the decorrelated ones use ``numpy.linalg``: no float16) on small
shapes; options run in float64. Running statistics are created in the
forward pass from the parameters (Chainer updates them in place), so every
call sees the same ones.
"""
import numpy

from compat_tests.functions.ftc_cases import FLOATS, Table

T = Table('normalization')
F64 = [numpy.float64]
NO_F16 = [numpy.float32, numpy.float64]


def _x_gamma_beta(g):
    return (g.u(g.shape), g.positive(g.param_shape), g.u(g.param_shape))


batch_normalization = T.case(
    'batch_normalization',
    [{'dtype': FLOATS, 'shape,param_shape,axis': [((4, 3), (3,), None)]},
     {'dtype': F64, 'shape,param_shape,axis': [
         ((2, 3, 2, 2), (3,), None), ((4, 3, 2), (3, 2), 0)]}],
    _x_gamma_beta,
    lambda F, p, x, gamma, beta: F.batch_normalization(
        x, gamma, beta, eps=p.eps, axis=p.axis),
    defaults={'eps': 2e-5})


def _fixed_inputs(g):
    x, gamma, beta = _x_gamma_beta(g)
    return (x, gamma, beta, g.u(g.param_shape, -0.2, 0.2),
            g.positive(g.param_shape))


fixed_batch_normalization = T.case(
    'fixed_batch_normalization',
    [{'dtype': FLOATS, 'shape,param_shape,axis': [((4, 3), (3,), None)]},
     {'dtype': F64, 'shape,param_shape,axis': [
         ((2, 3, 2, 1), (3,), None), ((2, 3, 2), (2,), (0, 1))]}],
    _fixed_inputs,
    lambda F, p, x, gamma, beta, mean, var: F.fixed_batch_normalization(
        x, gamma, beta, mean, var, axis=p.axis))


def _renorm(F, p, x, gamma, beta):
    # Running statistics far from the batch's: r and d are clipped at
    # 1 / rmax and -dmax, constants, so that Chainer's gradient (which
    # treats r and d as constants) is the true one.
    mean = numpy.full(p.param_shape, 5.0, p.dtype)
    var = numpy.full(p.param_shape, 100.0, p.dtype)
    return F.batch_renormalization(
        x, gamma, beta, 1.5, 0.3, running_mean=mean, running_var=var,
        decay=0.8, update_statistics=p.update_statistics)


batch_renormalization = T.case(
    'batch_renormalization',
    [{'dtype': FLOATS, 'shape,param_shape': [((4, 3), (3,))],
      'update_statistics': [False]},
     {'dtype': F64, 'shape,param_shape': [((4, 3), (3,))],
      'update_statistics': [True]}],
    _x_gamma_beta,
    _renorm)

fixed_batch_renormalization = T.case(
    'fixed_batch_renormalization',
    {'dtype': FLOATS, 'shape,param_shape': [((4, 3), (3,))]},
    _fixed_inputs,
    lambda F, p, x, gamma, beta, mean, var: F.fixed_batch_renormalization(
        x, gamma, beta, mean, var))

decorrelated_batch_normalization = T.case(
    'decorrelated_batch_normalization',
    [{'dtype': NO_F16, 'shape': [(6, 4)], 'groups': [2]},
     {'dtype': F64, 'shape': [(2, 2, 2, 2)], 'groups': [1]}],
    lambda g: (g.u(),),
    lambda F, p, x: F.decorrelated_batch_normalization(x, groups=p.groups))


def _fixed_dbn(F, p, x):
    # mean and projection are constants (Chainer's gradients of them are
    # wrong, see test_case's XFAIL), from the parameters.
    rs = numpy.random.RandomState(20)
    mean = rs.uniform(-1, 1, (2, 2)).astype(p.dtype)
    proj = (rs.uniform(-0.3, 0.3, (2, 2, 2)) + numpy.eye(2)).astype(p.dtype)
    return F.fixed_decorrelated_batch_normalization(x, mean, proj, groups=2)


fixed_decorrelated_batch_normalization = T.case(
    'fixed_decorrelated_batch_normalization',
    [{'dtype': FLOATS, 'shape': [(3, 4)]},
     {'dtype': F64, 'shape': [(2, 4, 1, 2)]}],
    lambda g: (g.u(),),
    _fixed_dbn)

group_normalization = T.case(
    'group_normalization',
    [{'dtype': FLOATS, 'shape,param_shape,groups': [((2, 4, 2, 1), (4,), 2)]},
     {'dtype': F64, 'shape,param_shape,groups': [((2, 6), (6,), 3)]}],
    _x_gamma_beta,
    lambda F, p, x, gamma, beta: F.group_normalization(x, p.groups, gamma,
                                                       beta))

layer_normalization = T.case(
    'layer_normalization',
    [{'dtype': FLOATS, 'shape,param_shape': [((3, 4), (4,))]}],
    _x_gamma_beta,
    lambda F, p, x, gamma, beta: F.layer_normalization(x, gamma, beta))

local_response_normalization = T.case(
    'local_response_normalization',
    [{'dtype': FLOATS, 'shape': [(2, 6, 2, 1)], 'n,k,alpha,beta': [
        (5, 2, 1e-4, 0.75)]},
     {'dtype': F64, 'shape': [(1, 4, 2, 2)], 'n,k,alpha,beta': [
         (3, 1.0, 0.5, 0.5)]}],
    lambda g: (g.u(),),
    lambda F, p, x: F.local_response_normalization(
        x, n=p.n, k=p.k, alpha=p.alpha, beta=p.beta))

normalize = T.case(
    'normalize',
    [{'dtype': FLOATS, 'shape': [(2, 3)], 'eps,axis': [(1e-5, 1)]},
     {'dtype': F64, 'shape': [(2, 2, 3)], 'eps,axis': [(1e-2, (1, 2))]}],
    lambda g: (g.u(),),
    lambda F, p, x: F.normalize(x, eps=p.eps, axis=p.axis))
