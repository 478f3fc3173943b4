"""Link hooks (``chainer.link_hooks``)."""
from chainerjax import _missing
from chainerjax.link_hooks.spectral_normalization import SpectralNormalization  # NOQA
from chainerjax.link_hooks.timer import TimerHook  # NOQA
from chainerjax.link_hooks.weight_standardization import WeightStandardization  # NOQA

__getattr__ = _missing.module_getattr(__name__)
