"""Runs the link cases recorded from real Chainer 7.8.1 by a
``make_fixtures.py`` (see ``_link_fixture_maker.py`` for the layout).

* :meth:`LinkFixtures.check_forward_case` builds the same link, gives it
  the recorded parameters, and compares the parameter names, shapes and
  dtypes, the output, the input and parameter gradients for the recorded
  upstream gradient, and the serialized state (keys and persistent values)
  with Chainer's.
* :meth:`LinkFixtures.check_init_case` builds the link after the same
  ``numpy.random.seed`` (calls it on ones if it is lazy) and compares every
  serialized array with Chainer's default initial values.
"""
import json
import os

import numpy

import chainerjax
import chainerjax.functions as F
import chainerjax.links as L
from chainerjax.serializers import npz


def _tuples(value):
    # JSON turned Chainer's tuples into lists.
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    if isinstance(value, dict):
        return {k: _tuples(v) for k, v in value.items()}
    return value


def tolerances(dtype):
    """(forward, gradient) tolerances against Chainer for ``dtype``."""
    dtype = numpy.dtype(dtype)
    if dtype == numpy.float16:
        return ({'atol': 1e-2, 'rtol': 1e-2}, {'atol': 5e-2, 'rtol': 5e-2})
    if dtype == numpy.float32:
        return ({'atol': 1e-5, 'rtol': 1e-4}, {'atol': 1e-4, 'rtol': 1e-3})
    return ({'atol': 1e-12, 'rtol': 1e-10}, {'atol': 1e-11, 'rtol': 1e-9})


class LinkFixtures(object):

    def __init__(self, path):
        self.path = path
        with numpy.load(path) as f:
            self._data = {k: f[k] for k in f.files}

    def names(self, *prefixes):
        """The case names equal to or starting with ``prefix + '_'`` for
        one of ``prefixes`` (sorted)."""
        names = set()
        for prefix in prefixes:
            found = {k.split('/')[0] for k in self._data
                     if k.split('/')[0] == prefix
                     or k.startswith(prefix + '_')}
            if not found:
                raise KeyError(prefix)
            names |= found
        return sorted(names)

    def check(self, name):
        """Runs :meth:`check_init_case` for ``init_*`` cases, else
        :meth:`check_forward_case`."""
        if name.startswith('init_'):
            return self.check_init_case(name)
        return self.check_forward_case(name)

    def spec(self, name):
        return json.loads(str(self._data[name + '/spec']))

    def get(self, name, key):
        return self._data.get('{}/{}'.format(name, key))

    def _with_prefix(self, name, prefix):
        start = '{}/{}/'.format(name, prefix)
        return {k[len(start):]: v for k, v in self._data.items()
                if k.startswith(start)}

    def build(self, name):
        """Builds the link of case ``name`` (default initial values)."""
        spec = self.spec(name)
        args = []
        for a in _tuples(spec['args']):
            if isinstance(a, str) and a.startswith('@'):
                a = self.get(name, 'ctor/' + a[1:]).copy()
            args.append(a)
        kwargs = _tuples(spec['kwargs'])
        for k, fname in spec['functions'].items():
            kwargs[k] = getattr(F, fname)
        with chainerjax.using_config('dtype', numpy.dtype(spec['dtype'])):
            return getattr(L, spec['link'])(*args, **kwargs)

    def _check_state(self, link, name, skip_params, tol,
                     persistent_tol=None):
        spec = self.spec(name)
        state = npz.serialize(link)
        assert sorted(state) == spec['state_keys']
        params = {p[1:] for p, _ in link.namedparams()}
        expected = self._with_prefix(name, 'state')
        for key in spec['state_keys']:
            if skip_params and key in params:
                continue
            if key not in expected:   # None in Chainer
                assert state[key] is None, key
                continue
            actual = numpy.asarray(state[key])
            assert actual.dtype == expected[key].dtype, key
            assert actual.shape == expected[key].shape, key
            if key not in params:
                tol = persistent_tol or tol
            if tol is None:
                numpy.testing.assert_array_equal(actual, expected[key],
                                                 err_msg=key)
            else:
                numpy.testing.assert_allclose(actual, expected[key],
                                              err_msg=key, **tol)

    def check_forward_case(self, name):
        spec = self.spec(name)
        link = self.build(name)
        fwd_tol, grad_tol = tolerances(spec['dtype'])
        params = self._with_prefix(name, 'param')
        named = dict(link.namedparams())
        assert sorted(p[1:] for p in named) == sorted(params)
        for key, value in params.items():
            p = named['/' + key]
            assert p.shape == value.shape and p.dtype == value.dtype, key
            p.array = value.copy()
        n_in = len([k for k in self._data
                    if k.startswith(name + '/x')])
        xs = [chainerjax.Variable(self.get(name, 'x{}'.format(i)).copy())
              for i in range(n_in)]
        kwargs = dict(spec['fwd_kwargs'])
        for k, v in self._with_prefix(name, 'akw').items():
            kwargs[k] = v.copy()
        link.cleargrads()
        y = link(*xs, **kwargs)
        expected = self.get(name, 'y')
        assert y.dtype == expected.dtype and y.shape == expected.shape
        numpy.testing.assert_allclose(y.array, expected, **fwd_tol)
        y.grad = self.get(name, 'gy').copy()
        y.backward()
        for i, x in enumerate(xs):
            gx = self.get(name, 'gx{}'.format(i))
            if gx is None:
                assert x.grad is None
                continue
            assert x.grad.dtype == gx.dtype
            numpy.testing.assert_allclose(x.grad, gx, err_msg='x%d' % i,
                                          **grad_tol)
        gparams = self._with_prefix(name, 'gparam')
        for key, p in named.items():
            g = gparams.get(key[1:])
            if g is None:
                assert p.grad is None, key
                continue
            assert p.grad.dtype == g.dtype, key
            numpy.testing.assert_allclose(p.grad, g, err_msg=key,
                                          **grad_tol)
        self._check_state(link, name, True, fwd_tol)
        return link

    def check_init_case(self, name):
        spec = self.spec(name)
        dtype = numpy.dtype(spec['dtype'])
        numpy.random.seed(spec['seed'])
        link = self.build(name)
        if spec['lazy_input_shape'] is not None:
            shape = tuple(spec['lazy_input_shape'])
            assert any(p.array is None for p in link.params())
            numpy.random.seed(spec['seed'] + 1)
            with chainerjax.using_config('dtype', dtype):
                link(numpy.ones(shape, dtype))
        # Initial parameters are equal; persistent values updated by the
        # first forward (batch statistics) are close.
        self._check_state(link, name, False, None, tolerances(dtype)[0])
        return link


def here(test_file):
    return LinkFixtures(os.path.join(
        os.path.dirname(os.path.abspath(test_file)), 'fixtures.npz'))
