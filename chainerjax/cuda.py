"""``chainer.cuda``: the old name of :mod:`chainerjax.backends.cuda`."""
import sys

from chainerjax.backends import cuda as _cuda

sys.modules[__name__] = _cuda
