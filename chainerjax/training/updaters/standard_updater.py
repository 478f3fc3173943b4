"""``chainer.training.updaters.StandardUpdater``."""
import warnings

import jax
import numpy

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
            JAX (see the jit guide). An overridden :meth:`update_core` is
            compiled whole, its iterators and converter running outside
            the compiled step.

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
        self._compiled_update_core = None

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
        if _overrides_update_core(self):
            self._custom_update()
        else:
            self.update_core()
        self.iteration += 1

    def _custom_update(self):
        # An update_core written by the user (BPTT, GANs...): under jit it
        # is compiled whole, with the data coming from outside.
        from chainerjax import _jit
        mode = _jit.resolve_mode(self.jit)
        compiled = self._compiled_update_core
        if compiled is None or compiled.mode != mode:
            compiled = self._compiled_update_core = \
                _CompiledUpdateCore(self, mode) if mode else None
        if compiled is None:
            self.update_core()
        else:
            compiled()

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


def _overrides_update_core(updater):
    """True for an update_core overridden outside chainerjax (chainerjax's
    own updaters compile their step themselves)."""
    fun = type(updater).update_core
    if fun is StandardUpdater.update_core:
        return False
    return not (getattr(fun, '__module__', None) or '').startswith(
        'chainerjax.')


class _PlanMismatch(Exception):
    """update_core used its iterators or converter differently from its
    first call, or looked inside a batch."""


class _OpaqueBatch(object):
    """What an iterator's ``next()`` gives to update_core while it is
    traced: the batch was read already, outside the compiled step, and
    only the converter may look inside."""

    def __init__(self, index, length):
        self._index = index
        self._length = length

    def __len__(self):
        return self._length

    def _refuse(self, *args, **kwargs):
        raise _PlanMismatch(
            'it looks inside a batch without self.converter')

    __getitem__ = __iter__ = __add__ = __radd__ = __contains__ = _refuse


class _IteratorSpy(object):
    """Stands for an iterator in update_core: records, then replays, the
    ``next()`` calls and the attributes read (``is_new_epoch``...)."""

    def __init__(self, session, name, real):
        self._session = session
        self._name = name
        self._real = real

    def __next__(self):
        return self._session.next_batch(self._name, self._real)

    next = __next__

    def __iter__(self):
        return self

    def __getattr__(self, attr):
        if attr.startswith('__'):
            raise AttributeError(attr)
        return self._session.read(self._name, self._real, attr)


class _ConverterSpy(object):
    """Stands for ``updater.converter`` (a plain function)."""

    def __init__(self, session, real):
        self._session = session
        self._real = real

    def __call__(self, batch, *args, **kwargs):
        return self._session.convert(self._real, batch, args, kwargs)


class _ConverterSpyC(_ConverterSpy, convert.Converter):
    """Stands for ``updater.converter`` (a Converter: gets a Device)."""


_STATIC_TYPES = (bool, int, float, str, type(None))


class _Session(object):
    """One call of update_core with spies in place of the iterators and
    the converter.

    ``'record'`` (the first, eager call) notes what update_core does with
    them: the plan, a list of ``('next', name)``, ``('read', name, attr)``
    and ``('convert', batch index, args, kwargs)``. ``'replay'`` serves
    update_core from the data that :func:`_prefetch` read beforehand and
    checks that it follows the plan. ``'lenient'`` serves the data read
    beforehand while update_core follows the plan and uses the real
    iterators and converter once it does not (an eager update after the
    compiled one failed).
    """

    def __init__(self, mode, plan=None, batches=(), converted=(),
                 reads=()):
        self.mode = mode
        self.plan = [] if plan is None else plan
        self.batches = list(batches)
        self.converted = converted
        self.reads = reads
        self.pos = 0
        self.n_next = self.n_read = self.n_convert = 0
        self.invalid = None

    def _follows(self, event):
        if self.pos < len(self.plan) and \
                self.plan[self.pos][:len(event)] == event:
            self.pos += 1
            return True
        if self.mode == 'lenient':
            self.pos = len(self.plan) + 1  # from now on, the real ones
            return False
        raise _PlanMismatch(
            'it used its iterators or converter differently from its '
            'first call (now: {}, then: {})'.format(
                event, self.plan[self.pos][:len(event)]
                if self.pos < len(self.plan) else 'nothing more'))

    def next_batch(self, name, real):
        if self.mode == 'record':
            batch = real.next()
            self.plan.append(('next', name))
            self.batches.append(batch)
            return batch
        if not self._follows(('next', name)):
            return real.next()
        i = self.n_next
        self.n_next += 1
        if self.mode == 'lenient':
            return self.batches[i]
        return _OpaqueBatch(i, len(self.batches[i]))

    def read(self, name, real, attr):
        if self.mode == 'record':
            value = getattr(real, attr)
            if isinstance(value, _STATIC_TYPES):
                self.plan.append(('read', name, attr))
            elif self.invalid is None:
                self.invalid = 'it reads iterator.{} (a {})'.format(
                    attr, type(value).__name__)
            return value
        if not self._follows(('read', name, attr)):
            return getattr(real, attr)
        value = self.reads[self.n_read]
        self.n_read += 1
        return value

    def _batch_index(self, batch):
        if isinstance(batch, _OpaqueBatch):
            return batch._index
        for i, b in enumerate(self.batches):
            if b is batch:
                return i
        return None

    def convert(self, real, batch, args, kwargs):
        index = self._batch_index(batch)
        key = tuple(sorted(kwargs.items()))
        if self.mode == 'record':
            if index is not None:
                self.plan.append(('convert', index, args, key))
            elif self.invalid is None:
                self.invalid = ('it calls self.converter on something that '
                                'is not a batch of its iterators')
            return real(batch, *args, **kwargs)
        if index is None and self.mode == 'replay':
            raise _PlanMismatch(
                'it calls self.converter on something that is not a batch '
                'of its iterators')
        if index is None or not self._follows(
                ('convert', index, args, key)):
            return real(batch, *args, **kwargs)
        j = self.n_convert
        self.n_convert += 1
        return self.converted[j]

    def finish(self):
        if self.mode == 'replay' and self.pos != len(self.plan):
            raise _PlanMismatch(
                'it used its iterators or converter less than in its '
                'first call')


