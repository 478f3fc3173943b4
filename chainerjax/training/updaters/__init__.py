"""Updaters (``chainer.training.updaters``).

``ParallelUpdater`` and ``MultiprocessParallelUpdater`` are not provided
yet.
"""
from chainerjax import _missing
from chainerjax.training.updaters.standard_updater import StandardUpdater  # NOQA

__getattr__ = _missing.module_getattr(__name__)
