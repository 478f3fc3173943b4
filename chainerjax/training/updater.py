"""``chainer.training.updater``: the updaters' historical home."""
from chainerjax import _missing
from chainerjax.training._updater import Updater  # NOQA
from chainerjax.training.updaters.parallel_updater import ParallelUpdater  # NOQA
from chainerjax.training.updaters.standard_updater import StandardUpdater  # NOQA

__getattr__ = _missing.module_getattr(__name__)
