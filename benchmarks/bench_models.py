"""Training-step speed of whole models, one model code for every library.

chainerjax (eager and jit), a hand-written JAX + optax step and real
Chainer 7.8.1 run the same Chainer-style model code
(``benchmarks/_models.py``).

Workloads (``--workloads``, defined in ``_models.py``): ``mlp_sgd``,
``mlp_adam`` (MLP 784-1000-1000-10, batch 100), ``cnn_bn`` (small CNN with
BatchNormalization, 32x32x3, batch 64), ``squeezenet`` (v1.0, batch 4,
224x224), ``lstm`` (LSTM language model, vocabulary 10000, 650 units, batch
20, BPTT 35), ``tiny_sgd``, ``tiny_adam`` (MLP 8-8-2: per-call overhead).

Implementations (``--impls``; each interpreter runs those it can import):

* ``chainer``          real Chainer 7.8.1, NumPy arrays;
* ``chainer-updater``  the same, through ``StandardUpdater`` (iterator,
                       converter, ``L.Classifier``; MLP workloads only);
* ``cjx-numpy``        chainerjax eager, arrays on ``'@numpy'``;
* ``cjx-jax``          chainerjax eager, arrays on ``'@jax:cpu:0'``;
* ``cjx-jit``          ``chainerjax.jit`` of the step, ``'@jax:cpu:0'``;
* ``cjx-updater-jit``  ``StandardUpdater(jit=True)``, ``'@jax:cpu:0'``
                       (MLP workloads only);
* ``jax-optax``        ``_jax_models.py``: ``jax.value_and_grad`` + optax
                       under one ``jax.jit``, buffers donated, from the same
                       initial weights.

What is measured:

* ``ms/step``: the median over ``--steps`` steps, each timed from the call
  until its results are ready (``block_until_ready``). The implementations
  take turns, so that load changes hit them alike: each round runs a block
  of ``--block`` timed steps of every implementation, after one untimed
  step, in an order shuffled anew each round (fixed seed). A step that
  runs right after another implementation's is slower, by more the larger
  the other's footprint (measured: the LSTM's jitted step by 150 ms of 900
  after an eager step, eager MLP steps by 20-30% after any other), which a
  training loop never sees; ``--block 1`` times every step that way.
* ``burst us``: for the jitted steps, the calling thread's CPU time per
  call in bursts of calls made without waiting for results, as a training
  loop makes them (warm caches; the ``cpu us`` of single waited-for calls
  counts a thread that has just woken up). ``py us``: the part of it
  outside the compiled XLA call, that is outside JAX's C++ dispatch of the
  executable: the Python around the call (chainerjax's, or the
  JAX+optax step's pytree handling).
* ``call ms``: the time until the call returns. JAX dispatches
  asynchronously, so for a jitted step this is its Python overhead: what
  runs on the host before the device works (``cpu us`` below: the same in
  the thread's CPU time, which load disturbs less). The ``tiny_*``
  workloads measure it with almost no device work to compete with.
* first calls: the warm-up calls, each until ready. A ``chainerjax.jit``
  step runs its first call eagerly and compiles on the second. ``cold``:
  the persistent compilation cache was empty (``--cache`` defaults to a
  fresh temporary directory, whatever ``JAX_COMPILATION_CACHE_DIR`` says;
  every compile is cached, however short). ``warm``: after
  ``jax.clear_caches()``, a new model and step built again in the same
  process, compiled from the cache that the cold compile filled (what a
  second run of a script pays). Eager kernels of the same shapes may
  already be compiled by earlier workloads.
* ``loss@1``: the loss of the first step. Every implementation starts from
  the same weights (``_models.init_weights``) and batch, so these agree.

Usage, Chainer and chainerjax in one run (``--peer``: the Python of
another environment, the one with Chainer 7.8.1 and ``numpy<2``; its
implementations run in a process of that Python, taking their turns in the
same rotation, the other process waiting while one runs, so that both see
the same load)::

    /work/venv/bin/python benchmarks/bench_models.py \
        --peer /work/refvenv/bin/python --json /tmp/m.json

or in two runs, merged (each process's load its own)::

    /work/refvenv/bin/python benchmarks/bench_models.py --json /tmp/m_ch.json
    /work/venv/bin/python benchmarks/bench_models.py --json /tmp/m_cjx.json
    python benchmarks/bench_models.py --merge /tmp/m_ch.json /tmp/m_cjx.json

``--profile WORKLOAD`` runs cProfile over the calls of the ``cjx-jit``
step of one workload and prints where its Python time goes.
"""
import argparse
import cProfile
import datetime
import gc
import json
import os
import platform
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time

