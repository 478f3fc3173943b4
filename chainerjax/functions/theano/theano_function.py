"""A compiled Theano function as a differentiable function.

``chainer.functions.theano.theano_function``: the forward and backward are
compiled Theano functions that run on the host on NumPy arrays. Used by
:class:`~chainerjax.links.TheanoFunction`, which builds both from Theano
variables.
"""
import jax
import numpy

from chainerjax import function
from chainerjax.utils import type_check

_Tracer = jax.core.Tracer


def _result_dtypes(theano_func):
    # The dtypes a compiled Theano function returns, from its output types.
    return tuple(numpy.dtype(v.type.dtype)
                 for v in theano_func.maker.fgraph.outputs)


def _run(theano_func, dtypes, arrays):
    outs = theano_func(*[numpy.asarray(a) for a in arrays])
    return tuple(numpy.asarray(o, dtype=d) for o, d in zip(outs, dtypes))


def _call(theano_func, arrays, shapes=None):
    """Calls ``theano_func`` on ``arrays`` and returns its outputs.

    The outputs are NumPy arrays, or, if the first input is a ``jax.Array``,
    copied to its device. Under a JAX trace the call is a
    ``jax.pure_callback`` whose result shapes are ``shapes``, or, if not
    given, the shapes of a host run on zeros of the inputs' shapes (Theano
    types fix ndim and dtype, not shapes).
    """
    dtypes = _result_dtypes(theano_func)
    if any(isinstance(a, _Tracer) for a in arrays):
        if shapes is None:
            zeros = [numpy.zeros(a.shape, a.dtype) for a in arrays]
            shapes = [o.shape for o in _run(theano_func, dtypes, zeros)]
        result = tuple(jax.ShapeDtypeStruct(s, d)
                       for s, d in zip(shapes, dtypes))
        return tuple(jax.pure_callback(
            lambda *xs: _run(theano_func, dtypes, xs), result, *arrays,
            vmap_method='sequential'))
    outs = _run(theano_func, dtypes, arrays)
    if arrays and isinstance(arrays[0], jax.Array):
        device = next(iter(arrays[0].devices()))
        outs = tuple(jax.device_put(o, device) for o in outs)
    return outs


class TheanoFunction(function.Function):
    """Applies a compiled Theano forward function; its gradient is the
    compiled Theano backward function.

    Args:
        forward_func: a compiled Theano function of the inputs returning the
            outputs.
        backward_func: a compiled Theano function of the inputs and of one
            gradient per output, returning one gradient per input.
    """

    def __init__(self, forward_func, backward_func):
        self.forward_func = forward_func
        self.backward_func = backward_func

    def check_type_forward(self, in_types):
        expected = self.forward_func.indices
        type_check.expect(in_types.size() == len(expected))
        for actual_type, input_info in zip(in_types, expected):
            expect_type = input_info[0].variable.type
            # A Theano type fixes the number of axes and the dtype only.
            type_check.expect(
                actual_type.ndim == expect_type.ndim,
                actual_type.dtype == expect_type.numpy_dtype,
            )

    def forward(self, inputs):
        outputs = _call(self.forward_func, inputs)
        self._output_meta = tuple((o.shape, o.dtype) for o in outputs)
        return outputs

    def backward(self, inputs, grad_outputs):
        # An output that got no gradient contributes zeros (Theano needs an
        # array for every gradient input).
        gys = tuple(numpy.zeros(shape, dtype) if gy is None else gy
                    for gy, (shape, dtype) in zip(grad_outputs,
                                                  self._output_meta))
        gxs = _call(self.backward_func, tuple(inputs) + gys,
                    shapes=[x.shape for x in inputs])
        if len(gxs) != len(inputs):
            raise ValueError(
                'the Theano backward function returned {} gradients for {} '
                'inputs'.format(len(gxs), len(inputs)))
        results = []
        for gx, x in zip(gxs, inputs):
            if x.dtype.kind != 'f':
                gx = None
            elif gx.dtype != x.dtype:
                gx = gx.astype(x.dtype)
            results.append(gx)
        return tuple(results)


def theano_function(forward_func, backward_func, *inputs):
    """Applies a compiled Theano function with a compiled Theano gradient.

    Args:
        forward_func: compiled Theano function computing the outputs from
            ``inputs``.
        backward_func: compiled Theano function computing the gradients of
            the inputs from ``inputs`` followed by one gradient per output.
        *inputs (~chainerjax.Variable or array): the inputs, one per input
            of ``forward_func``, with its ``ndim`` and dtype.

    Returns:
        ~chainerjax.Variable or tuple of ~chainerjax.Variable: the outputs
        (a single Variable when ``forward_func`` has one output).
    """
    return TheanoFunction(forward_func, backward_func)(*inputs)
