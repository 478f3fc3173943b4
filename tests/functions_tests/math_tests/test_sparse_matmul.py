import json
import os

import numpy
import pytest

import chainerjax
from chainerjax import functions
from chainerjax.functions.math import sparse_matmul as sparse_matmul_module
from chainerjax import gradient_check
from chainerjax import testing
from chainerjax.utils import type_check
from chainerjax import utils

_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                     'fixtures_sparse_matmul.npz')
with numpy.load(_PATH) as _f:
    _DATA = {k: _f[k] for k in _f.files}
CASES = sorted({k.split('/')[0] for k in _DATA})


def load(name):
    case = {k.split('/')[1]: v for k, v in _DATA.items()
            if k.split('/')[0] == name}
    case['kwargs'] = json.loads(str(case['kwargs']))
    case['shape'] = tuple(int(s) for s in case['shape'])
    return case


def tolerance(dtype):
    if dtype == numpy.float16:
        return {'atol': 1e-2, 'rtol': 1e-2}
    if dtype == numpy.float32:
        return {'atol': 1e-5, 'rtol': 1e-5}
    return {'atol': 1e-12, 'rtol': 1e-12}


def call(case, sp, dense):
    kw = case['kwargs']
    if kw['side'] == 'a':
        return functions.sparse_matmul(
            sp, dense, transa=kw['transa'], transb=kw['transb'])
    return functions.sparse_matmul(
        dense, sp, transa=kw['transa'], transb=kw['transb'])


@pytest.mark.parametrize('name', CASES)
def test_against_chainer(name):
    case = load(name)
    sp = utils.CooMatrix(case['data'], case['row'], case['col'],
                         case['shape'], requires_grad=True)
    dense = chainerjax.Variable(case['dense'])
    y = call(case, sp, dense)
    assert y.dtype == case['y'].dtype
    tol = tolerance(case['y'].dtype)
    numpy.testing.assert_allclose(y.array, case['y'], **tol)
    y.grad = case['gy']
    y.backward()
    assert sp.data.grad.dtype == case['gdata'].dtype
    assert dense.grad.dtype == case['gdense'].dtype
    numpy.testing.assert_allclose(sp.data.grad, case['gdata'],
                                  **tolerance(case['gdata'].dtype))
    numpy.testing.assert_allclose(dense.grad, case['gdense'],
                                  **tolerance(case['gdense'].dtype))
    if case['data'].ndim == 2:
        # the batched fixtures pad the entries: padding gets no gradient
        assert (sp.data.grad[case['row'] < 0] == 0).all()


@pytest.mark.parametrize('name', ['a_2d_float64', 'b_3d_float64'])
def test_numerical_gradients(name):
    # sparse_matmul applies CooMatMul to (sparse entries, dense operand)
    case = load(name)
    kw = case['kwargs']
    if kw['side'] == 'a':
        node = (case['row'], case['col'], case['shape'], 'other',
                kw['transa'], kw['transb'], False)
    else:
        node = (case['row'], case['col'], case['shape'], 'other',
                not kw['transb'], not kw['transa'], True)

    def f(data, dense):
        return sparse_matmul_module.CooMatMul(*node).apply((data, dense))

    gradient_check.check_backward(
        f, (case['data'], case['dense']), case['gy'], atol=1e-7, rtol=1e-7)
    if name != 'a_2d_float64':
        return   # one double backward check is enough
    gradient_check.check_double_backward(
        f, (case['data'], case['dense']), case['gy'],
        (numpy.ones_like(case['data']), numpy.ones_like(case['dense'])),
        atol=1e-7, rtol=1e-7)


def test_padding_is_ignored_in_2d():
    # Entries with index -1 (to_coo's padding) are left out. (Chainer's
    # CPU path refuses them for a single matrix; its GPU path skips them.)
    x = numpy.array([[0, 2, 0], [-1, 0, 3]], numpy.float32)
    b = numpy.arange(6, dtype=numpy.float32).reshape(3, 2)
    sp = utils.to_coo(x, ldnz=6, requires_grad=True)
    y = functions.sparse_matmul(sp, b)
    numpy.testing.assert_allclose(y.array, x.dot(b))
    y.grad = numpy.ones_like(y.array)
    y.backward()
    assert (sp.data.grad[3:] == 0).all()


def test_jax_device_and_jit():
    import jax
    x = numpy.array([[0, 2, 0], [-1, 0, 3]], numpy.float32)
    b = numpy.arange(6, dtype=numpy.float32).reshape(3, 2)
    sp = utils.to_coo(x)
    f = jax.jit(lambda b: functions.sparse_matmul(sp, b).array)
    numpy.testing.assert_allclose(numpy.asarray(f(b)), x.dot(b))


def test_invalid_operands():
    sp = utils.to_coo(numpy.eye(3, dtype=numpy.float32))
    dense = numpy.ones((3, 3), numpy.float32)
    for a, b in [(sp, sp), (dense, dense), (sp, [[1.0]])]:
        with pytest.raises(ValueError):
            functions.sparse_matmul(a, b)
    with pytest.raises(type_check.InvalidType):
        functions.sparse_matmul(sp, numpy.ones((4, 3), numpy.float32))
    with pytest.raises(type_check.InvalidType):
        functions.sparse_matmul(sp, numpy.ones((3, 3), numpy.int32))
    with pytest.raises(type_check.InvalidType):
        # a single sparse matrix with a batch of dense ones
        functions.sparse_matmul(sp, numpy.ones((2, 3, 3), numpy.float32))


def test_invalid_structure():
    r = numpy.zeros(3, numpy.int32)
    with pytest.raises(ValueError):
        sparse_matmul_module.CooMatMul(r, r[None], (3, 3))
    with pytest.raises(ValueError):
        sparse_matmul_module.CooMatMul(r, r[:2], (3, 3))
    with pytest.raises(ValueError):
        sparse_matmul_module.CooMatMul(r, r, (3, 3, 1))
    with pytest.raises(ValueError):
        sparse_matmul_module.CooMatMulGradSP(r[None, None], r[None, None],
                                             (3, 3))


testing.run_module(__name__, __file__)
