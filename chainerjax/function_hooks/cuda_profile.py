"""``chainer.function_hooks.CUDAProfileHook``: not available on JAX."""
from chainerjax import function_hook


class CUDAProfileHook(function_hook.FunctionHook):
    """Not available in chainerjax: constructing it raises.

    Chainer's hook marks each function with NVTX ranges through CuPy.
    chainerjax runs on JAX (no CuPy): profile with ``jax.profiler`` instead
    (``jax.profiler.trace(log_dir)`` around the code, then TensorBoard or
    Perfetto), or measure host time with
    :class:`~chainerjax.function_hooks.TimerHook`.

    Raises:
        NotImplementedError: always (a ``RuntimeError``, as Chainer raises
            where CUDA is unavailable).
    """

    # Counted as missing in docs/api_coverage.md: it cannot work on JAX.
    _chainerjax_unsupported = True

    name = 'CUDAProfileHook'

    def __init__(self):
        raise NotImplementedError(
            'CUDAProfileHook is not available in chainerjax: CUDA profiling '
            'through CuPy/NVTX is not available on JAX. Use jax.profiler '
            '(e.g. `with jax.profiler.trace("/tmp/trace"): ...`, viewed in '
            'TensorBoard or Perfetto) instead, or '
            'chainer.function_hooks.TimerHook for per-function times.')
