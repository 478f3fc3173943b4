"""``chainer.training.extensions.ProgressBar``."""
import datetime
import sys

from chainerjax.training import extension
from chainerjax.training.extensions import util


class ProgressBar(extension.Extension):
    """Shows the training progress (total and epoch bars, speed, ETA).

    Args:
        training_length: ``(length, unit)``; default: the stop trigger's
            ``get_training_length()``.
        update_interval (int): redraw every this many iterations.
        bar_length (int): width of the bars in characters.
        out: the stream to write to (default: ``sys.stdout``).
    """

    def __init__(self, training_length=None, update_interval=100,
                 bar_length=50, out=sys.stdout):
        self._training_length = training_length
        self._update_interval = update_interval
        self._bar_length = bar_length
        self._out = out
        # Chainer 7.8.1 created the bar without these arguments (so they
        # had no effect); chainerjax honours them.
        self._pbar = _TrainerProgressBar(bar_length=bar_length, out=out)
        self._pbar.training_length = training_length

    def __call__(self, trainer):
        self._pbar.trainer = trainer
        if trainer.updater.iteration % self._update_interval == 0:
            self._pbar.update()

    def finalize(self):
        self._pbar.close()


def _bar(rate, length):
    marks = '#' * int(rate * length)
    return marks + '.' * (length - len(marks))


class _TrainerProgressBar(util.ProgressBar):

    trainer = None
    training_length = None
    status_template = None

    def get_lines(self):
        updater = self.trainer.updater
        iteration = updater.iteration
        epoch = updater.epoch_detail
        if self.training_length is None:
            self.training_length = \
                self.trainer.stop_trigger.get_training_length()
        length, unit = self.training_length
        done = iteration if unit == 'iteration' else epoch
        rate = min(done / length, 1.0)
        bar_length = self._bar_length
        lines = ['     total [{}] {:6.2%}\n'.format(
            _bar(rate, bar_length), rate)]
        epoch_rate = epoch - int(epoch)
        lines.append('this epoch [{}] {:6.2%}\n'.format(
            _bar(epoch_rate, bar_length), epoch_rate))
        if self.status_template is None:
            self.status_template = (
                '{0.iteration:10} iter, {0.epoch} epoch / %s %ss\n' %
                tuple(self.training_length))
        lines.append(self.status_template.format(updater))
        speed_t, speed_e = self.update_speed(iteration, epoch)
        speed = speed_t if unit == 'iteration' else speed_e
        estimated = max((length - done) / speed, 0.0) if speed > 0 else 0.0
        lines.append('{:10.5g} iters/sec. Estimated time to finish: {}.\n'
                     .format(speed_t, datetime.timedelta(seconds=estimated)))
        return lines
