"""``chainer.training.updaters.ParallelUpdater``.

Data-parallel training across devices is not implemented yet: the updater
trains on its main device, as :class:`StandardUpdater` does.
"""
import warnings

from chainerjax.dataset import convert
from chainerjax.training.updaters import standard_updater


class ParallelUpdater(standard_updater.StandardUpdater):
    """Chainer's multi-device updater; in chainerjax it trains on one device.

    Chainer's ``ParallelUpdater`` splits each batch between copies of the
    model on several devices and adds up their gradients. chainerjax does
    not implement data-parallel training across devices yet: this updater
    behaves exactly as :class:`StandardUpdater` on the main device (the
    whole batch, one model, the same reported values), and warns once when
    more than one device or model is given.

    Args:
        iterator: the dataset iterator, or a dict of iterators (``'main'``
            drives the updates).
        optimizer: the optimizer, or a dict of optimizers.
        converter: ``converter(batch, device)`` giving the arguments of the
            loss function.
        models (dict): models by name; ``'main'`` must be the optimizer's
            target. The others are not used.
        devices (dict): devices by name, with a ``'main'`` key; the main
            model is moved to ``devices['main']`` and the input arrays are
            sent there. The others are not used.
        loss_func: the loss function (default: the optimizer's target).
        loss_scale (float): loss scaling factor.
        auto_new_epoch (bool): call ``optimizer.new_epoch(auto=True)`` at
            each new epoch.
    """

    def __init__(self, iterator, optimizer, converter=convert.concat_examples,
                 models=None, devices=None, loss_func=None, loss_scale=None,
                 auto_new_epoch=True):
        if models is None:
            if devices is None:
                raise ValueError('either models or devices must be specified')
            if 'main' not in devices:
                raise KeyError('\'devices\' must contain a \'main\' key.')
        main_device = None if devices is None else devices.get('main')
        super(ParallelUpdater, self).__init__(
            iterator=iterator, optimizer=optimizer, converter=converter,
            device=main_device, loss_func=loss_func, loss_scale=loss_scale,
            auto_new_epoch=auto_new_epoch)

        target = self.get_optimizer('main').target
        if models is None:
            models = {'main': target}
        self._models = models
        self._devices = devices

        unused = sorted((set(models) | set(devices or ())) - {'main'})
        if unused:
            n = len(unused) + 1
            warnings.warn(
                'ParallelUpdater: data-parallel training across devices is '
                'not implemented in chainerjax yet. It trains like '
                'StandardUpdater on the main device ({}): each whole batch '
                'goes through the main model, and the other models/devices '
                '({}) are not used. The gradient is the one of the mean loss '
                'of the whole batch, whereas Chainer adds the gradients of '
                'the {} sub-batches ({} times larger for a mean loss): scale '
                'the learning rate if you tuned it for Chainer.'.format(
                    'unchanged' if main_device is None else main_device,
                    ', '.join(map(str, unused)), n, n),
                stacklevel=2)
