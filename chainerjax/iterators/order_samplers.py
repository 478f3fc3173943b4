"""Order samplers: they choose the order of the next epoch
(``chainer.iterators.OrderSampler``)."""
import numpy


class OrderSampler(object):
    """Base class of order samplers.

    An iterator calls ``sampler(current_order, current_position)`` at the
    start (``current_position == 0``) and at the end of each epoch, and
    iterates over the returned permutation of the dataset's indices.
    """

    def __call__(self, current_order, current_position):
        """Returns the order of the next epoch (an int array)."""
        raise NotImplementedError


class ShuffleOrderSampler(OrderSampler):
    """Draws a random permutation for each epoch.

    Args:
        random_state (numpy.random.RandomState): the generator; None uses
            NumPy's global generator (so ``numpy.random.seed`` applies).
    """

    def __init__(self, random_state=None):
        if random_state is None:
            random_state = numpy.random.random.__self__
        self._random = random_state

    def __call__(self, current_order, current_position):
        return self._random.permutation(len(current_order))
