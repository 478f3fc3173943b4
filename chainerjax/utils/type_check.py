"""Declarative checks of the inputs of a function node.

A ``FunctionNode.check_type_forward(in_types)`` method states what its inputs
must look like, e.g.::

    type_check._argname(in_types, ('x', 'W'))
    x_type, w_type = in_types
    type_check.expect(
        x_type.dtype.kind == 'f',
        x_type.shape[1] == w_type.shape[1],
    )

The same method runs in two modes:

* **Light mode** (the fast path, tried first). ``in_types`` holds the input
  arrays themselves, comparisons are ordinary Python comparisons and
  :func:`expect` merely checks that every argument is true.
* **Full mode** (used to build an error message once the light check has
  failed). ``in_types`` holds :class:`Variable` expressions wrapping
  :class:`TypeInfo` objects, so ``x_type.shape[1] == w_type.shape[1]`` builds
  an expression tree. :func:`expect` evaluates each tree and raises
  :class:`InvalidType` with a readable message such as::

      Invalid operation is performed in: LinearFunction (Forward)

      Expect: x.shape[1] == W.shape[1]
      Actual: 3 != 2

Arrays may be NumPy arrays, JAX arrays or JAX tracers: only their ``shape``
and ``dtype`` attributes are read. This module imports nothing from the
chainerjax core, so the core can import it freely.
"""

import contextlib
import operator
import sys
import threading

import numpy


_thread_local = threading.local()


# ---------------------------------------------------------------------------
# Per-thread state: the function being checked, and light mode.
# ---------------------------------------------------------------------------

@contextlib.contextmanager
def get_function_check_context(f):
    """Context manager naming the function whose inputs are being checked.

    While it is active, :class:`InvalidType` messages start with
    ``Invalid operation is performed in: <f.label> (Forward)``.

    Args:
        f: The function node under check. Its ``label`` attribute is used in
            messages.
    """
    previous = getattr(_thread_local, 'current_function', None)
    _thread_local.current_function = f
    try:
        yield
    finally:
        _thread_local.current_function = previous


def _current_function_label():
    f = getattr(_thread_local, 'current_function', None)
    if f is None:
        return None
    label = getattr(f, 'label', None)
    if label is None:
        label = type(f).__name__
    return label


def in_light_mode():
    """Tells whether type checks in this thread run in light mode.

    Returns:
        bool: ``True`` inside ``with light_mode:``.
    """
    try:
        return _thread_local.light_mode
    except AttributeError:
        _thread_local.light_mode = False
        return False


def _set_light_mode(flag):
    """Switches light mode on or off for this thread.

    Args:
        flag (bool): The new mode.

    Returns:
        bool: The mode that was in effect before the call.
    """
    previous = in_light_mode()
    _thread_local.light_mode = bool(flag)
    return previous


class LightMode(object):
    """Context manager that runs type checks in light mode.

    Use the module-level instance :data:`light_mode`::

        with type_check.light_mode:
            node.check_type_forward(type_check.get_light_types(arrays))

    On exit the mode that was in effect on entry is restored, so the context
    may be nested.
    """

    def __enter__(self):
        stack = getattr(_thread_local, 'light_mode_stack', None)
        if stack is None:
            stack = _thread_local.light_mode_stack = []
        stack.append(_set_light_mode(True))

    def __exit__(self, exc_type, exc_value, traceback):
        _thread_local.light_mode = _thread_local.light_mode_stack.pop()


light_mode = LightMode()


# ---------------------------------------------------------------------------
# Type information of arrays.
# ---------------------------------------------------------------------------

def _shape_size(shape):
    n = 1
    for d in shape:
        n *= d
    return n


class TypeInfo(object):
    """Shape and dtype of one input (or gradient) array.

    The information does not depend on the device holding the array.

    Args:
        shape (tuple of int): Shape of the array.
        dtype (numpy.dtype or None): Dtype of the array; ``None`` stands for
            a missing (``None``) array.

    Attributes:
        shape (tuple of int): Shape of the array.
        dtype (numpy.dtype): Dtype of the array.
        ndim (int): Number of dimensions, ``len(shape)``.
    """

    def __init__(self, shape, dtype):
        self.shape = shape
        self.dtype = dtype
        self.ndim = len(shape)

    @property
    def size(self):
        """int: Number of elements, the product of :attr:`shape`."""
        return _shape_size(self.shape)


