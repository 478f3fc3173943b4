"""Tests of chainerjax.utils.type_check.

Expected texts and messages were taken from Chainer 7.8.1.
"""

import pickle
import threading
import unittest

import jax
import jax.numpy as jnp
import numpy
import pytest

from chainerjax import testing
from chainerjax.utils import type_check as T


class _Node(object):
    # Stands in for a FunctionNode: a label and a declarative check.

    def __init__(self, check, label='MyFunction'):
        self.check_type_forward = check
        self.label = label


def _check_like_function_node(node, arrays):
    # The protocol of FunctionNode._check_data_type_forward: a light-mode
    # pass first; on failure a full-mode pass that builds the message.
    try:
        with T.light_mode:
            node.check_type_forward(T.get_light_types(arrays))
        return
    except T.InvalidType:
        pass
    in_types = T.get_types(arrays, 'in_types', False)
    with T.get_function_check_context(node):
        node.check_type_forward(in_types)


def _linear_check(in_types):
    T._argname(in_types, ('x', 'W'))
    x_type, w_type = in_types
    T.expect(
        x_type.dtype.kind == 'f',
        w_type.dtype == x_type.dtype,
        x_type.ndim == 2,
        x_type.shape[1] == w_type.shape[1],
    )


class TestTypeInfo(unittest.TestCase):

    def test_attributes(self):
        info = T.TypeInfo((2, 3, 4), numpy.dtype('f'))
        assert info.shape == (2, 3, 4)
        assert info.dtype == numpy.float32
        assert info.ndim == 3
        assert info.size == 24

    def test_scalar(self):
        info = T.TypeInfo((), numpy.dtype('i'))
        assert info.ndim == 0
        assert info.size == 1


@testing.parameterize(*testing.product({
    'xp': ['numpy', 'jax'],
    'dtype': [numpy.float16, numpy.float32, numpy.float64, numpy.int32],
}))
class TestGetTypes(unittest.TestCase):

    def setUp(self):
        to_array = numpy.asarray if self.xp == 'numpy' else jnp.asarray
        self.a = to_array(numpy.zeros((2, 3), self.dtype))
        self.b = to_array(numpy.zeros((4,), self.dtype))

    def test_full(self):
        ts = T.get_types((self.a, self.b), 'in_types', False)
        assert isinstance(ts, T.TypeInfoTuple)
        assert ts.name == 'in_types'
        assert [str(t) for t in ts] == ['in_types[0]', 'in_types[1]']
        info = ts[0].eval()
        assert info.shape == (2, 3)
        assert info.ndim == 2
        # JAX may narrow float64 when x64 is off: compare with the array.
        assert info.dtype == self.a.dtype
        assert str(ts.size()) == 'in_types.size'
        assert ts.size().eval() == 2

    def test_full_semantic_shapes(self):
        ts = T.get_types((self.a,), 'in_types', False, shapes=((3, 2),))
        assert ts[0].eval().shape == (3, 2)

    def test_light(self):
        lt = T.get_light_types((self.a, self.b))
        assert isinstance(lt, T.LightTypeInfoTuple)
        assert lt[0] is self.a
        assert lt.size() == 2

    def test_light_semantic_shapes(self):
        lt = T.get_light_types((self.a,), shapes=((3, 2),))
        assert isinstance(lt[0], T.TypeInfo)
        assert lt[0].shape == (3, 2)
        assert lt[0].dtype == self.a.dtype


class TestGetTypesNone(unittest.TestCase):

    def test_accept_none(self):
        a = numpy.zeros((2,), 'f')
        ts = T.get_types((a, None), 'grads', True)
        info = ts[1].eval()
        assert str(ts[1]) == 'grads[1]'
        assert info.dtype is None
        assert info.shape == ()

    def test_reject_non_array(self):
        with pytest.raises(TypeError):
            T.get_types((1,), 'in_types', False)


def _x():
    return T.Variable(1, 'x')


def _y():
    return T.Variable(2, 'y')


