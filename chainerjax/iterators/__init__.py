"""Dataset iterators (``chainer.iterators``).

``DaliIterator`` exists but raises ``NotImplementedError`` (NVIDIA DALI is
not supported); use ``MultithreadIterator``.
"""
from chainerjax import _missing
from chainerjax.iterators.dali_iterator import DaliIterator  # NOQA
from chainerjax.iterators.multiprocess_iterator import MultiprocessIterator  # NOQA
from chainerjax.iterators.multithread_iterator import MultithreadIterator  # NOQA
from chainerjax.iterators.order_samplers import OrderSampler  # NOQA
from chainerjax.iterators.order_samplers import ShuffleOrderSampler  # NOQA
from chainerjax.iterators.serial_iterator import SerialIterator  # NOQA

__getattr__ = _missing.module_getattr(__name__)
