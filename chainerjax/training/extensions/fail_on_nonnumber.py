"""``chainer.training.extensions.FailOnNonNumber``."""
import numpy

from chainerjax.training import extension


class FailOnNonNumber(extension.Extension):
    """Stops training (RuntimeError) when a parameter of an optimizer's
    target contains NaN or Inf."""

    def __call__(self, trainer):
        for name, optimizer in trainer.updater.get_all_optimizers().items():
            for param in optimizer.target.params():
                array = param.array
                if array is None:
                    continue
                finite = (numpy.isfinite(array).all()
                          if isinstance(array, numpy.ndarray)
                          else param.xp.isfinite(array).all())
                if not finite:
                    raise RuntimeError(
                        'Kill the process since parameters in optimizer'
                        ' \'{}\' diverge. R.I.P.'.format(name))