os.environ.setdefault('JAX_PLATFORMS', 'cpu')

import numpy  # NOQA: E402

import _models  # NOQA: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEVICE = '@jax:cpu:0'
IMPLS = ['chainer', 'chainer-updater', 'cjx-numpy', 'cjx-jax', 'cjx-jit',
         'cjx-updater-jit', 'jax-optax']
DEFAULT_WORKLOADS = ['mlp_sgd', 'mlp_adam', 'cnn_bn', 'squeezenet', 'lstm',
                     'tiny_sgd', 'tiny_adam']
# the index of each jitted implementation's first compiled call
COMPILED_CALL = {'cjx-jit': 1, 'cjx-updater-jit': 1, 'jax-optax': 0}


class Skip(Exception):
    """This implementation cannot run here (not importable, not defined
    for the workload)."""


# ------------------------------------------------------------- frameworks

def _import_chainer():
    try:
        import chainer
        import chainer.functions  # NOQA
        import chainer.links  # NOQA
        import chainer.optimizer_hooks  # NOQA
        import chainer.optimizers  # NOQA
        import chainer.training  # NOQA
    except ImportError as e:
        raise Skip('chainer not importable ({})'.format(e))
    if not chainer.Variable.__module__.startswith('chainer.'):
        raise Skip('`chainer` is chainerjax (alias active), not Chainer')
    return chainer


def _import_chainerjax():
    try:
        try:
            import chainerjax
        except ImportError:
            if REPO not in sys.path:
                sys.path.insert(0, REPO)
            import chainerjax
        import chainerjax.functions  # NOQA
        import chainerjax.links  # NOQA
        import chainerjax.optimizer_hooks  # NOQA
        import chainerjax.optimizers  # NOQA
        import chainerjax.training  # NOQA
    except ImportError as e:
        raise Skip('chainerjax not importable ({})'.format(e))
    return chainerjax


def _import_jax():
    try:
        import jax
        import optax  # NOQA
        import _jax_models  # NOQA
    except ImportError as e:
        raise Skip('jax/optax not importable ({})'.format(e))
    return jax


def _value(a):
    """A loss (array, 0-dim array or Variable) as a float."""
    a = getattr(a, 'array', a)
    return None if a is None else float(numpy.asarray(a))


# --------------------------------------------------------- implementations

class ChainerStyle(object):
    """``_models.train_step`` of the workload on ``chainer`` (a framework
    module), optionally placed on a device and compiled."""

    def __init__(self, chainer, workload, args, device=None, jit=False):
        self.model = model = workload.build(chainer, args.dropout)
        if device is not None:
            model.to_device(device)
            send = chainer.get_device(device).send
        else:
            def send(a):
                return a
        optimizer = workload.make_optimizer(chainer, model)
        step = _models.train_step(chainer, model, optimizer,
                                  workload.lossfun(chainer, model),
                                  workload.bptt)
        if jit:
            step = chainer.jit(step)
        self.jit_step = step
        x, t = (send(a) for a in workload.inputs())
        self.step = lambda: step(x, t)
        self._params = list(model.params())
        self._blocking = device is not None and not device.startswith(
            '@numpy')

    def sync(self):
        if self._blocking:
            import jax
            jax.block_until_ready([p.array for p in self._params])

    def loss(self, out):
        return _value(out)

    def compiled_calls(self):
        """``(object, attribute)`` of each compiled XLA call the step
        makes (see ``burst_cpu_us``)."""
        return _entries(self.jit_step)


def _entries(step):
    step = getattr(step, 'step', step)  # a MaybeJit's JitStep
    return [(entry, 'jitted') for entry in step._cache.values()]


