"""Eager per-op cost of chainerjax vs real Chainer and plain JAX.

Two kinds of benchmark, each timed as forward + backward:

* single ops on 100x100 float32: ``F.relu(x)``, ``x * y + y`` (Variable
  operators), ``F.linear(x, W, b)``; the output's gradient is set to ones
  and ``backward()`` runs;
* one training step of an MLP 784-100-100-10 (``F.linear``/``F.relu``),
  batch 32, ``F.softmax_cross_entropy``, plain SGD written by hand
  (``p.array = p.array - lr * p.grad``).

Configurations (whatever is importable in this interpreter is run, the rest
is skipped):

* ``chainer@numpy``     real Chainer 7.8.1, NumPy arrays;
* ``chainerjax@numpy``  chainerjax, arrays on ``'@numpy'`` (NumPy arrays);
* ``chainerjax@jax``    chainerjax, arrays on ``'@jax:cpu:0'`` (jax.Array);
* ``jax-jit``           plain JAX: ops: ``jax.jit`` of ``jax.vjp(f)`` plus a
                        jitted VJP application (what chainerjax's kernel
                        cache does per op); MLP: the whole step under one
                        ``jax.jit``;
* ``jax-eager``         plain JAX, no jit: eager ``jax.vjp`` (ops) or eager
                        ``jax.value_and_grad`` + update (MLP).

Times are microseconds per call: the median over repeats, after warm-up;
repeats of all configurations are interleaved so that load changes hit them
alike.

Usage::

    python benchmarks/bench_ops.py                   # table
    python benchmarks/bench_ops.py --json a.json     # also save results
    /work/refvenv/bin/python benchmarks/bench_ops.py --json b.json  # Chainer
    python benchmarks/bench_ops.py --merge a.json b.json  # one table
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import time

os.environ.setdefault('JAX_PLATFORMS', 'cpu')

import numpy as np  # NOQA: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CASES = ['relu', 'mul_add', 'linear', 'mlp_step']
CONFIGS = ['chainer@numpy', 'chainerjax@numpy', 'chainerjax@jax',
           'chainerjax-jit', 'jax-jit', 'jax-eager']
SHAPE = (100, 100)
MLP_UNITS = (784, 100, 100, 10)
BATCH = 32
LR = 0.01


# ---------------------------------------------------------------- inputs

def _op_inputs():
    rng = np.random.RandomState(0)
    x = rng.uniform(-1, 1, SHAPE).astype(np.float32)
    y = rng.uniform(-1, 1, SHAPE).astype(np.float32)
    W = rng.uniform(-0.1, 0.1, SHAPE).astype(np.float32)
    b = rng.uniform(-1, 1, SHAPE[0]).astype(np.float32)
    gy = np.ones(SHAPE, np.float32)
    return x, y, W, b, gy


def _mlp_inputs():
    rng = np.random.RandomState(1)
    params = []
    for n_in, n_out in zip(MLP_UNITS[:-1], MLP_UNITS[1:]):
        scale = np.sqrt(1.0 / n_in)
        params.append(rng.normal(0, scale, (n_out, n_in)).astype(np.float32))
        params.append(np.zeros(n_out, np.float32))
    x = rng.uniform(0, 1, (BATCH, MLP_UNITS[0])).astype(np.float32)
    t = rng.randint(0, MLP_UNITS[-1], BATCH).astype(np.int32)
    return params, x, t


# ------------------------------------------- Chainer-style (both libraries)

def _chainer_style_benches(chainer, F, send, sync):
    """Benchmarks written once against the Chainer API.

    ``send`` places a NumPy array on the benchmarked device; ``sync`` waits
    for an array (a no-op for NumPy)."""
    x0, y0, W0, b0, gy0 = (send(a) for a in _op_inputs())
    Variable = chainer.Variable

    def relu():
        x = Variable(x0)
        z = F.relu(x)
        z.grad = gy0
        z.backward()
        sync(x.grad)

    def mul_add():
        x = Variable(x0)
        y = Variable(y0)
        z = x * y + y
        z.grad = gy0
        z.backward()
        sync(x.grad)
        sync(y.grad)

    def linear():
        x = Variable(x0)
        W = Variable(W0)
        b = Variable(b0)
        z = F.linear(x, W, b)
        z.grad = gy0
        z.backward()
        sync(x.grad)
        sync(W.grad)
        sync(b.grad)

    params, x_np, t_np = _mlp_inputs()
    params = [chainer.Parameter(send(p)) for p in params]
    xb, tb = send(x_np), send(t_np)

    def mlp_step():
        W1, b1, W2, b2, W3, b3 = params
        for p in params:
            p.cleargrad()
        h = F.relu(F.linear(xb, W1, b1))
        h = F.relu(F.linear(h, W2, b2))
        loss = F.softmax_cross_entropy(F.linear(h, W3, b3), tb)
        loss.backward()
        for p in params:
            p.array = p.array - LR * p.grad
        sync(params[-1].array)

    return {'relu': relu, 'mul_add': mul_add, 'linear': linear,
            'mlp_step': mlp_step}


def _no_sync(a):
    pass


def real_chainer_benches():
    try:
        import chainer
        import chainer.functions as F
    except ImportError as e:
        return None, 'chainer not importable ({})'.format(e)
    if not chainer.Variable.__module__.startswith('chainer.'):
        return None, '`chainer` is chainerjax (alias active), not Chainer'
    return (_chainer_style_benches(chainer, F, lambda a: a, _no_sync),
            'chainer ' + chainer.__version__)


def _import_chainerjax():
    try:
        import chainerjax
    except ImportError:
        if REPO not in sys.path:
            sys.path.insert(0, REPO)
        import chainerjax
    import chainerjax.functions as F
    return chainerjax, F


def chainerjax_benches(device_spec):
    try:
        chainerjax, F = _import_chainerjax()
    except ImportError as e:
        return None, 'chainerjax not importable ({})'.format(e)
    import jax
    device = chainerjax.get_device(device_spec)
    if device_spec == '@numpy':
        sync = _no_sync
    else:
        sync = jax.block_until_ready
    return (_chainer_style_benches(chainerjax, F, device.send, sync),
            'chainerjax {} (jax {})'.format(chainerjax.__version__,
                                            jax.__version__))


def chainerjax_jit_benches(device_spec='@jax:cpu:0'):
    """The MLP step as Chainer code (Chain of L.Linear, optimizers.SGD),
    compiled whole with chainerjax.jit."""
    try:
        chainerjax, F = _import_chainerjax()
        import chainerjax.links as L
        from chainerjax import optimizers
    except ImportError as e:
        return None, 'chainerjax not importable ({})'.format(e)
    import jax
    params, x_np, t_np = _mlp_inputs()
    model = chainerjax.ChainList(*[
        L.Linear(W.shape[1], W.shape[0], initialW=W, initial_bias=b)
        for W, b in zip(params[0::2], params[1::2])])
    model.to_device(device_spec)
    device = chainerjax.get_device(device_spec)
    xb, tb = device.send(x_np), device.send(t_np)
    opt = optimizers.SGD(lr=LR)
    opt.setup(model)

    def lossfun(x, t):
        h = F.relu(model[0](x))
        h = F.relu(model[1](h))
        return F.softmax_cross_entropy(model[2](h), t)

    @chainerjax.jit
    def step(x, t):
        opt.update(lossfun, x, t)

    def mlp_step():
        step(xb, tb)
        jax.block_until_ready(model[2].b.array)

    return ({'mlp_step': mlp_step},
            'chainerjax {} jit (jax {})'.format(chainerjax.__version__,
                                                jax.__version__))


# ------------------------------------------------------------- plain JAX

def _jax_losses():
    import jax
    import jax.numpy as jnp

    def relu(x):
        return jnp.maximum(x, 0)

    def mul_add(x, y):
        return x * y + y

    def linear(x, W, b):
        return x @ W.T + b

    def mlp_loss(params, x, t):
        W1, b1, W2, b2, W3, b3 = params
        h = jax.nn.relu(x @ W1.T + b1)
        h = jax.nn.relu(h @ W2.T + b2)
        logits = h @ W3.T + b3
        logp = jax.nn.log_softmax(logits)
        return -jnp.mean(jnp.take_along_axis(logp, t[:, None], axis=1))

    return relu, mul_add, linear, mlp_loss


def jax_benches(jit):
    try:
        import jax
    except ImportError as e:
        return None, 'jax not importable ({})'.format(e)
    relu_f, mul_add_f, linear_f, mlp_loss = _jax_losses()
    x, y, W, b, gy = (jax.device_put(a) for a in _op_inputs())

    if jit:
        def make(f):
            fwd = jax.jit(lambda *xs: jax.vjp(f, *xs))
            bwd = jax.jit(lambda vjp, g: vjp(g))

            def run(*xs):
                out, vjp = fwd(*xs)
                jax.block_until_ready(bwd(vjp, gy))
            return run
    else:
        def make(f):
            def run(*xs):
                out, vjp = jax.vjp(f, *xs)
                jax.block_until_ready(vjp(gy))
            return run

    relu_run = make(relu_f)
    mul_add_run = make(mul_add_f)
    linear_run = make(linear_f)

    params, x_np, t_np = _mlp_inputs()
    state = {'params': [jax.device_put(p) for p in params]}
    xb, tb = jax.device_put(x_np), jax.device_put(t_np)

    def step(params, x, t):
        loss, grads = jax.value_and_grad(mlp_loss)(params, x, t)
        return [p - LR * g for p, g in zip(params, grads)], loss

    if jit:
        step = jax.jit(step)

    def mlp_step():
        state['params'], loss = step(state['params'], xb, tb)
        jax.block_until_ready(state['params'])

    return ({'relu': lambda: relu_run(x),
             'mul_add': lambda: mul_add_run(x, y),
             'linear': lambda: linear_run(x, W, b),
             'mlp_step': mlp_step},
            'jax ' + jax.__version__)


# --------------------------------------------------------------- timing

def collect(configs):
    benches = []
    info = {}
    makers = {
        'chainer@numpy': real_chainer_benches,
        'chainerjax@numpy': lambda: chainerjax_benches('@numpy'),
        'chainerjax@jax': lambda: chainerjax_benches('@jax:cpu:0'),
        'chainerjax-jit': chainerjax_jit_benches,
        'jax-jit': lambda: jax_benches(True),
        'jax-eager': lambda: jax_benches(False),
    }
    for config in configs:
        try:
            fns, note = makers[config]()
        except Exception as e:  # a broken configuration must not stop all
            fns, note = None, 'failed to set up: {!r}'.format(e)
        info[config] = note
        if fns is None:
            print('skip {}: {}'.format(config, note), file=sys.stderr)
            continue
        for case in CASES:
            if case in fns:
                benches.append((case, config, fns[case]))
    return benches, info


def run_benches(benches, repeats, warmup, target_s):
    plan = []
    errors = {}
    for case, config, fn in benches:
        try:
            for _ in range(warmup):
                fn()
            t0 = time.perf_counter()
            fn()
            dt = time.perf_counter() - t0
        except Exception as e:
            errors[(case, config)] = repr(e)
            print('error {} {}: {!r}'.format(case, config, e),
                  file=sys.stderr)
            continue
        number = max(1, min(10000, int(target_s / max(dt, 1e-7))))
        plan.append((case, config, fn, number))
    samples = {(case, config): [] for case, config, _, _ in plan}
    for _ in range(repeats):
        # Interleaved: one repeat of every benchmark per round.
        for case, config, fn, number in plan:
            t0 = time.perf_counter()
            for _ in range(number):
                fn()
            samples[(case, config)].append(
                (time.perf_counter() - t0) / number * 1e6)
    results = []
    for case, config, _, number in plan:
        s = samples[(case, config)]
        results.append({'case': case, 'config': config,
                        'us': statistics.median(s), 'min_us': min(s),
                        'number': number, 'repeats': len(s)})
    for (case, config), err in errors.items():
        results.append({'case': case, 'config': config, 'us': None,
                        'error': err})
    return results


def meta(info):
    return {
        'date': datetime.datetime.now().isoformat(timespec='seconds'),
        'python': sys.version.split()[0],
        'executable': sys.executable,
        'machine': platform.platform(),
        'cpus': os.cpu_count(),
        'loadavg': list(os.getloadavg()) if hasattr(os, 'getloadavg')
        else None,
        'numpy': np.__version__,
        'configs': info,
    }


# --------------------------------------------------------------- output

def table(results):
    by_key = {}
    for r in results:
        if r.get('us') is not None:
            by_key[(r['case'], r['config'])] = r['us']
    configs = [c for c in CONFIGS
               if any(k[1] == c for k in by_key)]
    configs += sorted({k[1] for k in by_key} - set(configs))
    lines = []
    header = '{:<10} {:<17} {:>12} {:>10} {:>10}'.format(
        'case', 'config', 'us/call', 'vs chainer', 'vs jax-jit')
    lines.append(header)
    lines.append('-' * len(header))
    for case in CASES:
        ref_chainer = by_key.get((case, 'chainer@numpy'))
        ref_jax = by_key.get((case, 'jax-jit'))
        for config in configs:
            us = by_key.get((case, config))
            if us is None:
                continue
            lines.append('{:<10} {:<17} {:>12.1f} {:>10} {:>10}'.format(
                case, config, us, _ratio(us, ref_chainer),
                _ratio(us, ref_jax)))
        lines.append('')
    return '\n'.join(lines).rstrip() + '\n'


def _ratio(us, ref):
    if ref is None or not ref:
        return '-'
    return '{:.2f}x'.format(us / ref)


def merge(paths):
    results = []
    seen = set()
    metas = []
    for path in paths:
        with open(path) as f:
            data = json.load(f)
        metas.append((path, data.get('meta', {})))
        for r in data['results']:
            key = (r['case'], r['config'])
            if key in seen or r.get('us') is None:
                continue  # the first file that has a result wins
            seen.add(key)
            results.append(r)
    return results, metas


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--json', metavar='OUT',
                   help='also write the results to this JSON file')
    p.add_argument('--merge', nargs='+', metavar='JSON',
                   help='print one table from JSON files of earlier runs')
    p.add_argument('--configs', default=','.join(CONFIGS),
                   help='comma-separated subset of: ' + ', '.join(CONFIGS))
    p.add_argument('--repeats', type=int, default=15)
    p.add_argument('--warmup', type=int, default=20)
    p.add_argument('--target-ms', type=float, default=40.0,
                   help='time of one repeat of one benchmark')
    args = p.parse_args(argv)

    if args.merge:
        results, metas = merge(args.merge)
        for path, m in metas:
            print('# {}: {} python {} on {} ({} cpus), load {}'.format(
                path, m.get('date'), m.get('python'), m.get('machine'),
                m.get('cpus'), m.get('loadavg')))
            for config, note in sorted(m.get('configs', {}).items()):
                print('#   {}: {}'.format(config, note))
        print(table(results))
        return 0

    configs = [c.strip() for c in args.configs.split(',') if c.strip()]
    unknown = set(configs) - set(CONFIGS)
    if unknown:
        p.error('unknown configs: {}'.format(', '.join(sorted(unknown))))
    benches, info = collect(configs)
    if not benches:
        print('nothing to benchmark', file=sys.stderr)
        return 1
    results = run_benches(benches, args.repeats, args.warmup,
                          args.target_ms / 1e3)
    m = meta(info)
    print('# {} python {} on {} ({} cpus), load {}'.format(
        m['date'], m['python'], m['machine'], m['cpus'], m['loadavg']))
    for config, note in info.items():
        print('#   {}: {}'.format(config, note))
    print(table(results))
    if args.json:
        with open(args.json, 'w') as f:
            json.dump({'meta': m, 'results': results}, f, indent=1)
    return 0


if __name__ == '__main__':
    sys.exit(main())
