"""``chainer.training.extensions.unchain_variables``."""
from chainerjax import configuration
from chainerjax import variable
from chainerjax.training import extension


class unchain_variables(extension.Extension):
    """Unchains the Variables of the observation after each iteration when
    ``keep_graph_on_report`` was on, to free their graphs."""

    priority = 0

    def __init__(self):
        self._prev_flag = None

    def initialize(self, _):
        self._prev_flag = configuration.config.keep_graph_on_report

    def trigger(self, _):
        flag = self._prev_flag
        self._prev_flag = configuration.config.keep_graph_on_report
        return flag

    def __call__(self, trainer):
        for value in trainer.observation.values():
            if isinstance(value, variable.Variable):
                value.unchain_backward()
