"""BlackOut loss layer (``chainer.links.BlackOut``)."""
import numpy

from chainerjax.functions.loss import black_out
from chainerjax import link
from chainerjax.utils import walker_alias
from chainerjax import variable


class BlackOut(link.Link):
    """BlackOut loss layer (see :func:`~chainerjax.functions.black_out`).

    Negative samples are drawn, with probabilities proportional to
    ``counts``, by a :class:`~chainerjax.utils.WalkerAlias` sampler from
    chainerjax's random stream (:mod:`chainerjax.random`), unless
    ``sample_data`` is set (then it is used as the samples).

    Args:
        in_size (int): the size of the input vectors.
        counts (list of int): the frequency of each word id.
        sample_size (int): the number of negative samples per example.

    Attributes:
        W (~chainerjax.Parameter): ``(len(counts), in_size)``; as in
            Chainer it is filled with NaN until set (e.g. ``link.W.array[...]
            = ...``, or by loading a model).
        sampler (~chainerjax.utils.WalkerAlias): the sampler.
        sample_size (int): as given.
        sample_data (array): fixed samples ``(N, sample_size)``, or None.
    """

    sample_data = None

    def __init__(self, in_size, counts, sample_size):
        super(BlackOut, self).__init__()
        vocab_size = len(counts)
        p = numpy.array(counts, dtype=numpy.float32)
        self.sampler = walker_alias.WalkerAlias(p)
        self.sample_size = sample_size
        with self.init_scope():
            self.W = variable.Parameter(shape=(vocab_size, in_size))

    def device_resident_accept(self, visitor):
        super(BlackOut, self).device_resident_accept(visitor)
        self.sampler.device_resident_accept(visitor)

    def forward(self, x, t):
        """Computes the loss (the mean over the batch).

        Args:
            x (Variable or array): the inputs ``(N, in_size)``.
            t (Variable or array): the int target words ``(N,)``.

        Returns:
            ~chainerjax.Variable: the loss.
        """
        batch_size = x.shape[0]
        if self.sample_data is not None:
            sample_data = self.sample_data
        else:
            sample_data = self.sampler.sample(
                (batch_size, self.sample_size))
        samples = variable.Variable(sample_data, requires_grad=False)
        return black_out.black_out(x, t, self.W, samples)
