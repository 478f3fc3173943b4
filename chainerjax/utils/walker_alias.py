"""Walker's alias method (``chainer.utils.WalkerAlias``).

:meth:`WalkerAlias.sample` draws from chainerjax's random stream
(:mod:`chainerjax.random`): ``chainerjax.random.seed(n)`` (or
``numpy.random.seed(n)`` when the stream is not seeded) makes the samples
reproducible, and inside ``chainerjax.jit`` a new sample is drawn at every
call of the compiled step.
"""
import jax
import jax.numpy as jnp
import numpy

from chainerjax import _random
from chainerjax import device_resident


def _alias_sample(key, threshold, values, shape):
    n = threshold.shape[0]
    dtype = threshold.dtype
    pb = jax.random.uniform(key, shape, dtype=dtype) * dtype.type(n)
    index = pb.astype(jnp.int32)
    # (rounding may give pb == n)
    index = jnp.where(index >= n, 0, index)
    left_right = threshold[index] < pb - index.astype(dtype)
    return values[index * 2 + left_right.astype(jnp.int32)]


_alias_sample_kernel = jax.jit(_alias_sample, static_argnums=(3,))


class WalkerAlias(device_resident.DeviceResident):
    """Samples indices ``0..n-1`` with given probabilities in O(1) time per
    sample (Walker's alias method).

    Args:
        probs (list of float): the (unnormalized) probabilities ``p_i``;
            they are divided by their sum.

    Attributes:
        threshold (array): float32 ``(n,)``, the alias table's thresholds.
        values (array): int32 ``(2 n,)``, the two candidates of each slot.

    Example:
        >>> from chainerjax.utils import WalkerAlias
        >>> sampler = WalkerAlias([0.1, 0.0, 0.9])
        >>> s = sampler.sample((2, 3))
        >>> s.shape, s.dtype.name, bool((s != 1).all())
        ((2, 3), 'int32', True)

    See: https://en.wikipedia.org/wiki/Alias_method
    """

    def __init__(self, probs):
        super(WalkerAlias, self).__init__()
        n = len(probs)
        prob = numpy.array(probs, numpy.float32)
        prob /= numpy.sum(prob)
        threshold = numpy.ndarray(n, numpy.float32)
        values = numpy.ndarray(n * 2, numpy.int32)
        # Slots are filled from the smallest probability up; a slot whose
        # probability is below 1/n takes its alias from the next large one.
        # (The running value p is a float64, as NumPy 1 made it in
        # Chainer, so that the tables are Chainer's to the last bit.)
        il, ir = 0, 0
        pairs = sorted(zip(prob, range(n)))
        for p_i, i in pairs:
            p = float(p_i) * n
            while p > 1 and ir < il:
                values[ir * 2 + 1] = i
                p -= 1.0 - float(threshold[ir])
                ir += 1
            threshold[il] = p
            values[il * 2] = i
            il += 1
        for i in range(ir, n):
            values[i * 2 + 1] = 0
        assert (values < len(threshold)).all()
        self.threshold = threshold
        self.values = values

    @property
    def use_gpu(self):
        """True when the tables are on a GPU."""
        return getattr(self.device, 'platform', None) == 'gpu'

    def device_resident_accept(self, visitor):
        super(WalkerAlias, self).device_resident_accept(visitor)
        self.threshold = visitor.visit_array(self.threshold)
        self.values = visitor.visit_array(self.values)

    def sample(self, shape):
        """Draws an int32 array of ``shape`` from the distribution.

        Args:
            shape (int or tuple of ints): the shape of the result.

        Returns:
            A ``numpy.ndarray`` when the sampler is on ``'@numpy'``, else a
            ``jax.Array`` on the sampler's device (a traced value inside
            ``chainerjax.jit``).
        """
        if isinstance(shape, (int, numpy.integer)):
            shape = (int(shape),)
        shape = tuple(int(s) for s in shape)
        out = _alias_sample_kernel(
            _random.next_key(), self.threshold, self.values, shape)
        if self.device._is_numpy and not isinstance(out, jax.core.Tracer):
            return numpy.array(out)
        return out

    def sample_xp(self, xp, shape):
        """Draws a sample with ``xp``: with ``numpy``, from NumPy's global
        generator (exactly as Chainer on the CPU); with ``jax.numpy``, as
        :meth:`sample`."""
        if xp is not numpy:
            return self.sample(shape)
        threshold = numpy.asarray(self.threshold)
        values = numpy.asarray(self.values)
        thr_dtype = threshold.dtype
        pb = numpy.random.uniform(0, len(threshold), shape)
        index = pb.astype(numpy.int32)
        left_right = (threshold[index]
                      < (pb.astype(thr_dtype) - index.astype(thr_dtype)))
        return values[index * 2 + left_right.astype(numpy.int32)]

    def sample_gpu(self, shape):
        """Same as :meth:`sample` (chainerjax has no separate GPU kernel)."""
        return self.sample(shape)

