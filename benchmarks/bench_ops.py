"""Eager per-op cost of chainerjax vs real Chainer and plain JAX.

Every case is timed as forward + backward (for the MLP, one training step).
The single-op cases run the op on fresh ``Variable`` inputs, set the output's
gradient to a fixed upstream gradient and call ``backward()`` (a scalar loss
gets the implicit gradient 1). Shapes are those of the benchmark models (a
small CNN on 32x32 images with batch 64, SqueezeNet, the LSTM language model
with 650 units); all arrays are float32:

* ``relu``                  ``F.relu(x)``, x 100x100, gradient ones;
* ``mul_add``               ``x * y + y`` (Variable operators), 100x100,
                            gradient ones;
* ``linear``                ``F.linear(x, W, b)``, x and W 100x100,
                            gradient ones;
* ``convolution_2d``        ``F.convolution_2d(x, W, b, pad=1)``,
                            x 64x16x32x32, W 32x16x3x3;
* ``max_pooling_2d``        ``F.max_pooling_2d(x, 3, 2)`` (cover_all),
                            x 64x32x16x16;
* ``average_pooling_2d``    ``F.average_pooling_2d(x, 3, 2)``,
                            x 64x32x16x16;
* ``batch_normalization``   ``F.batch_normalization(x, gamma, beta)`` in
                            train mode (batch statistics), x 64x32x16x16;
* ``dropout``               ``F.dropout(x, 0.5)`` in train mode (a new mask
                            every call), x 64x32x16x16;
* ``concat``                ``F.concat((a, b), axis=1)``, two 64x32x16x16;
* ``softmax_cross_entropy`` ``F.softmax_cross_entropy(x, t)``, logits
                            100x10 and int32 labels, backward from the loss;
* ``lstm``                  ``F.lstm(c, x)``, c 20x650, x 20x2600, backward
                            from both outputs (``chainer.backward``);
* ``embed_id``              ``F.embed_id(ids, W)``, int32 ids 20x35 into
                            W 10000x650;
* ``mlp_step``              one training step of an MLP 784-100-100-10
                            (``F.linear``/``F.relu``), batch 32,
                            ``F.softmax_cross_entropy``, plain SGD written by
                            hand (``p.array = p.array - lr * p.grad``).

The upstream gradients of the new cases are fixed uniform random arrays.
The Chainer-style code is written once and run by both real Chainer and
chainerjax.

Configurations (whatever is importable in this interpreter is run, the rest
is skipped):

* ``chainer@numpy``     real Chainer 7.8.1, NumPy arrays;
* ``chainerjax@numpy``  chainerjax, arrays on ``'@numpy'`` (NumPy arrays);
* ``chainerjax@jax``    chainerjax, arrays on ``'@jax:cpu:0'`` (jax.Array);
* ``chainerjax-jit``    (``mlp_step`` only) the MLP step as Chainer code
                        (``ChainList`` of ``L.Linear``, ``optimizers.SGD``)
                        compiled whole with ``chainerjax.jit``;
* ``jax-jit``           plain JAX (``jax.numpy``/``jax.lax``) computing the
                        same thing: ops: ``jax.jit`` of ``jax.vjp(f)`` plus
                        a jitted VJP application (what chainerjax's kernel
                        cache does per op; dropout draws its mask with
                        ``jax.random`` inside the kernel, from a key and a
                        per-call counter); MLP: the whole step under one
                        ``jax.jit``;
* ``jax-eager``         plain JAX, no jit: eager ``jax.vjp`` (ops) or eager
                        ``jax.value_and_grad`` + update (MLP).

Times are microseconds per call: the median over repeats, after warm-up;
repeats of all configurations are interleaved so that load changes hit them
alike. One repeat runs a case ``number`` times, about ``--target-ms``; a
case slower than that runs once per repeat, with fewer repeats (at least 5)
and fewer warm-up calls (at least 3 after the first call; at most
``--warmup`` within 0.3 s), so that the big ops do not dominate the run.

No per-call retracing: for the chainerjax configurations the number of
kernel traces (``chainerjax._kernels.stats['compiles']``, plus the step's
``compiles`` for ``chainerjax-jit``) during the timed loops is recorded
(``compiles`` in the JSON and the table); it must be 0 and ``--strict``
exits with status 1 otherwise.

Numerics: the values returned by the first call (outputs and input
gradients; for the MLP the updated parameters) are summarized (sums, norms,
extrema, a random projection and sampled elements) and compared with the
same case under ``chainer@numpy`` (if present in the results) or
``jax-jit``; ``err`` is the largest relative difference, which must be
below 1e-4. Dropout masks differ between libraries, so each dropout result
is checked on its own: ``y == x * m`` and ``gx == gy * m`` with ``m`` in
``{0, 2}`` and about half of the elements kept. ``--strict`` also fails on
a numerics mismatch.

Usage::

    python benchmarks/bench_ops.py                   # table
    python benchmarks/bench_ops.py --cases conv,lstm # cases by name prefix
    python benchmarks/bench_ops.py --json a.json     # also save results
    /work/refvenv/bin/python benchmarks/bench_ops.py --json b.json  # Chainer
    python benchmarks/bench_ops.py --merge a.json b.json  # one table
"""
import argparse
import datetime
import json
import math
import os
import platform
import statistics
import sys
import time

