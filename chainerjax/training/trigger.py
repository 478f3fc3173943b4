"""``chainer.training.trigger``: the trigger helpers' historical home."""
from chainerjax.training.triggers.interval_trigger import IntervalTrigger  # NOQA
from chainerjax.training.util import _never_fire_trigger  # NOQA
from chainerjax.training.util import get_trigger  # NOQA
