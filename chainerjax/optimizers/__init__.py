"""Optimizers (``chainer.optimizers``)."""
from chainerjax import _missing
from chainerjax.optimizers.ada_delta import AdaDelta  # NOQA
from chainerjax.optimizers.ada_grad import AdaGrad  # NOQA
from chainerjax.optimizers.adam import AdaBound  # NOQA
from chainerjax.optimizers.adam import Adam  # NOQA
from chainerjax.optimizers.adam import AdamW  # NOQA
from chainerjax.optimizers.adam import AMSBound  # NOQA
from chainerjax.optimizers.adam import AMSGrad  # NOQA
from chainerjax.optimizers.corrected_momentum_sgd import CorrectedMomentumSGD  # NOQA
from chainerjax.optimizers.momentum_sgd import MomentumSGD  # NOQA
from chainerjax.optimizers.msvag import MSVAG  # NOQA
from chainerjax.optimizers.nesterov_ag import NesterovAG  # NOQA
from chainerjax.optimizers.rmsprop import RMSprop  # NOQA
from chainerjax.optimizers.rmsprop_graves import RMSpropGraves  # NOQA
from chainerjax.optimizers.sgd import SGD  # NOQA
from chainerjax.optimizers.smorms3 import SMORMS3  # NOQA

__getattr__ = _missing.module_getattr(__name__)
