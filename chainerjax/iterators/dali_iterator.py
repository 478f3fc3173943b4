"""``chainer.iterators.DaliIterator`` (not supported)."""
from chainerjax.dataset import iterator


class DaliIterator(iterator.Iterator):
    """Iterator over an NVIDIA DALI pipeline: not supported on chainerjax.

    Chainer's ``DaliIterator`` runs a DALI pipeline that produces CuPy
    arrays on the GPU; chainerjax has no CuPy, and DALI's JAX plugin has a
    different interface. Constructing it raises ``NotImplementedError``.
    Load the data with :class:`MultithreadIterator` (or
    :class:`MultiprocessIterator`) and a dataset doing the decoding and
    augmentation instead.

    Args:
        pipeline: a DALI pipeline.
        repeat (bool): loop forever.
    """

    # Counted as missing in docs/api_coverage.md: it cannot work on JAX.
    _chainerjax_unsupported = True

    def __init__(self, pipeline, repeat=True):
        raise NotImplementedError(
            'DaliIterator: NVIDIA DALI is not supported on chainerjax (the '
            'DALI pipelines of Chainer produce CuPy arrays, which chainerjax '
            'does not use). Use chainer.iterators.MultithreadIterator (or '
            'MultiprocessIterator) with a dataset that decodes and augments '
            'the examples instead.')
