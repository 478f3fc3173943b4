"""Helpers shared by the case modules (framework-independent)."""


def rand(np, shape, seed, dtype='float32', low=-1.0, high=1.0):
    """A deterministic array from NumPy's RandomState (never framework RNG)."""
    rs = np.random.RandomState(seed)
    return rs.uniform(low, high, shape).astype(dtype)


def arr(np, x):
    """A framework array (or Variable) as a NumPy array copy, or None."""
    if x is None:
        return None
    x = getattr(x, 'array', x)
    return np.array(np.asarray(x))


def err(func, *args, **kwargs):
    """Calls ``func`` and returns the name of the exception it raised, or
    ``'no error'``."""
    try:
        func(*args, **kwargs)
    except Exception as e:  # NOQA
        return type(e).__name__
    return 'no error'


def grads(np, prefix, variables):
    """{prefix + i: grad array or 'None'} for a list of variables."""
    out = {}
    for i, v in enumerate(variables):
        g = v.grad
        out['{}{}'.format(prefix, i)] = 'None' if g is None else arr(np, g)
    return out
