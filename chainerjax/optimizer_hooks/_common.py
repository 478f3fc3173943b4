"""Shared machinery of the built-in optimizer hooks.

A per-parameter hook (``call_for_each_param = True``) defines ``_pure(c, p,
g)``: the new gradient from per-parameter scalars ``c`` (a float64 vector),
the parameter and the gradient, written with ``jax.numpy``. Called by an
optimizer, all parameters go through ONE compiled function
(``_call_batched``); called directly as ``hook(rule, param)`` it runs eagerly
on that parameter. A subclass that overrides ``__call__`` is called per
parameter, as in Chainer.
"""
import collections
import functools

import jax
import jax.numpy as jnp
import numpy

_Tracer = jax.core.Tracer


@functools.partial(jax.jit, static_argnums=(0,))
def _apply(pure, consts, ps, gs):
    return [pure(consts[i], p, g) for i, (p, g) in enumerate(zip(ps, gs))]


def _consts_array(rows):
    for row in rows:
        for v in row:
            if isinstance(v, (_Tracer, jax.Array)):
                return jnp.stack([jnp.stack([jnp.asarray(v, jnp.float64)
                                             for v in r]) for r in rows])
    return numpy.array(rows, dtype=numpy.float64)


def set_grad(param, g):
    from chainerjax import variable
    param._grad_var = variable.Variable._from_op(g, param._device, False)


class PerParamHook(object):
    """Base of the built-in per-parameter hooks."""

    call_for_each_param = True
    timing = 'pre'

    def _consts(self, rule, param):
        """Per-parameter scalars passed to ``_pure``."""
        raise NotImplementedError

    @staticmethod
    def _pure(c, p, g):
        raise NotImplementedError

    def _owner(self):
        for c in type(self).__mro__:
            if '_pure' in c.__dict__:
                return c
        return None

    def _call_batched(self, optimizer):
        owner = self._owner()
        if owner is None or type(self).__call__ is not owner.__call__:
            return False
        groups = collections.OrderedDict()
        for param in optimizer.target.params():
            p = param._data
            gv = param._grad_var
            if p is None or gv is None:
                continue
            groups.setdefault(param._device, []).append(param)
        for params in groups.values():
            consts = _consts_array(
                [self._consts(param.update_rule, param) for param in params])
            new = _apply(owner._pure, consts,
                         [param._data for param in params],
                         [param._grad_var._data for param in params])
            for param, g in zip(params, new):
                set_grad(param, g)
        return True

    def __call__(self, rule, param):
        p = param._data
        gv = param._grad_var
        if p is None or gv is None:
            return
        owner = self._owner()
        consts = _consts_array([self._consts(rule, param)])
        set_grad(param, _apply(owner._pure, consts, [p], [gv._data])[0])
