"""'@numpy' arrays: allocated so that XLA reads them in place, and never
changed while a computation may still read them."""
import jax
import numpy
import pytest

import chainerjax as chainer
import chainerjax.functions as F
import chainerjax.links as L
from chainerjax import optimizers
from chainerjax.backends import _cpu


def _aligned(a):
    return a.ctypes.data % 64 == 0


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64, numpy.int32, numpy.bool_])
@pytest.mark.parametrize('shape', [(), (0,), (3,), (7, 5), (2, 3, 4)])
def test_empty_is_aligned(shape, dtype):
    a = _cpu.empty(shape, dtype)
    assert a.shape == shape
    assert a.dtype == dtype
    assert a.flags.writeable and a.flags.c_contiguous
    if a.size:
        assert _aligned(a)


def test_copy_is_an_aligned_writable_copy():
    src = jax.numpy.arange(12, dtype=numpy.float32).reshape(3, 4)
    a = _cpu.copy(src)
    assert type(a) is numpy.ndarray and _aligned(a) and a.flags.writeable
    numpy.testing.assert_array_equal(a, numpy.asarray(src))
    a[0, 0] = 100
    assert float(src[0, 0]) == 0


def test_parameters_on_numpy_stay_aligned():
    numpy.random.seed(0)
    link = L.Linear(7, 5)
    assert all(_aligned(p.array) for p in link.params())
    lazy = L.Linear(None, 5)
    lazy(numpy.ones((2, 7), numpy.float32))
    assert all(_aligned(p.array) for p in lazy.params())
    opt = optimizers.Adam()
    opt.setup(link)
    arrays = [p.array for p in link.params()]
    for _ in range(2):
        link.cleargrads()
        F.sum(link(numpy.ones((2, 7), numpy.float32))).backward()
        opt.update()
    # updated in place, as Chainer does
    assert [p.array for p in link.params()] == arrays
    moved = L.Linear(7, 5)
    moved.to_device('@jax:cpu:0')
    moved.to_cpu()
    assert all(type(p.array) is numpy.ndarray and _aligned(p.array)
               for p in moved.params())


def test_kernels_given_numpy_arrays_are_waited_for_before_writes():
    numpy.random.seed(0)
    link = L.Linear(7, 5)
    x = numpy.ones((2, 7), numpy.float32)
    _cpu.wait_host_reads()
    y = link(x)
    assert _cpu._host_reads  # the kernel read link.W in place
    expected = numpy.asarray(y.array).copy()
    link.W.array[...] = 0  # handing out the array waits for the kernel
    assert not _cpu._host_reads
    numpy.testing.assert_array_equal(numpy.asarray(y.array), expected)
    # a graph's backward reads the array as it is then, as in Chainer
    xv = chainer.Variable(x)
    link.W.array[...] = 1
    link.b.array[...] = 0
    y = link(xv)
    link.W.array[...] = 0
    numpy.testing.assert_array_equal(y.array, numpy.full((2, 5), 7.))
    link.cleargrads()
    F.sum(y).backward()
    numpy.testing.assert_array_equal(xv.grad, numpy.zeros((2, 7)))
    numpy.testing.assert_array_equal(link.W.grad, numpy.full((5, 7), 2.))


def test_numpy_in_place_update_waits_for_kernels_reading_params():
    numpy.random.seed(0)
    link = L.Linear(300, 200)
    x = numpy.ones((50, 300), numpy.float32)
    expected = x @ link.W.array.T + link.b.array
    opt = optimizers.SGD(lr=1.0).setup(link)
    for p in link.params():
        p.grad = numpy.ones_like(p.array)
    _cpu.wait_host_reads()
    with chainer.no_backprop_mode():
        y = link(x)  # reads W and b in place, maybe still running
    opt.update()  # SGD on '@numpy' writes them with NumPy, in place
    # (the update moves every output by 301)
    numpy.testing.assert_allclose(numpy.asarray(y.array), expected,
                                  rtol=1e-4, atol=1e-4)


def test_malloc_tuning_leaves_the_users_choice(monkeypatch):
    monkeypatch.setenv('MALLOC_ARENA_MAX', '2')
    assert not _cpu.keep_freed_memory()
    monkeypatch.delenv('MALLOC_ARENA_MAX')
    monkeypatch.setenv('CHAINERJAX_MALLOC_TUNING', '0')
    assert not _cpu.keep_freed_memory()


def test_handing_out_an_array_waits_only_for_kernels_reading_it():
    numpy.random.seed(0)
    link = L.Linear(7, 5)
    other = chainer.Parameter(_cpu.copy(numpy.ones((3,), numpy.float32)))
    x = numpy.ones((2, 7), numpy.float32)
    _cpu.wait_host_reads()
    with chainer.no_backprop_mode():
        link(x)
    assert len(_cpu._host_reads) == 1
    assert other.array is not None  # reads other memory: no wait
    assert len(_cpu._host_reads) == 1
    link.W.array  # the kernel reads W: waited for
    assert not _cpu._host_reads
    # a kernel given a view reads its base's memory
    W = link.W.array
    with chainer.no_backprop_mode():
        F.relu(W[1:3, ::2])
    assert _cpu.owner(W[1:3, ::2]) is _cpu.owner(W)
    assert len(_cpu._host_reads) == 1
    other.array
    assert len(_cpu._host_reads) == 1
    link.W.array
    assert not _cpu._host_reads


def test_noted_reads_are_bounded():
    numpy.random.seed(0)
    link = L.Linear(3, 2)
    x = numpy.ones((1, 3), numpy.float32)
    with chainer.no_backprop_mode():
        for _ in range(_cpu._MAX_HOST_READS * 2):
            link(x)
    assert len(_cpu._host_reads) <= _cpu._MAX_HOST_READS


def test_sending_an_aligned_array_to_a_jax_device_copies_it():
    a = _cpu.empty((4, 4), numpy.float32)
    a[...] = 1
    b = chainer.get_device('@jax:cpu:0').send(a)
    a[...] = 2
    numpy.testing.assert_array_equal(numpy.asarray(b), numpy.ones((4, 4)))