os.environ.setdefault('JAX_PLATFORMS', 'cpu')

import numpy as np  # NOQA: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CASES = ['relu', 'mul_add', 'linear', 'convolution_2d', 'max_pooling_2d',
         'average_pooling_2d', 'batch_normalization', 'dropout', 'concat',
         'softmax_cross_entropy', 'lstm', 'embed_id', 'mlp_step']
CONFIGS = ['chainer@numpy', 'chainerjax@numpy', 'chainerjax@jax',
           'chainerjax-jit', 'jax-jit', 'jax-eager']
CHAINERJAX_CONFIGS = ('chainerjax@numpy', 'chainerjax@jax', 'chainerjax-jit')
SHAPE = (100, 100)
MLP_UNITS = (784, 100, 100, 10)
BATCH = 32
LR = 0.01

CONV_X = (64, 16, 32, 32)
CONV_W = (32, 16, 3, 3)
CONV_PAD = 1
MAP = (64, 32, 16, 16)      # pooling, batch normalization, dropout, concat
POOL_K, POOL_S = 3, 2
BN_EPS = 2e-5
DROPOUT_RATIO = 0.5
SCE = (100, 10)
LSTM_B, LSTM_N = 20, 650
EMBED_W = (10000, 650)
EMBED_IDS = (20, 35)

TOL = 1e-4
MIN_REPEATS = 5
MIN_WARMUP = 3


# ---------------------------------------------------------------- inputs

def _op_inputs():
    rng = np.random.RandomState(0)
    x = rng.uniform(-1, 1, SHAPE).astype(np.float32)
    y = rng.uniform(-1, 1, SHAPE).astype(np.float32)
    W = rng.uniform(-0.1, 0.1, SHAPE).astype(np.float32)
    b = rng.uniform(-1, 1, SHAPE[0]).astype(np.float32)
    gy = np.ones(SHAPE, np.float32)
    return x, y, W, b, gy


def _pool_out(size, cover_all):
    if cover_all:
        return (size - POOL_K + POOL_S - 1) // POOL_S + 1
    return (size - POOL_K) // POOL_S + 1


