"""Precision, recall, F-score and support per class."""
import jax.numpy as jnp
import numpy

import chainerjax
from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


def _fbeta_score(precision, recall, beta):
    beta_square = beta * beta
    return ((1 + beta_square) * precision * recall /
            (beta_square * precision + recall)).astype(precision.dtype)


class ClassificationSummary(function_node.FunctionNode):
    """Not differentiable: no input gets a gradient. ``label_num`` must be
    known when the node is built (the wrapper reads it from the labels when
    it is None: the output shape depends on it)."""

    _no_grad_inputs = (0, 1)

    def __init__(self, label_num, beta, ignore_label):
        self.label_num = label_num
        self.beta = beta
        self.ignore_label = ignore_label

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            t_type.dtype.kind == 'i'
        )
        t_ndim = type_check.eval(t_type.ndim)
        type_check.expect(
            x_type.ndim >= t_type.ndim,
            x_type.shape[0] == t_type.shape[0],
            x_type.shape[2: t_ndim + 1] == t_type.shape[1:]
        )
        for i in range(t_ndim + 1, type_check.eval(x_type.ndim)):
            type_check.expect(x_type.shape[i] == 1)

    def forward(self, inputs):
        y, t = inputs
        t = t.astype(jnp.int32)
        label_num = self.label_num
        mask = (t == self.ignore_label).ravel()
        pred = jnp.where(mask, label_num,
                         jnp.argmax(y, axis=1).ravel().astype(jnp.int32))
        true = jnp.where(mask, label_num, t.ravel())
        n = label_num + 1
        support = jnp.bincount(true, length=n)[:label_num]
        relevant = jnp.bincount(pred, length=n)[:label_num]
        tp_mask = jnp.where(pred == true, true, label_num)
        tp = jnp.bincount(tp_mask, length=n)[:label_num]
        # int / int divides in float64, as in NumPy.
        precision = tp / relevant
        recall = tp / support
        fbeta = _fbeta_score(precision, recall, self.beta)
        return precision, recall, fbeta, support


def _label_num(t, label_num):
    if label_num is not None:
        if chainerjax.is_debug():
            t_arr = t.array if isinstance(t, variable.Variable) else t
            assert (numpy.asarray(t_arr) < label_num).all()
        return int(label_num)
    t_arr = t.array if isinstance(t, variable.Variable) else t
    return int(numpy.asarray(t_arr).astype(numpy.int32).max()) + 1


def _check_negative(t, ignore_label):
    # numpy.bincount's ValueError for a negative label that is not ignored,
    # as in Chainer on NumPy (jnp.bincount would drop it). Only NumPy arrays
    # are checked: reading a device array would synchronize.
    t_arr = t.array if isinstance(t, variable.Variable) else t
    if not isinstance(t_arr, numpy.ndarray):
        return
    t_arr = t_arr.astype(numpy.int32)
    if ((t_arr < 0) & (t_arr != ignore_label)).any():
        raise ValueError("'list' argument must have no negative elements")


def classification_summary(y, t, label_num=None, beta=1.0, ignore_label=-1):
    """Precision, recall, F-beta score and support of each class.

    Args:
        y (Variable or array): float scores of shape ``(n, c, ...)``.
        t (Variable or array): int labels of shape ``(n, ...)``.
        label_num (int or None): the number of classes (None:
            ``max(t) + 1``, read from the labels on the host).
        beta (float): the weight of recall in the F-score.
        ignore_label (int): labels to leave out.

    Returns:
        tuple of ~chainerjax.Variable: ``(precision, recall, fbeta_score,
        support)``, each of shape ``(label_num,)``; the first three are
        float64 (NaN where undefined), the support is int64, as in Chainer
        on NumPy.
    """
    label_num = _label_num(t, label_num)
    _check_negative(t, ignore_label)
    return ClassificationSummary(label_num, beta, ignore_label).apply((y, t))


def precision(y, t, label_num=None, ignore_label=-1):
    """Per-class precision: returns ``(precision, support)``
    (see :func:`classification_summary`)."""
    ret = classification_summary(y, t, label_num, 1.0, ignore_label)
    return ret[0], ret[-1]


def recall(y, t, label_num=None, ignore_label=-1):
    """Per-class recall: returns ``(recall, support)``
    (see :func:`classification_summary`)."""
    ret = classification_summary(y, t, label_num, 1.0, ignore_label)
    return ret[1], ret[-1]


def fbeta_score(y, t, label_num=None, beta=1.0, ignore_label=-1):
    """Per-class F-beta score: returns ``(fbeta_score, support)``
    (see :func:`classification_summary`)."""
    ret = classification_summary(y, t, label_num, beta, ignore_label)
    return ret[2], ret[-1]


def f1_score(y, t, label_num=None, ignore_label=-1):
    """Per-class F1 score: returns ``(f1_score, support)``
    (see :func:`classification_summary`)."""
    ret = classification_summary(y, t, label_num, 1.0, ignore_label)
    return ret[2], ret[-1]
