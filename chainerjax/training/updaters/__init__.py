"""Updaters (``chainer.training.updaters``).

``ParallelUpdater`` and ``MultiprocessParallelUpdater`` train on one device
(data-parallel training across devices is not implemented yet; they warn).
"""
from chainerjax import _missing
from chainerjax.training.updaters.multiprocess_parallel_updater import MultiprocessParallelUpdater  # NOQA
from chainerjax.training.updaters.parallel_updater import ParallelUpdater  # NOQA
from chainerjax.training.updaters.standard_updater import StandardUpdater  # NOQA

__getattr__ = _missing.module_getattr(__name__)
