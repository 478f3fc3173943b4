"""Compatibility of chainerjax with Chainer 7.8.1: cases/devices.py.

The fixtures come from Chainer without CuPy (no GPU). On a machine where JAX
sees a GPU, the cases whose answer depends on a GPU are skipped and
``test_cuda_available_matches_jax`` checks the GPU side instead.
"""
import jax
import pytest

from compat_tests import _harness

MODULE = 'devices'

# Known disagreements with Chainer (strict xfail; see compat_tests/README.md).
XFAIL = {
}

# Cases whose Chainer answer (no CuPy) holds only where JAX sees no GPU.
GPU_DEPENDENT = ('case_cuda_available', 'case_cuda_get_device_from',
                 'case_variable_to_gpu_without_gpu')


def _jax_has_gpu():
    try:
        return bool(jax.devices('gpu'))
    except RuntimeError:
        return False


HAS_GPU = _jax_has_gpu()


@pytest.mark.parametrize('case', _harness.parametrize_cases(MODULE, XFAIL))
def test_case(case):
    if HAS_GPU and case in GPU_DEPENDENT:
        pytest.skip('JAX sees a GPU; the fixture comes from Chainer '
                    'without CuPy')
    _harness.run_and_compare(MODULE, case)


def test_cuda_available_matches_jax():
    import chainerjax as chainer
    assert chainer.backends.cuda.available is HAS_GPU