class TypeInfoTuple(tuple):
    """Tuple of :class:`Variable` expressions describing the inputs.

    The i-th element wraps the :class:`TypeInfo` of the i-th array. It is
    what ``check_type_forward`` receives in full mode; its ``name`` attribute
    (e.g. ``'in_types'``) is used in messages.
    """

    def size(self):
        """Returns the number of inputs as an expression.

        Returns:
            Variable: An expression whose value is ``len(self)`` and whose
            text is ``<name>.size``.
        """
        return Variable(len(self), '{}.size'.format(self.name))


class LightTypeInfoTuple(tuple):
    """Tuple of the input arrays themselves, used in light mode.

    The elements are the arrays (or :class:`TypeInfo` objects when semantic
    shapes differ from the arrays' shapes), so attribute access and
    comparisons evaluate immediately.
    """

    def size(self):
        """Returns the number of inputs.

        Returns:
            int: ``len(self)``.
        """
        return len(self)


def _is_array_like(x):
    return hasattr(x, 'shape') and hasattr(x, 'dtype')


def _type_info_variable(name, index, array, accept_none, shape):
    label = '{}[{}]'.format(name, index)
    if array is None and accept_none:
        # A gradient that was not given.
        return Variable(TypeInfo((), None), label)
    if not _is_array_like(array):
        raise TypeError(
            '{} must be an array with shape and dtype, not {}'.format(
                label, type(array)))
    return Variable(TypeInfo(shape, array.dtype), label)


def get_types(data, name, accept_none, shapes=None):
    """Builds the full-mode type information of a tuple of arrays.

    Args:
        data (tuple): Arrays (``None`` allowed if ``accept_none``).
        name (str): Name of the tuple used in messages, e.g. ``'in_types'``.
        accept_none (bool): Whether ``None`` entries are allowed; they are
            described by ``TypeInfo((), None)``.
        shapes (tuple of tuple of int): Semantic shapes to report instead of
            the arrays' own shapes (for non-default memory layouts).

    Returns:
        TypeInfoTuple: One :class:`Variable` per array, named
        ``<name>[i]``.
    """
    assert isinstance(data, tuple)
    if shapes is None:
        shapes = tuple(getattr(x, 'shape', ()) for x in data)
    info = TypeInfoTuple(
        _type_info_variable(name, i, x, accept_none, shape)
        for i, (x, shape) in enumerate(zip(data, shapes)))
    info.name = name
    return info


def get_light_types(data, shapes=None):
    """Builds the light-mode type information of a tuple of arrays.

    Args:
        data (tuple): Arrays.
        shapes (tuple of tuple of int): Semantic shapes; when given, each
            array is replaced by a :class:`TypeInfo` with that shape.

    Returns:
        LightTypeInfoTuple: The arrays (or :class:`TypeInfo` objects).
    """
    assert isinstance(data, tuple)
    if shapes is not None:
        data = tuple(TypeInfo(shape, x.dtype)
                     for x, shape in zip(data, shapes))
    return LightTypeInfoTuple(data)


# ---------------------------------------------------------------------------
# Expression trees.
# ---------------------------------------------------------------------------

# Operator priorities follow Python's precedence table; a larger number
# binds tighter. Atoms (names, attribute access, indexing, calls) bind
# tightest; comparisons loosest.
_PRIORITY_ATOM = 8
_PRIORITY_POW = 7
_PRIORITY_UNARY = 6
_PRIORITY_BOOL = -1


def _evaluate(v):
    # Evaluates expressions, also inside lists and tuples; plain values pass.
    if isinstance(v, Expr):
        return v.eval()
    if isinstance(v, list):
        return [_evaluate(e) for e in v]
    if isinstance(v, tuple):
        return tuple(_evaluate(e) for e in v)
    if isinstance(v, slice):
        return slice(_evaluate(v.start), _evaluate(v.stop), _evaluate(v.step))
    return v


