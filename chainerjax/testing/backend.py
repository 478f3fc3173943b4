"""Backend configurations injected into tests (``chainer.testing.backend``).

:func:`inject_backend_tests` takes Chainer's backend parameter dicts and
generates one test class per dict, whose test methods receive a
:class:`BackendConfig`. In chainerjax:

* ``{}`` (the default CPU config) runs on ``'@numpy'``, as in Chainer;
* ``{'use_cuda': True, 'cuda_device': N}`` runs on ``'@jax:gpu:N'`` when JAX
  sees that GPU, and is skipped (with the reason) otherwise;
* ChainerX (``use_chainerx``) and iDeep (``use_ideep`` other than
  ``'never'``) configs are skipped, with the reason: chainerjax has neither.

The generated tests keep Chainer's pytest marks (``gpu``, ``cudnn``,
``chainerx``, ``ideep``), so ``-m "not gpu"`` selections still work.
"""
import functools
import unittest

import chainerjax
from chainerjax import backend
from chainerjax.testing import _bundle
from chainerjax.testing import attr


def _jax_gpu_count():
    import jax
    try:
        return len(jax.devices('gpu'))
    except RuntimeError:
        return 0


class BackendConfig(object):
    """One backend configuration of a test (``chainer.testing.BackendConfig``).

    Args:
        params (dict): Chainer's backend parameters: ``use_chainerx``,
            ``chainerx_device``, ``use_cuda``, ``cuda_device``,
            ``use_cudnn``, ``cudnn_deterministic``, ``autotune``,
            ``cudnn_fast_batch_normalization``, ``use_ideep``.

    Used as a context manager it sets those configuration values and makes
    :attr:`device` the current device.
    """

    _props = [
        ('use_chainerx', False),
        ('chainerx_device', None),
        ('use_cuda', False),
        ('cuda_device', None),  # 0 by default when use_cuda is True
        ('use_cudnn', 'never'),
        ('cudnn_deterministic', False),
        ('autotune', False),
        ('cudnn_fast_batch_normalization', False),
        ('use_ideep', 'never'),
    ]

    _device = None

    def __init__(self, params):
        if not isinstance(params, dict):
            raise TypeError('params must be a dict.')
        self._contexts = []
        for k, v in self._props:
            setattr(self, k, v)
        for k, v in params.items():
            if not hasattr(self, k):
                raise ValueError('Parameter {} is not defined'.format(k))
            setattr(self, k, v)
        if self.use_chainerx:
            assert isinstance(self.chainerx_device, str), (
                '\'chainerx_device\' parameter is expected to be a string '
                'representing a ChainerX device specifier')
        if self.use_cuda and self.cuda_device is None:
            self.cuda_device = 0

    @property
    def unavailable_reason(self):
        """Why this config cannot run here (a string), or None."""
        if self.use_chainerx:
            return ('ChainerX is not available in chainerjax '
                    '(chainerx_device={!r})'.format(self.chainerx_device))
        if self.use_cuda:
            n = _jax_gpu_count()
            if n == 0:
                return ('CUDA is not available: JAX sees no GPU '
                        '(use_cuda=True, cuda_device={})'.format(
                            self.cuda_device))
            if self.cuda_device >= n:
                return ('GPU {} is not available: JAX sees {} GPU(s)'.format(
                    self.cuda_device, n))
            return None
        if self.use_ideep != 'never':
            return 'iDeep is not available in chainerjax (use_ideep={!r})' \
                .format(self.use_ideep)
        return None

    def _check_available(self):
        reason = self.unavailable_reason
        if reason is not None:
            raise unittest.SkipTest(reason)

    @property
    def xp(self):
        """The array module of :attr:`device` (``numpy`` or ``jax.numpy``)."""
        return self.device.xp

    @property
    def device(self):
        """The device: ``'@numpy'``, or ``'@jax:gpu:N'`` for CUDA configs."""
        if self._device is None:
            self._check_available()
            if self.use_cuda:
                device = backend.get_device(
                    '@jax:gpu:{}'.format(self.cuda_device))
            else:
                device = backend.CpuDevice()
            self._device = device
        return self._device

    def __enter__(self):
        contexts = [
            chainerjax.using_config('use_cudnn', self.use_cudnn),
            chainerjax.using_config(
                'cudnn_deterministic', self.cudnn_deterministic),
            chainerjax.using_config('autotune', self.autotune),
            chainerjax.using_config('use_ideep', self.use_ideep),
            chainerjax.using_device(self.device),
        ]
        entered = []
        try:
            for c in contexts:
                c.__enter__()
                entered.append(c)
        except BaseException:
            for c in reversed(entered):
                c.__exit__(None, None, None)
            raise
        self._contexts.append(contexts)
        return self

    def __exit__(self, typ, value, traceback):
        contexts = self._contexts.pop()
        for c in reversed(contexts):
            c.__exit__(typ, value, traceback)

    def __repr__(self):
        return '<BackendConfig {}>'.format(' '.join(
            '{}={!r}'.format(k, getattr(self, k)) for k, _ in self._props))

    def get_func_str(self):
        """A string naming this config, usable in a method or class name."""
        parts = []
        for k, _ in self._props:
            val = getattr(self, k)
            if val is True:
                val = 'true'
            elif val is False:
                val = 'false'
            else:
                val = str(val)
            parts.append('{}_{}'.format(k, val))
        return '__'.join(parts)

    def get_pytest_marks(self):
        """The pytest marks of this config (``gpu``, ``cudnn``, ...)."""
        marks = []
        if self.use_chainerx:
            marks.append(attr.chainerx)
            backend_name, _, index = self.chainerx_device.partition(':')
            if backend_name == 'cuda':
                marks.append(attr.gpu)
                if index.isdigit() and int(index) >= 1:
                    marks.append(attr.multi_gpu(int(index) + 1))
        elif self.use_cuda:
            marks.append(attr.gpu)
            if self.use_cudnn != 'never':
                marks.append(attr.cudnn)
            if self.cuda_device >= 1:
                marks.append(attr.multi_gpu(self.cuda_device + 1))
        elif self.use_ideep != 'never':
            marks.append(attr.ideep)
        return marks

    def get_array(self, np_array):
        """Sends an array (or a tuple/list of arrays) to :attr:`device`."""
        return self.device.send(np_array)