class UpdaterStyle(object):
    """``StandardUpdater.update()``: the iterator reads the batch, the
    converter stacks it, ``L.Classifier`` computes the loss."""

    def __init__(self, chainer, workload, args, device=None, jit=False):
        if not workload.updater:
            raise Skip('only for the MLP workloads')
        model = workload.build(chainer, args.dropout)
        self.clf = clf = _models.classifier(chainer, model)
        if device is not None:
            clf.to_device(device)
        optimizer = workload.make_optimizer(chainer, clf)
        x, t = workload.inputs()
        dataset = chainer.datasets.TupleDataset(x, t)
        iterator = chainer.iterators.SerialIterator(
            dataset, workload.batch, shuffle=False)
        kwargs = {}
        if device is not None:
            kwargs['device'] = device
        if jit:
            kwargs['jit'] = True
        self.updater = chainer.training.updaters.StandardUpdater(
            iterator, optimizer, **kwargs)
        self.step = self.updater.update
        self._params = list(clf.params())
        self._blocking = device is not None

    def sync(self):
        if self._blocking:
            import jax
            jax.block_until_ready([p.array for p in self._params])

    def loss(self, out):
        return _value(self.clf.loss)

    def compiled_calls(self):
        return _entries(self.updater._compiled_step)


class JaxOptax(object):
    """``_jax_models.make_step``: plain JAX and optax, from the weights of
    the Chainer-style model (built with chainerjax on NumPy)."""

    def __init__(self, workload, args):
        if args.dropout and workload.model in ('squeezenet', 'rnnlm'):
            raise Skip('the JAX models have no dropout')
        jax = _import_jax()
        import _jax_models
        chainerjax = _import_chainerjax()
        model = workload.build(chainerjax)
        params = dict((name, jax.device_put(numpy.asarray(p.array)))
                      for name, p in model.namedparams())
        tx = _jax_models.optax_transform(workload.optimizer, workload.clip)
        self.state = [params, tx.init(params),
                      _jax_models.initial_state(workload.model, params,
                                                workload.batch)]
        self.step_fn = _jax_models.make_step(workload.model, tx)
        x, t = (jax.device_put(a) for a in workload.inputs())
        state = self.state
        self._jax = jax

        def step():
            state[0], state[1], state[2], loss = self.step_fn(
                state[0], state[1], state[2], x, t)
            return loss

        self.step = step

    def sync(self):
        self._jax.block_until_ready(self.state)

    def loss(self, out):
        return _value(out)

    def compiled_calls(self):
        return [(self, 'step_fn')]


def make_impl(name, workload, args):
    if name == 'chainer':
        return ChainerStyle(_import_chainer(), workload, args)
    if name == 'chainer-updater':
        return UpdaterStyle(_import_chainer(), workload, args)
    if name == 'jax-optax':
        return JaxOptax(workload, args)
    cjx = _import_chainerjax()
    if name == 'cjx-numpy':
        return ChainerStyle(cjx, workload, args, device='@numpy')
    if name == 'cjx-jax':
        return ChainerStyle(cjx, workload, args, device=DEVICE)
    if name == 'cjx-jit':
        return ChainerStyle(cjx, workload, args, device=DEVICE, jit=True)
    if name == 'cjx-updater-jit':
        return UpdaterStyle(cjx, workload, args, device=DEVICE, jit=True)
    raise ValueError(name)


def _note(name):
    """What ran, with versions."""
    if name.startswith('chainer'):
        return 'chainer ' + _import_chainer().__version__
    import jax
    if name == 'jax-optax':
        import optax
        return 'jax {} optax {}'.format(jax.__version__, optax.__version__)
    return 'chainerjax {} (jax {})'.format(
        _import_chainerjax().__version__, jax.__version__)


# ----------------------------------------------------------------- timing

def _log(*a):
    print(*a, file=sys.stderr, flush=True)


def warm_up(impl, name, warmup):
    """The first calls, each until ready: (seconds of each, first loss)."""
    n = COMPILED_CALL.get(name, 0) + 1 + warmup
    times, loss = [], None
    for i in range(n):
        t0 = time.perf_counter()
        out = impl.step()
        impl.sync()
        times.append(time.perf_counter() - t0)
        if i == 0:
            loss = impl.loss(out)
    return times, loss


