"""Parameterized test case classes (``chainer.testing.parameterized``).

Example::

    @testing.parameterize(*testing.product({
        'shape': [(3,), (2, 3)],
        'dtype': [numpy.float16, numpy.float32],
    }))
    class TestSum(unittest.TestCase):

        def test_sum(self):
            x = numpy.ones(self.shape, self.dtype)
            assert x.sum() == x.size

generates four classes ``TestSum_param_0_{dtype=float16, shape=(3,)}``, ...
in the module, each with the parameters as class attributes.
"""

import functools
import io
import itertools
import types
import unittest

from chainerjax.testing import _bundle


_PARAM_TEXT_MAXLEN = 100
_ALL_PARAMS_TEXT_MAXLEN = 5000


def _param_text(value):
    # Classes, functions and modules are shown by name, the rest by repr.
    name = getattr(value, '__name__', None)
    if isinstance(value, type) or isinstance(name, str):
        return value.__name__
    return repr(value)


def _abbreviate(text, maxlen):
    # Replaces the middle of a long text with '...' to fit in maxlen.
    if len(text) <= maxlen:
        return text
    keep = maxlen - 3
    head = keep // 2
    tail = keep - head
    return text[:head] + '...' + text[len(text) - tail:]


def _class_name(base_name, index, param):
    items = ', '.join(
        '{}={}'.format(k, _abbreviate(_param_text(v), _PARAM_TEXT_MAXLEN))
        for k, v in sorted(param.items()))
    items = _abbreviate(items, _ALL_PARAMS_TEXT_MAXLEN)
    return '{}_param_{}_{{{}}}'.format(base_name, index, items)


def _static_method(f):
    # A function given as a parameter is called without ``self``.
    def method(self, *args, **kwargs):
        return f(*args, **kwargs)
    return method


def _describe_failure(base, method, param):
    out = io.StringIO()
    out.write('Parameterized test failed.\n\n')
    out.write('Base test method: {}.{}\n'.format(
        base.__name__, method.__name__))
    out.write('Test parameters:\n')
    for k, v in sorted(param.items()):
        out.write('  {}: {}\n'.format(k, v))
    return out.getvalue()


def _reraise_with_parameters(base, method, param, exc):
    # Re-raises ``exc`` as an exception of the same class whose message
    # starts with the test parameters.
    message = _describe_failure(base, method, param)
    exc_type = type(exc)
    if exc_type.__name__ == 'OutOfMemoryError':
        exc_type = MemoryError
    try:
        wrapped = exc_type('{}\n\n(caused by)\n{}: {}\n'.format(
            message, type(exc).__name__, exc))
    except Exception:
        # The class cannot be built from one string (e.g. InvalidType):
        # keep the original exception and attach the parameters as a note.
        wrapped = None
    if wrapped is None:
        if hasattr(exc, 'add_note'):
            exc.add_note(message)
        raise exc
    raise wrapped.with_traceback(exc.__traceback__) from None


def _case(base, index, param):
    def __str__(self):
        return '{}  parameter: {}'.format(base.__str__(self), param)

    members = {'__str__': __str__}
    for k, v in sorted(param.items()):
        members[k] = (_static_method(v) if isinstance(v, types.FunctionType)
                      else v)

    def wrap_method(method):
        @functools.wraps(method)
        def wrapped(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except unittest.SkipTest:
                raise
            except Exception as e:
                _reraise_with_parameters(base, method, param, e)
        return wrapped

    return _class_name(base.__name__, index, param), members, wrap_method


def parameterize(*params):
    """Class decorator generating one test class per parameter dict.

    Each generated class subclasses the decorated one and has the entries of
    its dict as class attributes (a plain function becomes a method that is
    called without ``self``). It is named
    ``<Base>_param_<i>_{<k1>=<v1>, ...}`` and registered in the module of
    the decorated class; the decorated name itself is bound to a bundle that
    test runners do not collect. A failing test's exception is re-raised with
    the parameters in its message. Decorators can be stacked.

    Args:
        *params (dict): One dict of attributes per generated class.

    Returns:
        callable: The class decorator.
    """
    return _bundle.make_decorator(
        lambda base: [_case(base, i, p) for i, p in enumerate(params)])


def _values_to_dicts(names, values):
    # names: 'a' or 'a,b'; values: list of values (or of tuples for 'a,b').
    assert isinstance(names, str)
    assert isinstance(values, (tuple, list))
    keys = names.split(',')
    dicts = []
    for value in values:
        if len(keys) == 1:
            dicts.append({keys[0]: value})
        else:
            assert isinstance(value, (tuple, list))
            assert len(value) == len(keys)
            dicts.append(dict(zip(keys, value)))
    return dicts


def from_pytest_parameterize(names, values):
    """Converts ``pytest.mark.parametrize`` style arguments to dicts.

    Args:
        names (str): Comma separated parameter names, e.g. ``'x,y'``.
        values (list): One value per case, a tuple of values when several
            names are given.

    Returns:
        list of dict: One dict per case.
    """
    return _values_to_dicts(names, values)


def parameterize_pytest(names, values):
    """:func:`parameterize` with ``pytest.mark.parametrize`` style arguments.

    Args:
        names (str): Comma separated parameter names.
        values (list): One value (or tuple of values) per case.

    Returns:
        callable: The class decorator.
    """
    return parameterize(*from_pytest_parameterize(names, values))


def product(parameter):
    """Cartesian product of parameter lists, as a list of dicts.

    Args:
        parameter (dict or list): Either a dict mapping a name (or comma
            separated names) to its list of values (tuples of values for
            several names), or a list of lists of dicts to combine with
            :func:`product_dict`. With a dict, keys are combined in sorted
            order, the last key varying fastest.

    Returns:
        list of dict: One merged dict per combination.

    Example:
        >>> product({'a': [1, 2], 'b,c': [(3, 4)]})
        [{'a': 1, 'b': 3, 'c': 4}, {'a': 2, 'b': 3, 'c': 4}]
    """
    if isinstance(parameter, dict):
        return product_dict(*[
            _values_to_dicts(names, values)
            for names, values in sorted(parameter.items())])
    if isinstance(parameter, list):
        if not all(isinstance(group, list) for group in parameter):
            raise TypeError('parameter must be list of lists of dicts')
        if not all(isinstance(d, dict) for group in parameter for d in group):
            raise TypeError('parameter must be list of lists of dicts')
        return product_dict(*parameter)
    raise TypeError(
        'parameter must be either dict or list. Actual: {}'.format(
            type(parameter)))


def product_dict(*parameters):
    """Cartesian product of lists of dicts, merging each combination.

    Args:
        *parameters (list of dict): Lists to combine; the last varies
            fastest. Later dicts win on duplicate keys.

    Returns:
        list of dict: One merged dict per combination.
    """
    merged = []
    for combination in itertools.product(*parameters):
        d = {}
        for part in combination:
            d.update(part)
        merged.append(d)
    return merged
