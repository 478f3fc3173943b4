"""``chainer.training.updaters.MultiprocessParallelUpdater``.

Chainer runs one process per GPU and reduces the gradients with NCCL.
chainerjax does not implement data-parallel training across devices yet:
the updater trains in the main process on the main device, on the batches of
all its iterators together. The module's helpers that pack the parameters
or gradients of a link into one array (``gather_grads``, ``gather_params``,
``scatter_grads``, ``scatter_params``, ``size_num_grads``) work on any
device.
"""
import warnings

import jax.numpy as jnp
import numpy

from chainerjax import backend
from chainerjax.dataset import convert
from chainerjax.training.updaters import standard_updater


class MultiprocessParallelUpdater(standard_updater.StandardUpdater):
    """Chainer's NCCL multi-GPU updater; in chainerjax it runs in one
    process on one device.

    Each update takes one batch from each iterator (as Chainer's worker
    processes do), joins them and updates the model on the main device with
    the loss of the joined batch; the epoch counters follow the first
    iterator. This is the update Chainer makes (it adds the sub-batch
    gradients and divides the learning rate by the number of devices), so
    the optimizer's hyperparameters are left unchanged (Chainer rescales
    ``lr`` or ``eps``). A warning says so when more than one device is
    given.

    Args:
        iterators (list): one dataset iterator per device (usually over the
            parts of ``chainer.datasets.split_dataset_n_random``), of
            datasets of equal length.
        optimizer: the optimizer of the model.
        converter: ``converter(batch, device)`` giving the arguments of the
            model.
        devices (dict or list): the devices; the main one is
            ``devices['main']`` or the first of the list.
        auto_new_epoch (bool): call ``optimizer.new_epoch(auto=True)`` at
            each new epoch.
    """

    def __init__(self, iterators, optimizer, converter=convert.concat_examples,
                 devices=None, auto_new_epoch=True):
        if devices is None or len(iterators) != len(devices):
            raise AssertionError(
                'MultiprocessParallelUpdater needs one iterator per device.')
        for it in iterators[1:]:
            if len(it.dataset) != len(iterators[0].dataset):
                raise AssertionError(
                    'The datasets of the iterators of '
                    'MultiprocessParallelUpdater must have the same length.')

        if isinstance(devices, dict):
            devices = devices.copy()
            main = devices.pop('main')
            devices = [main] + list(devices.values())
        elif isinstance(devices, (list, tuple)):
            devices = list(devices)
        else:
            raise ValueError(
                'devices argument should be either dict, list or tuple,'
                ' but {} was given.'.format(type(devices)))
        if any(device is None for device in devices):
            raise ValueError('GPU devices must be specified.')
        self._devices = [backend.get_device(d) for d in devices]

        super(MultiprocessParallelUpdater, self).__init__(
            iterator=iterators[0], optimizer=optimizer, converter=converter,
            device=self._devices[0], auto_new_epoch=auto_new_epoch)
        self._master = optimizer.target
        self._mpu_iterators = list(iterators)

        if len(self._devices) > 1:
            warnings.warn(
                'MultiprocessParallelUpdater: data-parallel training across '
                'devices is not implemented in chainerjax yet. It trains in '
                'this process on the main device ({}): each update joins '
                'one batch of each of the {} iterators and uses the loss of '
                'the joined batch, which is the update Chainer makes over '
                'its devices; the optimizer\'s lr/eps are therefore not '
                'rescaled as in Chainer, and the other devices ({}) are not '
                'used.'.format(self._devices[0], len(self._mpu_iterators),
                               ', '.join(str(d) for d in self._devices[1:])),
                stacklevel=2)

    @staticmethod
    def available():
        """True: this updater runs without NCCL in chainerjax."""
        return True

    def update_core(self):
        batch = []
        for it in self._mpu_iterators:
            batch.extend(it.next())
        in_arrays = convert._call_converter(
            self.converter, batch, self.input_device)
        step = self._get_step()
        if isinstance(in_arrays, tuple):
            step(*in_arrays)
        elif isinstance(in_arrays, dict):
            step(**in_arrays)
        else:
            step(in_arrays)
        if self.auto_new_epoch and self._mpu_iterators[0].is_new_epoch:
            self.get_optimizer('main').new_epoch(auto=True)

    def finalize(self):
        """Finalizes all the iterators."""
        for it in self._mpu_iterators:
            it.finalize()
        super(MultiprocessParallelUpdater, self).finalize()


def _params(link):
    return [p for _, p in sorted(link.namedparams()) if p.size]


def size_num_grads(link):
    """Returns ``(total size, number)`` of the non-empty parameters of a
    link."""
    params = [p for p in link.params() if p.size != 0]
    return sum(p.size for p in params), len(params)


def _gather(link, attr):
    parts = []
    for param in _params(link):
        value = getattr(param, attr)
        if value is None:
            parts.append(jnp.zeros(param.size, jnp.float32))
        else:
            parts.append(jnp.ravel(jnp.asarray(value)).astype(jnp.float32))
    if not parts:
        return jnp.zeros((0,), jnp.float32)
    return jnp.concatenate(parts)


def gather_grads(link):
    """Returns the gradients of a link's parameters (sorted by name) packed
    into one float32 array (zeros for missing gradients)."""
    return _gather(link, 'grad')


def gather_params(link):
    """Returns the values of a link's parameters (sorted by name) packed
    into one float32 array."""
    return _gather(link, 'array')


def _scatter(link, array, attr):
    array = jnp.asarray(array)
    offset = 0
    for param in _params(link):
        size = param.size
        part = array[offset:offset + size].reshape(param.shape)
        offset += size
        current = getattr(param, attr)
        if attr == 'grad' and current is None:
            current = param.array
        part = part.astype(current.dtype)
        if isinstance(current, numpy.ndarray):
            part = numpy.array(part)
        setattr(param, attr, part)


def scatter_grads(link, array):
    """Puts the packed gradients made by :func:`gather_grads` back into the
    parameters' ``grad``."""
    _scatter(link, array, 'grad')


def scatter_params(link, array):
    """Puts the packed values made by :func:`gather_params` back into the
    parameters' ``array``."""
    _scatter(link, array, 'array')
