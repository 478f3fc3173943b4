"""Objects whose arrays live on a device (``chainer.DeviceResident``).

A :class:`DeviceResident` (a :class:`~chainerjax.Link`, an optimizer, ...)
owns arrays and Variables, possibly through a hierarchy of other device
residents. Moving it between devices is done by a visitor that walks the
hierarchy: :meth:`DeviceResident.device_resident_accept` hands the visitor
every array and Variable the object owns.
"""
import abc
import threading
import warnings

import numpy

from chainerjax import _structure
from chainerjax import backend
from chainerjax.backends import _cpu
from chainerjax.backends import _jax

_thread_local = threading.local()
_thread_local.flag_gpu_to_gpu = None

_TO_METHODS = ('to_cpu', 'to_gpu', 'to_intel64')


class DeviceResident(object, metaclass=abc.ABCMeta):
    """Base class of objects holding arrays on a device.

    Subclasses that own arrays or Variables override
    :meth:`device_resident_accept` to show them to visitors; the
    ``to_device`` family of methods is built on it.
    """

    _device = _cpu.CpuDevice()

    def __init__(self):
        # Legacy subclasses may override to_cpu/to_gpu/to_intel64 to move
        # extra attributes; remember which, so that to_device calls them.
        self._overridden_to_methods = tuple(
            m for m in _TO_METHODS if _is_to_method_overridden(self, m))

    def device_resident_accept(self, visitor):
        """Shows this object (and everything it owns) to ``visitor``.

        Args:
            visitor (DeviceResidentsVisitor): the visitor.
        """
        visitor.visit_device_resident(self)

    @property
    def device(self):
        """The :class:`~chainerjax.backend.Device` of this object."""
        return self._device

    @property
    def xp(self):
        """The array module of :attr:`device` (``numpy`` or
        ``jax.numpy``)."""
        device = self.device
        if device is None:
            return None
        return device.xp

    def to_cpu(self):
        """Moves the arrays to the host (``'@numpy'``).

        Deprecated in Chainer 7: use :meth:`to_device` instead.

        Returns: self
        """
        visitor = _ToDeviceVisitor(
            _cpu.CpuDevice(), entry_method_info=('to_cpu', {}),
            starting_device_resident=self)
        self.device_resident_accept(visitor)
        return self

    def to_gpu(self, device=None):
        """Moves the arrays to a JAX GPU (GPU 0 by default).

        Arrays already on a GPU are not moved (use :meth:`to_device` for
        GPU-to-GPU transfers). Deprecated in Chainer 7: use
        :meth:`to_device` instead.

        Args:
            device: a GPU id or any device specifier.

        Returns: self

        Raises:
            RuntimeError: when JAX sees no GPU.
        """
        from chainerjax.backends import cuda
        target = cuda._resolve_gpu(device)
        visitor = _ToDeviceVisitor(
            target, entry_method_info=('to_gpu', {'device': target.index}),
            skip_between_gpu_devices=True,
            starting_device_resident=self)
        self.device_resident_accept(visitor)
        return self

    def to_intel64(self):
        """Not supported: iDeep does not exist in chainerjax."""
        raise RuntimeError(
            'iDeep (to_intel64) is not supported by chainerjax; use '
            'to_device(\'@numpy\') or to_device(\'@jax:cpu:0\').')

    def to_chx(self):
        """Not supported: ChainerX does not exist in chainerjax."""
        raise RuntimeError(
            'ChainerX is not available. chainerjax uses JAX devices instead: '
            'to_device(\'@jax:cpu:0\') or to_device(\'@jax:gpu:0\').')

    def from_chx(self):
        """Does nothing (nothing is ever on ChainerX in chainerjax)."""
        return self

    def to_device(self, device):
        """Moves the parameters and persistent arrays to ``device``.

        Attributes that are not registered (as parameters, persistents or
        children) are not moved; a subclass owning such arrays overrides
        :meth:`device_resident_accept`.

        Args:
            device: a device specifier (see :func:`chainerjax.get_device`),
                e.g. ``'@numpy'``, ``'@jax:cpu:0'``, ``'@jax:gpu:0'``.

        Returns: self
        """
        device = backend.get_device(device)
        self.device_resident_accept(_ToDeviceVisitor(device))
        _structure.changed()
        return self


