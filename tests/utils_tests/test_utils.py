import os

import numpy
import pytest

from chainerjax import utils


def test_type_check_module():
    from chainerjax.utils import type_check
    assert utils.type_check is type_check


@pytest.mark.parametrize('dtype', [None, numpy.float32])
def test_force_array_scalar(dtype):
    y = utils.force_array(1.5, dtype)
    assert isinstance(y, numpy.ndarray) and y.shape == ()
    assert y.dtype == (numpy.float64 if dtype is None else dtype)


def test_force_array_array():
    x = numpy.zeros(3, numpy.float32)
    assert utils.force_array(x) is x
    assert utils.force_array(x, numpy.float32) is x
    assert utils.force_array(x, numpy.float64).dtype == numpy.float64


def test_force_type():
    f32 = numpy.dtype(numpy.float32)
    assert type(utils.force_type(f32, 1.0)) is numpy.float32
    x = numpy.zeros(2, numpy.float32)
    assert utils.force_type(f32, x) is x
    f64 = numpy.dtype(numpy.float64)
    assert utils.force_type(f64, x).dtype == numpy.float64


def test_tempdir():
    with utils.tempdir(prefix='cj') as d:
        assert os.path.isdir(d)
        assert os.path.basename(d).startswith('cj')
        open(os.path.join(d, 'f'), 'w').close()
    assert not os.path.exists(d)


def test_raise_from():
    try:
        raise KeyError('k')
    except KeyError as orig:
        with pytest.raises(KeyError) as e:
            utils._raise_from(KeyError, 'context', orig)
    assert e.value.args[0] == "context\n\n(caused by)\nKeyError: 'k'\n"
    assert e.value.__cause__ is None
