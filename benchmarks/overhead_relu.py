"""Wall-clock forward+backward of F.relu on a 100x100 float32 jax array
('@jax:cpu:0') vs the bare jitted jax.vjp kernels it uses.

Usage: python benchmarks/overhead_relu.py
"""
import timeit

import jax
import jax.numpy as jnp
import numpy as np

import chainerjax as chainer
import chainerjax.functions as F

x = chainer.Variable(jnp.asarray(np.random.rand(100, 100).astype(np.float32)))
g = chainer.Variable(jnp.ones((100, 100), jnp.float32))
xj = x._data
fv = jax.jit(lambda x: jax.vjp(lambda a: jnp.where(a > 0, a, 0), x))
bw = jax.jit(lambda v, g: v(g))


def raw():
    o, v = fv(xj)
    bw(v, g._data)


def ours():
    x._grad_var = None
    z = F.relu(x)
    z._grad_var = g
    z.backward()


def ours_fwd():
    F.relu(x)


def report(label, f, number=3000):
    best = min(timeit.repeat(f, number=number, repeat=5)) / number
    print('%-28s %.2f' % (label, best * 1e6))


for _ in range(2):
    report('raw', raw)
    report('ours', ours)
    report('ours fwd', ours_fwd)