def _text(v):
    # Source-like text of a value that may be (or contain) expressions.
    if isinstance(v, Expr):
        return str(v)
    if isinstance(v, list):
        return '[' + ', '.join(_text(e) for e in v) + ']'
    if isinstance(v, tuple):
        if len(v) == 1:
            return '(' + _text(v[0]) + ',)'
        return '(' + ', '.join(_text(e) for e in v) + ')'
    return repr(v)


def _subscript_text(key):
    # Text of an indexing key as written between brackets.
    if key is Ellipsis:
        return '...'
    if isinstance(key, slice):
        parts = [key.start, key.stop]
        if key.step is not None:
            parts.append(key.step)
        return ':'.join('' if p is None else _text(p) for p in parts)
    if isinstance(key, tuple):
        return ', '.join(_subscript_text(k) for k in key)
    return _text(key)


class Expr(object):
    """Node of an expression tree built from type information.

    An expression is not a value: :meth:`eval` computes its value and
    ``str()`` gives its source-like text. Arithmetic, bitwise, attribute,
    indexing and call syntax build larger expressions; comparisons build
    :class:`BoolBinaryOperator` nodes that :func:`expect` can test::

        >>> x = Variable(1, 'x')
        >>> y = Variable(2, 'y')
        >>> c = x + 1 == y
        >>> str(c), c.eval()
        ('x + 1 == y', True)

    Expressions refuse conversion to ``bool``, because ``a == b and c == d``
    would silently drop the first comparison; pass several expressions to
    :func:`expect` instead.

    Args:
        priority (int): Binding strength of the node, used to decide where
            parentheses are needed in its text.
    """

    def __init__(self, priority):
        self.priority = priority

    def eval(self):
        """Computes the value of the expression.

        Returns:
            The value.
        """
        raise NotImplementedError(
            '{} must implement eval()'.format(type(self).__name__))

    def __getattr__(self, name):
        # Special names are looked up by protocols (copy, pickle, numpy);
        # they must not turn into expressions.
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return GetAttr(self, name)

    def __getitem__(self, key):
        return GetItem(self, key)

    def __call__(self, *args):
        return Call(self, args)

    def __bool__(self):
        raise RuntimeError(
            'An Expr instance cannot be evaluated as bool. '
            'Please use chainer.utils.type_check.eval() to evaluate an '
            'expression.')

    # Comparison, arithmetic and unary operators are attached below the class
    # from tables, see _install_operators.
    __hash__ = None


# (method name, reflected method name or None, symbol, priority, function,
#  right associative)
_BINARY_OPERATORS = (
    ('__pow__', '__rpow__', '**', _PRIORITY_POW, operator.pow, True),
    ('__mul__', '__rmul__', '*', 5, operator.mul, False),
    ('__truediv__', '__rtruediv__', '/', 5, operator.truediv, False),
    ('__floordiv__', '__rfloordiv__', '//', 5, operator.floordiv, False),
    ('__mod__', '__rmod__', '%', 5, operator.mod, False),
    ('__add__', '__radd__', '+', 4, operator.add, False),
    ('__sub__', '__rsub__', '-', 4, operator.sub, False),
    ('__lshift__', '__rlshift__', '<<', 3, operator.lshift, False),
    ('__rshift__', '__rrshift__', '>>', 3, operator.rshift, False),
    ('__and__', '__rand__', '&', 2, operator.and_, False),
    ('__xor__', '__rxor__', '^', 1, operator.xor, False),
    ('__or__', '__ror__', '|', 0, operator.or_, False),
)

# (method name, symbol, function)
_UNARY_OPERATORS = (
    ('__neg__', '-', operator.neg),
    ('__pos__', '+', operator.pos),
    ('__invert__', '~', operator.invert),
)

