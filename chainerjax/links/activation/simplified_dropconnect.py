"""Linear layer with simplified DropConnect
(``chainer.links.SimplifiedDropconnect``)."""
import numpy

from chainerjax.functions.noise import simplified_dropconnect
from chainerjax import initializers
from chainerjax import link
from chainerjax import variable


class SimplifiedDropconnect(link.Link):
    """Fully-connected layer whose weights are dropped at random
    (:func:`~chainerjax.functions.simplified_dropconnect`).

    Holds ``W`` of shape ``(out_size, in_size)`` and ``b`` of shape
    ``(out_size,)``. With ``in_size=None`` ``W`` is initialized at the first
    forward.

    .. note::
       As in Chainer, this is not the paper's DropConnect: the weights are
       averaged before the activation instead of sampling a Gaussian.

    Args:
        in_size (int or None): the input size; None for lazy
            initialization.
        out_size (int): the output size.
        ratio (float): the dropping ratio.
        nobias (bool): no bias if True.
        initialW: the weight initializer; default
            :class:`~chainerjax.initializers.HeNormal` with scale
            ``1 / sqrt(2)``.
        initial_bias: the bias initializer; default 0.

    Attributes:
        W (~chainerjax.Parameter): the weight.
        b (~chainerjax.Parameter): the bias, or None.
        mask: the mask given to the first call with ``mask`` (a persistent
            value, so it is serialized).

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> link = L.SimplifiedDropconnect(3, 2)
        >>> link(np.ones((4, 3), np.float32)).shape
        (4, 2)
    """

    def __init__(self, in_size, out_size, ratio=.5, nobias=False,
                 initialW=None, initial_bias=None):
        super(SimplifiedDropconnect, self).__init__()
        self.out_size = out_size
        self.ratio = ratio
        if initialW is None:
            initialW = initializers.HeNormal(1. / numpy.sqrt(2))
        with self.init_scope():
            self.W = variable.Parameter(
                initializers._get_initializer(initialW))
            if in_size is not None:
                self._initialize_params(in_size)
            if nobias:
                self.b = None
            else:
                if initial_bias is None:
                    initial_bias = initializers.Constant(0)
                self.b = variable.Parameter(
                    initializers._get_initializer(initial_bias), out_size)

    def _initialize_params(self, in_size):
        self.W.initialize((self.out_size, in_size))

    def forward(self, x, train=True, mask=None, use_batchwise_mask=True):
        """Applies the layer.

        Args:
            x: the input of shape ``(n, ...)`` (flattened per sample).
            train (bool): if False, nothing is dropped.
            mask: a mask of shape ``(n, out_size, in_size)`` (with
                ``use_batchwise_mask``) or ``(out_size, in_size)``; None to
                draw one. The first given mask is registered as the
                persistent value ``mask``.
            use_batchwise_mask (bool): a different mask for each sample.

        Returns:
            ~chainerjax.Variable: the output of shape ``(n, out_size)``.
        """
        if self.W.array is None:
            self._initialize_params(int(x.size) // len(x))
        if mask is not None and 'mask' not in self.__dict__:
            self.add_persistent('mask', mask)
        return simplified_dropconnect.simplified_dropconnect(
            x, self.W, self.b, self.ratio, train, mask, use_batchwise_mask)
