"""Collection of :class:`~chainerjax.Link` implementations
(``chainer.links``)."""
from chainerjax import _missing
from chainerjax.links.connection.linear import Linear  # NOQA

__getattr__ = _missing.module_getattr(__name__)
