import sys
import unittest

import numpy
import pytest

from chainerjax import testing
from chainerjax.testing import _bundle
from chainerjax.utils import type_check


def _double(x):
    return 2 * x


@testing.parameterize(
    {'a': 1, 'b': 'x'},
    {'a': 2, 'b': 'y'},
)
class TestSimple(unittest.TestCase):

    def test_attributes(self):
        assert (self.a, self.b) in [(1, 'x'), (2, 'y')]


@testing.parameterize({'f': _double}, {'f': lambda x: x + 1})
class TestFunctionParameter(unittest.TestCase):

    def test_called_without_self(self):
        assert self.f(3) in (6, 4)


@testing.parameterize({'p': 1}, {'p': 2})
@testing.parameterize({'q': 'a'}, {'q': 'b'})
class TestStacked(unittest.TestCase):

    def test_both(self):
        assert self.p in (1, 2)
        assert self.q in ('a', 'b')


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32],
    'shape': [(), (2, 3)],
}))
class TestProductClasses(unittest.TestCase):

    def test_array(self):
        x = numpy.zeros(self.shape, self.dtype)
        assert x.dtype == self.dtype


_module = sys.modules[__name__]


def _generated(prefix):
    return sorted(n for n in vars(_module) if n.startswith(prefix + '_'))


class TestGeneratedClasses(unittest.TestCase):

    def test_names(self):
        assert _generated('TestSimple') == [
            "TestSimple_param_0_{a=1, b='x'}",
            "TestSimple_param_1_{a=2, b='y'}",
        ]

    def test_decorated_name_is_a_bundle(self):
        # The base class must not be collected itself.
        assert isinstance(TestSimple, _bundle._ParameterizedTestCaseBundle)
        assert not isinstance(TestSimple, type)
        assert [c.class_name for c in TestSimple.cases] == _generated(
            'TestSimple')

    def test_generated_classes(self):
        for i, name in enumerate(_generated('TestSimple')):
            cls = getattr(_module, name)
            assert cls.__name__ == name
            assert cls.__module__ == __name__
            assert issubclass(cls, unittest.TestCase)
            assert cls.a == i + 1

    def test_function_parameter_name(self):
        assert _generated('TestFunctionParameter') == [
            'TestFunctionParameter_param_0_{f=_double}',
            'TestFunctionParameter_param_1_{f=<lambda>}',
        ]

    def test_stacked_names(self):
        # Intermediate classes are removed from the module.
        assert _generated('TestStacked') == [
            "TestStacked_param_0_{q='a'}_param_0_{p=1}",
            "TestStacked_param_0_{q='a'}_param_1_{p=2}",
            "TestStacked_param_1_{q='b'}_param_0_{p=1}",
            "TestStacked_param_1_{q='b'}_param_1_{p=2}",
        ]

    def test_product_names(self):
        assert _generated('TestProductClasses') == [
            'TestProductClasses_param_0_{dtype=float16, shape=()}',
            'TestProductClasses_param_1_{dtype=float16, shape=(2, 3)}',
            'TestProductClasses_param_2_{dtype=float32, shape=()}',
            'TestProductClasses_param_3_{dtype=float32, shape=(2, 3)}',
        ]


def _make_module_class(namespace, params, body):
    # Defines and parameterizes a class in this module, returning the
    # generated classes; the caller removes them again.
    cls = type(namespace, (unittest.TestCase,),
               dict(body, __module__=__name__))
    bundle = testing.parameterize(*params)(cls)
    return [c.klass for c in bundle.cases]


class TestLongNames(unittest.TestCase):

    def tearDown(self):
        for name in _generated('TmpLong'):
            delattr(_module, name)

    def test_value_shortened(self):
        cls, = _make_module_class(
            'TmpLong', [{'s': 'z' * 150}], {'test_x': lambda self: None})
        assert cls.__name__ == (
            "TmpLong_param_0_{s='" + 'z' * 47 + '...' + 'z' * 48 + "'}")
        assert cls.s == 'z' * 150