# (method name, symbol, symbol of the negation, function)
_COMPARISONS = (
    ('__eq__', '==', '!=', operator.eq),
    ('__ne__', '!=', '==', operator.ne),
    ('__lt__', '<', '>=', operator.lt),
    ('__le__', '<=', '>', operator.le),
    ('__gt__', '>', '<=', operator.gt),
    ('__ge__', '>=', '<', operator.ge),
)


def _install_operators():
    def binary(symbol, priority, func, right_assoc, reflected):
        if reflected:
            def method(self, other):
                return BinaryOperator(
                    priority, other, self, symbol, func, right_assoc)
        else:
            def method(self, other):
                return BinaryOperator(
                    priority, self, other, symbol, func, right_assoc)
        return method

    for name, rname, symbol, priority, func, right_assoc in _BINARY_OPERATORS:
        setattr(Expr, name,
                binary(symbol, priority, func, right_assoc, False))
        setattr(Expr, rname,
                binary(symbol, priority, func, right_assoc, True))

    def unary(symbol, func):
        def method(self):
            return UnaryOperator(_PRIORITY_UNARY, self, symbol, func)
        return method

    for name, symbol, func in _UNARY_OPERATORS:
        setattr(Expr, name, unary(symbol, func))

    def comparison(symbol, inverse, func):
        def method(self, other):
            return BoolBinaryOperator(self, other, symbol, inverse, func)
        return method

    for name, symbol, inverse, func in _COMPARISONS:
        setattr(Expr, name, comparison(symbol, inverse, func))


class Atom(Expr):
    """Expression that never needs parentheses (a name, a call, ...)."""

    def __init__(self):
        super(Atom, self).__init__(_PRIORITY_ATOM)


class Constant(Atom):
    """Expression holding a literal value, shown with ``repr``.

    Args:
        value: The value.
    """

    def __init__(self, value):
        super(Constant, self).__init__()
        self.value = value

    def __str__(self):
        return _text(self.value)

    def eval(self):
        return self.value


class Variable(Atom):
    """Expression holding a named value, shown by its name.

    Args:
        value: The value, e.g. a :class:`TypeInfo`.
        name (str): Name shown in messages, e.g. ``'in_types[0]'``.
    """

    def __init__(self, value, name):
        super(Variable, self).__init__()
        self.value = value
        self.name = name

    def __str__(self):
        return self.name

    def eval(self):
        return self.value


class GetAttr(Atom):
    """Expression ``obj.name``.

    Args:
        obj: Expression (or value) whose attribute is read.
        name (str or Expr): Attribute name.
    """

    def __init__(self, obj, name):
        super(GetAttr, self).__init__()
        self.obj = obj
        self.name = name

    def __str__(self):
        name = self.name
        if isinstance(name, Constant):
            name = name.value
        if isinstance(name, str):
            return '{}.{}'.format(_text(self.obj), name)
        return 'getattr({}, {})'.format(_text(self.obj), _text(self.name))

    def eval(self):
        return getattr(_evaluate(self.obj), _evaluate(self.name))


#: Alias kept for readers who know the node as a member access.
Member = GetAttr


class GetItem(Atom):
    """Expression ``obj[key]``.

    Args:
        obj: Expression (or value) being indexed.
        key: Index, slice, tuple of them, or an expression.
    """

    def __init__(self, obj, key):
        super(GetItem, self).__init__()
        self.obj = obj
        self.key = key

    def __str__(self):
        return '{}[{}]'.format(_text(self.obj), _subscript_text(self.key))

    def eval(self):
        return _evaluate(self.obj)[_evaluate(self.key)]


class Call(Atom):
    """Expression ``obj(*args)``.

    Args:
        obj: Expression (or value) evaluating to a callable.
        args (tuple): Arguments, expressions or values.
    """

    def __init__(self, obj, args):
        assert isinstance(args, tuple)
        super(Call, self).__init__()
        self.obj = obj
        self.args = args

    def __str__(self):
        return '{}({})'.format(
            _text(self.obj), ', '.join(_text(a) for a in self.args))

    def eval(self):
        func = _evaluate(self.obj)
        return func(*[_evaluate(a) for a in self.args])


