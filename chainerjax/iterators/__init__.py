"""Dataset iterators (``chainer.iterators``).

``MultiprocessIterator``, ``MultithreadIterator`` and ``DaliIterator`` are
not provided yet.
"""
from chainerjax import _missing
from chainerjax.iterators.order_samplers import OrderSampler  # NOQA
from chainerjax.iterators.order_samplers import ShuffleOrderSampler  # NOQA
from chainerjax.iterators.serial_iterator import SerialIterator  # NOQA

__getattr__ = _missing.module_getattr(__name__)
