"""Trainer extensions (``chainer.training.extensions``)."""
from chainerjax import _missing
from chainerjax.training.extensions._snapshot import snapshot  # NOQA
from chainerjax.training.extensions._snapshot import snapshot_object  # NOQA
from chainerjax.training.extensions.computational_graph import DumpGraph  # NOQA
from chainerjax.training.extensions.evaluator import Evaluator  # NOQA
from chainerjax.training.extensions.exponential_shift import ExponentialShift  # NOQA
from chainerjax.training.extensions.fail_on_nonnumber import FailOnNonNumber  # NOQA
from chainerjax.training.extensions.inverse_shift import InverseShift  # NOQA
from chainerjax.training.extensions.linear_shift import LinearShift  # NOQA
from chainerjax.training.extensions.log_report import LogReport  # NOQA
from chainerjax.training.extensions.micro_average import MicroAverage  # NOQA
from chainerjax.training.extensions.multistep_shift import MultistepShift  # NOQA
from chainerjax.training.extensions.parameter_statistics import ParameterStatistics  # NOQA
from chainerjax.training.extensions.plot_report import PlotReport  # NOQA
from chainerjax.training.extensions.polynomial_shift import PolynomialShift  # NOQA
from chainerjax.training.extensions.print_report import PrintReport  # NOQA
from chainerjax.training.extensions.progress_bar import ProgressBar  # NOQA
from chainerjax.training.extensions.step_shift import StepShift  # NOQA
from chainerjax.training.extensions.value_observation import observe_lr  # NOQA
from chainerjax.training.extensions.value_observation import observe_value  # NOQA
from chainerjax.training.extensions.variable_statistics_plot import VariableStatisticsPlot  # NOQA
from chainerjax.training.extensions.variable_unchain import unchain_variables  # NOQA
from chainerjax.training.extensions.warmup_shift import WarmupShift  # NOQA

# Chainer's old name
from chainerjax.training.extensions.computational_graph import DumpGraph as dump_graph  # NOQA

__getattr__ = _missing.module_getattr(__name__)