def _case_inputs():
    """Per single-op case: (differentiated inputs, other inputs, upstream
    gradient), as NumPy arrays. The gradient is None for a scalar loss and
    a tuple for several outputs."""
    rng = np.random.RandomState(2)

    def u(shape, low=-1, high=1):
        return rng.uniform(low, high, shape).astype(np.float32)

    x, y, W, b, gy = _op_inputs()
    n, c, h, w = MAP
    out_max = (n, c, _pool_out(h, True), _pool_out(w, True))
    out_avg = (n, c, _pool_out(h, False), _pool_out(w, False))
    conv_out = (CONV_X[0], CONV_W[0]) + CONV_X[2:]
    return {
        'relu': ([x], [], gy),
        'mul_add': ([x, y], [], gy),
        'linear': ([x, W, b], [], gy),
        'convolution_2d': (
            [u(CONV_X), u(CONV_W, -0.1, 0.1), u(CONV_W[0])], [],
            u(conv_out)),
        'max_pooling_2d': ([u(MAP)], [], u(out_max)),
        'average_pooling_2d': ([u(MAP)], [], u(out_avg)),
        'batch_normalization': (
            [u(MAP), u(c, 0.5, 1.5), u(c)], [], u(MAP)),
        'dropout': ([u(MAP)], [], u(MAP)),
        'concat': ([u(MAP), u(MAP)], [], u((n, 2 * c, h, w))),
        'softmax_cross_entropy': (
            [u(SCE, -3, 3)],
            [rng.randint(0, SCE[1], SCE[0]).astype(np.int32)], None),
        'lstm': ([u((LSTM_B, LSTM_N)), u((LSTM_B, 4 * LSTM_N))], [],
                 (u((LSTM_B, LSTM_N)), u((LSTM_B, LSTM_N)))),
        'embed_id': (
            [u(EMBED_W, -0.1, 0.1)],
            [rng.randint(0, EMBED_W[0], EMBED_IDS).astype(np.int32)],
            u(EMBED_IDS + EMBED_W[1:])),
    }


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

def _chainer_style_ops(F):
    """Each single-op case as a function of (differentiated inputs, other
    inputs), written against the Chainer API."""
    return {
        'relu': F.relu,
        'mul_add': lambda x, y: x * y + y,
        'linear': F.linear,
        'convolution_2d': lambda x, W, b: F.convolution_2d(
            x, W, b, pad=CONV_PAD),
        'max_pooling_2d': lambda x: F.max_pooling_2d(x, POOL_K, POOL_S),
        'average_pooling_2d': lambda x: F.average_pooling_2d(
            x, POOL_K, POOL_S),
        'batch_normalization': lambda x, gamma, beta: F.batch_normalization(
            x, gamma, beta, eps=BN_EPS),
        'dropout': lambda x: F.dropout(x, DROPOUT_RATIO),
        'concat': lambda a, b: F.concat((a, b), axis=1),
        'softmax_cross_entropy': F.softmax_cross_entropy,
        'lstm': F.lstm,
        'embed_id': lambda W, ids: F.embed_id(ids, W),
    }


def _chainer_style_benches(chainer, F, send, sync):
    """Benchmarks written once against the Chainer API.

    ``send`` places a NumPy array on the benchmarked device; ``sync`` waits
    for a list of arrays (a no-op for NumPy). Each benchmark returns the
    arrays the numerics check compares."""
    Variable = chainer.Variable

    def make(op, diff, consts, gy):
        diff = [send(a) for a in diff]
        consts = [send(a) for a in consts]
        if isinstance(gy, tuple):
            gy = tuple(send(g) for g in gy)
        elif gy is not None:
            gy = send(gy)

        def run():
            xs = [Variable(a) for a in diff]
            y = op(*xs, *consts)
            if isinstance(y, tuple):
                for yi, gi in zip(y, gy):
                    yi.grad = gi
                chainer.backward(list(y))
            else:
                if gy is not None:
                    y.grad = gy
                y.backward()
                y = (y,)
            out = [yi.array for yi in y] + [x.grad for x in xs]
            sync(out)
            return out
        return run

    ops = _chainer_style_ops(F)
    benches = {case: make(ops[case], *spec)
               for case, spec in _case_inputs().items()}

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
        out = [p.array for p in params]
        sync(out)
        return out

    benches['mlp_step'] = mlp_step
    return benches


def _no_sync(a):
    pass


