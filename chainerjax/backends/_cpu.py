"""The ``'@numpy'`` device: arrays are ``numpy.ndarray``, as in Chainer.

Computations on it still run through JAX's CPU backend; results are handed
back as NumPy arrays (zero-copy, read-only views of JAX buffers).

The NumPy arrays chainerjax allocates for this device (initialized
parameters, their updates, arrays brought back from JAX devices) start on a
64-byte boundary (:func:`empty`): XLA's CPU backend reads such an array in
place when a kernel is given it, where it copies any other NumPy array at
every call (a Linear layer's weights at every forward and backward).
A kernel that reads host memory in place must not run after the host array
changes: ops whose inputs include NumPy arrays note their results and the
memory they read (:func:`note_host_reads`), and code that writes into a
NumPy array in place or hands it to the user to do so (an optimizer's
update, ``Variable.array``) first waits for the kernels that read that
array's memory (:func:`wait_host_reads`). So a computation always sees the
values its inputs had when it was called, as in Chainer, whose NumPy
computations ran synchronously; and code that only looks at an array
(``if self.W.array is None``) does not stop the kernels that read other
arrays from running on while Python goes on.

Parameters that links initialize on this device are NumPy arrays whose
memory is an XLA CPU buffer (:func:`xla_backed`, :class:`XlaMemory`): an
optimizer's compiled update, given that buffer donated, writes the new
values into the parameter's own memory, where Chainer's NumPy update wrote
them in place, instead of into a new buffer that would then be copied.
"""
import ctypes
import math
import os
import sys

import jax
import numpy

from chainerjax import _backend


class CpuDevice(_backend.Device):
    """Device for NumPy arrays (specifier ``'@numpy'`` or ``-1``)."""

    xp = numpy
    supported_array_types = (numpy.ndarray,)
    name = '@numpy'
    _is_numpy = True

    @staticmethod
    def from_array(array):
        if isinstance(array, numpy.ndarray):
            return CpuDevice()
        return None

    def __eq__(self, other):
        return isinstance(other, CpuDevice)

    def __hash__(self):
        return hash('@numpy')

    def __repr__(self):
        return '<CpuDevice (numpy)>'

    def send_array(self, array):
        return _array_to_cpu(array)

    def is_array_supported(self, array):
        return isinstance(array, numpy.ndarray)


def _array_to_cpu(array):
    if array is None:
        return None
    if isinstance(array, numpy.ndarray):
        return array
    if numpy.isscalar(array):
        return numpy.asarray(array)
    # A JAX array (any device): bring it to host memory as a writable array.
    return copy(array)


_ALIGNMENT = 64


def empty(shape, dtype):
    """``numpy.empty(shape, dtype)`` starting on a 64-byte boundary (the
    array is a view of a larger byte buffer)."""
    dtype = numpy.dtype(dtype)
    shape = tuple(shape)
    nbytes = math.prod(shape) * dtype.itemsize
    if nbytes == 0 or dtype.hasobject:
        return numpy.empty(shape, dtype)
    buf = numpy.empty(nbytes + _ALIGNMENT, numpy.uint8)
    offset = -buf.ctypes.data % _ALIGNMENT
    return buf[offset:offset + nbytes].view(dtype).reshape(shape)


def detached(array):
    """``array``, or a copy of it if XLA would read it in place: what to
    hand to ``jax.device_put`` when the NumPy array's owner may still
    write into it (JAX 0.10 aliases an aligned NumPy array on the CPU
    backend even with ``may_alias=False``)."""
    if type(array) is numpy.ndarray and array.size and \
            array.__array_interface__['data'][0] % _ALIGNMENT == 0:
        return array.copy()
    return array


def write_into(dst, src):
    """Copies ``src`` (NumPy or JAX) into the NumPy array ``dst`` in place,
    once no kernel can still read ``dst`` (see :func:`wait_host_reads`)."""
    src = numpy.asarray(src)  # first waits for src to be computed
    wait_host_reads(dst)
    numpy.copyto(dst, src)


def copy(array):
    """A writable, 64-byte aligned NumPy copy of ``array`` (NumPy or JAX)."""
    src = numpy.asarray(array)
    out = empty(src.shape, src.dtype)
    numpy.copyto(out, src)
    return out


class XlaMemory(object):
    """The owner of a NumPy array's memory that is an XLA CPU buffer.

    The array (``numpy.asarray(memory)``, writable) is a parameter as
    Chainer's are; a compiled update that is given :attr:`buffer` donated
    writes the new values into the same memory, which the array then holds
    without a copy. The update's result becomes the :attr:`buffer`
    (:func:`adopt`): it owns the memory from then on.
    """

    __slots__ = ('buffer', '__array_interface__', '__weakref__')

    def __init__(self, buffer):
        self.buffer = buffer
        self.__array_interface__ = {
            'version': 3, 'shape': buffer.shape,
            'typestr': buffer.dtype.str,
            'data': (buffer.unsafe_buffer_pointer(), False)}

    @property
    def address(self):
        return self.__array_interface__['data'][0]


