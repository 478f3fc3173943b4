"""Devices backed by JAX arrays: ``'@jax:cpu:0'``, ``'@jax:gpu:N'``, ..."""
import jax
import jax.numpy as jnp
import numpy

from chainerjax import _backend
from chainerjax.backends import _cpu


def _platform_devices(platform):
    try:
        return jax.devices(platform)
    except RuntimeError:
        return []


def _index_of(jax_device):
    return _platform_devices(jax_device.platform).index(jax_device)


class JaxDevice(_backend.Device):
    """A device whose arrays are ``jax.Array`` placed on one JAX device.

    Args:
        device: a ``jax.Device``.
    """

    xp = jnp
    supported_array_types = (jax.Array,)
    _is_numpy = False

    def __init__(self, device):
        self.device = device
        self.platform = device.platform
        self.index = _index_of(device)
        self._name = '@jax:{}:{}'.format(self.platform, self.index)

    @staticmethod
    def from_spec(platform, index):
        """Returns the device ``index`` of ``platform``, with a clear error."""
        devices = _platform_devices(platform)
        if not devices:
            raise RuntimeError(
                'No JAX {} device is available on this machine (JAX sees: '
                '{}). Use \'@numpy\' or \'@jax:cpu:0\' instead, or install '
                'a JAX build with {} support.'.format(
                    platform, ', '.join(sorted(
                        {d.platform for d in jax.devices()})),
                    platform))
        if not 0 <= index < len(devices):
            raise RuntimeError(
                'JAX {} device {} does not exist: {} {} device(s) '
                'available.'.format(platform, index, len(devices), platform))
        return JaxDevice(devices[index])

    @staticmethod
    def from_array(array):
        if isinstance(array, jax.core.Tracer):
            return JaxDevice(jax.devices()[0])
        if isinstance(array, jax.Array):
            return JaxDevice(next(iter(array.devices())))
        return None

    @property
    def name(self):
        return self._name

    def __eq__(self, other):
        return isinstance(other, JaxDevice) and self.device == other.device

    def __hash__(self):
        return hash(self._name)

    def __repr__(self):
        return '<JaxDevice {}>'.format(self._name)

    def __reduce__(self):
        # jax.Device objects cannot be pickled or deep-copied; rebuild the
        # device from its specifier (Links holding a device are copied by
        # Link.copy(mode='copy') and pickled in snapshots).
        return _device_from_spec, (self.platform, self.index)

    def create_context(self):
        return jax.default_device(self.device)

    def send_array(self, array):
        if isinstance(array, jax.core.Tracer):
            return array
        if isinstance(array, jax.Array) and self.device in array.devices():
            return array
        # a copy, never a view of host memory the NumPy array's owner can
        # still change
        return jax.device_put(numpy.asarray(array) if numpy.isscalar(array)
                              else _cpu.detached(array), self.device)

    def is_array_supported(self, array):
        return (isinstance(array, jax.Array)
                and self.device in array.devices())

    def _send_new(self, arrays):
        # one transfer for a list of NumPy arrays (a batch's x and t)
        if type(arrays) is numpy.ndarray or type(arrays) is list and all(
                type(a) is numpy.ndarray for a in arrays):
            return jax.device_put(arrays, self.device)
        return self.send(arrays)


def _device_from_spec(platform, index):
    return JaxDevice.from_spec(platform, index)
