"""Deterministic random numbers in tests (``chainer.testing.random``).

:func:`fix_random` seeds NumPy's global generator (and chainerjax's own
generator, when the core provides ``chainerjax._random``) before a test and
restores the previous states afterwards. Setting the environment variable
``CHAINER_TEST_RANDOM_NONDETERMINISTIC=1`` seeds from the OS instead, which
is useful to look for seed-dependent failures.
"""

import atexit
import functools
import os
import random
import types

import numpy

from chainerjax.testing import _bundle


_FIXED_SEED = 100

_saved_states = None

# fix_random may be nested (a decorated class whose tests run under
# condition.retry, which calls setUp again for each trial); only the
# outermost setup/teardown pair changes the generators.
_nest_count = 0


def _chainerjax_random():
    # The core's RNG module, or None while it does not exist.
    try:
        from chainerjax import _random
    except ImportError:
        return None
    return _random


def _get_state(module):
    # Saved state of the chainerjax stream: whatever ``get_state()`` returns
    # when the module has it, else None (teardown then calls ``reset()``).
    if module is None:
        return None
    get_state = getattr(module, 'get_state', None)
    return None if get_state is None else get_state()


def _restore_state(module, state):
    if module is None:
        return
    set_state = getattr(module, 'set_state', None)
    if set_state is not None and state is not None:
        set_state(state)
        return
    reset = getattr(module, 'reset', None)
    if reset is not None:
        # Back to the default stream (keys drawn from NumPy's generator,
        # whose state has just been restored).
        reset()


def do_setup(deterministic=True):
    """Saves the random states and seeds the generators.

    Args:
        deterministic (bool): Seed with a fixed value if ``True``, from the
            OS otherwise.
    """
    global _saved_states
    jax_random = _chainerjax_random()
    _saved_states = (random.getstate(), numpy.random.get_state(),
                     _get_state(jax_random))
    if deterministic:
        numpy.random.seed(_FIXED_SEED)
    else:
        numpy.random.seed()
    if jax_random is not None:
        seed = (_FIXED_SEED if deterministic
                else int(numpy.random.randint(0x7fffffff)))
        jax_random.seed(seed)


def do_teardown():
    """Restores the random states saved by :func:`do_setup`."""
    global _saved_states
    python_state, numpy_state, jax_state = _saved_states
    _saved_states = None
    random.setstate(python_state)
    numpy.random.set_state(numpy_state)
    _restore_state(_chainerjax_random(), jax_state)


@atexit.register
def _check_teardown():
    assert _nest_count == 0, (
        '_setup_random() and _teardown_random() must be called in pairs.')


def _setup_random():
    """Sets up deterministic random states (outermost call only)."""
    global _nest_count
    if _nest_count == 0:
        nondeterministic = bool(int(os.environ.get(
            'CHAINER_TEST_RANDOM_NONDETERMINISTIC', '0')))
        do_setup(not nondeterministic)
    _nest_count += 1


def _teardown_random():
    """Undoes :func:`_setup_random` (outermost call only)."""
    global _nest_count
    assert _nest_count > 0, '_setup_random has not been called'
    _nest_count -= 1
    if _nest_count == 0:
        do_teardown()


def generate_seed():
    """Draws a seed from the fixed random state.

    Must be called inside a test under :func:`fix_random`.

    Returns:
        int: A seed in ``[0, 2**32 - 1)``.
    """
    assert _nest_count > 0, 'random is not set up'
    return numpy.random.randint(0xffffffff)


def _wrap_test_method(impl):
    @functools.wraps(impl)
    def test_method(self, *args, **kwargs):
        _setup_random()
        try:
            return impl(self, *args, **kwargs)
        finally:
            _teardown_random()
    return test_method


def _wrap_setup_teardown(klass, setup_name, teardown_name):
    setup = getattr(klass, setup_name)
    teardown = getattr(klass, teardown_name)

    @functools.wraps(setup)
    def new_setup(self):
        _setup_random()
        setup(self)

    @functools.wraps(teardown)
    def new_teardown(self):
        try:
            teardown(self)
        finally:
            _teardown_random()

    setattr(klass, setup_name, new_setup)
    setattr(klass, teardown_name, new_teardown)


def fix_random(*, setup_method='setUp', teardown_method='tearDown'):
    """Decorator fixing the random states for a test method or class.

    Applied to a ``test_*`` method, the generators are seeded around the
    call. Applied to a class (or to the result of
    :func:`~chainerjax.testing.parameterize`, then to every generated
    class), its ``setup_method`` seeds and its ``teardown_method`` restores;
    the class itself is returned, so runners still collect it. Apply it
    outside (above) ``condition.retry``/``repeat``, otherwise every trial
    gets the same numbers.

    Args:
        setup_method (str): Name of the class's setup method.
        teardown_method (str): Name of the class's teardown method.

    Returns:
        callable: The decorator.
    """
    def decorator(target):
        if (isinstance(target, types.FunctionType)
                and target.__name__.startswith('test_')):
            return _wrap_test_method(target)
        if isinstance(target, _bundle._ParameterizedTestCaseBundle):
            for klass, _, _ in target.cases:
                _wrap_setup_teardown(klass, setup_method, teardown_method)
            return target
        # A plain class stays a class. (Chainer returned a bundle here,
        # which made test runners skip the class silently.)
        _wrap_setup_teardown(target, setup_method, teardown_method)
        return target
    return decorator