def real_chainer_benches():
    try:
        import chainer
        import chainer.functions as F
    except ImportError as e:
        return None, 'chainer not importable ({})'.format(e), None
    if not chainer.Variable.__module__.startswith('chainer.'):
        return (None, '`chainer` is chainerjax (alias active), not Chainer',
                None)
    return (_chainer_style_benches(chainer, F, lambda a: a, _no_sync),
            'chainer ' + chainer.__version__, None)


def _import_chainerjax():
    try:
        import chainerjax
    except ImportError:
        if REPO not in sys.path:
            sys.path.insert(0, REPO)
        import chainerjax
    import chainerjax.functions as F
    return chainerjax, F


def _kernel_compiles():
    from chainerjax import _kernels
    return _kernels.stats['compiles']


def chainerjax_benches(device_spec):
    try:
        chainerjax, F = _import_chainerjax()
    except ImportError as e:
        return None, 'chainerjax not importable ({})'.format(e), None
    import jax
    device = chainerjax.get_device(device_spec)
    if device_spec == '@numpy':
        sync = _no_sync
    else:
        sync = jax.block_until_ready
    return (_chainer_style_benches(chainerjax, F, device.send, sync),
            'chainerjax {} (jax {})'.format(chainerjax.__version__,
                                            jax.__version__),
            _kernel_compiles)


def chainerjax_jit_benches(device_spec='@jax:cpu:0'):
    """The MLP step as Chainer code (Chain of L.Linear, optimizers.SGD),
    compiled whole with chainerjax.jit."""
    try:
        chainerjax, F = _import_chainerjax()
        import chainerjax.links as L
        from chainerjax import optimizers
    except ImportError as e:
        return None, 'chainerjax not importable ({})'.format(e), None
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
        out = [p.array for link in model for p in (link.W, link.b)]
        jax.block_until_ready(out)
        return out

    def compiles():
        return _kernel_compiles() + step.compiles

    return ({'mlp_step': mlp_step},
            'chainerjax {} jit (jax {})'.format(chainerjax.__version__,
                                                jax.__version__),
            compiles)


# ------------------------------------------------------------- plain JAX

