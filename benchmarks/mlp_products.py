"""The five matrix products of one MLP 784-1000-1000-10 training step
(batch 100, float32), each timed alone: XLA on the CPU (as chainerjax's
eager kernels compile them) against NumPy's BLAS (as Chainer computes them).

* ``l1fwd``, ``l2fwd``: ``x @ W.T`` (the Linear forward), 784 and 1000
  inputs;
* ``l2gx``: ``gy @ W`` (the input gradient of the second layer);
* ``l2gW``, ``l1gW``: ``gy.T @ x`` (the weight gradients, a product over
  the batch axis, the leading axis of both operands).

Each implementation runs in a process of its own (BLAS threads that spin
after a product would otherwise slow XLA's next one), the two in turns.

Usage: python benchmarks/mlp_products.py [--rounds N] [--turns N]
       [--xla-option NAME=VALUE ...]
"""
import argparse
import json
import os
import random
import subprocess
import sys
import time

import numpy

BATCH = 100
NAMES = ('l1fwd', 'l2fwd', 'l2gx', 'l2gW', 'l1gW')


def _operands():
    rng = numpy.random.default_rng(0)

    def normal(*shape):
        return rng.standard_normal(shape, dtype=numpy.float32)

    x1, w1 = normal(BATCH, 784), normal(1000, 784)
    x2, w2 = normal(BATCH, 1000), normal(1000, 1000)
    gy = normal(BATCH, 1000)
    return {'l1fwd': (x1, w1), 'l2fwd': (x2, w2), 'l2gx': (gy, w2),
            'l2gW': (gy, x2), 'l1gW': (gy, x1)}


def _numpy_cases():
    products = {
        'l1fwd': lambda x, w: x @ w.T, 'l2fwd': lambda x, w: x @ w.T,
        'l2gx': lambda g, w: g @ w,
        'l2gW': lambda g, x: g.T @ x, 'l1gW': lambda g, x: g.T @ x}
    args = _operands()
    return {k: (products[k], args[k]) for k in NAMES}, lambda r: r


def _xla_cases(options):
    import jax
    from jax import lax

    def dot(lhs_axis, rhs_axis):
        dims = (((lhs_axis,), (rhs_axis,)), ((), ()))
        return lambda a, b: lax.dot_general(a, b, dims)

    products = {'l1fwd': dot(1, 1), 'l2fwd': dot(1, 1), 'l2gx': dot(1, 0),
                'l2gW': dot(0, 0), 'l1gW': dot(0, 0)}
    cases = {}
    for k, args in _operands().items():
        args = tuple(jax.device_put(a) for a in args)
        compiled = jax.jit(products[k]).lower(*args).compile(
            compiler_options=options)
        cases[k] = (compiled, args)
    return cases, jax.block_until_ready


def _child(impl, rounds, options):
    cases, sync = (_numpy_cases() if impl == 'numpy'
                   else _xla_cases(options))
    times = {k: [] for k in NAMES}
    for k, (f, args) in cases.items():
        sync(f(*args))
    order = list(NAMES)
    for _ in range(rounds):
        random.shuffle(order)
        for k in order:
            f, args = cases[k]
            for _ in range(3):
                t = time.perf_counter()
                sync(f(*args))
                times[k].append(time.perf_counter() - t)
    print(json.dumps({k: float(numpy.median(v)) for k, v in times.items()}))


def _option(text):
    name, value = text.split('=', 1)
    if value.lower() in ('true', 'false'):
        return name, value.lower() == 'true'
    if value.lstrip('-').isdigit():
        return name, int(value)
    return name, value


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--rounds', type=int, default=50,
                   help='rounds per process (each product 3 times a round)')
    p.add_argument('--turns', type=int, default=3,
                   help='processes per implementation, in turns')
    p.add_argument('--xla-option', action='append', default=[],
                   metavar='NAME=VALUE',
                   help='an XLA compile option for the XLA products')
    p.add_argument('--child', choices=('numpy', 'xla'), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    options = dict(_option(o) for o in args.xla_option)
    if args.child:
        _child(args.child, args.rounds, options)
        return
    env = dict(os.environ, JAX_PLATFORMS='cpu')
    results = {'xla': [], 'numpy': []}
    for _ in range(args.turns):
        for impl in ('xla', 'numpy'):
            cmd = [sys.executable, os.path.abspath(__file__), '--child', impl,
                   '--rounds', str(args.rounds)]
            for o in args.xla_option:
                cmd += ['--xla-option', o]
            out = subprocess.run(cmd, env=env, check=True,
                                 capture_output=True, text=True).stdout
            results[impl].append(json.loads(out.strip().splitlines()[-1]))
    print('median ms of each product (median over %d processes each)'
          % args.turns)
    print('impl    ' + ''.join('%9s' % k for k in NAMES) + '      sum')
    for impl, runs in results.items():
        ms = [float(numpy.median([r[k] for r in runs])) * 1e3 for k in NAMES]
        print('%-8s' % impl + ''.join('%9.3f' % v for v in ms)
              + '%9.3f' % sum(ms))


if __name__ == '__main__':
    main()
