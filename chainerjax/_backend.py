"""The device interface shared by every backend
(``chainer.backend.Device``)."""


def _convert_arrays(arrays, func):
    # Converts an array or a (nested) list/tuple of arrays, keeping None.
    if isinstance(arrays, (list, tuple)):
        converted = [_convert_arrays(a, func) for a in arrays]
        return type(arrays)(converted)
    if arrays is None:
        return None
    return func(arrays)


class _DummyContext(object):

    def __enter__(self):
        return None

    def __exit__(self, typ, value, traceback):
        return None


_dummy_context = _DummyContext()


class Device(object):
    """A device on which arrays live and computations run.

    chainerjax has two kinds: :class:`~chainerjax.backend.CpuDevice`
    (``'@numpy'``: NumPy arrays, computed by JAX on the CPU) and
    :class:`~chainerjax.backend.JaxDevice` (``'@jax:cpu:0'``,
    ``'@jax:gpu:0'``, ``'@jax:tpu:0'``; ``'@cupy:N'`` maps to
    ``'@jax:gpu:N'``).
    """

    @property
    def xp(self):
        """The array module (``numpy`` or ``jax.numpy``) of this device."""
        raise NotImplementedError('Device subclasses must define xp.')

    @property
    def name(self):
        """The device specifier string, e.g. ``'@numpy'``."""
        raise NotImplementedError('Device subclasses must define name.')

    @property
    def supported_array_types(self):
        raise NotImplementedError(
            'Device subclasses must define supported_array_types.')

    def __str__(self):
        return self.name

    def __enter__(self):
        raise RuntimeError(
            'A Device cannot be used as a context manager. '
            'Use chainer.using_device(device) instead.')

    def __exit__(self, exc_type, exc_value, traceback):
        return None

    def __eq__(self, other):
        return isinstance(other, Device) and self.name == other.name

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self.name)

    def create_context(self):
        """Returns a context manager that makes this device current."""
        return _dummy_context

    def send(self, arrays):
        """Transfers an array, or a list/tuple of arrays, to this device."""
        return _convert_arrays(arrays, self.send_array)

    def send_array(self, array):
        raise NotImplementedError('Device subclasses must define send_array.')

    def _send_new(self, array):
        # sends an array that no one else holds (it may be used in place)
        return self.send(array)

    def use(self):
        """Makes this device current (no effect for most devices)."""
        return None

    def is_array_supported(self, array):
        raise NotImplementedError(
            'Device subclasses must define is_array_supported.')
