"""A link holding one array (``chainer.links.Parameter``)."""
import numpy

from chainerjax import backend
from chainerjax.functions.math import identity
from chainerjax import link


class Parameter(link.Link):
    """A link that holds one parameter ``W`` and returns it when called.

    .. deprecated:: v1.5 (in Chainer)
       Parameters are Variables; use them directly.

    Args:
        array: the initial array; ``W`` takes this very array (not a copy),
            and lives on its device.

    Attributes:
        W (~chainerjax.Parameter): the parameter.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> link = L.Parameter(np.zeros((2, 3), np.float32))
        >>> link().shape
        (2, 3)
    """

    def __init__(self, array):
        super(Parameter, self).__init__()
        self.add_param('W', array.shape, dtype=array.dtype)
        self.W.array = array
        if not isinstance(array, numpy.ndarray):
            self.to_device(backend.get_device_from_array(array))

    def forward(self, volatile='off'):
        """Returns a copy of ``W`` connected to it in the graph.

        Args:
            volatile: ignored (Chainer v1's volatility flag; it is stored as
                the ``volatile`` attribute of the intermediate variable, as
                Chainer 7 does).
        """
        W = identity.identity(self.W)
        W.volatile = volatile
        return identity.identity(W)