def _generate_cases(base, method_names, params):
    if method_names is not None:
        # The methods not listed keep running once, without a config. (The
        # class gets its own name: under the decorated class's name, which
        # the decorator rebinds, it would never be collected.)
        def hide_listed(method):
            return None if method.__name__ in method_names else method

        yield base.__name__ + '_no_backend', {}, hide_listed

    for param in params:
        config = BackendConfig(param)
        marks = config.get_pytest_marks()
        cls_name = '{}_{}'.format(base.__name__, config.get_func_str())

        def wrap(method, config=config, marks=marks):
            if method_names is not None and \
                    method.__name__ not in method_names:
                return None

            @functools.wraps(method)
            def new_method(self, *args, **kwargs):
                config._check_available()
                return method(self, config, *args, **kwargs)

            for mark in marks:
                new_method = mark(new_method)
            return new_method

        yield cls_name, {}, wrap


def inject_backend_tests(method_names, params):
    """Class decorator generating one test class per backend config.

    Args:
        method_names (list of str or None): The test methods that take a
            ``backend_config`` argument; None means all ``test_*`` methods.
            Other test methods run once, in the original class.
        params (list of dict): Backend parameter dicts (see
            :class:`BackendConfig`); ``[{}]`` is the CPU (``'@numpy'``).

    Returns:
        callable: The decorator (stackable with
        :func:`~chainerjax.testing.parameterize`).
    """
    if not (method_names is None or isinstance(method_names, list)):
        raise TypeError('method_names must be either None or a list.')
    if not isinstance(params, list):
        raise TypeError('params must be a list of dicts.')
    if not all(isinstance(d, dict) for d in params):
        raise TypeError('params must be a list of dicts.')
    return _bundle.make_decorator(
        lambda base: _generate_cases(base, method_names, params))
