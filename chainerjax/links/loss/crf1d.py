"""Linear-chain CRF loss layer (``chainer.links.CRF1d``)."""
import numpy

from chainerjax.functions.array import transpose_sequence
from chainerjax.functions.loss import crf1d
from chainerjax import initializers
from chainerjax import link
from chainerjax import variable


def _argsort_list_descent(lst):
    # The order that sorts the sequences by decreasing length (as
    # chainer.links.rnn.n_step_rnn.argsort_list_descent).
    return numpy.argsort([-len(x) for x in lst]).astype(numpy.int32)


def _permutate_list(lst, indices, inv):
    ret = [None] * len(lst)
    if inv:
        for i, ind in enumerate(indices):
            ret[ind] = lst[i]
    else:
        for i, ind in enumerate(indices):
            ret[i] = lst[ind]
    return ret


class CRF1d(link.Link):
    """Linear-chain conditional random field loss layer.

    Holds the transition costs ``cost[i, j]`` (from label ``i`` to label
    ``j``); see :func:`~chainerjax.functions.crf1d`.

    Args:
        n_label (int): the number of labels.
        initial_cost: the initializer of ``cost`` (default 0).

    Attributes:
        cost (~chainerjax.Parameter): ``(n_label, n_label)``.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> crf = L.CRF1d(3)
        >>> xs = [np.zeros((2, 3), np.float32)] * 4   # 4 steps, batch 2
        >>> ys = [np.zeros(2, np.int32)] * 4
        >>> bool(np.isclose(crf(xs, ys).array, 4 * np.log(3)))
        True
    """

    def __init__(self, n_label, initial_cost=None):
        super(CRF1d, self).__init__()
        if initial_cost is None:
            initial_cost = initializers.constant.Zero()
        with self.init_scope():
            self.cost = variable.Parameter(initializer=initial_cost,
                                           shape=(n_label, n_label))

    def forward(self, xs, ys, reduce='mean', transpose=False):
        """Computes the negative log-likelihood of the label sequences.

        Args:
            xs (list of Variable or array): the scores: one ``(B_t,
                n_label)`` array per time step (time-major, batch sizes not
                increasing), or, with ``transpose``, one ``(T_i, n_label)``
                array per sequence (batch-major, any order).
            ys (list of Variable or array): the int labels, laid out as
                ``xs``.
            reduce (str): ``'mean'`` or ``'no'``.
            transpose (bool): ``xs`` and ``ys`` are batch-major: they are
                sorted by decreasing length and transposed first.

        Returns:
            ~chainerjax.Variable: the loss.
        """
        if transpose:
            indices = _argsort_list_descent(xs)
            xs = _permutate_list(xs, indices, inv=False)
            ys = _permutate_list(ys, indices, inv=False)
            trans_x = transpose_sequence.transpose_sequence(xs)
            trans_y = transpose_sequence.transpose_sequence(ys)
            return crf1d.crf1d(self.cost, trans_x, trans_y, reduce)
        return crf1d.crf1d(self.cost, xs, ys, reduce)

    def argmax(self, xs, transpose=False):
        """Finds the most probable label sequences (Viterbi).

        Args:
            xs (list of Variable or array): the scores (see
                :meth:`forward`).
            transpose (bool): ``xs`` is batch-major (see :meth:`forward`);
                the path is then returned batch-major in the given order.

        Returns:
            tuple: ``(score, path)``: the Variable of the best scores and the
            list of int arrays of the best labels.
        """
        if transpose:
            indices = _argsort_list_descent(xs)
            xs = _permutate_list(xs, indices, inv=False)
            trans_x = transpose_sequence.transpose_sequence(xs)
            score, path = crf1d.argmax_crf1d(self.cost, trans_x)
            path = transpose_sequence.transpose_sequence(path)
            path = [p.array for p in path]
            path = _permutate_list(path, indices, inv=True)
        else:
            score, path = crf1d.argmax_crf1d(self.cost, xs)
        return score, path
