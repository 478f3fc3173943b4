"""ConcatWithAsyncTransfer and Conveyor (synchronous in interface, the
transfer itself is JAX's asynchronous device_put)."""
import jax
import numpy
import pytest

from chainerjax import dataset
from chainerjax.dataset import convert


def _batch():
    return [(numpy.array([1, 2]), numpy.int32(3)),
            (numpy.array([4]), numpy.int32(5))]


@pytest.mark.parametrize('device', [-1, None, '@numpy'])
def test_same_as_concat_examples(device):
    c = dataset.ConcatWithAsyncTransfer()
    result = c(_batch(), device, padding=0)
    expected = dataset.concat_examples(_batch(), device, padding=0)
    assert isinstance(result, tuple) and len(result) == 2
    for r, e in zip(result, expected):
        assert type(r) is numpy.ndarray and r.dtype == e.dtype
        numpy.testing.assert_array_equal(r, e)
    d = c([{'a': numpy.ones(2)}, {'a': numpy.zeros(2)}], device)
    numpy.testing.assert_array_equal(d['a'], [[1, 1], [0, 0]])
    a = c([numpy.ones(2), numpy.zeros(2)], device)
    numpy.testing.assert_array_equal(a, [[1, 1], [0, 0]])


def test_jax_device():
    c = convert.ConcatWithAsyncTransfer()
    x, t = c(_batch(), '@jax:cpu:0', padding=-1)
    assert isinstance(x, jax.Array) and isinstance(t, jax.Array)
    numpy.testing.assert_array_equal(numpy.asarray(x), [[1, 2], [4, -1]])


def test_errors():
    c = convert.ConcatWithAsyncTransfer()
    with pytest.raises(ValueError, match='empty'):
        c([], -1)
    c(_batch(), -1, padding=0)
    with pytest.raises(ValueError, match='device is different'):
        c(_batch(), None, padding=0)


def test_conveyor():
    conveyor = convert.Conveyor('@jax:cpu:0')
    conveyor.put(numpy.ones(2))
    conveyor.put(numpy.zeros(1))
    first = conveyor.get()
    assert isinstance(first, jax.Array)
    numpy.testing.assert_array_equal(numpy.asarray(first), [1, 1])
    numpy.testing.assert_array_equal(
        numpy.asarray(conveyor.get(sync=False)), [0])
    cpu = convert.Conveyor(-1)
    cpu.put(numpy.ones(1))
    assert type(cpu.get()) is numpy.ndarray