class UnaryOperator(Expr):
    """Expression ``<op><term>``, e.g. ``-x``.

    Args:
        priority (int): Binding strength.
        term: The operand.
        exp (str): Operator symbol.
        func (callable): Function computing the result from the operand.
    """

    def __init__(self, priority, term, exp, func):
        super(UnaryOperator, self).__init__(priority)
        self.term = term
        self.exp = exp
        self.func = func

    def __str__(self):
        operand = _text(self.term)
        if isinstance(self.term, Expr) and self.term.priority < self.priority:
            operand = '(' + operand + ')'
        return self.exp + operand

    def eval(self):
        return self.func(_evaluate(self.term))


class BinaryOperator(Expr):
    """Expression ``<lhs> <op> <rhs>``, e.g. ``x + y``.

    Args:
        priority (int): Binding strength.
        lhs: Left operand.
        rhs: Right operand.
        exp (str): Operator symbol.
        func (callable): Function computing the result from the operands.
        right_associative (bool): ``True`` for ``**``; decides which side
            needs parentheses when both operators bind equally.
    """

    def __init__(self, priority, lhs, rhs, exp, func, right_associative=False):
        super(BinaryOperator, self).__init__(priority)
        self.lhs = lhs
        self.rhs = rhs
        self.exp = exp
        self.func = func
        self.right_associative = right_associative

    def _eval_left(self):
        return _evaluate(self.lhs)

    def _eval_right(self):
        return _evaluate(self.rhs)

    def eval(self):
        return self.func(self._eval_left(), self._eval_right())

    def _operand_text(self, operand, parenthesize_equal):
        s = _text(operand)
        if isinstance(operand, Expr):
            if (operand.priority < self.priority or
                    (parenthesize_equal and
                     operand.priority == self.priority)):
                s = '(' + s + ')'
        return s

    def __str__(self):
        # For a left-associative operator ``a - (b - c)`` needs parentheses
        # on the right; for ``**`` they are needed on the left instead.
        left = self._operand_text(self.lhs, self.right_associative)
        right = self._operand_text(self.rhs, not self.right_associative)
        return '{} {} {}'.format(left, self.exp, right)


class Testable(object):
    """Mixin for expressions that :func:`expect` can test."""

    def expect(self):
        """Raises :class:`InvalidType` if the condition does not hold."""
        raise NotImplementedError(
            '{} must implement expect()'.format(type(self).__name__))


class BoolBinaryOperator(BinaryOperator, Testable):
    """Comparison expression such as ``x.ndim == 2``.

    Args:
        lhs: Left operand.
        rhs: Right operand.
        exp (str): Comparison symbol.
        inv (str): Symbol of the negated comparison, used to report the
            actual values (``3 != 2``).
        func (callable): The comparison.
    """

    def __init__(self, lhs, rhs, exp, inv, func):
        BinaryOperator.__init__(self, _PRIORITY_BOOL, lhs, rhs, exp, func)
        self.inv = inv

    def expect(self):
        left = self._eval_left()
        right = self._eval_right()
        if not self.func(left, right):
            raise InvalidType(
                '{} {} {}'.format(self.lhs, self.exp, self.rhs),
                '{} {} {}'.format(left, self.inv, right))


_install_operators()


# ---------------------------------------------------------------------------
# Errors and checks.
# ---------------------------------------------------------------------------

class InvalidType(Exception):
    """Raised when the inputs of a function have invalid types or shapes.

    Args:
        expect (str): The condition that should hold.
        actual (str): What was found instead.
        msg (str): The full message. By default it is
            ``Expect: <expect>\\nActual: <actual>``, preceded by
            ``Invalid operation is performed in: <label> (Forward)`` while a
            function is being checked (see
            :func:`get_function_check_context`).

    Attributes:
        expect (str): The condition that should hold.
        actual (str): What was found instead.
    """

    def __init__(self, expect, actual, msg=None):
        if msg is None:
            msg = 'Expect: {}\nActual: {}'.format(expect, actual)
            label = _current_function_label()
            if label is not None:
                msg = ('\nInvalid operation is performed in: {} (Forward)'
                       '\n\n{}'.format(label, msg))
        super(InvalidType, self).__init__(msg)
        self.expect = expect
        self.actual = actual

    def __reduce__(self):
        return (InvalidType, (self.expect, self.actual, self.args[0]))


