"""Function hooks (``chainer.function_hooks``)."""
from chainerjax import _missing
from chainerjax.function_hooks.cuda_profile import CUDAProfileHook  # NOQA
from chainerjax.function_hooks.cupy_memory_profile import CupyMemoryProfileHook  # NOQA
from chainerjax.function_hooks.debug_print import PrintHook  # NOQA
from chainerjax.function_hooks.timer import TimerHook  # NOQA

__getattr__ = _missing.module_getattr(__name__)