def _jax_ops():
    """The single-op cases in plain JAX, same arguments as
    :func:`_chainer_style_ops` (dropout takes a key and a counter too)."""
    import jax
    import jax.numpy as jnp
    from jax import lax

    def relu(x):
        return jnp.maximum(x, 0)

    def mul_add(x, y):
        return x * y + y

    def linear(x, W, b):
        return x @ W.T + b

    def convolution_2d(x, W, b):
        p = CONV_PAD
        y = lax.conv_general_dilated(
            x, W, (1, 1), ((p, p), (p, p)),
            dimension_numbers=('NCHW', 'OIHW', 'NCHW'))
        return y + b[None, :, None, None]

    def max_pooling_2d(x):
        # cover_all: pad the high side so that every input is covered
        pads = [(0, 0), (0, 0)]
        for size in x.shape[2:]:
            out = _pool_out(size, True)
            pads.append((0, POOL_K + POOL_S * (out - 1) - size))
        return lax.reduce_window(
            x, np.array(-np.inf, x.dtype), lax.max, (1, 1, POOL_K, POOL_K),
            (1, 1, POOL_S, POOL_S), pads)

    def average_pooling_2d(x):
        s = lax.reduce_window(
            x, np.array(0, x.dtype), lax.add, (1, 1, POOL_K, POOL_K),
            (1, 1, POOL_S, POOL_S), 'VALID')
        return s / (POOL_K * POOL_K)

    def batch_normalization(x, gamma, beta):
        axes = (0, 2, 3)
        mean = jnp.mean(x, axis=axes, keepdims=True)
        var = jnp.var(x, axis=axes, keepdims=True)
        xhat = (x - mean) * lax.rsqrt(var + BN_EPS)
        return gamma[None, :, None, None] * xhat + beta[None, :, None, None]

    def dropout(x, key, i):
        k = jax.random.fold_in(key, i)
        keep = jax.random.uniform(k, x.shape, jnp.float32) >= DROPOUT_RATIO
        return x * (keep.astype(x.dtype) / (1 - DROPOUT_RATIO))

    def concat(a, b):
        return jnp.concatenate([a, b], axis=1)

    def softmax_cross_entropy(x, t):
        logp = jax.nn.log_softmax(x)
        return -jnp.mean(jnp.take_along_axis(logp, t[:, None], axis=1))

    def lstm(c_prev, x):
        # Chainer's layout: gates a, i, f, o interleaved per unit
        r = x.reshape(x.shape[0], x.shape[1] // 4, 4)
        a, i, f, o = (r[:, :, g] for g in range(4))
        c = jnp.tanh(a) * jax.nn.sigmoid(i) + jax.nn.sigmoid(f) * c_prev
        return c, jax.nn.sigmoid(o) * jnp.tanh(c)

    def embed_id(W, ids):
        return jnp.take(W, ids, axis=0)

    return {
        'relu': relu, 'mul_add': mul_add, 'linear': linear,
        'convolution_2d': convolution_2d, 'max_pooling_2d': max_pooling_2d,
        'average_pooling_2d': average_pooling_2d,
        'batch_normalization': batch_normalization, 'dropout': dropout,
        'concat': concat, 'softmax_cross_entropy': softmax_cross_entropy,
        'lstm': lstm, 'embed_id': embed_id}


def _mlp_loss(params, x, t):
    import jax
    import jax.numpy as jnp
    W1, b1, W2, b2, W3, b3 = params
    h = jax.nn.relu(x @ W1.T + b1)
    h = jax.nn.relu(h @ W2.T + b2)
    logits = h @ W3.T + b3
    logp = jax.nn.log_softmax(logits)
    return -jnp.mean(jnp.take_along_axis(logp, t[:, None], axis=1))


def jax_benches(jit):
    try:
        import jax
    except ImportError as e:
        return None, 'jax not importable ({})'.format(e), None

    def make(f, diff, consts, gy, next_consts=None):
        diff = [jax.device_put(a) for a in diff]
        consts = [jax.device_put(a) for a in consts]
        if gy is None:
            gy = np.ones((), np.float32)
        gy = jax.device_put(gy)

        def fwd(d, c):
            return jax.vjp(lambda *xs: f(*xs, *c), *d)

        def bwd(vjp, g):
            return vjp(g)

        if jit:
            fwd = jax.jit(fwd)
            bwd = jax.jit(bwd)

        def run():
            c = consts if next_consts is None else next_consts()
            y, vjp = fwd(diff, c)
            gx = bwd(vjp, gy)
            out = (list(y) if isinstance(y, tuple) else [y]) + list(gx)
            jax.block_until_ready(out)
            return out
        return run

    ops = _jax_ops()
    benches = {}
    for case, (diff, consts, gy) in _case_inputs().items():
        next_consts = None
        if case == 'dropout':
            key = jax.random.key(0)
            counter = [0]

            def next_consts(key=key, counter=counter):
                counter[0] += 1
                return [key, np.uint32(counter[0])]
        benches[case] = make(ops[case], diff, consts, gy, next_consts)

    params, x_np, t_np = _mlp_inputs()
    state = {'params': [jax.device_put(p) for p in params]}
    xb, tb = jax.device_put(x_np), jax.device_put(t_np)

    def step(params, x, t):
        loss, grads = jax.value_and_grad(_mlp_loss)(params, x, t)
        return [p - LR * g for p, g in zip(params, grads)], loss

    if jit:
        step = jax.jit(step)

    def mlp_step():
        state['params'], loss = step(state['params'], xb, tb)
        jax.block_until_ready(state['params'])
        return state['params']

    benches['mlp_step'] = mlp_step
    return benches, 'jax ' + jax.__version__, None


# ------------------------------------------------------------- numerics

def _fingerprint(arrays):
    """A summary of each array that survives JSON (so that two interpreters
    can be compared): sums, norm, extrema, a random projection and sampled
    elements."""
    fps = []
    for a in arrays:
        a = np.asarray(a, dtype=np.float64)
        flat = a.ravel()
        rng = np.random.RandomState(flat.size % (2 ** 31))
        proj = rng.uniform(-1, 1, flat.size)
        idx = rng.randint(0, flat.size, 8)
        fps.append({
            'shape': list(a.shape), 'sum': float(flat.sum()),
            'abs': float(np.abs(flat).sum()),
            'l2': float(np.sqrt((flat * flat).sum())),
            'max': float(flat.max()), 'min': float(flat.min()),
            'proj': float(flat @ proj), 'samples': flat[idx].tolist()})
    return fps


def _fingerprint_error(fa, fb):
    """Largest relative difference between two fingerprints (inf if the
    shapes differ)."""
    if len(fa) != len(fb):
        return math.inf
    err = 0.0
    for a, b in zip(fa, fb):
        if a['shape'] != b['shape']:
            return math.inf
        total = max(b['abs'], 1e-30)
        big = max(abs(b['max']), abs(b['min']), 1e-30)
        diffs = [abs(a[k] - b[k]) / total for k in ('sum', 'abs', 'proj')]
        diffs.append(abs(a['l2'] - b['l2']) / max(b['l2'], 1e-30))
        diffs += [abs(a[k] - b[k]) / big for k in ('max', 'min')]
        diffs += [abs(p - q) / big
                  for p, q in zip(a['samples'], b['samples'])]
        err = max(err, max(diffs))
    return err


def _dropout_check(values):
    """Checks one dropout result against its own mask: returns (relative
    error, kept fraction)."""
    (x,), _, gy = _case_inputs()['dropout']
    x, gy = x.astype(np.float64), gy.astype(np.float64)
    y, gx = (np.asarray(v, dtype=np.float64) for v in values)
    scale = 1 / (1 - DROPOUT_RATIO)
    mask = np.where(y != 0, scale, 0.0)
    err = max(np.abs(y - x * mask).max() / np.abs(x).max(),
              np.abs(gx - gy * mask).max() / np.abs(gy).max())
    return float(err), float((mask != 0).mean())


def _check_entry(case, values):
    if case == 'dropout':
        err, kept = _dropout_check(values)
        return {'mask_err': err, 'kept': kept}
    return {'fingerprint': _fingerprint(values)}


def numerics(results):
    """Per case: {config: (err, ok)} and the reference config."""
    by_case = {}
    for r in results:
        if r.get('check') is not None:
            by_case.setdefault(r['case'], {})[r['config']] = r['check']
    out = {}
    for case, checks in by_case.items():
        errs = {}
        if case == 'dropout':
            ref = None
            for config, c in checks.items():
                ok = (c['mask_err'] <= TOL
                      and abs(c['kept'] - (1 - DROPOUT_RATIO)) < 0.05)
                errs[config] = (c['mask_err'], ok)
        else:
            ref = next((c for c in ('chainer@numpy', 'jax-jit')
                        if c in checks), sorted(checks)[0])
            for config, c in checks.items():
                if config == ref:
                    continue
                err = _fingerprint_error(c['fingerprint'],
                                         checks[ref]['fingerprint'])
                errs[config] = (err, err <= TOL)
        out[case] = (ref, errs)
    return out


# --------------------------------------------------------------- timing

def collect(configs, cases):
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
            fns, note, counter = makers[config]()
        except Exception as e:  # a broken configuration must not stop all
            fns, note, counter = None, 'failed to set up: {!r}'.format(e), \
                None
        info[config] = note
        if fns is None:
            print('skip {}: {}'.format(config, note), file=sys.stderr)
            continue
        for case in cases:
            if case in fns:
                benches.append((case, config, fns[case], counter))
    return benches, info


def _count(counter):
    return counter() if counter is not None else 0


def run_benches(benches, repeats, warmup, target_s):
    plan = []
    errors = {}
    first = {}
    for case, config, fn, counter in benches:
        try:
            c0 = _count(counter)
            # the first call compiles; its values are checked (now: a
            # compiled step may donate them to the next call)
            check = _check_entry(case, fn())
            # at least MIN_WARMUP more calls (chainerjax.jit compiles on
            # the second and third), then up to `warmup` within 0.3 s
            n, t0 = 0, time.perf_counter()
            while n < MIN_WARMUP or (
                    n < warmup and time.perf_counter() - t0 < 0.3):
                fn()
                n += 1
            t0 = time.perf_counter()
            fn()
            dt = time.perf_counter() - t0
            first[(case, config)] = (check, _count(counter) - c0)
        except Exception as e:
            errors[(case, config)] = repr(e)
            print('error {} {}: {!r}'.format(case, config, e),
                  file=sys.stderr)
            continue
        number = max(1, min(10000, int(target_s / max(dt, 1e-7))))
        # a case slower than target_s gets fewer repeats
        n_rep = max(min(MIN_REPEATS, repeats),
                    min(repeats, int(repeats * target_s / (number * dt))))
        plan.append((case, config, fn, counter, number, n_rep))
    samples = {(p[0], p[1]): [] for p in plan}
    compiles = {(p[0], p[1]): 0 for p in plan}
    for i in range(repeats):
        # Interleaved: one repeat of every benchmark per round.
        for case, config, fn, counter, number, n_rep in plan:
            if i >= n_rep:
                continue
            c0 = _count(counter)
            t0 = time.perf_counter()
            for _ in range(number):
                fn()
            dt = time.perf_counter() - t0
            compiles[(case, config)] += _count(counter) - c0
            samples[(case, config)].append(dt / number * 1e6)
    results = []
    for case, config, _, counter, number, _ in plan:
        s = samples[(case, config)]
        check, warm_compiles = first[(case, config)]
        results.append({
            'case': case, 'config': config,
            'us': statistics.median(s), 'min_us': min(s),
            'number': number, 'repeats': len(s),
            'compiles': (compiles[(case, config)]
                         if counter is not None else None),
            'compiles_warmup': (warm_compiles
                                if counter is not None else None),
            'check': check})
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
            by_key[(r['case'], r['config'])] = r
    configs = [c for c in CONFIGS
               if any(k[1] == c for k in by_key)]
    configs += sorted({k[1] for k in by_key} - set(configs))
    checks = numerics(results)
    lines = []
    fmt = '{:<21} {:<16} {:>10} {:>10} {:>10} {:>8} {:>8}'
    header = fmt.format('case', 'config', 'us/call', 'vs chainer',
                        'vs jax-jit', 'compiles', 'err')
    lines.append(header)
    lines.append('-' * len(header))
    for case in CASES:
        ref_chainer = by_key.get((case, 'chainer@numpy'))
        ref_jax = by_key.get((case, 'jax-jit'))
        ref, errs = checks.get(case, (None, {}))
        if not any((case, config) in by_key for config in configs):
            continue
        for config in configs:
            r = by_key.get((case, config))
            if r is None:
                continue
            compiles = r.get('compiles')
            if config == ref:
                err = 'ref'
            elif config in errs:
                err = '{:.1e}'.format(errs[config][0])
                if not errs[config][1]:
                    err += '!'
            else:
                err = '-'
            lines.append(fmt.format(
                case, config, '{:.1f}'.format(r['us']),
                _ratio(r['us'], ref_chainer), _ratio(r['us'], ref_jax),
                '-' if compiles is None else compiles, err))
        lines.append('')
    return '\n'.join(lines).rstrip() + '\n'


def check_lines(results):
    """One numerics line per case; returns (lines, all ok)."""
    lines = []
    all_ok = True
    for case, (ref, errs) in sorted(numerics(results).items(),
                                    key=lambda kv: CASES.index(kv[0])):
        ok = all(e[1] for e in errs.values())
        all_ok = all_ok and ok
        worst = max((e[0] for e in errs.values()), default=0.0)
        if ref is None:
            what = 'y = x*m, gx = gy*m, m in {{0, {:g}}} ({})'.format(
                1 / (1 - DROPOUT_RATIO), ', '.join(sorted(errs)))
        elif errs:
            what = 'vs {} ({})'.format(ref, ', '.join(sorted(errs)))
        else:
            what = 'only {} ran'.format(ref)
        lines.append('numerics {}: {} max err {:.1e} {}'.format(
            case, 'ok' if ok else 'MISMATCH', worst, what))
    return lines, all_ok


def retrace_lines(results):
    """The chainerjax results that compiled during timing."""
    return ['RETRACED {} {}: {} compiles during timing'.format(
        r['case'], r['config'], r['compiles'])
        for r in results if r.get('compiles')]


def _ratio(us, ref):
    if ref is None or not ref['us']:
        return '-'
    return '{:.2f}x'.format(us / ref['us'])


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


def report(results, strict):
    print(table(results))
    lines, ok = check_lines(results)
    retraced = retrace_lines(results)
    for line in lines + retraced:
        print(line)
    if strict and (retraced or not ok):
        print('--strict: {}'.format(
            'retracing during timing' if retraced else 'numerics mismatch'),
            file=sys.stderr)
        return 1
    return 0


def _select_cases(spec, parser):
    if not spec:
        return list(CASES)
    cases = []
    for name in (s.strip() for s in spec.split(',') if s.strip()):
        hits = [c for c in CASES if c == name] or \
            [c for c in CASES if c.startswith(name)]
        if not hits:
            parser.error('no case matches {!r} (cases: {})'.format(
                name, ', '.join(CASES)))
        cases += [c for c in hits if c not in cases]
    return [c for c in CASES if c in cases]


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--json', metavar='OUT',
                   help='also write the results to this JSON file')
    p.add_argument('--merge', nargs='+', metavar='JSON',
                   help='print one table from JSON files of earlier runs')
    p.add_argument('--configs', default=','.join(CONFIGS),
                   help='comma-separated subset of: ' + ', '.join(CONFIGS))
    p.add_argument('--cases', default='',
                   help='comma-separated case names or name prefixes '
                   '(default: all): ' + ', '.join(CASES))
    p.add_argument('--repeats', type=int, default=15)
    p.add_argument('--warmup', type=int, default=20)
    p.add_argument('--target-ms', type=float, default=40.0,
                   help='time of one repeat of one benchmark')
    p.add_argument('--strict', action='store_true',
                   help='exit with status 1 if a chainerjax case compiled '
                   'during timing or a numerics check failed')
    args = p.parse_args(argv)

    if args.merge:
        results, metas = merge(args.merge)
        for path, m in metas:
            print('# {}: {} python {} on {} ({} cpus), load {}'.format(
                path, m.get('date'), m.get('python'), m.get('machine'),
                m.get('cpus'), m.get('loadavg')))
            for config, note in sorted(m.get('configs', {}).items()):
                print('#   {}: {}'.format(config, note))
        return report(results, args.strict)

    configs = [c.strip() for c in args.configs.split(',') if c.strip()]
    unknown = set(configs) - set(CONFIGS)
    if unknown:
        p.error('unknown configs: {}'.format(', '.join(sorted(unknown))))
    cases = _select_cases(args.cases, p)
    benches, info = collect(configs, cases)
    if not benches:
        print('nothing to benchmark', file=sys.stderr)
        return 1
    load0 = os.getloadavg() if hasattr(os, 'getloadavg') else None
    results = run_benches(benches, args.repeats, args.warmup,
                          args.target_ms / 1e3)
    m = meta(info)
    m['loadavg_start'] = list(load0) if load0 is not None else None
    print('# {} python {} on {} ({} cpus), load {}'.format(
        m['date'], m['python'], m['machine'], m['cpus'], m['loadavg']))
    for config, note in info.items():
        print('#   {}: {}'.format(config, note))
    status = report(results, args.strict)
    if args.json:
        with open(args.json, 'w') as f:
            json.dump({'meta': m, 'results': results}, f, indent=1)
    return status


if __name__ == '__main__':
    sys.exit(main())