# (builder, text as Chainer 7.8.1 prints it)
_EXPRESSION_TEXTS = [
    (lambda x, y: x + y * 2, 'x + y * 2'),
    (lambda x, y: (x + y) * 2, '(x + y) * 2'),
    (lambda x, y: x * (y / 2), 'x * (y / 2)'),
    (lambda x, y: x * y / 2, 'x * y / 2'),
    (lambda x, y: x - (y - 1), 'x - (y - 1)'),
    (lambda x, y: (x - y) - 1, 'x - y - 1'),
    (lambda x, y: 1 - (x - y), '1 - (x - y)'),
    (lambda x, y: 1 + x, '1 + x'),
    (lambda x, y: 2 / x, '2 / x'),
    (lambda x, y: x // 3 % 2, 'x // 3 % 2'),
    (lambda x, y: x << 1 >> 2, 'x << 1 >> 2'),
    (lambda x, y: x & y | 4, 'x & y | 4'),
    (lambda x, y: x ^ y, 'x ^ y'),
    (lambda x, y: x ** y ** 2, 'x ** y ** 2'),
    (lambda x, y: (x ** y) ** 2, '(x ** y) ** 2'),
    (lambda x, y: x ** -y, 'x ** (-y)'),
    (lambda x, y: -x, '-x'),
    (lambda x, y: +x, '+x'),
    (lambda x, y: ~x, '~x'),
    (lambda x, y: -(x + y), '-(x + y)'),
    (lambda x, y: -x ** 2, '-x ** 2'),
    (lambda x, y: (-x) ** 2, '(-x) ** 2'),
    (lambda x, y: x.shape, 'x.shape'),
    (lambda x, y: x.shape[0], 'x.shape[0]'),
    (lambda x, y: x[1:2], 'x[1:2]'),
    (lambda x, y: x[::], 'x[:]'),
    (lambda x, y: x[1:2:3, ...], 'x[1:2:3, ...]'),
    (lambda x, y: x[(1,)], 'x[1]'),
    (lambda x, y: x[1, 2], 'x[1, 2]'),
    (lambda x, y: x[None], 'x[None]'),
    (lambda x, y: x[:, None], 'x[:, None]'),
    (lambda x, y: x[x:y, None], 'x[x:y, None]'),
    (lambda x, y: x[T.Constant(3)], 'x[3]'),
    (lambda x, y: x.foo(1, 'a'), "x.foo(1, 'a')"),
    (lambda x, y: T.Call(x, ()), 'x()'),
    (lambda x, y: T.GetAttr(x, T.Constant('a')), 'x.a'),
    (lambda x, y: T.GetAttr(x, 1), 'getattr(x, 1)'),
    (lambda x, y: T.GetAttr(x, y), 'getattr(x, y)'),
    (lambda x, y: T.Constant((1,)), '(1,)'),
    (lambda x, y: T.Constant(()), '()'),
    (lambda x, y: T.Constant([1, x]), '[1, x]'),
    (lambda x, y: T.Constant('s'), "'s'"),
    (lambda x, y: x + [1, (2,)], 'x + [1, (2,)]'),
    (lambda x, y: x == y, 'x == y'),
    (lambda x, y: x == (1,), 'x == (1,)'),
    (lambda x, y: x == 'a', "x == 'a'"),
    (lambda x, y: (x + 1) == (y - 1), 'x + 1 == y - 1'),
    (lambda x, y: x != y, 'x != y'),
    (lambda x, y: x < y, 'x < y'),
    (lambda x, y: x <= y, 'x <= y'),
    (lambda x, y: x > y, 'x > y'),
    (lambda x, y: x >= y, 'x >= y'),
    (lambda x, y: T.prod(x), 'prod(x)'),
    (lambda x, y: T.make_variable(3, 'n') + x, 'n + x'),
]


@pytest.mark.parametrize('build,text', _EXPRESSION_TEXTS)
def test_expression_text(build, text):
    assert str(build(_x(), _y())) == text


# (builder, value) with x = 1 and y = 2
_EXPRESSION_VALUES = [
    (lambda x, y: x + y * 2, 5),
    (lambda x, y: x - y, -1),
    (lambda x, y: 3 - x, 2),
    (lambda x, y: y * 3, 6),
    (lambda x, y: y / 4, 0.5),
    (lambda x, y: 5 // y, 2),
    (lambda x, y: 5 % y, 1),
    (lambda x, y: x << 2, 4),
    (lambda x, y: y >> 1, 1),
    (lambda x, y: x & y, 0),
    (lambda x, y: x | y, 3),
    (lambda x, y: x ^ 3, 2),
    (lambda x, y: -y, -2),
    (lambda x, y: +y, 2),
    (lambda x, y: ~x, -2),
    # Chainer 7.8.1 evaluated ``**`` with ``%`` (a bug); we compute powers.
    (lambda x, y: y ** 3, 8),
    (lambda x, y: 3 ** y, 9),
    (lambda x, y: T.Constant((1, 2))[x], 2),
    (lambda x, y: T.Constant((4, 5, 6))[x:], (5, 6)),
    (lambda x, y: T.Constant('abc').upper(), 'ABC'),
    (lambda x, y: T.prod(T.Constant((2, 3, 4))), 24),
    (lambda x, y: x == 1, True),
    (lambda x, y: x != 1, False),
    (lambda x, y: x < y, True),
    (lambda x, y: x >= y, False),
]


@pytest.mark.parametrize('build,value', _EXPRESSION_VALUES)
def test_expression_value(build, value):
    assert build(_x(), _y()).eval() == value
    assert T.eval(build(_x(), _y())) == value


def test_expression_refuses_bool():
    x, y = _x(), _y()
    with pytest.raises(RuntimeError, match='cannot be evaluated as bool'):
        x == y and y == x
    with pytest.raises(RuntimeError):
        if x:
            pass


def test_expression_is_unhashable():
    with pytest.raises(TypeError):
        hash(_x())


def test_expression_special_attributes_are_not_expressions():
    with pytest.raises(AttributeError):
        _x().__array__
    assert not isinstance(getattr(_x(), 'shape'), AttributeError)


def test_abstract_expr_eval():
    with pytest.raises(NotImplementedError):
        T.Expr(0).eval()
    with pytest.raises(NotImplementedError):
        T.Testable().expect()


class TestExpect(unittest.TestCase):

    def test_pass(self):
        T.expect(_x() == 1, _y() > _x(), _x() != _y())

    def test_first_failure_is_reported(self):
        with pytest.raises(T.InvalidType) as e:
            T.expect(_x() == _y(), _x() < _y())
        assert str(e.value) == 'Expect: x == y\nActual: 1 != 2'
        assert e.value.expect == 'x == y'
        assert e.value.actual == '1 != 2'

    def test_later_failure(self):
        with pytest.raises(T.InvalidType) as e:
            T.expect(_x() < _y(), _x() > _y())
        assert str(e.value) == 'Expect: x > y\nActual: 1 <= 2'

    def test_rejects_non_expressions(self):
        with pytest.raises(TypeError):
            T.expect(True)


@pytest.mark.parametrize('build,expect,actual', [
    (lambda x, y: x == y, 'x == y', '1 != 2'),
    (lambda x, y: x != 1, 'x != 1', '1 == 1'),
    (lambda x, y: x < 1, 'x < 1', '1 >= 1'),
    (lambda x, y: y <= x, 'y <= x', '2 > 1'),
    (lambda x, y: x > y, 'x > y', '1 <= 2'),
    (lambda x, y: x >= 3, 'x >= 3', '1 < 3'),
    # Plain right-hand values are shown with str(), as in Chainer.
    (lambda x, y: x == 'f', 'x == f', '1 != f'),
    (lambda x, y: x == (1, 2), 'x == (1, 2)', '1 != (1, 2)'),
])
def test_comparison_messages(build, expect, actual):
    with pytest.raises(T.InvalidType) as e:
        T.expect(build(_x(), _y()))
    assert e.value.expect == expect
    assert e.value.actual == actual
    assert str(e.value) == 'Expect: {}\nActual: {}'.format(expect, actual)


@testing.parameterize(
    {'check': lambda t: T.expect(t[0].dtype.kind == 'i'),
     'expect': 'in_types[0].dtype.kind == i', 'actual': 'f != i'},
    {'check': lambda t: T.expect(t[0].dtype == numpy.int32),
     'expect': "in_types[0].dtype == <class 'numpy.int32'>",
     'actual': 'float32 != <class \'numpy.int32\'>'},
    {'check': lambda t: T.expect(t[0].dtype == t[1].dtype),
     'expect': 'in_types[0].dtype == in_types[1].dtype',
     'actual': 'float32 != int32'},
    {'check': lambda t: T.expect(t[0].shape == t[1].shape),
     'expect': 'in_types[0].shape == in_types[1].shape',
     'actual': '(2, 3) != (4,)'},
    {'check': lambda t: T.expect(t[0].ndim == 1),
     'expect': 'in_types[0].ndim == 1', 'actual': '2 != 1'},
    {'check': lambda t: T.expect(t[0].shape[1:] == t[1].shape[1:]),
     'expect': 'in_types[0].shape[1:] == in_types[1].shape[1:]',
     'actual': '(3,) != ()'},
    {'check': lambda t: T.expect(t[0].size == t[1].size),
     'expect': 'in_types[0].size == in_types[1].size',
     'actual': '6 != 4'},
    {'check': lambda t: T.expect(T.prod(t[0].shape) == t[1].shape[0]),
     'expect': 'prod(in_types[0].shape) == in_types[1].shape[0]',
     'actual': '6 != 4'},
    {'check': lambda t: T.expect(T.make_variable(5, 'n') < t[0].ndim),
     'expect': 'n < in_types[0].ndim', 'actual': '5 >= 2'},
    {'check': lambda t: T.expect(t.size() == 3),
     'expect': 'in_types.size == 3', 'actual': '2 != 3'},
)
class TestTypeMessages(unittest.TestCase):

    def test_message(self):
        ts = T.get_types(
            (numpy.zeros((2, 3), 'f'), numpy.zeros((4,), 'i')),
            'in_types', False)
        with pytest.raises(T.InvalidType) as e:
            self.check(ts)
        assert e.value.expect == self.expect
        assert e.value.actual == self.actual


class TestFunctionContext(unittest.TestCase):

    def test_message_names_function(self):
        node = _Node(_linear_check, 'LinearFunction')
        x = numpy.zeros((2, 3), 'f')
        w = numpy.zeros((4, 2), 'f')
        with pytest.raises(T.InvalidType) as e:
            _check_like_function_node(node, (x, w))
        assert str(e.value) == (
            '\nInvalid operation is performed in: LinearFunction (Forward)\n'
            '\nExpect: x.shape[1] == W.shape[1]\nActual: 3 != 2')
        assert e.value.expect == 'x.shape[1] == W.shape[1]'
        assert e.value.actual == '3 != 2'

    def test_dtype_message(self):
        def check(in_types):
            T._argname(in_types, ('x',))
            T.expect(in_types[0].dtype.kind == 'f')

        with pytest.raises(T.InvalidType) as e:
            _check_like_function_node(
                _Node(check, 'ReLU'), (numpy.zeros((2,), 'i'),))
        assert str(e.value) == (
            '\nInvalid operation is performed in: ReLU (Forward)\n\n'
            'Expect: x.dtype.kind == f\nActual: i != f')

    def test_valid_inputs(self):
        node = _Node(_linear_check)
        _check_like_function_node(
            node, (numpy.zeros((2, 3), 'f'), numpy.zeros((4, 3), 'f')))
        _check_like_function_node(
            node, (jnp.zeros((2, 3), 'f'), jnp.zeros((4, 3), 'f')))

    def test_context_restored(self):
        with T.get_function_check_context(_Node(None, 'Outer')):
            with T.get_function_check_context(_Node(None, 'Inner')):
                assert 'Inner' in str(T.InvalidType('a', 'b'))
            assert 'Outer' in str(T.InvalidType('a', 'b'))
        assert str(T.InvalidType('a', 'b')) == 'Expect: a\nActual: b'

    def test_context_restored_on_error(self):
        with pytest.raises(ValueError):
            with T.get_function_check_context(_Node(None)):
                raise ValueError
        assert str(T.InvalidType('a', 'b')) == 'Expect: a\nActual: b'

    def test_object_without_label(self):
        class Anonymous(object):
            pass

        with T.get_function_check_context(Anonymous()):
            msg = str(T.InvalidType('a', 'b'))
        assert 'performed in: Anonymous (Forward)' in msg

    def test_explicit_message(self):
        with T.get_function_check_context(_Node(None)):
            e = T.InvalidType('a', 'b', 'custom')
        assert str(e) == 'custom'
        assert (e.expect, e.actual) == ('a', 'b')


class TestInvalidTypePickle(unittest.TestCase):

    def test_roundtrip(self):
        with T.get_function_check_context(_Node(None, 'F')):
            e = T.InvalidType('a', 'b')
        e2 = pickle.loads(pickle.dumps(e))
        assert type(e2) is T.InvalidType
        assert str(e2) == str(e)
        assert (e2.expect, e2.actual) == ('a', 'b')


class TestArgname(unittest.TestCase):

    def test_names(self):
        ts = T.get_types((numpy.zeros((2, 3), 'f'),), 'in_types', False)
        T._argname(ts, ('x',))
        assert str(ts[0].shape) == 'x.shape'

    def test_public_alias(self):
        assert T.argname is T._argname

    def test_wrong_count(self):
        ts = T.get_types(
            (numpy.zeros(1), numpy.zeros(1)), 'in_types', False)
        with pytest.raises(T.InvalidType) as e:
            T._argname(ts, ('a',))
        assert str(e.value) == 'Invalid number of arguments'
        assert e.value.expect == '1 argument(s)'
        assert e.value.actual == '2 argument(s)'

    def test_light_mode(self):
        lt = T.get_light_types((numpy.zeros(1),))
        with T.light_mode:
            T._argname(lt, ('x',))
            with pytest.raises(T.InvalidType):
                T._argname(lt, ('x', 'y'))


class TestLightMode(unittest.TestCase):

    def test_flag(self):
        assert not T.in_light_mode()
        with T.light_mode:
            assert T.in_light_mode()
        assert not T.in_light_mode()

    def test_nested(self):
        with T.light_mode:
            with T.light_mode:
                pass
            assert T.in_light_mode()
        assert not T.in_light_mode()

    def test_restored_on_error(self):
        with pytest.raises(T.InvalidType):
            with T.light_mode:
                T.expect(False)
        assert not T.in_light_mode()

    def test_set_light_mode(self):
        assert T._set_light_mode(True) is False
        try:
            assert T.in_light_mode()
        finally:
            assert T._set_light_mode(False) is True

    def test_thread_local(self):
        seen = []
        with T.light_mode:
            t = threading.Thread(target=lambda: seen.append(T.in_light_mode()))
            t.start()
            t.join()
        assert seen == [False]

    def test_values_pass_through(self):
        with T.light_mode:
            assert T.eval(3) == 3
            assert T.make_variable(4, 'n') == 4
            assert T.prod((2, 3, 4)) == 24
            assert T.prod(()) == 1

    def test_expect(self):
        a = numpy.zeros((2, 3), 'f')
        lt = T.get_light_types((a,))
        with T.light_mode:
            T.expect(lt[0].ndim == 2, lt[0].dtype.kind == 'f')
            with pytest.raises(T.InvalidType) as e:
                T.expect(lt[0].ndim == 2, lt[0].dtype == numpy.int32)
        assert str(e.value) == 'Expect: \nActual: '
        assert (e.value.expect, e.value.actual) == ('', '')

    def test_expressions_refused(self):
        with T.light_mode:
            with pytest.raises(RuntimeError):
                T.expect(_x() == 1)


@testing.parameterize(
    {'shapes': [(2, 3), (3,)], 'ok': True},
    {'shapes': [(2, 1), (1, 4), (4,)], 'ok': True},
    {'shapes': [(), (5,)], 'ok': True},
    {'shapes': [(2, 3), (4,)], 'ok': False},
    {'shapes': [(2, 3), (3, 3)], 'ok': False},
)
class TestExpectBroadcastShapes(unittest.TestCase):

    def _arrays(self):
        return tuple(numpy.zeros(s, 'f') for s in self.shapes)

    def test_full(self):
        ts = T.get_types(self._arrays(), 'in_types', False)
        T._argname(ts, tuple('abcd'[:len(ts)]))
        if self.ok:
            T.expect_broadcast_shapes(*[t.shape for t in ts])
            return
        with pytest.raises(T.InvalidType) as e:
            T.expect_broadcast_shapes(*[t.shape for t in ts])
        lines = ['cannot broadcast inputs of the following shapes:']
        lines += ['{}.shape = {}'.format(n, s)
                  for n, s in zip('abcd', self.shapes)]
        assert str(e.value) == '\n'.join(lines)
        assert e.value.__cause__ is None

    def test_light(self):
        lt = T.get_light_types(self._arrays())
        with T.light_mode:
            if self.ok:
                T.expect_broadcast_shapes(*[t.shape for t in lt])
            else:
                with pytest.raises(T.InvalidType):
                    T.expect_broadcast_shapes(*[t.shape for t in lt])


def test_expect_broadcast_shapes_message_with_variable():
    a = T.get_types((numpy.zeros((2, 3)),), 'in_types', False)
    T._argname(a, ('a',))
    with pytest.raises(T.InvalidType) as e:
        T.expect_broadcast_shapes(a[0].shape, T.Variable((4,), 'z'))
    assert str(e.value) == (
        'cannot broadcast inputs of the following shapes:\n'
        'a.shape = (2, 3)\nz = (4,)')


class TestSameTypes(unittest.TestCase):

    def test_numpy(self):
        assert T.same_types(numpy.zeros(1), numpy.zeros(2))

    def test_jax(self):
        assert T.same_types(jnp.zeros(1), jnp.zeros(2))

    def test_mixed(self):
        assert not T.same_types(numpy.zeros(1), jnp.zeros(1))
        assert not T.same_types(numpy.zeros(1), 1.0)

    def test_empty(self):
        assert T.same_types()


class TestMakeVariableFromArray(unittest.TestCase):

    def test_full(self):
        v = T._make_variable_from_array(numpy.zeros((2, 3), 'f'), 'cond')
        assert str(v) == 'cond'
        assert v.eval().shape == (2, 3)

    def test_light(self):
        a = numpy.zeros(3)
        with T.light_mode:
            assert T._make_variable_from_array(a, 'cond') is a

    def test_not_array(self):
        with pytest.raises(T.InvalidType) as e:
            T._make_variable_from_array([1], 'cond')
        assert str(e.value) == (
            "Expect: isinstance(cond, ndarray)\n"
            "Actual: type(cond) == <class 'list'>")


def test_under_jit():
    # Tracers carry shape and dtype, so both modes work while tracing.
    def f(x, w):
        _check_like_function_node(_Node(_linear_check), (x, w))
        return x

    jax.jit(f)(jnp.zeros((2, 3), 'f'), jnp.zeros((4, 3), 'f'))
    with pytest.raises(T.InvalidType, match=r'x\.shape\[1\] == W\.shape\[1\]'):
        jax.jit(f)(jnp.zeros((2, 3), 'f'), jnp.zeros((4, 2), 'f'))


testing.run_module(__name__, __file__)
