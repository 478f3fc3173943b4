"""A counter of changes to what a compiled step's state is made of.

``chainerjax.jit`` collects the state of the Links and Optimizers a step
uses (parameters, persistents, Variables held in attributes, update rules'
states and hyperparameters) into a flat list once, and reuses the list for
every call until this counter moves. Everything that can add, remove or
replace such a piece of state, or change how a step is traced (update rules
enabled or disabled, hooks added or removed), calls :func:`changed`:
attribute assignment on a Link, the ChainList/Sequential mutators, device
moves, optimizer setup, hooks, new rule states and new hyperparameters.
"""
import jax
import numpy

version = 0


def changed():
    global version
    version += 1


_MISSING = object()


def assigned(old, new):
    """An attribute of a Link changed from ``old`` to ``new`` (``_MISSING``
    when it is new). Replacing a value by one a compiled step holds in the
    same way (BatchNormalization's statistics at each eager step, an LSTM's
    ``c`` and ``h`` at each timestep: arrays of the same type, Variables
    with data on the same device) leaves the structure as it is; anything
    else is a change."""
    if not _same_kind(old, new):
        changed()


def _same_kind(old, new):
    kind = type(old)
    if kind is not type(new):
        return False
    if kind is int or kind is float:
        return True
    if isinstance(old, (numpy.ndarray, jax.Array)):
        return not isinstance(old, jax.core.Tracer)
    from chainerjax import variable
    if kind is variable.Variable:
        return old._data is not None and new._data is not None and \
            old.requires_grad == new.requires_grad and \
            old._device is new._device and \
            type(old._data) is type(new._data)
    return False
