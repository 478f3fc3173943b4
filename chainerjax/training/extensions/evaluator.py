"""``chainer.training.extensions.Evaluator``."""
import copy
import datetime
import warnings

from chainerjax import backend
from chainerjax import configuration
from chainerjax import function
from chainerjax import link
from chainerjax import reporter as reporter_module
from chainerjax.dataset import convert
from chainerjax.dataset import iterator as iterator_module
from chainerjax.training import extension
from chainerjax.training import util as training_util
from chainerjax.training.extensions import util


class Evaluator(extension.Extension):
    """Evaluates a model on a validation set and reports the means.

    Each batch is converted and passed to ``eval_func`` (default: the
    ``'main'`` target) under ``no_backprop_mode`` and
    ``using_config('train', False)``; what the model reports is averaged
    over the batches and reported with the extension's name as prefix:
    ``'validation/main/loss'``.

    Args:
        iterator: the validation iterator (usually ``repeat=False``), or a
            dict of them (``'main'`` is used). It is reset before each
            evaluation (copied if it has no ``reset``).
        target: the link to evaluate, or a dict of links.
        converter: ``converter(batch, device)``, as for the updater.
        device: the device the inputs are sent to.
        eval_hook: ``eval_hook(evaluator)`` called before each evaluation.
        eval_func: the function to call (default: the target).
        progress_bar (bool): show a progress bar while evaluating.
        jit (bool): chainerjax extension: compile the evaluation step.
    """

    trigger = 1, 'epoch'
    default_name = 'validation'
    priority = extension.PRIORITY_WRITER
    name = None

    def __init__(self, iterator, target, converter=convert.concat_examples,
                 device=None, eval_hook=None, eval_func=None, **kwargs):
        progress_bar = kwargs.pop('progress_bar', False)
        jit = kwargs.pop('jit', None)
        training_util._reject_kwargs('__init__', kwargs)
        if device is not None:
            device = backend.get_device(device)
        if isinstance(iterator, iterator_module.Iterator):
            iterator = {'main': iterator}
        self._iterators = iterator
        if isinstance(target, link.Link):
            target = {'main': target}
        self._targets = target
        self.converter = converter
        self.device = device
        self.eval_hook = eval_hook
        self.eval_func = eval_func
        self._progress_bar = progress_bar
        # jit: True compiles the evaluation step; 'auto' falls back to
        # eager on untraceable code; None follows chainer.config.jit.
        self.jit = jit
        self._compiled_eval = None
        for key, it in iterator.items():
            if getattr(it, 'repeat', False) and _is_builtin_iterator(it):
                warnings.warn(
                    'The `repeat` property of the iterator {} is set to '
                    '`True`. Typically, the evaluator sweeps over iterators '
                    'until they stop, but as the property being `True`, '
                    'this iterator might not stop and evaluation could go '
                    'into an infinite loop. We recommend to check the '
                    'configuration of iterators'.format(key))

    def get_iterator(self, name):
        """Returns the iterator named ``name``."""
        return self._iterators[name]

    def get_all_iterators(self):
        """Returns a dict of all the iterators."""
        return dict(self._iterators)

    def get_target(self, name):
        """Returns the target link named ``name``."""
        return self._targets[name]

    def get_all_targets(self):
        """Returns a dict of all the target links."""
        return dict(self._targets)

    def __call__(self, trainer=None):
        """Evaluates and reports the results; returns the dict of means.

        Args:
            trainer: the trainer (unused; the evaluator can be called
                without one).
        """
        reporter = reporter_module.Reporter()
        prefix = self.name + '/' if self.name is not None else ''
        for name, target in self._targets.items():
            reporter.add_observer(prefix + name, target)
            reporter.add_observers(prefix + name,
                                   target.namedlinks(skipself=True))
        with reporter:
            with configuration.using_config('train', False):
                result = self.evaluate()
        reporter_module.report(result)
        return result

    def _get_eval_step(self, eval_func):
        from chainerjax import _jit
        mode = _jit.resolve_mode(self.jit)
        compiled = self._compiled_eval
        if compiled is None or compiled.mode != mode or \
                compiled.fun_target is not eval_func:
            compiled = _jit.MaybeJit(
                lambda *a, **k: eval_func(*a, **k), mode,
                links=list(self._targets.values()), optimizers=[],
                what='the evaluation step of Evaluator')
            compiled.fun_target = eval_func
            self._compiled_eval = compiled
        return compiled

    def evaluate(self):
        """Runs the evaluation loop; returns the means of what the target
        reported (keys without the extension's prefix)."""
        iterator = self._iterators['main']
        eval_func = self.eval_func or self._targets['main']
        if self.eval_hook:
            self.eval_hook(self)

        if hasattr(iterator, 'reset'):
            iterator.reset()
            it = iterator
        else:
            warnings.warn(
                'This iterator does not have the reset method. Evaluator '
                'copies the iterator instead of resetting. This behavior is '
                'deprecated. Please implement the reset method.',
                DeprecationWarning)
            it = copy.copy(iterator)

        summary = reporter_module.DictSummary()
        pbar = _IteratorProgressBar(iterator=it) \
            if self._progress_bar else None
        eval_step = self._get_eval_step(eval_func)
        for batch in it:
            observation = {}
            with reporter_module.report_scope(observation):
                in_arrays = convert._call_converter(
                    self.converter, batch, self.device)
                with function.no_backprop_mode():
                    if isinstance(in_arrays, tuple):
                        eval_step(*in_arrays)
                    elif isinstance(in_arrays, dict):
                        eval_step(**in_arrays)
                    else:
                        eval_step(in_arrays)
            summary.add(observation)
            if pbar is not None:
                pbar.update()
        if pbar is not None:
            pbar.close()
        return summary.compute_mean()

    def finalize(self):
        """Finalizes the iterators."""
        for it in self._iterators.values():
            it.finalize()


def _is_builtin_iterator(it):
    from chainerjax import iterators
    return isinstance(it, iterators.SerialIterator)


class _IteratorProgressBar(util.ProgressBar):

    def __init__(self, iterator, bar_length=None, out=None):
        if not (hasattr(iterator, 'current_position') and
                hasattr(iterator, 'epoch_detail')):
            raise TypeError('Iterator must have the following attributes '
                            'to enable a progress bar: '
                            'current_position, epoch_detail')
        self._iterator = iterator
        super(_IteratorProgressBar, self).__init__(
            bar_length=bar_length, out=out)

    def get_lines(self):
        position = self._iterator.current_position
        epoch_detail = self._iterator.epoch_detail
        epoch_size = getattr(self._iterator, '_epoch_size', None)
        marks = '#' * int(epoch_detail * self._bar_length)
        lines = ['validation [{}{}] {:6.2%}\n'.format(
            marks, '.' * (self._bar_length - len(marks)), epoch_detail)]
        if epoch_size:
            lines.append('{:10} / {} iterations\n'.format(
                position, epoch_size))
        else:
            lines.append('{:10} iterations\n'.format(position))
        speed_t, speed_e = self.update_speed(position, epoch_detail)
        estimated = (1.0 - epoch_detail) / speed_e if speed_e > 0 else 0.0
        lines.append('{:10.5g} iters/sec. Estimated time to finish: {}.\n'
                     .format(speed_t, datetime.timedelta(seconds=estimated)))
        return lines
