"""'@numpy' arrays: allocated so that XLA reads them in place (and, for
parameters, writes them in place), and never changed while a computation
may still read them."""
import copy
import gc
import pickle

import jax
import numpy
import pytest

import chainerjax as chainer
import chainerjax.functions as F
import chainerjax.links as L
from chainerjax import optimizer as optimizer_module
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


@pytest.mark.parametrize('n_in,n_out,memory', [
    (500, 400, 'xla'),  # 200 thousand parameters: the compiled update
    (300, 200, 'xla'),  # 60 thousand: SGD's NumPy update
    (500, 400, 'numpy'),  # NumPy-owned arrays: NumPy's update
])
def test_update_waits_for_kernels_reading_params(n_in, n_out, memory):
    # a forward of some milliseconds still reads W when the update comes
    numpy.random.seed(0)
    link = L.Linear(n_in, n_out)
    if memory == 'numpy':
        for p in link.params():
            p.array = _cpu.copy(p.array)
            assert _cpu.xla_memory(p.array) is None
    x = numpy.random.uniform(-1, 1, (20000, n_in)).astype(numpy.float32)
    expected = x @ link.W.array.T + link.b.array
    opt = optimizers.SGD(lr=1.0).setup(link)
    for p in link.params():
        p.grad = numpy.ones_like(p.array)
    _cpu.wait_host_reads()
    with chainer.no_backprop_mode():
        y = link(x)  # reads W and b in place, maybe still running
    opt.update()  # writes them in place (every output moves by n_in + 1)
    numpy.testing.assert_allclose(numpy.asarray(y.array), expected,
                                  rtol=1e-3, atol=1e-3)


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


# ----- parameters in XLA memory ---------------------------------------------

@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_link_parameters_on_numpy_live_in_xla_memory(dtype):
    with chainer.using_config('dtype', dtype):
        links = [L.Linear(7, 5), L.Convolution2D(3, 4, 3)]
        lazy = L.Linear(None, 5)
        lazy(numpy.ones((2, 7), dtype))
        moved = L.Linear(7, 5)
    moved.to_device('@jax:cpu:0')
    moved.to_device('@numpy')
    for link in links + [lazy, moved]:
        for p in link.params():
            a = p.array
            assert type(a) is numpy.ndarray and a.dtype == dtype
            assert a.flags.writeable and a.flags.c_contiguous
            assert _aligned(a)
            memory = _cpu.xla_memory(a)
            assert memory is not None
            assert memory.buffer.shape == a.shape
            # a part is not all of the memory
            if a.ndim == 2:
                assert _cpu.xla_memory(a[1:]) is None


def test_xla_backed_copies():
    a = _cpu.copy(numpy.arange(6, dtype=numpy.float32).reshape(2, 3))
    b = _cpu.xla_backed(a)
    assert b is not a and b.ctypes.data != a.ctypes.data
    numpy.testing.assert_array_equal(a, b)
    b[0, 0] = 7
    assert a[0, 0] == 0
    memory = _cpu.xla_memory(b)
    assert float(memory.buffer[0, 0]) == 7  # the buffer is that memory
    # nothing to back: returned as they are
    for c in (numpy.zeros((0, 3), numpy.float32),
              numpy.array([object()], dtype=object)):
        assert _cpu.xla_backed(c) is c


def test_xla_backed_needs_jax_computing_on_the_cpu(monkeypatch):
    a = _cpu.copy(numpy.ones((3,), numpy.float32))
    monkeypatch.setattr(jax, 'default_backend', lambda: 'gpu')
    assert _cpu.xla_backed(a) is a


def test_update_writes_the_memory_users_hold(monkeypatch):
    monkeypatch.setattr(optimizer_module, '_NUMPY_UPDATE_SIZE', 0)
    numpy.random.seed(0)
    link = L.Linear(4, 3)
    opt = optimizers.SGD(lr=0.5).setup(link)

    def no_numpy(*args):
        raise AssertionError('NumPy updated memory XLA could write')
    monkeypatch.setattr(optimizers.sgd.SGDRule, '_update_in_place',
                        staticmethod(no_numpy))
    W = link.W.array
    row = W[1]  # a view the user holds
    W[...] = 1  # the user's own write is what the update starts from
    link.W.grad = numpy.full((3, 4), 2, numpy.float32)
    link.b.grad = numpy.zeros(3, numpy.float32)
    buffer = _cpu.xla_memory(W).buffer
    opt.update()
    assert link.W.array is W
    assert _cpu.xla_memory(W).buffer is not buffer
    numpy.testing.assert_array_equal(W, numpy.zeros((3, 4)))
    numpy.testing.assert_array_equal(row, numpy.zeros(4))
    # the next forward reads the new values
    y = link(numpy.ones((1, 4), numpy.float32))
    numpy.testing.assert_array_equal(y.array, link.b.array[None])