def _is_to_method_overridden(obj, name):
    method = getattr(type(obj), name, None)
    return method is not None and method is not getattr(DeviceResident, name)


class DeviceResidentsVisitor(object):
    """Base class of visitors walking a hierarchy of device residents."""

    def visit_device_resident(self, device_resident):
        """Processes a :class:`DeviceResident`."""
        raise NotImplementedError(
            'DeviceResidentsVisitor subclasses must implement '
            'visit_device_resident.')

    def visit_array(self, arr):
        """Processes an array and returns the (possibly new) array."""
        raise NotImplementedError(
            'DeviceResidentsVisitor subclasses must implement visit_array.')

    def visit_variable(self, param):
        """Processes a :class:`~chainerjax.Variable` (or Parameter)."""
        raise NotImplementedError(
            'DeviceResidentsVisitor subclasses must implement '
            'visit_variable.')


def _is_gpu(device):
    return isinstance(device, _jax.JaxDevice) and device.platform == 'gpu'


class _ToDeviceVisitor(DeviceResidentsVisitor):
    # Moves every visited array and Variable to one device. For legacy
    # subclasses that override to_cpu/to_gpu, the override is called
    # instead (as Chainer does), except on the object where the transfer
    # started (which would recurse forever).

    def __init__(self, device, entry_method_info=None,
                 skip_between_gpu_devices=False,
                 starting_device_resident=None):
        if entry_method_info is not None:
            names = {'to_cpu': '@numpy', 'to_gpu': '@cupy:N',
                     'to_intel64': '@intel64'}
            warnings.warn(
                '{} is deprecated. Please use to_device(\'{}\') '
                'instead.'.format(entry_method_info[0],
                                  names[entry_method_info[0]]),
                DeprecationWarning)
        self._device = device
        self._entry_method_info = entry_method_info
        self._skip_between_gpu_devices = skip_between_gpu_devices
        self._starting_device_resident = starting_device_resident

    def visit_device_resident(self, device_resident):
        device_resident._device = self._device
        overridden = getattr(device_resident, '_overridden_to_methods', ())
        if not overridden or \
                device_resident is self._starting_device_resident:
            return
        if self._entry_method_info is not None:
            method_name, kwargs = self._entry_method_info
        else:
            method_name, kwargs = self._method_for(self._device)
        if method_name in overridden:
            getattr(device_resident, method_name)(**kwargs)

    @staticmethod
    def _method_for(device):
        if device.xp is numpy:
            return 'to_cpu', {}
        if _is_gpu(device):
            return 'to_gpu', {'device': device.index}
        return None, {}

    def _skip(self, device):
        return (self._skip_between_gpu_devices and _is_gpu(self._device)
                and _is_gpu(device))

    def visit_array(self, arr):
        device = backend.get_device_from_array(arr)
        if self._skip(device):
            self._warn_to_gpu(device, self._device)
            return arr
        return self._device.send(arr)

    def visit_variable(self, param):
        device = param.device
        if self._skip(device):
            self._warn_to_gpu(device, self._device)
            return
        param.to_device(self._device)

    @staticmethod
    def _warn_to_gpu(src, dst):
        if src.index == dst.index:
            return
        if _thread_local.flag_gpu_to_gpu is None:
            warnings.warn(
                'You are trying to transfer a DeviceResident to GPU-{} which '
                'is already on GPU-{}.\n`DeviceResident.to_gpu` does nothing '
                'if the DeviceResident is already on GPU.\n\nYou can use '
                '`DeviceResident.to_device()` method to perform inter-GPU '
                'transfer.'.format(dst.index, src.index), RuntimeWarning)
        else:
            _thread_local.flag_gpu_to_gpu = True


# Chainer's name for the module-level helper; kept for code that uses it.
_is_to_device_method_overridden = _is_to_method_overridden
