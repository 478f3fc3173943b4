"""chainerjax's random stream, used by dropout and the other random ops.

Eagerly, each key is drawn from NumPy's global generator unless
:func:`seed` was called, so ``numpy.random.seed(n)`` (what Chainer programs
already do) makes runs reproducible. :func:`seed` switches to an explicit
JAX key stream. Under ``chainerjax.jit`` the key is part of the compiled
step's state and is split once per step.
"""
import threading

import jax
import numpy

_state = threading.local()
_global = {'key': None}


def seed(s):
    """Seeds the stream with an integer (an explicit JAX key chain)."""
    _global['key'] = jax.random.key(int(s))


def reset():
    """Returns to drawing keys from NumPy's global generator."""
    _global['key'] = None


def _provider():
    return getattr(_state, 'provider', None)


def next_key():
    """Returns a fresh ``jax.random`` key."""
    provider = _provider()
    if provider is not None:
        return provider()
    key = _global['key']
    if key is None:
        return jax.random.key(numpy.random.randint(0, 2 ** 31 - 1))
    key, sub = jax.random.split(key)
    _global['key'] = key
    return sub


class key_provider(object):
    """Context that routes :func:`next_key` to ``provider`` (used by jit to
    thread a traced key through a step)."""

    def __init__(self, provider):
        self.provider = provider

    def __enter__(self):
        self._old = _provider()
        _state.provider = self.provider
        return self

    def __exit__(self, *args):
        _state.provider = self._old


def get_state():
    """Returns the stream's state (for :func:`set_state`)."""
    return _global['key']


def set_state(state):
    """Restores a state returned by :func:`get_state`."""
    _global['key'] = state
