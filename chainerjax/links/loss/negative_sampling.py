"""Negative sampling loss layer (``chainer.links.NegativeSampling``)."""
import numpy

from chainerjax import configuration
from chainerjax.functions.loss import negative_sampling
from chainerjax import link
from chainerjax.utils import conv
from chainerjax.utils import walker_alias
from chainerjax import variable


class NegativeSampling(link.Link):
    """Negative sampling loss layer.

    Holds the output word embeddings ``W`` and a
    :class:`~chainerjax.utils.WalkerAlias` sampler that draws negative
    words with probabilities proportional to ``counts ** power``; see
    :func:`~chainerjax.functions.negative_sampling`. Sampling draws from
    chainerjax's random stream (:mod:`chainerjax.random`).

    Args:
        in_size (int): the size of the input vectors.
        counts (list of int): the frequency of each word id.
        sample_size (int): the number of negative samples per example.
        power (float): the power applied to the counts.
        dtype: the dtype used to compute the sampling probabilities.

    Attributes:
        W (~chainerjax.Parameter): ``(len(counts), in_size)``, zeros at
            first.
        sampler (~chainerjax.utils.WalkerAlias): the sampler.
        sample_size (int): as given.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> ns = L.NegativeSampling(3, [5, 1, 2, 2], 2)
        >>> x = np.ones((4, 3), np.float32)
        >>> t = np.array([0, 1, 2, 3], np.int32)
        >>> ns(x, t).shape
        ()
    """

    def __init__(self, in_size, counts, sample_size, power=0.75, dtype=None):
        super(NegativeSampling, self).__init__()
        dtype = configuration.get_dtype(dtype)
        vocab_size = len(counts)
        self.sample_size = sample_size
        power = dtype.type(power)
        p = numpy.array(counts, dtype)
        numpy.power(p, power, p)
        self.sampler = walker_alias.WalkerAlias(p)
        with self.init_scope():
            self.W = variable.Parameter(0, (vocab_size, in_size))

    def device_resident_accept(self, visitor):
        super(NegativeSampling, self).device_resident_accept(visitor)
        self.sampler.device_resident_accept(visitor)

    def forward(self, x, t, reduce='sum', **kwargs):
        """forward(x, t, reduce='sum', *, return_samples=False)

        Computes the loss.

        Args:
            x (Variable or array): the inputs ``(N, in_size)``.
            t (Variable or array): the int32 target words ``(N,)`` (-1 to
                ignore an example).
            reduce (str): ``'sum'`` or ``'no'``.
            return_samples (bool): also return the ``(N, sample_size + 1)``
                int array of the words used (the first column is ``t``).

        Returns:
            ~chainerjax.Variable, or a tuple ``(loss, samples)``.
        """
        return_samples, = conv._parse_kwargs(
            'forward', kwargs, ('return_samples', False))
        return negative_sampling.negative_sampling(
            x, t, self.W, self.sampler.sample, self.sample_size,
            reduce=reduce, return_samples=return_samples)
