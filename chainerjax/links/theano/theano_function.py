"""A Theano graph as a link (``chainer.links.TheanoFunction``).

The Theano functions run on the host, on NumPy arrays: eagerly they are
called directly, inside :func:`chainerjax.jit` (or any JAX trace) through
``jax.pure_callback``.

Theano itself is the limit here. Its last release, 1.0.5 (2020), works with
NumPy < 1.24 only, while chainerjax needs NumPy >= 1.24 (and JAX 0.10 needs
NumPy >= 2). With NumPy 1.24 to 1.26 it cannot be imported (it uses
``numpy.bool``, absent there). With NumPy 2 it imports, but its C code does
not compile against NumPy 2's C API (``PyArray_Descr`` has no ``elsize``
member) and its Python fallbacks call functions NumPy 2 removed
(``numpy.product``, ``numpy.sctype2char``). Any graph whose forward or
gradient needs Theano's ``DimShuffle`` (a constant, broadcasting, a
transpose, the gradient of most reductions) fails to compile, so in practice
only elementwise graphs of same-shaped inputs work (such as ``x + y``,
``x * y``, ``exp(x) * x``). For a graph Theano cannot compile this link raises
``NotImplementedError``; write the computation with
:mod:`chainerjax.functions` (or a :class:`~chainerjax.FunctionNode` whose
forward uses ``jax.numpy``) instead.
"""
import collections
import collections.abc

import numpy

from chainerjax.functions.theano import theano_function
from chainerjax import link

_INSTALL_MESSAGE = '''theano is not installed on your environment.
Please install theano to activate theano function.

  $ pip install theano'''

_ALTERNATIVE = (
    'Write the computation with chainerjax.functions, or as a '
    'chainerjax.FunctionNode whose forward uses jax.numpy (its backward is '
    'derived by JAX).')


def _import_theano():
    # Theano runs a lot of set-up code when imported: import it only when a
    # TheanoFunction is built.
    try:
        import theano
    except ImportError:
        raise RuntimeError(_INSTALL_MESSAGE)
    except Exception as e:
        raise NotImplementedError(
            'theano is installed but cannot be imported with NumPy {} '
            '({}: {}). Theano 1.0.5, its last release, works with NumPy '
            '< 1.24 only, which chainerjax does not support. {}'.format(
                numpy.__version__, type(e).__name__, e, _ALTERNATIVE)) from e
    return theano


def _compile(theano, **kwargs):
    try:
        return theano.function(**kwargs)
    except Exception as e:
        numpy2 = int(numpy.__version__.split('.')[0]) >= 2
        if numpy2 and (isinstance(e, AttributeError)
                       or 'Compilation failed' in str(e)):
            raise NotImplementedError(
                'Theano {} cannot compile this graph with NumPy {}: its C '
                'code is written for the NumPy 1 C API and its Python code '
                'uses functions removed in NumPy 2 ({}: {}). {}'.format(
                    theano.__version__, numpy.__version__, type(e).__name__,
                    str(e).split('\n')[0][:300], _ALTERNATIVE)) from e
        raise


def _to_var_tuple(vs):
    import theano
    msg = ('inputs and outputs must be a TensorVariable, a list '
           'of TensorVariable or a tuple of TensorVariable')
    if isinstance(vs, theano.tensor.TensorVariable):
        return vs,
    if isinstance(vs, collections.abc.Iterable):
        vs = tuple(vs)
        if all(isinstance(v, theano.tensor.TensorVariable) for v in vs):
            return vs
    raise TypeError(msg)


class TheanoFunction(link.Link):
    """A Theano computation as a link.

    .. warning::

        This feature is experimental in Chainer, and Theano barely runs with
        the NumPy versions chainerjax supports (see the module docstring).

    From Theano input and output variables the link compiles a Theano
    function for the forward computation and one for the gradients of the
    inputs given gradients of the outputs. Calling the link sends the
    arrays of its arguments to the first, and the backward pass to the
    second, both on the host (NumPy); under :func:`chainerjax.jit` they run
    through ``jax.pure_callback``.

    Args:
        inputs (theano.tensor.TensorVariable, or tuple or list of them):
            the input variables of the Theano graph. The link is called with
            as many arrays or Variables, each with its variable's ``ndim``
            and dtype.
        outputs (theano.tensor.TensorVariable, or tuple or list of them):
            the output variables. The link returns as many Variables (a
            single Variable for a single output).

    Attributes:
        forward_func: the compiled Theano forward function.
        backward_func: the compiled Theano backward function, of the inputs
            and one gradient per output.

    Raises:
        RuntimeError: when theano is not installed.
        NotImplementedError: when theano cannot be imported, or cannot
            compile the graph, with the installed NumPy.

    Example:
        >>> import numpy as np
        >>> import theano  # doctest: +SKIP
        >>> import chainerjax.links as L
        >>> x = theano.tensor.fvector()  # doctest: +SKIP
        >>> y = theano.tensor.fvector()  # doctest: +SKIP
        >>> f = L.TheanoFunction([x, y], [x + y, x * y])  # doctest: +SKIP
        >>> s, p = f(np.float32([1, 2]), np.float32([3, 4]))  # doctest: +SKIP
        >>> s.array, p.array  # doctest: +SKIP
        (array([4., 6.], dtype=float32), array([3., 8.], dtype=float32))
    """

    def __init__(self, inputs, outputs):
        theano = _import_theano()
        super(TheanoFunction, self).__init__()
        inputs = _to_var_tuple(inputs)
        outputs = _to_var_tuple(outputs)

        self.forward_func = _compile(theano, inputs=inputs, outputs=outputs)

        grad_outputs = tuple(o.type('g_{}'.format(i))
                             for i, o in enumerate(outputs))
        grads = theano.tensor.grad(
            cost=None, wrt=inputs,
            known_grads=collections.OrderedDict(zip(outputs, grad_outputs)),
            disconnected_inputs='ignore')
        self.backward_func = _compile(
            theano, inputs=inputs + grad_outputs, outputs=grads,
            on_unused_input='ignore')

    def forward(self, *args):
        """Runs the Theano graph on ``args``."""
        return theano_function.theano_function(
            self.forward_func, self.backward_func, *args)
