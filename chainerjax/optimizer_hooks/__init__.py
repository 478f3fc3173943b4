"""Optimizer hooks (``chainer.optimizer_hooks``)."""
from chainerjax import _missing
from chainerjax.optimizer_hooks.gradient_clipping import GradientClipping  # NOQA
from chainerjax.optimizer_hooks.gradient_hard_clipping import GradientHardClipping  # NOQA
from chainerjax.optimizer_hooks.gradient_lars import GradientLARS  # NOQA
from chainerjax.optimizer_hooks.gradient_noise import GradientNoise  # NOQA
from chainerjax.optimizer_hooks.lasso import Lasso  # NOQA
from chainerjax.optimizer_hooks.weight_decay import WeightDecay  # NOQA

__getattr__ = _missing.module_getattr(__name__)
