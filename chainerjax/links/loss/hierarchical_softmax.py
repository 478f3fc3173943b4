"""Hierarchical softmax over a binary tree
(``chainer.links.BinaryHierarchicalSoftmax``)."""
import copy
import heapq

import jax.numpy as jnp
import numpy

from chainerjax import configuration
from chainerjax import device_resident
from chainerjax import function_node
from chainerjax.initializers import uniform
from chainerjax import link
from chainerjax.utils import type_check
from chainerjax import variable


class TreeParser(object):
    """Numbers the internal nodes of a binary tree (depth first, from 0)
    and records, for each leaf, the internal nodes on its path (``paths``)
    and the branch taken at each (``codes``: 1 left, -1 right).

    Args:
        dtype: the dtype of the codes.
    """

    def __init__(self, dtype):
        self.next_id = 0
        self.dtype = dtype

    def size(self):
        """The number of internal nodes."""
        return self.next_id

    def get_paths(self):
        return self.paths

    def get_codes(self):
        return self.codes

    def parse(self, tree):
        """Parses ``tree``, a leaf or a pair ``(left, right)`` of trees."""
        self.next_id = 0
        self.path = []
        self.code = []
        self.paths = {}
        self.codes = {}
        self._parse(tree)
        assert len(self.path) == 0
        assert len(self.code) == 0
        assert len(self.paths) == len(self.codes)

    def _parse(self, node):
        if isinstance(node, tuple):
            if len(node) != 2:
                raise ValueError(
                    'All internal nodes must have two child nodes')
            left, right = node
            self.path.append(self.next_id)
            self.next_id += 1
            self.code.append(1.0)
            self._parse(left)
            self.code[-1] = -1.0
            self._parse(right)
            self.path.pop()
            self.code.pop()
        else:
            self.paths[node] = numpy.array(self.path, dtype=numpy.int32)
            self.codes[node] = numpy.array(self.code, dtype=self.dtype)


class BinaryHierarchicalSoftmaxFunction(device_resident.DeviceResident,
                                        function_node.FunctionNode):
    """The loss ``sum_i sum_{(e, b) in path(t_i)} log(1 + exp(-b w_e .
    x_i))`` over a binary tree (see :class:`BinaryHierarchicalSoftmax`).

    The tree is parsed once; the link applies a copy of this object at
    every forward. Inputs ``x`` (float ``(N, D)``), ``t`` (int32 ``(N,)``)
    and ``W`` (``(n_internal_nodes, D)``); the output is a scalar.

    Args:
        tree: a binary tree of tuples, e.g. ``((1, 2), 3)``.
        dtype: the dtype of the codes.

    Attributes:
        paths (array): int32, the internal nodes of every leaf's path,
            concatenated in the order of the leaves.
        codes (array): the branch signs, laid out as ``paths``.
        begins (array): int32 ``(n_vocab + 1,)``, where each leaf's path
            starts in ``paths``.
        parser_size (int): the number of internal nodes.
    """

    def __init__(self, tree, dtype):
        device_resident.DeviceResident.__init__(self)
        parser = TreeParser(dtype)
        parser.parse(tree)
        paths = parser.get_paths()
        codes = parser.get_codes()
        n_vocab = max(paths.keys()) + 1

        self.paths = numpy.concatenate(
            [paths[i] for i in range(n_vocab) if i in paths])
        self.codes = numpy.concatenate(
            [codes[i] for i in range(n_vocab) if i in codes])
        begins = numpy.empty((n_vocab + 1,), dtype=numpy.int32)
        begins[0] = 0
        for i in range(n_vocab):
            length = len(paths[i]) if i in paths else 0
            begins[i + 1] = begins[i] + length
        self.begins = begins
        self.parser_size = parser.size()

        # The same tables padded to the longest path, one row per leaf
        # (padding has code 0), so that a batch is gathered at once.
        max_len = max([len(p) for p in paths.values()] + [1])
        padded_paths = numpy.zeros((n_vocab, max_len), numpy.int32)
        padded_codes = numpy.zeros((n_vocab, max_len), self.codes.dtype)
        for i in range(n_vocab):
            if i in paths:
                padded_paths[i, :len(paths[i])] = paths[i]
                padded_codes[i, :len(codes[i])] = codes[i]
        self._padded_paths = padded_paths
        self._padded_codes = padded_codes

    def device_resident_accept(self, visitor):
        super(BinaryHierarchicalSoftmaxFunction, self).device_resident_accept(
            visitor)
        self.paths = visitor.visit_array(self.paths)
        self.codes = visitor.visit_array(self.codes)
        self.begins = visitor.visit_array(self.begins)
        self._padded_paths = visitor.visit_array(self._padded_paths)
        self._padded_codes = visitor.visit_array(self._padded_codes)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't', 'W'))
        x_type, t_type, w_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 2,
            t_type.dtype == numpy.int32,
            t_type.ndim == 1,
            x_type.shape[0] == t_type.shape[0],
            w_type.dtype == x_type.dtype,
            w_type.ndim == 2,
            w_type.shape[0] == self.parser_size,
            w_type.shape[1] == x_type.shape[1],
        )

    def forward(self, inputs):
        x, t, W = inputs
        dtype = x.dtype
        paths = self._padded_paths[t]                      # (N, L)
        codes = self._padded_codes[t].astype(dtype)        # (N, L)
        wx = jnp.einsum('nld,nd->nl', W[paths], x)
        # log(1 + exp(-code * w.x)) on the real steps of each path
        loss = jnp.logaddexp(jnp.zeros((), dtype), -wx * codes)
        loss = jnp.where(codes != 0, loss, jnp.zeros((), dtype))
        return jnp.sum(loss).astype(dtype),

    def __call__(self, x, t, W):
        """Applies the function: returns the loss Variable."""
        return self.apply((x, t, W))[0]


