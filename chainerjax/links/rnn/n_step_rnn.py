"""Stacked RNN links over lists of sequences (``chainer.links.NStepRNNTanh``,
``NStepRNNReLU``, ``NStepBiRNNTanh``, ``NStepBiRNNReLU`` and their base
``NStepRNNBase``)."""
import numpy

from chainerjax.functions.array import permutate
from chainerjax.functions.array import transpose_sequence
from chainerjax.functions.rnn import n_step_rnn as rnn
from chainerjax import initializers
from chainerjax import link
from chainerjax import variable


def argsort_list_descent(lst):
    """Returns the int32 indices that sort ``lst`` by decreasing length."""
    return numpy.argsort([-len(x) for x in lst]).astype(numpy.int32)


def permutate_list(lst, indices, inv):
    """Returns ``lst`` permuted by ``indices`` (``ret[i] = lst[indices[i]]``,
    or ``ret[indices[i]] = lst[i]`` if ``inv``)."""
    ret = [None] * len(lst)
    if inv:
        for i, ind in enumerate(indices):
            ret[ind] = lst[i]
    else:
        for i, ind in enumerate(indices):
            ret[i] = lst[ind]
    return ret


def _check_kwargs(kwargs, **messages):
    for key, message in messages.items():
        if key in kwargs:
            raise ValueError(message)
    if kwargs:
        raise TypeError('got unexpected keyword argument(s) {}'.format(
            ', '.join(repr(k) for k in sorted(kwargs))))


class NStepRNNBase(link.ChainList):
    """__init__(self, n_layers, in_size, out_size, dropout, \
*, initialW=None, initial_bias=None)

    The base of the stacked RNN links: one child :class:`~chainerjax.Link`
    per layer and direction (``self[layer * n_directions + direction]``),
    holding the weights ``w0 .. w{n_weights-1}`` and the biases
    ``b0 .. b{n_weights-1}`` used by the matching ``n_step_*`` function.
    The first half of the weights of each child multiplies the input: they
    are ``(out_size, in_size)`` in the first layer and
    ``(out_size, n_directions * out_size)`` above; the others are
    ``(out_size, out_size)``.

    A subclass sets ``n_weights`` and ``use_bi_direction`` and defines
    :meth:`rnn` and :attr:`n_cells`.

    Args:
        n_layers (int): the number of layers.
        in_size (int): the size of the input vectors.
        out_size (int): the size of the hidden states and outputs.
        dropout (float): the dropout ratio (between the layers).
        initialW: initializer of the weights (an initializer, array or
            scalar); default :class:`~chainerjax.initializers.LeCunNormal`.
        initial_bias: initializer of the biases; default 0.

    Attributes:
        ws (list of list of ~chainerjax.Parameter): ``ws[k][j]`` is the
            weight ``w{j}`` of child ``k``.
        bs (list of list of ~chainerjax.Parameter): the biases, likewise.
    """

    def __init__(self, n_layers, in_size, out_size, dropout,
                 *, initialW=None, initial_bias=None, **kwargs):
        if kwargs:
            _check_kwargs(
                kwargs,
                use_cudnn='use_cudnn argument is not supported anymore. '
                'Use chainer.using_config',
                use_bi_direction='use_bi_direction is not supported anymore',
                activation='activation is not supported anymore')
        direction = 2 if self.use_bi_direction else 1
        W_initializer = initializers._get_initializer(initialW)
        if initial_bias is None:
            initial_bias = 0
        bias_initializer = initializers._get_initializer(initial_bias)
        weights = []
        # Created in Chainer's order (w0, b0, w1, b1, ...), so that the same
        # NumPy seed gives the same initial values.
        for i in range(n_layers):
            for di in range(direction):
                weight = link.Link()
                with weight.init_scope():
                    for j in range(self.n_weights):
                        if j >= self.n_weights // 2:
                            w_in = out_size
                        elif i == 0:
                            w_in = in_size
                        else:
                            w_in = out_size * direction
                        w = variable.Parameter(W_initializer,
                                               (out_size, w_in))
                        b = variable.Parameter(bias_initializer, out_size)
                        setattr(weight, 'w%d' % j, w)
                        setattr(weight, 'b%d' % j, b)
                weights.append(weight)
        super(NStepRNNBase, self).__init__(*weights)
        self._collect_params()
        self.n_layers = n_layers
        self.dropout = dropout
        self.out_size = out_size
        self.direction = direction

    def _collect_params(self):
        self.ws = [[getattr(layer, 'w%d' % i) for i in range(self.n_weights)]
                   for layer in self]
        self.bs = [[getattr(layer, 'b%d' % i) for i in range(self.n_weights)]
                   for layer in self]

    def copy(self, mode='share'):
        ret = super(NStepRNNBase, self).copy(mode)
        ret._collect_params()
        return ret

    def init_hx(self, xs):
        """Returns zero initial states for the list of sequences ``xs``."""
        shape = (self.n_layers * self.direction, len(xs), self.out_size)
        return variable.Variable(self.device.send(
            numpy.zeros(shape, dtype=xs[0].dtype)))

    def rnn(self, *args):
        """Calls the ``n_step_*`` function (defined by the subclasses)."""
        raise NotImplementedError

    @property
    def n_cells(self):
        """The number of states (1, or 2 for LSTMs: ``h`` and ``c``)."""
        raise NotImplementedError

    def forward(self, hx, xs, **kwargs):
        """forward(self, hx, xs)

        Runs the stack over a list of sequences.

        Args:
            hx (~chainerjax.Variable or None): the initial hidden states, of
                shape ``(S, B, N)`` (``(2S, B, N)`` if bi-directional) where
                ``S`` is ``n_layers``, ``B`` the number of sequences and
                ``N`` is ``out_size``; None for zeros.
            xs (list of ~chainerjax.Variable): the ``B`` sequences, in any
                order: ``xs[i]`` is ``(L_i, I)``.

        Returns:
            tuple: ``(hy, ys)``: the last hidden states (shape of ``hx``)
            and the list of the outputs ``ys[i]`` of shape ``(L_i, N)``
            (``(L_i, 2N)`` if bi-directional).
        """
        (hy,), ys = self._call([hx], xs, **kwargs)
        return hy, ys

    def _call(self, hs, xs, **kwargs):
        # Sorts the sequences by decreasing length, runs the function on
        # the time-major steps and puts everything back in the given order.
        if kwargs:
            _check_kwargs(
                kwargs, train='train argument is not supported anymore. '
                'Use chainer.using_config')
        assert isinstance(xs, (list, tuple))
        indices = argsort_list_descent(xs)
        xs = permutate_list(xs, indices, inv=False)
        hxs = []
        for hx in hs:
            if hx is None:
                hx = self.init_hx(xs)
            else:
                hx = permutate.permutate(hx, indices, axis=1, inv=False)
            hxs.append(hx)
        trans_x = transpose_sequence.transpose_sequence(xs)
        args = [self.n_layers, self.dropout] + hxs + \
            [self.ws, self.bs, trans_x]
        result = self.rnn(*args)
        hys = [permutate.permutate(h, indices, axis=1, inv=True)
               for h in result[:-1]]
        ys = transpose_sequence.transpose_sequence(result[-1])
        ys = permutate_list(ys, indices, inv=True)
        return hys, ys


