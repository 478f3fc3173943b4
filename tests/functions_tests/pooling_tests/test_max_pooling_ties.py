"""Max pooling on tied inputs against real Chainer 7.8.1
(``fixtures_ties.npz``, made by ``make_fixtures_ties.py``).

Where a window has several maxima, Chainer gives the whole gradient of the
window to the first one (row-major order within the window, ``-inf``
padding included), accumulates it over overlapping windows, and its double
backward gathers the gradient at that same position. Every value here is
a small integer, so the results are compared exactly.
"""
import json
import os
import unittest

import jax
import numpy

import chainerjax
from chainerjax import functions
from chainerjax import testing

_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                     'fixtures_ties.npz')
with numpy.load(_PATH) as _f:
    _DATA = {k: _f[k] for k in _f.files}
_NAMES = sorted({k.split('/')[0] for k in _DATA})

_FUNCS = {'1d': functions.max_pooling_1d, '2d': functions.max_pooling_2d,
          '3d': functions.max_pooling_3d}


@testing.parameterize(*testing.product({'case': _NAMES}))
class TestMaxPoolingTies(unittest.TestCase):

    def setUp(self):
        d = {k.split('/')[1]: v for k, v in _DATA.items()
             if k.split('/')[0] == self.case}
        self.d = d
        self.kwargs = {k: tuple(v) if isinstance(v, list) else v
                       for k, v in json.loads(str(d['kwargs'])).items()}
        self.func = _FUNCS[self.case.split('_')[2]]

    def test_forward_and_indexes(self):
        y, indexes = self.func(self.d['x'], return_indices=True,
                               **self.kwargs)
        assert y.dtype == self.d['x'].dtype
        numpy.testing.assert_array_equal(y.array, self.d['y'])
        numpy.testing.assert_array_equal(indexes, self.d['indexes'])

    def test_backward_and_double_backward(self):
        x = chainerjax.Variable(self.d['x'])
        gy = chainerjax.Variable(self.d['gy'])
        y = self.func(x, **self.kwargs)
        gx, = chainerjax.grad([y], [x], [gy], enable_double_backprop=True)
        assert gx.dtype == x.dtype
        numpy.testing.assert_array_equal(gx.array, self.d['gx'])
        ggy, ggx_x = chainerjax.grad([gx], [gy, x],
                                     [chainerjax.Variable(self.d['ggx'])])
        # In a window whose maximum is -inf and whose first element is
        # padding, Chainer (on CPU) gathers the -inf of its padded ggx;
        # padding contributes 0 here.
        expected = self.d['ggy']
        numpy.testing.assert_array_equal(
            ggy.array, numpy.where(numpy.isneginf(expected), 0, expected))
        # Chainer's gradient of max pooling does not depend on x smoothly.
        assert ggx_x is None or not numpy.any(ggx_x.array)

    def test_jit_grad(self):
        # The compiled path (jax.grad of the same forward) follows the
        # same rule.
        gy = self.d['gy']

        def loss(x):
            return functions.sum(self.func(x, **self.kwargs) * gy).array

        gx = jax.jit(jax.grad(loss))(self.d['x'])
        numpy.testing.assert_array_equal(numpy.asarray(gx), self.d['gx'])


testing.run_module(__name__, __file__)