def test_xla_memory_outlives_its_parameter(monkeypatch):
    monkeypatch.setattr(optimizer_module, '_NUMPY_UPDATE_SIZE', 0)
    numpy.random.seed(0)
    link = L.Linear(50, 40)
    opt = optimizers.SGD(lr=0.5).setup(link)
    link.W.grad = numpy.ones((40, 50), numpy.float32)
    link.b.grad = numpy.ones(40, numpy.float32)
    opt.update()
    W = link.W.array
    expected = W.copy()
    del link, opt
    gc.collect()
    others = [jax.numpy.full((40, 50), 9.0, numpy.float32) for _ in range(8)]
    jax.block_until_ready(others)
    numpy.testing.assert_array_equal(W, expected)


def test_copies_of_links_in_xla_memory_are_their_own():
    numpy.random.seed(0)
    link = L.Linear(4, 3)
    clones = [copy.deepcopy(link), pickle.loads(pickle.dumps(link))]
    opt = optimizers.SGD(lr=1.0).setup(link)
    link.W.grad = numpy.ones((3, 4), numpy.float32)
    link.b.grad = numpy.ones(3, numpy.float32)
    before = clones[0].W.array.copy()
    opt.update()
    for clone in clones:
        numpy.testing.assert_array_equal(clone.W.array, before)
        numpy.testing.assert_array_equal(link.W.array, before - 1)


def test_adopt_keeps_the_buffer_xla_did_not_write():
    a = _cpu.xla_backed(_cpu.copy(numpy.ones((3,), numpy.float32)))
    memory = _cpu.xla_memory(a)
    buffer = memory.buffer
    assert not _cpu.adopt(memory, jax.numpy.zeros((3,), numpy.float32))
    assert memory.buffer is buffer
    buffer.delete()
    with pytest.raises(RuntimeError, match='internal error'):
        _cpu.adopt(memory, jax.numpy.zeros((3,), numpy.float32))


def test_update_returns_with_the_new_values():
    # the arrays hold the new values when update() returns, as in Chainer
    link = L.Linear(3000, 3000, initialW=0, initial_bias=0)
    opt = optimizers.SGD(lr=1.0).setup(link)
    link.W.grad = numpy.ones((3000, 3000), numpy.float32)
    link.b.grad = numpy.ones(3000, numpy.float32)
    W = link.W.array
    _cpu.wait_host_reads()
    opt.update()
    assert float(W[-1, -1]) == -1 and float(W[0, 0]) == -1
    assert (W == -1).all()


@pytest.mark.parametrize('numpy_size', [0, 1 << 17])
def test_parameters_sharing_an_array_are_updated_one_after_the_other(
        numpy_size, monkeypatch):
    monkeypatch.setattr(optimizer_module, '_NUMPY_UPDATE_SIZE', numpy_size)
    numpy.random.seed(0)
    model = chainer.Chain()
    with model.init_scope():
        model.a = L.Linear(3, 2)
        model.b = L.Linear(3, 2)
    model.b.W.array = model.a.W.array  # tied by assignment
    W = model.a.W.array
    before = W.copy()
    opt = optimizers.SGD(lr=1.0).setup(model)
    model.a.W.grad = numpy.full((2, 3), 1, numpy.float32)
    model.b.W.grad = numpy.full((2, 3), 2, numpy.float32)
    model.a.b.grad = model.b.b.grad = numpy.zeros(2, numpy.float32)
    opt.update()
    assert model.b.W.array is W and model.a.W.array is W
    numpy.testing.assert_allclose(W, before - 3, rtol=1e-6)


@pytest.mark.parametrize('units,compiled', [(10, False), (300, True)])
def test_sgd_updates_small_models_with_numpy(units, compiled, monkeypatch):
    # a compiled call costs more than NumPy's pass over a few thousand
    # parameters; past _NUMPY_UPDATE_SIZE in all, XLA writes them
    numpy.random.seed(0)
    model = chainer.Sequential(L.Linear(784, units), L.Linear(units, 10))
    assert (sum(p.size for p in model.params())
            >= optimizer_module._NUMPY_UPDATE_SIZE) == compiled
    calls = []
    numpy_update = optimizers.sgd.SGDRule._update_in_place

    def counted(*args):
        calls.append(1)
        numpy_update(*args)
    monkeypatch.setattr(optimizers.sgd.SGDRule, '_update_in_place',
                        staticmethod(counted))
    opt = optimizers.SGD(lr=0.5).setup(model)
    arrays = [p.array for p in model.params()]
    buffers = [_cpu.xla_memory(a).buffer for a in arrays]
    before = [a.copy() for a in arrays]
    for p in model.params():
        p.grad = numpy.ones_like(p.array)
    opt.update()
    assert bool(calls) != compiled
    for a, b, old in zip(arrays, buffers, before):
        assert (_cpu.xla_memory(a).buffer is not b) == compiled
        numpy.testing.assert_allclose(a, old - 0.5, rtol=1e-6)