class TestFailureMessage(unittest.TestCase):

    def tearDown(self):
        for name in _generated('TmpFail'):
            delattr(_module, name)

    def _run(self, error):
        def test_fails(self):
            raise error

        cls, = _make_module_class(
            'TmpFail', [{'n': 3, 'dtype': numpy.float32}],
            {'test_fails': test_fails})
        return cls('test_fails').test_fails

    def test_message_lists_parameters(self):
        with pytest.raises(ValueError) as e:
            self._run(ValueError('bad value'))()
        assert str(e.value) == (
            'Parameterized test failed.\n\n'
            'Base test method: TmpFail.test_fails\n'
            'Test parameters:\n'
            "  dtype: <class 'numpy.float32'>\n"
            '  n: 3\n'
            '\n\n(caused by)\nValueError: bad value\n')
        assert e.value.__cause__ is None

    def test_assertion_error(self):
        with pytest.raises(AssertionError, match='(caused by)'):
            self._run(AssertionError('1 != 2'))()

    def test_skip_passes_through(self):
        with pytest.raises(unittest.SkipTest, match='^why$'):
            self._run(unittest.SkipTest('why'))()

    def test_exception_needing_several_arguments(self):
        # InvalidType cannot be rebuilt from a message; it is kept and the
        # parameters are attached as a note.
        original = type_check.InvalidType('a', 'b')
        with pytest.raises(type_check.InvalidType) as e:
            self._run(original)()
        assert e.value is original
        if hasattr(e.value, '__notes__'):
            assert 'n: 3' in e.value.__notes__[0]

    def test_str_shows_parameters(self):
        cls, = _make_module_class(
            'TmpFail', [{'n': 3}], {'test_x': lambda self: None})
        assert str(cls('test_x')).endswith("  parameter: {'n': 3}")


class TestProduct(unittest.TestCase):

    def test_dict(self):
        assert testing.product({'a': [1, 2], 'b': [3, 4]}) == [
            {'a': 1, 'b': 3}, {'a': 1, 'b': 4},
            {'a': 2, 'b': 3}, {'a': 2, 'b': 4}]

    def test_dict_sorted_by_key(self):
        # Keys combine in sorted order whatever the dict order.
        assert testing.product({'b': [3, 4], 'a': [1, 2]}) == \
            testing.product({'a': [1, 2], 'b': [3, 4]})

    def test_dict_multiple_names(self):
        assert testing.product({'a': [1, 2], 'b,c': [(3, 4), (5, 6)]}) == [
            {'a': 1, 'b': 3, 'c': 4}, {'a': 1, 'b': 5, 'c': 6},
            {'a': 2, 'b': 3, 'c': 4}, {'a': 2, 'b': 5, 'c': 6}]

    def test_list(self):
        assert testing.product([
            [{'a': 1}, {'a': 2}],
            [{'b': 3, 'c': 4}],
        ]) == [{'a': 1, 'b': 3, 'c': 4}, {'a': 2, 'b': 3, 'c': 4}]

    def test_list_later_wins(self):
        assert testing.product([[{'a': 1}], [{'a': 9}]]) == [{'a': 9}]

    def test_empty(self):
        assert testing.product({}) == [{}]
        assert testing.product({'a': []}) == []

    def test_invalid(self):
        with pytest.raises(TypeError, match='either dict or list'):
            testing.product(1)
        with pytest.raises(TypeError, match='list of lists of dicts'):
            testing.product([[1]])
        with pytest.raises(TypeError, match='list of lists of dicts'):
            testing.product([{'a': 1}])


class TestProductDict(unittest.TestCase):

    def test_product(self):
        assert testing.product_dict(
            [{'a': 1}, {'a': 2}], [{'b': 1}, {'b': 2}, {'b': 3}]) == [
                {'a': a, 'b': b} for a in (1, 2) for b in (1, 2, 3)]

    def test_no_argument(self):
        assert testing.product_dict() == [{}]

    def test_new_dicts(self):
        src = [{'a': 1}]
        out = testing.product_dict(src)
        assert out == src and out[0] is not src[0]


class TestPytestStyle(unittest.TestCase):

    def test_single_name(self):
        assert testing.from_pytest_parameterize('x', [1, (2, 3)]) == [
            {'x': 1}, {'x': (2, 3)}]

    def test_several_names(self):
        assert testing.from_pytest_parameterize(
            'x,y', [(1, 2), [3, 4]]) == [{'x': 1, 'y': 2}, {'x': 3, 'y': 4}]

    def test_wrong_length(self):
        with pytest.raises(AssertionError):
            testing.from_pytest_parameterize('x,y', [(1, 2, 3)])


@testing.parameterize_pytest('m,n', [(1, 2), (3, 4)])
class TestParameterizePytest(unittest.TestCase):

    def test_values(self):
        assert (self.m, self.n) in [(1, 2), (3, 4)]
