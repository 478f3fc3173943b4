import pytest

from chainerjax import function_hooks


@pytest.mark.parametrize('cls', [function_hooks.CUDAProfileHook,
                                 function_hooks.CupyMemoryProfileHook])
def test_cuda_hooks_say_what_to_use(cls):
    with pytest.raises(RuntimeError) as e:
        cls()
    assert isinstance(e.value, NotImplementedError)
    assert 'jax.profiler' in str(e.value)
