import sys
import unittest

import numpy
import pytest

import chainerjax as chainer
from chainerjax import backend
from chainerjax import testing
from chainerjax.backends import cuda
from chainerjax.testing import backend as testing_backend


class TestBackendConfig(unittest.TestCase):

    def test_default_is_numpy(self):
        config = testing_backend.BackendConfig({})
        assert config.device == backend.CpuDevice()
        assert config.xp is numpy
        assert not config.use_cuda
        assert not config.use_chainerx
        assert config.use_cudnn == 'never'
        assert config.use_ideep == 'never'
        assert config.cuda_device is None
        assert config.chainerx_device is None

    def test_get_array(self):
        config = testing_backend.BackendConfig({})
        a = numpy.arange(3.)
        b = config.get_array(a)
        assert isinstance(b, numpy.ndarray)
        numpy.testing.assert_array_equal(a, b)
        c, d = config.get_array((a, a))
        assert isinstance(c, numpy.ndarray)

    def test_context(self):
        config = testing_backend.BackendConfig({'use_cudnn': 'always'})
        with config as c:
            assert c is config
            assert chainer.config.use_cudnn == 'always'
        assert chainer.config.use_cudnn != 'always'

    def test_cuda_device_default(self):
        config = testing_backend.BackendConfig({'use_cuda': True})
        assert config.cuda_device == 0

    def test_unknown_param(self):
        with pytest.raises(ValueError):
            testing_backend.BackendConfig({'use_foo': True})

    def test_not_dict(self):
        with pytest.raises(TypeError):
            testing_backend.BackendConfig([('use_cuda', True)])

    def test_chainerx_unavailable(self):
        config = testing_backend.BackendConfig(
            {'use_chainerx': True, 'chainerx_device': 'native:0'})
        assert 'ChainerX' in config.unavailable_reason
        with pytest.raises(unittest.SkipTest):
            config.device

    def test_ideep_unavailable(self):
        config = testing_backend.BackendConfig({'use_ideep': 'always'})
        with pytest.raises(unittest.SkipTest):
            config.device

    @unittest.skipIf(cuda.available, 'a GPU is available')
    def test_cuda_skipped_without_gpu(self):
        config = testing_backend.BackendConfig({'use_cuda': True})
        with pytest.raises(unittest.SkipTest, match='CUDA'):
            config.device

    @unittest.skipUnless(cuda.available, 'no GPU')
    def test_cuda_maps_to_jax_gpu(self):
        config = testing_backend.BackendConfig({'use_cuda': True})
        assert config.device.name == '@jax:gpu:0'
        a = config.get_array(numpy.arange(3.))
        assert not isinstance(a, numpy.ndarray)

    def test_func_str_and_repr(self):
        config = testing_backend.BackendConfig({'use_cuda': True})
        s = config.get_func_str()
        assert 'use_cuda_true' in s and 'cuda_device_0' in s
        assert 'use_cuda=True' in repr(config)


_calls = []


@testing.inject_backend_tests(
    None,
    [{}, {'use_cuda': True}, {'use_chainerx': True,
                              'chainerx_device': 'native:0'},
     {'use_ideep': 'always'}])
class _Injected(unittest.TestCase):

    def test_a(self, backend_config):
        _calls.append(backend_config)


@testing.inject_backend_tests(['test_b'], [{}])
class _InjectedSome(unittest.TestCase):

    def test_b(self, backend_config):
        assert isinstance(backend_config, testing_backend.BackendConfig)

    def test_c(self):
        pass


class TestInjectBackendTests(unittest.TestCase):

    def _generated(self, prefix):
        module = sys.modules[__name__]
        return sorted(name for name in dir(module)
                      if name.startswith(prefix))

    def test_one_class_per_config(self):
        names = self._generated('_Injected_')
        assert len(names) == 4

    def test_only_cpu_runs_here(self):
        module = sys.modules[__name__]
        results = []
        for name in self._generated('_Injected_'):
            suite = unittest.defaultTestLoader.loadTestsFromTestCase(
                getattr(module, name))
            result = unittest.TestResult()
            suite.run(result)
            results.append(result)
        ran = sum(r.testsRun - len(r.skipped) for r in results)
        skipped = [reason for r in results for _, reason in r.skipped]
        assert all(not r.errors and not r.failures for r in results)
        if cuda.available:
            assert ran == 2 and len(skipped) == 2
        else:
            assert ran == 1 and len(skipped) == 3
            assert any('CUDA' in s for s in skipped)
        assert any('ChainerX' in s for s in skipped)
        assert any('iDeep' in s for s in skipped)

    def test_method_names(self):
        module = sys.modules[__name__]
        names = self._generated('_InjectedSome')
        # The original class keeps the other tests; one class per config
        # gets the listed ones.
        assert len(names) == 3   # the bundle and two classes
        plain = getattr(module, '_InjectedSome_no_backend')
        assert plain.test_b is None
        plain('test_c').test_c()
        injected, = [getattr(module, n) for n in names
                     if n not in ('_InjectedSome', '_InjectedSome_no_backend')]
        assert injected.test_c is None
        injected('test_b').test_b()

    def test_invalid_arguments(self):
        with pytest.raises(TypeError):
            testing.inject_backend_tests('test_a', [{}])
        with pytest.raises(TypeError):
            testing.inject_backend_tests(None, {})
        with pytest.raises(TypeError):
            testing.inject_backend_tests(None, [1])


testing.run_module(__name__, __file__)
