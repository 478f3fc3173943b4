"""Helpers of the ``compat_tests/functions`` case modules.

Framework-independent: every helper receives the framework (``chainer``)
and NumPy (``np``) from the case function, and writes its results into the
case's flat result dict ``out`` under a tag.

An input *spec* is one of

* a shape tuple: a uniform random array (``rand``) of the run's dtype;
* a NumPy array: float arrays are cast to the run's dtype, other arrays
  (labels, indices) are used as they are;
* a callable ``spec(dtype)`` returning an array.

Float inputs become ``chainer.Variable``; other inputs are passed as plain
arrays. After the forward pass every float output gets a random upstream
gradient (NumPy RandomState, fixed seed) and the gradients of the inputs are
recorded (``'None'`` when an input gets none).
"""
from compat_tests.cases._util import arr, err, rand  # NOQA

DTYPES = ('float16', 'float32', 'float64')
# The dtype of the runs that check options (compiling a kernel per dtype and
# option is what costs time).
OPT = ('float32',)


def make(np, spec, seed, dtype, low=-1.0, high=1.0):
    """The array of one input spec."""
    if callable(spec):
        return spec(dtype)
    if isinstance(spec, tuple):
        return rand(np, spec, seed, dtype, low, high)
    a = np.asarray(spec)
    if a.dtype.kind == 'f':
        return a.astype(dtype)
    return a


def _variables(chainer, arrays):
    return [chainer.Variable(a) if a.dtype.kind == 'f' else a
            for a in arrays]


def _outputs(ys):
    if isinstance(ys, (tuple, list)):
        return list(ys), True
    return [ys], False


def _float_var(chainer, y):
    return isinstance(y, chainer.Variable) and y.dtype.kind == 'f'


def fwd_bwd(chainer, np, out, tag, f, arrays, seed):
    """Forward of ``f`` on ``arrays``, then backward from random ``gy``.

    Records ``<tag>_y`` (or ``<tag>_y0``, ``<tag>_y1``, ... when ``f``
    returns a tuple or list, plus ``<tag>_n``), and ``<tag>_g<i>`` for each
    float input ``i``.
    """
    xs = _variables(chainer, arrays)
    ys, multi = _outputs(f(*xs))
    if multi:
        out[tag + '_n'] = len(ys)
        out[tag + '_type'] = type(ys).__name__
    targets = []
    gys = []
    for i, y in enumerate(ys):
        out[tag + ('_y{}'.format(i) if multi else '_y')] = arr(np, y)
        if _float_var(chainer, y) and y.requires_grad:
            targets.append(y)
            gys.append(np.asarray(rand(np, y.shape, seed + i, y.dtype)))
    if len(targets) == 1:
        targets[0].grad = gys[0]
        targets[0].backward()
    elif targets:
        chainer.backward(targets, [chainer.Variable(g) for g in gys])
    for i, x in enumerate(xs):
        if isinstance(x, chainer.Variable):
            g = x.grad
            out['{}_g{}'.format(tag, i)] = 'None' if g is None else arr(np, g)
    return out


def double_bwd(chainer, np, out, tag, f, arrays, seed):
    """Gradients of the gradients: ``gx = grad(y, x, gy)`` with double
    backprop, then ``grad(gx, (x, gy), ggx)``.

    Records ``<tag>_gx<i>``, ``<tag>_ggx<i>`` (second-order gradient of
    input ``i``) and ``<tag>_ggy``. A second-order gradient that Chainer
    leaves ``None`` (no path, e.g. relu's gradient does not depend on
    ``x``) is recorded as zeros: only its value is compared.
    """
    xs = _variables(chainer, arrays)
    fxs = [x for x in xs if isinstance(x, chainer.Variable)]
    y = f(*xs)
    gy = chainer.Variable(np.asarray(rand(np, y.shape, seed, y.dtype)))
    gxs = chainer.grad([y], fxs, [gy], enable_double_backprop=True)
    targets = []
    ggxs = []
    for i, gx in enumerate(gxs):
        out['{}_gx{}'.format(tag, i)] = 'None' if gx is None else arr(np, gx)
        if gx is not None:
            targets.append(gx)
            ggxs.append(chainer.Variable(np.asarray(
                rand(np, gx.shape, seed + 1 + i, gx.dtype))))
    ggs = chainer.grad(targets, fxs + [gy], ggxs)
    for i, (g, v) in enumerate(zip(ggs, fxs + [gy])):
        name = '_ggy' if i == len(fxs) else '_ggx{}'.format(i)
        out[tag + name] = np.zeros(v.shape, v.dtype) if g is None \
            else arr(np, g)
    return out


