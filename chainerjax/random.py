"""chainerjax's random stream (a chainerjax addition; Chainer has none).

``chainerjax.random.seed(n)`` makes dropout and the other random functions
reproducible with an explicit JAX key chain; without it, keys are drawn from
NumPy's global generator, so ``numpy.random.seed(n)`` works as in Chainer.
"""
from chainerjax._random import get_state  # NOQA
from chainerjax._random import next_key  # NOQA
from chainerjax._random import reset  # NOQA
from chainerjax._random import seed  # NOQA
from chainerjax._random import set_state  # NOQA