class NStepRNNTanh(NStepRNNBase):
    """__init__(self, n_layers, in_size, out_size, dropout, \
*, initialW=None, initial_bias=None)

    Stacked uni-directional ``tanh`` RNN over a list of sequences
    (:func:`~chainerjax.functions.n_step_rnn`). The sequences may come in
    any order and lengths: the link sorts and transposes them.

    Args:
        n_layers (int): the number of layers.
        in_size (int): the size of the input vectors.
        out_size (int): the size of the hidden states and outputs.
        dropout (float): the dropout ratio (between the layers).
        initialW: initializer of the weights (default LeCunNormal).
        initial_bias: initializer of the biases (default 0).

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> rnn = L.NStepRNNTanh(2, 3, 4, 0.0)
        >>> xs = [np.ones((n, 3), np.float32) for n in (2, 5, 1)]
        >>> hy, ys = rnn(None, xs)
        >>> hy.shape, [y.shape for y in ys]
        ((2, 3, 4), [(2, 4), (5, 4), (1, 4)])
    """

    n_weights = 2
    use_bi_direction = False

    def rnn(self, *args):
        return rnn.n_step_rnn(*args, activation='tanh')

    @property
    def n_cells(self):
        return 1


class NStepRNNReLU(NStepRNNBase):
    """__init__(self, n_layers, in_size, out_size, dropout, \
*, initialW=None, initial_bias=None)

    Stacked uni-directional ``relu`` RNN over a list of sequences
    (:func:`~chainerjax.functions.n_step_rnn` with ``activation='relu'``);
    the arguments are :class:`NStepRNNTanh`'s.
    """

    n_weights = 2
    use_bi_direction = False

    def rnn(self, *args):
        return rnn.n_step_rnn(*args, activation='relu')

    @property
    def n_cells(self):
        return 1


class NStepBiRNNTanh(NStepRNNBase):
    """__init__(self, n_layers, in_size, out_size, dropout, \
*, initialW=None, initial_bias=None)

    Stacked bi-directional ``tanh`` RNN over a list of sequences
    (:func:`~chainerjax.functions.n_step_birnn`); the arguments are
    :class:`NStepRNNTanh`'s. The outputs are ``(L_i, 2 * out_size)``.
    """

    n_weights = 2
    use_bi_direction = True

    def rnn(self, *args):
        return rnn.n_step_birnn(*args, activation='tanh')

    @property
    def n_cells(self):
        return 1


class NStepBiRNNReLU(NStepRNNBase):
    """__init__(self, n_layers, in_size, out_size, dropout, \
*, initialW=None, initial_bias=None)

    Stacked bi-directional ``relu`` RNN over a list of sequences
    (:func:`~chainerjax.functions.n_step_birnn` with
    ``activation='relu'``); the arguments are :class:`NStepRNNTanh`'s.
    """

    n_weights = 2
    use_bi_direction = True

    def rnn(self, *args):
        return rnn.n_step_birnn(*args, activation='relu')

    @property
    def n_cells(self):
        return 1
