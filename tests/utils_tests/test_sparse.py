import os

import jax
import jax.numpy as jnp
import numpy
import pytest

import chainerjax
from chainerjax import testing
from chainerjax import utils

_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                     'fixtures_sparse.npz')
with numpy.load(_PATH) as _f:
    _DATA = {k: _f[k] for k in _f.files}


def _names(prefix):
    return sorted({k.split('/')[0] for k in _DATA if k.startswith(prefix)})


def _case(name):
    return {k.split('/')[1]: v for k, v in _DATA.items()
            if k.split('/')[0] == name}


@pytest.mark.parametrize('name', _names('to_coo_'))
def test_to_coo_against_chainer(name):
    case = _case(name)
    ldnz = int(case['ldnz'])
    coo = utils.to_coo(case['x'], ldnz=None if ldnz < 0 else ldnz)
    assert isinstance(coo, utils.CooMatrix)
    assert isinstance(coo.data, chainerjax.Variable)
    assert not coo.data.requires_grad
    for key in ('data', 'row', 'col'):
        actual = getattr(coo, key)
        actual = actual.array if key == 'data' else actual
        assert isinstance(actual, numpy.ndarray)
        assert actual.dtype == case[key].dtype, key
        numpy.testing.assert_array_equal(actual, case[key])
    assert coo.shape == tuple(case['shape'])
    assert coo.order == str(case['order'])
    dense = coo.to_dense()
    assert isinstance(dense, numpy.ndarray)
    assert dense.dtype == case['dense'].dtype
    numpy.testing.assert_array_equal(dense, case['dense'])


@pytest.mark.parametrize('name', _names('order_'))
def test_get_order_against_chainer(name):
    case = _case(name)
    expected = str(case['result'])
    if expected == 'ValueError':
        with pytest.raises(ValueError):
            utils.get_order(case['row'], case['col'])
    else:
        assert utils.get_order(case['row'], case['col']) == expected


def test_requires_grad():
    coo = utils.to_coo(numpy.eye(2, dtype=numpy.float32), requires_grad=True)
    assert coo.data.requires_grad


def test_to_dense_sums_duplicates():
    coo = utils.CooMatrix(numpy.array([1., 2., 3.], numpy.float32),
                          numpy.array([0, 0, 1], numpy.int32),
                          numpy.array([1, 1, 0], numpy.int32), (2, 2))
    numpy.testing.assert_array_equal(coo.to_dense(), [[0, 3], [3, 0]])


def test_jax_arrays():
    x = numpy.array([[[0, 2, 0], [-1, 0, 0]], [[0, 0, 0], [0, 0, 5]]],
                    numpy.float32)
    coo = utils.to_coo(jnp.asarray(x), ldnz=3)
    assert isinstance(coo.row, jax.Array)
    assert isinstance(coo.data.array, jax.Array)
    dense = coo.to_dense()
    assert isinstance(dense, jax.Array)
    numpy.testing.assert_array_equal(numpy.asarray(dense), x)
    assert coo.order == 'C'


def test_to_coo_is_not_traceable():
    with pytest.raises(ValueError, match='concrete'):
        jax.jit(lambda x: utils.to_coo(x).data.array)(
            jnp.ones((2, 2), jnp.float32))


def test_invalid_arguments():
    d = numpy.ones(2, numpy.float32)
    i = numpy.zeros(2, numpy.int32)
    with pytest.raises(ValueError):
        utils.CooMatrix(d[None, None], i[None, None], i[None, None], (2, 2))
    with pytest.raises(ValueError):
        utils.CooMatrix(d, i[None], i, (2, 2))
    with pytest.raises(ValueError):
        utils.CooMatrix(d, i, i, (2, 2, 2))
    with pytest.raises(ValueError):
        utils.CooMatrix(d, i, i, (0, 2))
    with pytest.raises(ValueError):
        utils.CooMatrix(d, i, i, (2, 2), order='X')
    with pytest.raises(ValueError):
        utils.to_coo(numpy.ones(3, numpy.float32))
    with pytest.raises(ValueError):
        utils.get_order(i, i[:1])
    assert utils.CooMatrix(d, i, i, (2, 2), order='F').order == 'F'


testing.run_module(__name__, __file__)
