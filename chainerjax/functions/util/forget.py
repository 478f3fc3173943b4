"""Forgetting intermediate values: recompute them in backward."""
from chainerjax import _backprop
from chainerjax import configuration
from chainerjax import function
from chainerjax import function_node
from chainerjax import variable


def _call_func(func, xs):
    outs = func(*xs)
    if isinstance(outs, tuple):
        for i, out in enumerate(outs):
            if isinstance(out, variable.Variable):
                continue
            n = i + 1
            suffix = {1: 'st', 2: 'nd', 3: 'rd'}.get(
                n if n < 20 else n % 10, 'th')
            raise RuntimeError(
                '{}{} element of a returned tuple is not Variable, but is '
                '{}'.format(n, suffix, type(out)))
    elif isinstance(outs, variable.Variable):
        outs = (outs,)
    else:
        raise RuntimeError(
            'A tuple of Variables or a Variable are expected, but {} is '
            'returned.'.format(type(outs)))
    return outs


class Forget(function_node.FunctionNode):
    """Runs ``func`` without recording a graph; backward runs it again with
    a graph and backpropagates through that.

    Like Chainer's, this has a hand-written backward (it is not derived by
    ``jax.vjp``): a derived backward would keep ``func``'s intermediate
    values as VJP residuals, which is what ``forget`` avoids, and would bake
    the arrays ``func`` closes over (e.g. a link's parameters) into the
    compiled kernel instead of backpropagating into them. Only the inputs
    are kept. Under a JAX trace (``jax.jit``/``jax.grad`` around chainerjax
    code) the op goes through ``jax.custom_vjp`` and JAX, not this node,
    decides what is kept.
    """

    def __init__(self, func):
        if not callable(func):
            raise TypeError('func must be callable')
        self.func = func

    def forward(self, inputs):
        self.retain_inputs(tuple(range(len(inputs))))
        with function.no_backprop_mode(), \
                configuration.using_config('_will_recompute', True):
            xs = [variable.Variable(x) for x in inputs]
            outs = _call_func(self.func, xs)
        return tuple(out.raw_array for out in outs)

    def backward(self, indexes, grad_outputs):
        if configuration.config.enable_backprop:
            raise RuntimeError('double backpropagation in functions.forget '
                               'is not allowed.')
        inputs = self.get_retained_inputs()
        dummy_inputs = tuple(
            [variable.Variable(inp.raw_array) for inp in inputs])
        with function.force_backprop_mode(), \
                configuration.using_config('in_recomputing', True):
            outs = _call_func(self.func, dummy_inputs)
            assert len(outs) == len(grad_outputs)
        output_tuples = []
        for out, grad_output in zip(outs, grad_outputs):
            if grad_output is not None:
                output_tuples.append((out.node, grad_output))
        _backprop._backprop_to_all(output_tuples, False, None)
        return tuple([inp.grad_var for inp in dummy_inputs])


def forget(func, *xs):
    """Calls ``func(*xs)`` without keeping its intermediate values; they are
    recomputed (``func`` is called again) in backward, trading compute for
    memory.

    Args:
        func (callable): a function of Variables returning a Variable or a
            tuple of Variables. It may use parameters of links: they get
            their gradients in backward. It must compute the same thing each
            time (beware of random ops such as dropout).
        *xs (Variable or array): the inputs (arrays become Variables that
            require gradients).

    Returns:
        ~chainerjax.Variable or tuple of Variables: ``func``'s outputs.

    Double backpropagation through ``forget`` is not supported (as in
    Chainer).
    """
    xs = tuple(x if isinstance(x, variable.Variable) else
               variable.Variable(x, requires_grad=True) for x in xs)
    y = Forget(func).apply(xs)
    if len(y) == 1:
        y, = y
    return y


