import numpy
import pytest

from chainerjax import functions
from chainerjax import testing
from chainerjax.utils import type_check


@testing.parameterize(*testing.product({
    'slices': [
        (slice(None), [0, 0, 2]),
        1,
        [1, 0, 1],
        (Ellipsis, slice(0, 2)),
        (None, slice(None), 0),
        numpy.array([[True, False, True, False],
                     [False, False, True, True],
                     [True, True, False, False]]),
    ],
    'dtype': [numpy.float32],
}) + [{'slices': (slice(None), [0, 0, 2]), 'dtype': numpy.float16},
      {'slices': (slice(None), [0, 0, 2]), 'dtype': numpy.float64}])
@testing.inject_backend_tests(None, [{}])
class TestScatterAdd(testing.FunctionTestCase):

    def setUp(self):
        if self.dtype == numpy.float16:
            self.check_forward_options = {'atol': 1e-3, 'rtol': 1e-3}

    def _key(self):
        s = self.slices
        if isinstance(s, list):
            return (numpy.asarray(s),)
        return s

    def generate_inputs(self):
        a = numpy.random.uniform(-1, 1, (3, 4)).astype(self.dtype)
        b_shape = a[self._key()].shape
        b = numpy.random.uniform(-1, 1, b_shape).astype(self.dtype)
        return a, b

    def forward(self, inputs, device):
        a, b = inputs
        return functions.scatter_add(a, self.slices, b),

    def forward_expected(self, inputs):
        a, b = inputs
        y = a.copy()
        numpy.add.at(y, self._key(), b)
        return y,


class TestScatterAddErrors(object):

    def test_no_broadcast(self):
        with pytest.raises(ValueError):
            functions.scatter_add(numpy.zeros((3, 4), numpy.float32), 0,
                                  numpy.zeros((1,), numpy.float32))

    def test_too_many_slices(self):
        with pytest.raises(type_check.InvalidType):
            functions.scatter_add(numpy.zeros((3,), numpy.float32), (0, 0),
                                  numpy.zeros((), numpy.float32))


testing.run_module(__name__, __file__)
