"""chainerjax's own Python work per op, forward + backward of F.relu on a
100x100 float32 array on '@jax:cpu:0', measured in CPU time of this thread
(time.thread_time), which a loaded machine disturbs much less than wall
time. The 'nokernel' rows replace the two compiled kernel calls by
functions returning their (precomputed) results, leaving only chainerjax's
graph and bookkeeping work.

Usage: python benchmarks/overhead_python.py
"""
import time

import jax.numpy as jnp
import numpy as np

import chainerjax as chainer
import chainerjax.functions as F
from chainerjax import _kernels

x = chainer.Variable(jnp.asarray(np.random.rand(100, 100).astype(np.float32)))
g = chainer.Variable(jnp.ones((100, 100), jnp.float32))


def fwd_bwd():
    x._grad_var = None
    z = F.relu(x)
    z._grad_var = g
    z.backward()


def fwd():
    F.relu(x)


def measure(label, f, number=2000):
    best = float('inf')
    for _ in range(7):
        t0 = time.thread_time()
        for _ in range(number):
            f()
        best = min(best, time.thread_time() - t0)
    print('%-28s %7.2f us' % (label, best / number * 1e6))


for _ in range(50):
    fwd_bwd()
measure('forward+backward', fwd_bwd)
measure('forward', fwd)
for kernel in list(_kernels._cache.values()):
    out = kernel.fwd_vjp((), (x._data,))
    kernel.fwd_vjp = (lambda o: lambda dyn, xs: o)(out)
    gxs = kernel.bwd(out[1], (g._data,))
    kernel.bwd = (lambda r: lambda vjp, gys: r)(gxs)
measure('forward+backward nokernel', fwd_bwd)
measure('forward nokernel', fwd)
