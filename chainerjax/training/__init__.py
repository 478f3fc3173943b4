"""The training loop (``chainer.training``): Trainer, updaters,
extensions and triggers.
"""
from chainerjax import _missing
from chainerjax.training import extensions  # NOQA
from chainerjax.training import triggers  # NOQA
from chainerjax.training import updaters  # NOQA
from chainerjax.training import util  # NOQA
from chainerjax.training.extension import Extension  # NOQA
from chainerjax.training.extension import make_extension  # NOQA
from chainerjax.training.extension import PRIORITY_EDITOR  # NOQA
from chainerjax.training.extension import PRIORITY_READER  # NOQA
from chainerjax.training.extension import PRIORITY_WRITER  # NOQA
from chainerjax.training.trainer import Trainer  # NOQA
from chainerjax.training.trigger import get_trigger  # NOQA
from chainerjax.training.trigger import IntervalTrigger  # NOQA
from chainerjax.training.updater import StandardUpdater  # NOQA
from chainerjax.training.updater import Updater  # NOQA
from chainerjax.training.updaters.parallel_updater import ParallelUpdater  # NOQA

__getattr__ = _missing.module_getattr(__name__)