def _argname(in_types, names):
    """Gives the inputs readable names and checks their number.

    Args:
        in_types (tuple): Type information, as passed to
            ``check_type_forward``.
        names (tuple of str): One name per input, e.g. ``('x', 'W')``.

    Raises:
        InvalidType: If ``len(in_types) != len(names)``.
    """
    if len(in_types) != len(names):
        raise InvalidType(
            '{} argument(s)'.format(len(names)),
            '{} argument(s)'.format(len(in_types)),
            'Invalid number of arguments')
    for in_type, name in zip(in_types, names):
        if isinstance(in_type, Variable):
            in_type.name = name


argname = _argname


def expect(*bool_exprs):
    """Checks conditions on the inputs.

    In full mode each argument must be a comparison expression; they are
    evaluated in order and the first that fails raises :class:`InvalidType`
    describing it. In light mode the arguments are plain booleans and any
    false one raises :class:`InvalidType` with empty texts.

    Args:
        *bool_exprs: Comparisons to check.

    Raises:
        InvalidType: If a condition does not hold.
    """
    if in_light_mode():
        if not all(bool_exprs):
            raise InvalidType('', '')
        return
    for e in bool_exprs:
        if not isinstance(e, Testable):
            raise TypeError(
                'type_check.expect() takes comparison expressions, '
                'got {}'.format(type(e)))
        e.expect()


def same_types(*arrays):
    """Tells whether all arrays are of the same kind.

    Args:
        *arrays: Arrays.

    Returns:
        bool: ``True`` if all are NumPy arrays, or all are JAX arrays
        (tracers included).
    """
    if all(isinstance(x, numpy.ndarray) for x in arrays):
        return True
    jax = sys.modules.get('jax')
    if jax is None:
        return False
    return all(isinstance(x, jax.Array) for x in arrays)


def eval(exp):
    """Evaluates an expression, or returns a light-mode value as is.

    Args:
        exp: An :class:`Expr` (full mode) or a plain value (light mode).

    Returns:
        The value.
    """
    if in_light_mode():
        return exp
    return _evaluate(exp)


def make_variable(value, name):
    """Wraps a value so that it appears by name in messages.

    Args:
        value: The value.
        name (str): Its name in messages.

    Returns:
        A :class:`Variable` in full mode, ``value`` itself in light mode.
    """
    if in_light_mode():
        return value
    return Variable(value, name)


def _make_variable_from_array(array, name):
    if not _is_array_like(array):
        raise InvalidType(
            'isinstance({}, ndarray)'.format(name),
            'type({}) == {}'.format(name, type(array)))
    if in_light_mode():
        return array
    return Variable(TypeInfo(array.shape, array.dtype), name)


_prod = Variable(_shape_size, 'prod')


def prod(xs):
    """Product of a sequence, usable inside type checks.

    Args:
        xs: A sequence of numbers, or an expression evaluating to one
            (e.g. ``x_type.shape``).

    Returns:
        The product in light mode; the expression ``prod(xs)`` in full mode.
    """
    if in_light_mode():
        return _shape_size(xs)
    return _prod(xs)


def expect_broadcast_shapes(*shape_types):
    """Checks that shapes can be broadcast together.

    Args:
        *shape_types: Shapes (expressions in full mode, tuples in light
            mode), e.g. ``x_type.shape``.

    Raises:
        InvalidType: If the shapes are not broadcastable; the message lists
            each shape.
    """
    shapes = [tuple(eval(s)) for s in shape_types]
    try:
        numpy.broadcast_shapes(*shapes)
    except ValueError:
        lines = ['cannot broadcast inputs of the following shapes:']
        lines.extend('{} = {}'.format(t, s)
                     for t, s in zip(shape_types, shapes))
        raise InvalidType('', '', msg='\n'.join(lines)) from None