class BinaryHierarchicalSoftmax(link.Link):
    """Hierarchical softmax layer over a binary tree.

    Each word is a leaf of a binary tree; the probability of a word ``x``
    is the product, over the internal nodes ``e_i`` on its path and the
    branches ``b_i`` (1 left, -1 right) taken, of ``sigmoid(b_i x^T
    w_{e_i})``. The loss is the summed negative log-likelihood of the
    targets, which costs ``O(log n)`` per word for a balanced tree (see
    :meth:`create_huffman_tree`).

    See: Morin and Bengio, Hierarchical Probabilistic Neural Network
    Language Model, AISTATS 2005.

    Args:
        in_size (int): the size of the input vectors.
        tree: a binary tree of tuples whose leaves are the word ids, e.g.
            ``((0, 1), 2)``.
        dtype: the dtype of the branch codes (default
            ``chainer.config.dtype``).

    Attributes:
        W (~chainerjax.Parameter): ``(n_internal_nodes, in_size)``, drawn
            from ``Uniform(1)``.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> tree = L.BinaryHierarchicalSoftmax.create_huffman_tree(
        ...     {0: 8, 1: 5, 2: 6, 3: 4})
        >>> tree
        ((3, 1), (2, 0))
        >>> hsm = L.BinaryHierarchicalSoftmax(2, tree)
        >>> hsm(np.ones((2, 2), np.float32),
        ...     np.array([0, 3], np.int32)).shape
        ()
    """

    def __init__(self, in_size, tree, dtype=None):
        super(BinaryHierarchicalSoftmax, self).__init__()
        dtype = configuration.get_dtype(dtype)
        self._func = BinaryHierarchicalSoftmaxFunction(tree, dtype)
        with self.init_scope():
            self.W = variable.Parameter(uniform.Uniform(1),
                                        (self._func.parser_size, in_size))

    def device_resident_accept(self, visitor):
        super(BinaryHierarchicalSoftmax, self).device_resident_accept(
            visitor)
        self._func.device_resident_accept(visitor)

    @staticmethod
    def create_huffman_tree(word_counts):
        """Makes a Huffman tree from word counts.

        The two least frequent subtrees are merged until one is left (ties
        are broken by the order of ``word_counts``), e.g. ``{0: 8, 1: 5,
        2: 6, 3: 4}`` gives ``((3, 1), (2, 0))``.

        Args:
            word_counts (dict): word id to count (int or float).

        Returns:
            The tree, of tuples whose leaves are the keys of
            ``word_counts``.

        Raises:
            ValueError: if ``word_counts`` is empty.
        """
        if not word_counts:
            raise ValueError('Empty vocabulary')
        # (count, id, subtree); the id (the smallest of the merged ones)
        # breaks ties, so subtrees are never compared.
        q = [(c, uid, w) for uid, (w, c) in enumerate(word_counts.items())]
        heapq.heapify(q)
        while len(q) >= 2:
            count1, id1, word1 = heapq.heappop(q)
            count2, id2, word2 = heapq.heappop(q)
            heapq.heappush(q, (count1 + count2, min(id1, id2),
                               (word1, word2)))
        return q[0][2]

    def forward(self, x, t):
        """Computes the loss.

        Args:
            x (Variable or array): the inputs ``(N, in_size)``.
            t (Variable or array): the int32 target words ``(N,)``.

        Returns:
            ~chainerjax.Variable: the loss (summed over the batch).
        """
        f = copy.copy(self._func)
        return f(x, t, self.W)