def burst_cpu_us(impl, n, bursts=5):
    """The calling thread's CPU time per call, in microseconds, when ``n``
    calls are made one after the other without waiting for their results,
    as a training loop makes them, and of it the time outside the
    compiled XLA call (JAX's C++ dispatch of the executable): the Python
    around it. The burst with the least CPU time of ``bursts``."""
    inside = [0.0]

    def timed(fun):
        def call(*args):
            c0 = time.thread_time()
            try:
                return fun(*args)
            finally:
                inside[0] += time.thread_time() - c0
        return call

    best = None
    for _ in range(bursts):
        impl.sync()
        calls = impl.compiled_calls()
        originals = [getattr(o, a) for o, a in calls]
        for (o, a), fun in zip(calls, originals):
            setattr(o, a, timed(fun))
        inside[0] = 0.0
        try:
            c0 = time.thread_time()
            for _ in range(n):
                impl.step()
            c1 = time.thread_time()
        finally:
            for (o, a), fun in zip(calls, originals):
                setattr(o, a, fun)
        impl.sync()
        per_call = (c1 - c0) / n * 1e6
        python = (c1 - c0 - inside[0]) / n * 1e6
        if best is None or per_call < best[0]:
            best = (per_call, python)
    return best


def time_block(impl, n, untimed):
    """Runs ``n`` timed steps of ``impl`` (after an untimed one if
    ``untimed``): the lists of seconds to each step's result, to its
    return, and of the calling thread's CPU time in the call."""
    if untimed:
        impl.step()  # back to this implementation: untimed
        impl.sync()
    step_s, call_s, cpu_s = [], [], []
    for _ in range(n):
        t0 = time.perf_counter()
        c0 = time.thread_time()
        impl.step()
        c1 = time.thread_time()
        t1 = time.perf_counter()
        impl.sync()
        t2 = time.perf_counter()
        step_s.append(t2 - t0)
        call_s.append(t1 - t0)
        cpu_s.append(c1 - c0)
    return step_s, call_s, cpu_s


class Peer(object):
    """A process of another Python (``--peer``) that builds and runs the
    implementations this one cannot import (Chainer, which needs
    ``numpy<2``), one request at a time, while this process waits."""

    def __init__(self, python, args):
        import subprocess
        cmd = [python, os.path.abspath(__file__), '--serve',
               '--warmup', str(args.warmup)]
        if args.dropout:
            cmd.append('--dropout')
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            cwd=os.path.dirname(os.path.abspath(__file__)))

    def ask(self, **request):
        self.proc.stdin.write(json.dumps(request) + '\n')
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError('the --peer process ended (rc {})'.format(
                self.proc.wait()))
        reply = json.loads(line)
        if 'skip' in reply:
            raise Skip(reply['skip'])
        return reply

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


class PeerImpl(object):
    """An implementation that runs in the :class:`Peer` process."""

    def __init__(self, peer, name, workload):
        self.peer, self.name = peer, name
        reply = peer.ask(op='make', impl=name, workload=workload.name)
        self.first_calls_s, self.first_loss = reply['times'], reply['loss']

    def time_block(self, n, untimed):
        r = self.peer.ask(op='block', impl=self.name, n=n, untimed=untimed)
        return r['step_s'], r['call_s'], r['cpu_s']

    def drop(self):
        self.peer.ask(op='drop', impl=self.name)


def serve(args):
    """The ``--peer`` side: answers :class:`Peer`'s requests, one JSON line
    each, on stdin and stdout."""
    out = sys.stdout
    sys.stdout = sys.stderr  # nothing else may write to the channel
    impls = {}
    for line in sys.stdin:
        req = json.loads(line)
        try:
            if req['op'] == 'make':
                workload = _models.WORKLOADS[req['workload']]
                impl = make_impl(req['impl'], workload, args)
                times, loss = warm_up(impl, req['impl'], args.warmup)
                impls[req['impl']] = impl
                reply = {'times': times, 'loss': loss}
            elif req['op'] == 'block':
                step_s, call_s, cpu_s = time_block(
                    impls[req['impl']], req['n'], req['untimed'])
                reply = {'step_s': step_s, 'call_s': call_s,
                         'cpu_s': cpu_s}
            elif req['op'] == 'drop':
                impls.pop(req['impl'], None)
                gc.collect()
                reply = {}
            elif req['op'] == 'note':
                reply = {'note': '{} (python {}, numpy {}, {})'.format(
                    _note(req['impl']), sys.version.split()[0],
                    numpy.__version__, sys.executable)}
            else:
                raise ValueError(req['op'])
        except Skip as e:
            reply = {'skip': str(e)}
        out.write(json.dumps(reply) + '\n')
        out.flush()
    return 0


