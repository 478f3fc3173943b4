"""``chainer.training.updaters.StandardUpdater``."""
from chainerjax import backend
from chainerjax.dataset import convert
from chainerjax.dataset import iterator as iterator_module
from chainerjax.training import _updater


class StandardUpdater(_updater.Updater):
    """One iteration = one batch from the iterator, converted, fed to
    ``optimizer.update(loss_func, *in_arrays)``.

    Args:
        iterator: the dataset iterator, or a dict of iterators (the one
            named ``'main'`` drives the updates and the epoch counters).
        optimizer: the optimizer, or a dict of optimizers (``'main'`` is
            updated).
        converter: ``converter(batch, device)`` giving the arguments of the
            loss function (a tuple: positional, a dict: keyword, otherwise
            one positional argument).
        device: if given, the model is moved to this device and the input
            arrays are sent to it.
        loss_func: the loss function (default: the optimizer's target).
        loss_scale (float): loss scaling factor passed to the optimizers.
        auto_new_epoch (bool): call ``optimizer.new_epoch(auto=True)`` at
            each new epoch.
        input_device: the device of the input arrays only (default:
            ``device``); the model is not moved.
        jit (bool): chainerjax extension: compile the training step with
            JAX (see the jit guide).

    Attributes:
        iteration (int): the number of updates done.
        converter, loss_func, loss_scale, auto_new_epoch, jit: as given.
    """

    def __init__(self, iterator, optimizer,
                 converter=convert.concat_examples, device=None,
                 loss_func=None, loss_scale=None, auto_new_epoch=True, *,
                 input_device=None, jit=None):
        if device is not None:
            device = backend.get_device(device)
        if input_device is None:
            input_device = device
        else:
            input_device = backend.get_device(input_device)

        if isinstance(iterator, iterator_module.Iterator):
            iterator = {'main': iterator}
        self._iterators = iterator
        if not isinstance(optimizer, dict):
            optimizer = {'main': optimizer}
        self._optimizers = optimizer

        if device is not None:
            for opt in self._optimizers.values():
                opt.target.to_device(device)

        self.converter = converter
        self.loss_func = loss_func
        self.iteration = 0
        self._device = device
        self._input_device = input_device
        # jit: True compiles the step (forward, backward and update) into
        # one XLA computation; 'auto' falls back to eager on untraceable
        # code; None follows chainer.config.jit (python -m chainerjax --jit).
        self.jit = jit
        self._compiled_step = None

        self.loss_scale = loss_scale
        if loss_scale is not None:
            for opt in self._optimizers.values():
                opt.set_loss_scale(loss_scale)

        self.auto_new_epoch = auto_new_epoch
        if auto_new_epoch:
            for opt in self._optimizers.values():
                opt.use_auto_new_epoch = True

    @property
    def device(self):
        """The device given to the constructor (a Device or None)."""
        return self._device

    @property
    def input_device(self):
        """The device the input arrays are sent to (a Device or None)."""
        return self._input_device

    @property
    def epoch(self):
        return self._iterators['main'].epoch

    @property
    def epoch_detail(self):
        return self._iterators['main'].epoch_detail

    @property
    def previous_epoch_detail(self):
        return self._iterators['main'].previous_epoch_detail

    @property
    def is_new_epoch(self):
        return self._iterators['main'].is_new_epoch

    def finalize(self):
        """Finalizes the iterators."""
        for it in self._iterators.values():
            it.finalize()

    def get_optimizer(self, name):
        """Returns the optimizer named ``name``."""
        return self._optimizers[name]

    def get_all_optimizers(self):
        """Returns a dict of all the optimizers."""
        return dict(self._optimizers)

    def get_iterator(self, name):
        """Returns the iterator named ``name``."""
        return self._iterators[name]

    def update(self):
        """Runs one update (:meth:`update_core`) and counts it."""
        self.update_core()
        self.iteration += 1

    def update_core(self):
        """Reads a batch, converts it and updates the ``'main'`` optimizer.

        Override this for custom updates (several optimizers, GANs...).
        """
        iterator = self._iterators['main']
        batch = iterator.next()
        in_arrays = convert._call_converter(
            self.converter, batch, self.input_device)

        step = self._get_step()
        if isinstance(in_arrays, tuple):
            step(*in_arrays)
        elif isinstance(in_arrays, dict):
            step(**in_arrays)
        else:
            step(in_arrays)

        if self.auto_new_epoch and iterator.is_new_epoch:
            self._optimizers['main'].new_epoch(auto=True)

    def _update_step(self, *args, **kwargs):
        optimizer = self._optimizers['main']
        loss_func = self.loss_func or optimizer.target
        optimizer.update(loss_func, *args, **kwargs)

    def _get_step(self):
        from chainerjax import _jit
        mode = _jit.resolve_mode(self.jit)
        compiled = self._compiled_step
        if compiled is None or compiled.mode != mode:
            optimizer = self._optimizers['main']
            links = [optimizer.target]
            if self.loss_func is not None:
                links.append(self.loss_func)
            compiled = self._compiled_step = _jit.MaybeJit(
                self._update_step, mode, links=links,
                optimizers=list(self._optimizers.values()),
                what='the training step of StandardUpdater')
        return compiled

    def serialize(self, serializer):
        """Saves or loads the iterators, the optimizers, their models and
        the iteration count (keys ``iterator:main``, ``optimizer:main``,
        ``model:main``, ``iteration`` as in Chainer)."""
        for name, it in self._iterators.items():
            it.serialize(serializer['iterator:' + name])
        for name, opt in self._optimizers.items():
            opt.serialize(serializer['optimizer:' + name])
            opt.target.serialize(serializer['model:' + name])
        self.iteration = serializer('iteration', self.iteration)
