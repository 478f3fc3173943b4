"""Softmax followed by cross entropy."""
import jax
import jax.numpy as jnp
import numpy

from chainerjax import configuration
from chainerjax import function_node
from chainerjax import variable
from chainerjax.utils import type_check


def _check_input_values(x, t, ignore_label):
    t = numpy.asarray(t)
    if not (((0 <= t) & (t < x.shape[1])) | (t == ignore_label)).all():
        raise ValueError('Each label `t` need to satisfy '
                         '`0 <= t < x.shape[1] or t == %d`' % ignore_label)


class SoftmaxCrossEntropy(function_node.FunctionNode):
    """Softmax activation followed by a cross entropy loss."""

    normalize = True
    # Chainer gives soft targets no gradient.
    _no_grad_inputs = (1,)
    y = None
    soft_target = False
    eps = 1e-7

    def __init__(self, normalize=True, cache_score=True, class_weight=None,
                 ignore_label=-1, reduce='mean',
                 soft_target_loss='cross-entropy'):
        self.normalize = normalize
        self.cache_score = cache_score
        if class_weight is not None:
            if class_weight.ndim != 1:
                raise ValueError('class_weight.ndim should be 1')
            if class_weight.dtype.kind != 'f':
                raise ValueError('The dtype of class_weight should be \'f\'')
            if isinstance(class_weight, variable.Variable):
                raise ValueError('class_weight should be a numpy.ndarray or '
                                 'jax.Array, not a chainer.Variable')
        self.class_weight = class_weight
        self.ignore_label = ignore_label
        if reduce not in ('mean', 'no'):
            raise ValueError(
                'only \'mean\' and \'no\' are valid for \'reduce\', but '
                '\'%s\' is given' % reduce)
        self.reduce = reduce
        self.soft_target_loss = soft_target_loss

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        if t_type.dtype.kind == 'i':
            type_check.expect(
                x_type.dtype.kind == 'f',
                t_type.dtype.kind == 'i',
                t_type.ndim == x_type.ndim - 1,
                x_type.shape[0] == t_type.shape[0],
                x_type.shape[2:] == t_type.shape[1:],
            )
        else:
            type_check.expect(
                x_type.dtype.kind == 'f',
                t_type.dtype.kind == 'f',
                x_type.shape == t_type.shape,
            )

    def forward(self, inputs):
        x, t = inputs
        log_y = jax.nn.log_softmax(x, axis=1)
        if x.ndim == t.ndim and x.shape == t.shape:
            return self._soft_target(x, t, log_y)
        if self.class_weight is not None:
            shape = [1] * x.ndim
            shape[1] = -1
            cw = jnp.asarray(self.class_weight).astype(x.dtype)
            # numpy's ValueError for a weight of the wrong length, as
            # Chainer, which broadcasts the weight with numpy.
            numpy.broadcast_to(
                numpy.broadcast_to(False, cw.shape).reshape(shape), x.shape)
            log_y = log_y * jnp.reshape(cw, shape)
        valid = t != self.ignore_label
        t_safe = jnp.where(valid, t, 0)
        log_p = jnp.take_along_axis(
            log_y, jnp.expand_dims(t_safe, 1), axis=1)
        log_p = jnp.squeeze(log_p, 1) * valid.astype(x.dtype)
        if self.reduce == 'mean':
            if self.normalize:
                count = jnp.sum(valid)
            else:
                count = x.shape[0]
            coeff = 1.0 / jnp.maximum(count, 1)
            acc = numpy.float32 if x.dtype == numpy.float16 else x.dtype
            y = jnp.sum(log_p, dtype=acc) * (-coeff).astype(acc)
            return y.astype(x.dtype),
        return jnp.where(valid, -log_p, jnp.zeros((), x.dtype)),

    def _soft_target(self, x, t, log_y):
        if self.soft_target_loss == 'kl-divergence':
            ret = jnp.sum(t * (jnp.log(t + self.eps) - log_y), axis=1)
        else:
            ret = -jnp.sum(t * log_y, axis=1)
        if self.reduce == 'mean':
            coeff = 1.0 / (x.size / x.shape[1])
            return (jnp.sum(ret) * x.dtype.type(coeff)).astype(x.dtype),
        return ret,


def softmax_cross_entropy(
        x, t, normalize=True, cache_score=True, class_weight=None,
        ignore_label=-1, reduce='mean', enable_double_backprop=False,
        soft_target_loss='cross-entropy'):
    """Softmax cross entropy loss of scores ``x`` and labels ``t``.

    Args:
        x (Variable or array): scores of shape ``(N, C, ...)``.
        t (Variable or array): int labels of shape ``(N, ...)``, or soft
            targets of the shape of ``x``.
        normalize (bool): with ``reduce='mean'``, divide by the number of
            non-ignored labels (True) or by the batch size (False).
        cache_score (bool): accepted for compatibility (no effect).
        class_weight (array): per-class weights of shape ``(C,)``.
        ignore_label (int): label value that contributes nothing.
        reduce (str): ``'mean'`` (a scalar) or ``'no'`` (per element).
        enable_double_backprop (bool): accepted; double backprop always
            works in chainerjax.
        soft_target_loss (str): ``'cross-entropy'`` or ``'kl-divergence'``.

    Returns:
        ~chainerjax.Variable: the loss.
    """
    if soft_target_loss not in ('cross-entropy', 'kl-divergence'):
        raise ValueError('soft_target_loss must be \'cross-entropy\' or '
                         '\'kl-divergence\'.')
    if configuration.config.debug:
        xa = variable.as_array(x)
        ta = variable.as_array(t)
        if getattr(ta, 'dtype', None) is not None and ta.dtype.kind == 'i' \
                and not isinstance(ta, jax.core.Tracer):
            _check_input_values(xa, ta, ignore_label)
    func = SoftmaxCrossEntropy(normalize, cache_score, class_weight,
                               ignore_label, reduce, soft_target_loss)
    loss, = func.apply((x, t))
    return loss
