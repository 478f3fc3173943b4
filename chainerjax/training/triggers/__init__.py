"""Triggers (``chainer.training.triggers``)."""
from chainerjax.training.triggers.early_stopping_trigger import EarlyStoppingTrigger  # NOQA
from chainerjax.training.triggers.interval_trigger import IntervalTrigger  # NOQA
from chainerjax.training.triggers.manual_schedule_trigger import ManualScheduleTrigger  # NOQA
from chainerjax.training.triggers.minmax_value_trigger import BestValueTrigger  # NOQA
from chainerjax.training.triggers.minmax_value_trigger import MaxValueTrigger  # NOQA
from chainerjax.training.triggers.minmax_value_trigger import MinValueTrigger  # NOQA
from chainerjax.training.triggers.once_trigger import OnceTrigger  # NOQA
from chainerjax.training.triggers.time_trigger import TimeTrigger  # NOQA