def xla_backed(array):
    """A writable copy of the NumPy array ``array`` whose memory is an XLA
    CPU buffer (see :class:`XlaMemory`), or ``array`` itself where there
    can be none: JAX computes on another backend by default, or cannot
    hold the dtype as it is (float64 without x64)."""
    if (type(array) is not numpy.ndarray or array.size == 0
            or array.dtype.hasobject or jax.default_backend() != 'cpu'):
        return array
    # An aligned NumPy array would be aliased, not copied: XLA may then not
    # write the memory (a donated alias is copied); give it a misaligned
    # copy, which it copies into memory of its own.
    src = numpy.empty(array.nbytes + _ALIGNMENT + 8, numpy.uint8)
    offset = (-src.ctypes.data % _ALIGNMENT) + 8
    src = src[offset:offset + array.nbytes].view(array.dtype).reshape(
        array.shape)
    numpy.copyto(src, array)
    try:
        buffer = jax.device_put(src, jax.devices('cpu')[0])
    except RuntimeError:
        return array
    if buffer.dtype != array.dtype or buffer.shape != array.shape:
        return array
    buffer.block_until_ready()
    memory = XlaMemory(buffer)
    if memory.address == src.ctypes.data:
        return array  # aliased after all
    return numpy.asarray(memory)


def xla_memory(array):
    """The :class:`XlaMemory` of ``array`` if ``array`` is all of it (not a
    view of a part), else None."""
    if type(array) is not numpy.ndarray:
        return None
    base = array.base
    if type(base) is not XlaMemory:
        return None
    if array.__array_interface__['data'][0] != base.address or \
            array.shape != base.buffer.shape or \
            array.dtype != base.buffer.dtype:
        return None
    return base


def adopt(memory, new):
    """After a compiled call given ``memory.buffer`` donated: makes its
    result ``new`` the owner of the memory if XLA wrote it in place, and
    returns whether it did. If not, ``new`` holds the values elsewhere and
    ``memory.buffer`` is still valid: JAX keeps a donated buffer that the
    computation could not reuse."""
    if new.unsafe_buffer_pointer() == memory.address:
        memory.buffer = new
        return True
    if memory.buffer.is_deleted():
        raise RuntimeError(
            'internal error: XLA took the memory of a parameter without '
            'writing its new value there')
    return False


# (owners, results) of the kernels that were given NumPy arrays, until they
# are known to have finished: ``owners`` are the ids of the objects that own
# the memory the kernel reads (a bounded list: an inference loop writes
# nothing)
_host_reads = []
_MAX_HOST_READS = 64


def owner(array):
    """The object that owns the memory of the NumPy array ``array``: the
    end of its chain of ``base`` arrays (a view and its base have the same
    owner)."""
    base = array.base
    while base is not None:
        array = base
        base = array.base if type(array) is numpy.ndarray else None
    return array


def note_host_reads(results, inputs):
    """Notes the results of a kernel given ``inputs``, some of them NumPy
    arrays: it may read those arrays' memory until the results are
    ready."""
    owners = frozenset([id(owner(x)) for x in inputs
                        if type(x) is numpy.ndarray])
    _host_reads.append((owners, results))
    if len(_host_reads) > _MAX_HOST_READS:
        wait_host_reads()


def wait_host_reads(array=None):
    """Waits until no kernel noted by :func:`note_host_reads` can still read
    the memory of the NumPy array ``array`` (of any NumPy array if
    ``array`` is None), before it is written into in place."""
    if not _host_reads:
        return
    if array is None:
        pending = [results for _, results in _host_reads]
        del _host_reads[:]
    else:
        key = id(owner(array))
        pending = [results for owners, results in _host_reads
                   if key in owners]
        if not pending:
            return
        _host_reads[:] = [entry for entry in _host_reads
                          if key not in entry[0]]
    try:
        jax.block_until_ready(pending)
    except RuntimeError:
        # a result donated since (its consumer waited for it): wait for
        # the others one by one
        for results in pending:
            for a in results:
                if isinstance(a, jax.Array) and not a.is_deleted():
                    a.block_until_ready()

# glibc's malloc options (malloc.h)
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_MMAP_THRESHOLD = 32 << 20  # glibc's largest; its dynamic threshold's cap
_TRIM_THRESHOLD = 128 << 20


def keep_freed_memory():
    """Lets glibc's malloc keep freed blocks of up to 32 MiB for reuse.

    Eager steps allocate and free the same large buffers at every step
    (XLA's results on its worker threads: an optimizer's new parameters and
    states). With glibc's defaults, those threads' heaps give the memory
    back to the kernel when it is freed and fault it in again at the next
    step: an MLP 784-1000-1000-10's Adam update took 2,300 page faults and
    twice its time. Chainer allocates from one thread, where glibc's own
    adjustment of these thresholds avoids that. This sets, for every heap
    from the start, the mmap threshold to 32 MiB (the most that adjustment
    reaches) and the trim threshold to 128 MiB (so that a heap keeps a few
    such blocks rather than trimming them). It is skipped where the user
    chose malloc's behaviour (a ``MALLOC_*`` environment variable, another
    allocator preloaded), off Linux glibc, and with
    ``CHAINERJAX_MALLOC_TUNING=0``.
    Returns whether the options were set.
    """
    if os.environ.get('CHAINERJAX_MALLOC_TUNING', '1') == '0':
        return False
    if not sys.platform.startswith('linux'):
        return False
    if any(k.startswith('MALLOC_') or k.startswith('GLIBC_TUNABLES')
           for k in os.environ):
        return False
    if 'malloc' in os.environ.get('LD_PRELOAD', ''):
        return False
    try:
        libc = ctypes.CDLL(None)
        if not hasattr(libc, 'gnu_get_libc_version'):
            return False
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
                and mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD))


malloc_tuned = keep_freed_memory()