def check(chainer, np, out, tag, f, specs, seed, dtypes=DTYPES,
          double=(), low=-1.0, high=1.0):
    """Runs :func:`fwd_bwd` for each dtype under ``<tag>_<dtype>``, and
    :func:`double_bwd` for each dtype in ``double`` under
    ``<tag>_dd_<dtype>``."""
    for dt in dtypes:
        arrays = [make(np, s, seed + i, dt, low, high)
                  for i, s in enumerate(specs)]
        fwd_bwd(chainer, np, out, '{}_{}'.format(tag, dt), f, arrays,
                seed + 100)
    for dt in double:
        arrays = [make(np, s, seed + i, dt, low, high)
                  for i, s in enumerate(specs)]
        double_bwd(chainer, np, out, '{}_dd_{}'.format(tag, dt), f, arrays,
                   seed + 200)
    return out


def assign(n, dtypes=DTYPES):
    """The dtypes of ``n`` runs of one function: each run gets one dtype in
    turn (float32, float64, float16, float32, ...) and the first run also
    gets those left over, so that every dtype runs at least once and each
    option set once, with as few compiled kernels as possible (compiling a
    kernel per option set and dtype is what costs time)."""
    order = [d for d in ('float32', 'float64', 'float16') if d in dtypes]
    runs = [[order[i % len(order)]] for i in range(n)]
    runs[0].extend(order[n:])
    return [tuple(r) for r in runs]


def sweep(chainer, np, out, runs, seed, dtypes=DTYPES, low=-1.0,
          high=1.0):
    """:func:`check` of each ``(tag, f, specs)`` of ``runs`` in the dtypes
    :func:`assign` gives it. Returns ``{tag: dtypes}`` (to rerun a tag on
    special inputs of the same shapes, which reuses its kernels)."""
    used = {}
    for i, (run, dts) in enumerate(zip(runs, assign(len(runs), dtypes))):
        tag, f, specs = run
        check(chainer, np, out, tag, f, specs, seed + 10 * i, dtypes=dts,
              low=low, high=high)
        used[tag] = dts
    return used


def values(chainer, np, out, tag, f, specs, seed, dtypes=DTYPES, low=-1.0,
           high=1.0):
    """Forward only (non-differentiable functions), for each dtype under
    ``<tag>_<dtype>``: records the outputs as :func:`forward` does."""
    for dt in dtypes:
        arrays = [make(np, s, seed + i, dt, low, high)
                  for i, s in enumerate(specs)]
        forward(np, out, '{}_{}'.format(tag, dt),
                f(*_variables(chainer, arrays)))
    return out


def forward(np, out, tag, ys):
    """Records forward results only (a Variable, an array, or a tuple or
    list of them)."""
    ys, multi = _outputs(ys)
    if multi:
        out[tag + '_n'] = len(ys)
        for i, y in enumerate(ys):
            out['{}_y{}'.format(tag, i)] = arr(np, y)
    else:
        out[tag + '_y'] = arr(np, ys[0])
    return out


def errors(out, tag, calls):
    """Records the exception class name of each ``(name, thunk)``."""
    for name, thunk in calls:
        out['{}_{}'.format(tag, name)] = err(thunk)
    return out
