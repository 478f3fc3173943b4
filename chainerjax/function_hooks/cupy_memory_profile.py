"""``chainer.function_hooks.CupyMemoryProfileHook``: not available on
JAX."""
from chainerjax import function_hook


class CupyMemoryProfileHook(function_hook.FunctionHook):
    """Not available in chainerjax: constructing it raises.

    Chainer's hook reads CuPy's memory pool around each function. JAX
    allocates device memory itself (no CuPy pool): use
    ``jax.profiler.device_memory_profile()`` /
    ``jax.profiler.save_device_memory_profile(path)``, or
    ``jax.Device.memory_stats()``, instead.

    Raises:
        NotImplementedError: always (a ``RuntimeError``, as Chainer raises
            where CUDA is unavailable).
    """

    # Counted as missing in docs/api_coverage.md: it cannot work on JAX.
    _chainerjax_unsupported = True

    name = 'CupyMemoryProfileHook'

    def __init__(self):
        raise NotImplementedError(
            'CupyMemoryProfileHook is not available in chainerjax: CuPy '
            'memory-pool profiling is not available on JAX. Use '
            'jax.profiler.save_device_memory_profile(path) (or '
            'jax.devices()[0].memory_stats()) instead.')