def run_workload(workload, names, args, cache_on, peer=None):
    steps = args.steps or workload.steps
    # jitted first, so that their first calls meet as few compiled kernels
    # as possible
    order = sorted(names, key=lambda n: (n not in COMPILED_CALL,
                                         IMPLS.index(n)))
    impls, results = [], []
    gc.collect()
    for name in order:
        try:
            if peer is not None and name.startswith('chainer'):
                impl = PeerImpl(peer, name, workload)
                times, loss = impl.first_calls_s, impl.first_loss
            else:
                impl = make_impl(name, workload, args)
                times, loss = warm_up(impl, name, args.warmup)
        except Skip as e:
            _log('  skip {}: {}'.format(name, e))
            continue
        _log('  {:<16} first calls {}  loss {}'.format(
            name, ', '.join('%.3f s' % t for t in times), loss))
        result = {'workload': workload.name, 'impl': name,
                  'first_calls_s': times, 'loss': loss,
                  'compiled_call': COMPILED_CALL.get(name), 'step_s': [],
                  'call_s': [], 'call_cpu_s': []}
        impls.append((impl, result))
        results.append(result)
    order_rng = random.Random(0)
    block = max(1, min(args.block, steps))
    for round_ in range(-(-steps // block)):
        order_rng.shuffle(impls)
        for impl, r in impls:
            n = min(block, steps - round_ * block)
            if isinstance(impl, PeerImpl):
                step_s, call_s, cpu_s = impl.time_block(n, block > 1)
            else:
                step_s, call_s, cpu_s = time_block(impl, n, block > 1)
            r['step_s'] += step_s
            r['call_s'] += call_s
            r['call_cpu_s'] += cpu_s
    for impl, r in impls:
        if isinstance(impl, PeerImpl):
            impl.drop()
    for impl, r in impls:
        r['ms'] = statistics.median(r['step_s']) * 1e3
        r['min_ms'] = min(r['step_s']) * 1e3
        r['call_ms'] = statistics.median(r['call_s']) * 1e3
        r['call_cpu_us'] = statistics.median(r['call_cpu_s']) * 1e6
        _log('  {:<16} {:9.2f} ms/step (call {:.3f} ms)'.format(
            r['impl'], r['ms'], r['call_ms']))
        if r['impl'] in COMPILED_CALL:
            r['burst_cpu_us'], r['burst_python_us'] = burst_cpu_us(
                impl, min(20, max(steps, 5)))
    del impls
    if cache_on:
        # What a second run of the script pays: nothing compiled in
        # memory, the persistent cache filled.
        import jax
        for r in results:
            if r['impl'] not in COMPILED_CALL:
                continue
            gc.collect()
            jax.clear_caches()
            impl = make_impl(r['impl'], workload, args)
            r['warm_calls_s'], _ = warm_up(impl, r['impl'], args.warmup)
            del impl
            _log('  {:<16} warm-cache first calls {}'.format(
                r['impl'], ', '.join('%.3f s' % t
                                     for t in r['warm_calls_s'])))
    return results


def profile(workload, args):
    """cProfile of the calls of a jitted step (after compiling), without
    the device work."""
    name = args.profile_impl
    impl = make_impl(name, workload, args)
    warm_up(impl, name, args.warmup)
    n = args.steps or workload.steps
    prof = cProfile.Profile()
    for _ in range(n):
        impl.sync()
        prof.enable()
        impl.step()
        prof.disable()
    impl.sync()
    print('# cProfile of {} calls of the {} step of {}'.format(
        n, name, workload.name))
    stats = pstats.Stats(prof, stream=sys.stdout)
    stats.sort_stats('tottime').print_stats(25)
    stats.sort_stats('cumulative').print_stats(30)


# ------------------------------------------------------------------- meta

def _setup_cache(spec):
    """Points JAX's persistent compilation cache at ``spec`` (a
    directory), a fresh temporary directory (``None``) or nowhere
    (``'off'``), before anything compiles. Returns (meta, temp dir)."""
    try:
        import jax
    except ImportError:
        return {'mode': 'no jax'}, None
    if spec == 'off':
        jax.config.update('jax_compilation_cache_dir', None)
        return {'mode': 'off'}, None
    temp = None
    if spec is None:
        spec = temp = tempfile.mkdtemp(prefix='bench_models_cache_')
    os.makedirs(spec, exist_ok=True)
    entries = len(os.listdir(spec))
    jax.config.update('jax_compilation_cache_dir', spec)
    # cache every compile, not only those over a second
    jax.config.update('jax_persistent_cache_min_compile_time_secs', 0)
    jax.config.update('jax_persistent_cache_min_entry_size_bytes', 0)
    mode = 'fresh temporary directory' if temp else (
        'empty' if entries == 0 else 'holds %d entries' % entries)
    return {'mode': mode, 'dir': spec, 'entries_at_start': entries}, temp


def _versions():
    out = {'python': sys.version.split()[0], 'numpy': numpy.__version__}
    for mod in ('jax', 'jaxlib', 'optax', 'chainerjax', 'chainer'):
        try:
            if mod == 'chainerjax':
                m = _import_chainerjax()
            elif mod == 'chainer':
                m = _import_chainer()
            else:
                m = __import__(mod)
            out[mod] = m.__version__
        except (ImportError, Skip):
            pass
    return out


def _loadavg():
    """The 1, 5 and 15-minute load averages."""
    return [round(v, 2) for v in os.getloadavg()]


def _checkout():
    """The commit of this checkout, and whether chainerjax/ differs."""
    import subprocess
    try:
        head = subprocess.run(
            ['git', '-C', REPO, 'rev-parse', '--short', 'HEAD'],
            capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(
            ['git', '-C', REPO, 'status', '--porcelain', 'chainerjax'],
            capture_output=True, text=True, timeout=10).stdout.split('\n')
    except (OSError, subprocess.SubprocessError):
        return None
    n = len([line for line in dirty if line.strip()])
    return head + (' + %d changed files in chainerjax/' % n if n else '')


def meta(args, cache, load_start, notes):
    m = {
        'date': datetime.datetime.now(datetime.timezone.utc).isoformat(
            timespec='seconds'),
        'executable': sys.executable,
        'machine': platform.platform(),
        'processor': platform.processor(),
        'cpus': os.cpu_count(),
        'loadavg_start': load_start,
        'loadavg_end': _loadavg(),
        'versions': _versions(),
        'checkout': _checkout(),
        'cache': cache,
        'args': {'steps': args.steps, 'warmup': args.warmup,
                 'dropout': args.dropout, 'block': args.block},
        'impls': notes,
        'peer': args.peer,
    }
    try:
        import jax
        m['jax_devices'] = [str(d) for d in jax.devices()]
    except ImportError:
        pass
    return m


# ----------------------------------------------------------------- output

def _ratio(v, ref):
    return '-' if not ref or v is None else '{:.2f}x'.format(v / ref)


def _loss_check(rows):
    """The largest relative difference between first-step losses."""
    losses = [r['loss'] for r in rows if r.get('loss') is not None]
    if len(losses) < 2:
        return None
    ref = max(abs(v) for v in losses) or 1.0
    return (max(losses) - min(losses)) / ref


def report(results, metas):
    lines = []
    for path, m in metas:
        lines.append('# {}{} ({} cpus, {}), load {} -> {}'.format(
            path + ': ' if path else '', m.get('date'), m.get('cpus'),
            m.get('machine'), m.get('loadavg_start'),
            m.get('loadavg_end')))
        lines.append('#   versions {}'.format(' '.join(
            '%s %s' % kv for kv in sorted(m.get('versions', {}).items()))))
        lines.append('#   checkout {}; compilation cache: {}; args {}'.format(
            m.get('checkout'), m.get('cache', {}).get('mode'),
            m.get('args')))
        if m.get('peer'):
            lines.append('#   --peer (in turns with this process): {}'.format(
                '; '.join('%s: %s' % kv for kv in sorted(
                    m.get('impls', {}).items()) if kv[0].startswith(
                        'chainer'))))
    lines.append('')
    workloads = []
    for r in results:
        if r['workload'] not in workloads:
            workloads.append(r['workload'])

    def rows_of(w):
        rows = [r for r in results if r['workload'] == w]
        return sorted(rows, key=lambda r: IMPLS.index(r['impl']))

    header = '{:<10} {:<15} {:>10} {:>10} {:>9} {:>8} {:>8} {:>10}'.format(
        'workload', 'impl', 'ms/step', 'min ms', 'call ms', 'vs chnr',
        'vs jax', 'loss@1')
    lines += ['## ms per training step (median)', '', header,
              '-' * len(header)]
    for w in workloads:
        rows = rows_of(w)
        by = dict((r['impl'], r['ms']) for r in rows)
        for r in rows:
            lines.append(
                '{:<10} {:<15} {:>10.2f} {:>10.2f} {:>9.3f} {:>8} {:>8} '
                '{:>10}'.format(
                    w, r['impl'], r['ms'], r['min_ms'], r['call_ms'],
                    _ratio(r['ms'], by.get('chainer')),
                    _ratio(r['ms'], by.get('jax-optax')),
                    '-' if r['loss'] is None else '%.6g' % r['loss']))
        spread = _loss_check(rows)
        if spread is not None:
            lines.append('{:<10} first-step losses agree within {:.1e} '
                         '(relative)'.format('', spread))
        lines.append('')

    header = '{:<10} {:<15} {:>22} {:>22}'.format(
        'workload', 'impl', 'first calls s (cold)', 'warm cache')
    lines += ['## first calls, seconds each (jitted: which compiles)', '',
              header, '-' * len(header)]
    for w in workloads:
        for r in rows_of(w):
            if r['compiled_call'] is None:
                continue
            marks = []
            for key in ('first_calls_s', 'warm_calls_s'):
                ts = r.get(key)
                if not ts:
                    marks.append('-')
                    continue
                marks.append(', '.join(
                    ('[%.2f]' if i == r['compiled_call'] else '%.2f') % t
                    for i, t in enumerate(ts)))
            lines.append('{:<10} {:<15} {:>22} {:>22}'.format(
                w, r['impl'], *marks))
    lines += ['', '[x]: the first compiled call (trace, compile, one step).',
              '']

    header = '{:<10} {:<15} {:>9} {:>9} {:>13} {:>10} {:>13} {:>8}'.format(
        'workload', 'impl', 'call us', 'cpu us', 'cpu - jax us', 'burst us',
        'burst - jax', 'py us')
    lines += ['## per-step Python overhead of the jitted steps', '',
              'The call returns before the device work ends. `call us`: '
              'wall time; `cpu us`: the',
              "calling thread's CPU time (on a loaded machine, or while "
              'XLA threads already run the',
              'step, the wall time also counts waiting for a core), each '
              'call made after the last',
              'step has finished (the thread waited: cold caches); '
              '`burst us`: the same per call in',
              'bursts of calls made without waiting, as a training loop '
              'makes them; `- jax`: minus',
              'jax-optax; `py us`: of `burst us`, the time outside the '
              'compiled XLA call (JAX\'s',
              'C++ dispatch of the executable): the Python around it.',
              '', header, '-' * len(header)]

    def diff(r, ref, key):
        if ref is None or r.get(key) is None:
            return '-'
        return '%.1f' % (r[key] - ref[key])

    for w in workloads:
        rows = [r for r in rows_of(w) if r['impl'] in COMPILED_CALL]
        ref = dict((r['impl'], r) for r in rows).get('jax-optax')
        for r in rows:
            burst = r.get('burst_cpu_us')
            python = r.get('burst_python_us')
            lines.append(
                '{:<10} {:<15} {:>9.1f} {:>9.1f} {:>13} {:>10} {:>13} {:>8}'
                .format(w, r['impl'], r['call_ms'] * 1e3, r['call_cpu_us'],
                        diff(r, ref, 'call_cpu_us'),
                        '-' if burst is None else '%.1f' % burst,
                        diff(r, ref, 'burst_cpu_us'),
                        '-' if python is None else '%.1f' % python))
    return '\n'.join(lines) + '\n'


def merge(paths):
    results, metas, seen = [], [], set()
    for path in paths:
        with open(path) as f:
            data = json.load(f)
        metas.append((path, data['meta']))
        for r in data['results']:
            key = (r['workload'], r['impl'])
            if key not in seen:  # the first file that has a result wins
                seen.add(key)
                results.append(r)
    return results, metas


# ------------------------------------------------------------------- main

def _names(spec, known, what, p):
    names = [n.strip() for n in spec.split(',') if n.strip()]
    unknown = set(names) - set(known)
    if unknown:
        p.error('unknown {}: {}'.format(what, ', '.join(sorted(unknown))))
    return names


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--workloads', default=','.join(DEFAULT_WORKLOADS),
                   help='comma-separated subset of: '
                   + ', '.join(_models.WORKLOADS))
    p.add_argument('--impls', default=','.join(IMPLS),
                   help='comma-separated subset of: ' + ', '.join(IMPLS))
    p.add_argument('--steps', type=int, default=0,
                   help='timed steps per implementation (default: per '
                   'workload, 3 for squeezenet/lstm ... 300 for tiny_*)')
    p.add_argument('--block', type=int, default=5,
                   help='timed steps of one implementation in a row (after '
                        'an untimed one) before the next takes its turn')
    p.add_argument('--warmup', type=int, default=1,
                   help='untimed steps after the first (compiled) call')
    p.add_argument('--cache', metavar='DIR',
                   help="JAX's persistent compilation cache directory "
                   "(default: a fresh temporary one; 'off': none)")
    p.add_argument('--dropout', action='store_true',
                   help='SqueezeNet/LSTM dropout on (losses then differ; '
                   'no jax-optax)')
    p.add_argument('--json', metavar='OUT', help='also write the results')
    p.add_argument('--merge', nargs='+', metavar='JSON',
                   help='print one table from JSON files of earlier runs')
    p.add_argument('--profile', metavar='WORKLOAD',
                   help='only cProfile the calls of one step of WORKLOAD')
    p.add_argument('--profile-impl', default='cjx-jit', choices=IMPLS,
                   help='the step that --profile profiles')
    p.add_argument('--peer', metavar='PYTHON',
                   help="run the Chainer implementations in a process of "
                   "this Python (an environment with Chainer 7.8.1), in "
                   "turns with this process's")
    p.add_argument('--serve', action='store_true', help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.serve:
        return serve(args)

    if args.merge:
        results, metas = merge(args.merge)
        print(report(results, metas), end='')
        return 0
    load_start = _loadavg()
    cache, temp = _setup_cache(args.cache)
    peer = None
    try:
        if args.profile:
            if args.profile not in _models.WORKLOADS:
                p.error('unknown workload ' + args.profile)
            profile(_models.WORKLOADS[args.profile], args)
            return 0
        workloads = _names(args.workloads, _models.WORKLOADS, 'workloads',
                           p)
        names = _names(args.impls, IMPLS, 'impls', p)
        if args.peer:
            peer = Peer(args.peer, args)
        notes = {}
        for name in names:
            try:
                if peer is not None and name.startswith('chainer'):
                    notes[name] = peer.ask(op='note', impl=name)['note']
                else:
                    notes[name] = _note(name)
            except (Skip, ImportError) as e:
                _log('skip {}: {}'.format(name, e))
        results = []
        for w in workloads:
            _log(w)
            results += run_workload(_models.WORKLOADS[w], list(notes), args,
                                    cache.get('dir') is not None, peer)
        m = meta(args, cache, load_start, notes)
    finally:
        if peer is not None:
            peer.close()
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
    print(report(results, [('', m)]), end='')
    if args.json:
        with open(args.json, 'w') as f:
            json.dump({'meta': m, 'results': results}, f, indent=1)
    return 0


if __name__ == '__main__':
    sys.exit(main())