def _prefetch(plan, iterators, converter):
    """Does what update_core did with its iterators and converter in its
    first call: returns the batches, the converted arrays and the
    attributes read."""
    batches, converted, reads = [], [], []
    for event in plan:
        if event[0] == 'next':
            batches.append(iterators[event[1]].next())
        elif event[0] == 'read':
            reads.append(getattr(iterators[event[1]], event[2]))
        else:
            _, index, args, kwargs = event
            converted.append(converter(batches[index], *args,
                                       **dict(kwargs)))
    return batches, converted, tuple(reads)


class _CompiledUpdateCore(object):
    """Runs an overridden ``update_core`` compiled into one step.

    The iterators and the converter cannot be compiled: they read data on
    the host. The first call runs update_core eagerly and records how it
    uses them (which iterator it calls ``next()`` on, how often, what it
    passes to ``self.converter``, which iterator attributes it reads).
    Each later call reads the batches and converts them first, the same
    way, then runs the compiled update_core, in which ``next()`` gives a
    placeholder, ``self.converter`` the converted arrays, and iterator
    attributes the values read after the matching ``next()`` (they are
    static: a new value, such as ``is_new_epoch`` turning True, compiles
    another version). update_core must pass each batch to
    ``self.converter`` (not look inside it) and call the iterators in the
    same way every time; otherwise it cannot be compiled
    (:class:`~chainerjax.UntraceableError`, or with ``jit='auto'`` it
    runs eagerly from then on with a warning).
    """

    def __init__(self, updater, mode):
        from chainerjax import _jit
        from chainerjax import link
        self.updater = updater
        self.mode = mode
        self.plan = None
        self._batches = ()
        links = [opt.target for opt in updater._optimizers.values()]
        # and the models the updater holds (a GAN's, a teacher...)
        for value in [updater.loss_func] + list(vars(updater).values()):
            if isinstance(value, link.Link) and \
                    all(value is not m for m in links):
                links.append(value)
        self.step = _jit.JitStep(
            self._run, links=links,
            optimizers=list(updater._optimizers.values()),
            state_objects=[updater])
        self.step.__name__ = '{}.update_core'.format(
            type(updater).__name__)

    def _with_spies(self, session):
        from chainerjax import _jit
        u = self.updater
        iterators, converter = u._iterators, u.converter
        u._iterators = dict(
            (name, _IteratorSpy(session, name, it))
            for name, it in iterators.items())
        spy_cls = _ConverterSpyC if isinstance(
            converter, convert.Converter) else _ConverterSpy
        u.converter = spy_cls(session, converter)
        try:
            # steps update_core calls (the default one's) are part of it
            with _jit.inline_steps():
                u.update_core()
            session.finish()
        finally:
            u._iterators, u.converter = iterators, converter

    def _run(self, converted, reads, iteration):
        # what is compiled: update_core on the data read beforehand, with
        # self.iteration traced (computing with it works; Python control
        # flow on it cannot be compiled and says so)
        u = self.updater
        session = _Session('replay', self.plan, self._batches, converted,
                           reads)
        if not isinstance(iteration, jax.core.Tracer):
            iteration = int(iteration)
        saved = u.__dict__.get('iteration')
        u.__dict__['iteration'] = iteration
        try:
            self._with_spies(session)
        except _PlanMismatch as e:
            from chainerjax import _jit
            raise _jit.UntraceableError(
                '{}.update_core cannot be compiled: {}. Under jit, pass '
                'each batch to self.converter and call the iterators the '
                'same way in every update, or run this updater eagerly '
                '(jit=False).'.format(type(self.updater).__name__, e)) \
                from None
        finally:
            u.__dict__['iteration'] = saved

    def __call__(self):
        u = self.updater
        if self.plan is None:
            session = _Session('record')
            self._with_spies(session)
            self.plan = session.plan
            if session.invalid is not None:
                self._give_up(session.invalid)
            return
        if self.step is None:
            u.update_core()
            return
        batches, converted, reads = _prefetch(
            self.plan, u._iterators, u.converter)
        self._batches = batches
        from chainerjax import _jit
        try:
            self.step(converted, reads,
                      numpy.asarray(u.iteration, numpy.int64))
        except _jit.UntraceableError as e:
            if self.mode != 'auto':
                raise
            self._give_up(str(e))
            # this update's batches were read already: run it eagerly on
            # them
            self._with_spies(_Session('lenient', self.plan, batches,
                                      converted, reads))
        finally:
            self._batches = ()

    def _give_up(self, reason):
        from chainerjax import _jit
        if not reason.startswith(type(self.updater).__name__):
            reason = '{}.update_core cannot be compiled: {}'.format(
                type(self.updater).__name__, reason)
        if self.mode != 'auto':
            raise _jit.UntraceableError(
                reason + '. Run this updater eagerly (jit=False).')
        warnings.warn(
            'chainerjax.jit: {}; it runs eagerly from now on '
            '(jit=\'auto\').'.format(reason.rstrip('.')), RuntimeWarning)
        self.step = None
