"""Embedding layer (``chainer.links.EmbedID``)."""
from chainerjax.functions.connection import embed_id
from chainerjax.initializers import normal
from chainerjax import link
from chainerjax import variable


class EmbedID(link.Link):
    """Maps integer IDs to vectors: row ``x`` of the matrix ``W``.

    Args:
        in_size (int): the number of IDs (rows of ``W``).
        out_size (int): the vector size (columns of ``W``).
        initialW: the initializer of ``W``; default
            :class:`~chainerjax.initializers.Normal` with scale 1.
        ignore_label (int or None): the ID mapped to a zero vector.

    Attributes:
        W (~chainerjax.Parameter): the embedding matrix, of shape
            ``(in_size, out_size)``.
        ignore_label (int or None): as given.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> embed = L.EmbedID(5, 3)
        >>> embed(np.array([[0, 4], [1, 1]], np.int32)).shape
        (2, 2, 3)
    """

    ignore_label = None

    def __init__(self, in_size, out_size, initialW=None, ignore_label=None):
        super(EmbedID, self).__init__()
        self.ignore_label = ignore_label
        with self.init_scope():
            if initialW is None:
                initialW = normal.Normal(1.0)
            self.W = variable.Parameter(initialW, (in_size, out_size))

    @classmethod
    def from_params(cls, W, ignore_label=None):
        """Builds an EmbedID link from the matrix ``W``
        (``(in_size, out_size)``)."""
        in_size, out_size = W.shape
        return cls(in_size, out_size, initialW=variable.as_array(W),
                   ignore_label=ignore_label)

    def forward(self, x):
        """Returns the vectors of the IDs ``x`` (shape ``x.shape +
        (out_size,)``)."""
        return embed_id.embed_id(x, self.W, ignore_label=self.ignore_label)
