"""Records link fixtures with real Chainer 7.8.1 (used by the
``make_fixtures.py`` scripts of the link test folders; it imports only
Chainer and NumPy).

A case ``<name>`` is stored as:

* ``<name>/spec``: JSON ``{"link": class name in chainer.links, "args",
  "kwargs", "functions": {kwarg: name in chainer.functions}, "arrays":
  [names of positional constructor arrays], "dtype", "fwd_kwargs",
  "state_keys"}``; a positional argument ``"@<k>"`` is the array
  ``<name>/ctor/<k>``;
* forward cases: ``<name>/param/<path>`` (the parameters set before the
  forward, drawn uniformly), ``<name>/x<i>`` (inputs), ``<name>/akw/<k>``
  (array keyword arguments of the forward), ``<name>/y``, ``<name>/gy``,
  ``<name>/gx<i>`` and ``<name>/gparam/<path>`` (Chainer's gradients for
  ``gy``);
* every case: ``<name>/state/<key>``, what ``chainer.serializers`` saves
  of the link after the case ran (parameters and persistent values; the
  keys of None values are only listed in ``state_keys``; for forward
  cases the parameters are not repeated there).

For initialization cases the link is built right after
``numpy.random.seed(seed)`` (and, when lazy, called on ones right after
``numpy.random.seed(seed + 1)``), so ``state`` holds Chainer's default
initial values.
"""
import json
import os
import tempfile

import numpy

import chainer
import chainer.functions as F
import chainer.links as L
from chainer import serializers


def uniform(seed, shape, dtype, lo=-1, hi=1):
    return numpy.random.RandomState(seed).uniform(lo, hi, shape).astype(dtype)


class Maker(object):

    def __init__(self):
        self.store = {}
        self.n_cases = 0

    def _build(self, name, link, args, kwargs, functions, ctor_arrays,
               dtype):
        assert name + '/spec' not in self.store, name
        real_args = []
        for a in args:
            if isinstance(a, str) and a.startswith('@'):
                a = ctor_arrays[a[1:]]
            real_args.append(a)
        real_kwargs = dict(kwargs)
        for k, fname in functions.items():
            real_kwargs[k] = getattr(F, fname)
        for k, a in ctor_arrays.items():
            self.store['{}/ctor/{}'.format(name, k)] = a
        with chainer.using_config('dtype', dtype):
            return getattr(L, link)(*real_args, **real_kwargs)

    def _finish(self, name, obj, spec, skip=()):
        state = {}
        serializers.DictionarySerializer(state).save(obj)
        spec['state_keys'] = sorted(state)
        for k, v in state.items():
            if v is not None and k not in skip:
                self.store['{}/state/{}'.format(name, k)] = numpy.asarray(v)
        self.store[name + '/spec'] = numpy.array(json.dumps(spec))
        self.n_cases += 1

    def forward_case(self, name, link, args=(), kwargs=None, inputs=(),
                     fwd_kwargs=None, array_kwargs=None, functions=None,
                     ctor_arrays=None, dtype='float32'):
        """Builds the link, sets random parameters, runs forward and
        backward and records everything."""
        kwargs = kwargs or {}
        fwd_kwargs = fwd_kwargs or {}
        array_kwargs = array_kwargs or {}
        functions = functions or {}
        ctor_arrays = ctor_arrays or {}
        obj = self._build(name, link, args, kwargs, functions, ctor_arrays,
                          dtype)
        seed = 1000 + self.n_cases * 10
        for i, (path, p) in enumerate(sorted(obj.namedparams())):
            assert p.array is not None, (name, path)
            p.array[...] = uniform(seed + i, p.shape, p.dtype)
            self.store['{}/param{}'.format(name, path)] = p.array.copy()
        vs = [chainer.Variable(a) for a in inputs]
        for i, a in enumerate(inputs):
            self.store['{}/x{}'.format(name, i)] = a
        for k, a in array_kwargs.items():
            self.store['{}/akw/{}'.format(name, k)] = a
        all_kwargs = dict(fwd_kwargs)
        all_kwargs.update(array_kwargs)
        obj.cleargrads()
        y = obj(*vs, **all_kwargs)
        gy = uniform(seed - 1, y.shape, y.dtype)
        y.grad = gy.copy()   # Chainer may modify the gradient in place
        y.backward()
        self.store[name + '/y'] = y.array
        self.store[name + '/gy'] = gy
        for i, v in enumerate(vs):
            if v.grad is not None:
                self.store['{}/gx{}'.format(name, i)] = v.grad
        for path, p in obj.namedparams():
            if p.grad is not None:
                self.store['{}/gparam{}'.format(name, path)] = p.grad
        # The parameters are unchanged by the forward: ``param/`` has them.
        skip = [path[1:] for path, _ in obj.namedparams()]
        self._finish(name, obj, {
            'link': link, 'args': list(args), 'kwargs': kwargs,
            'functions': functions, 'arrays': sorted(ctor_arrays),
            'dtype': dtype, 'fwd_kwargs': fwd_kwargs}, skip)

    def init_case(self, name, link, args=(), kwargs=None, seed=0,
                  lazy_input_shape=None, dtype='float32'):
        """Records Chainer's default initial parameters (after a first
        forward on ones if ``lazy_input_shape`` is given)."""
        kwargs = kwargs or {}
        numpy.random.seed(seed)
        obj = self._build(name, link, args, kwargs, {}, {}, dtype)
        spec = {'link': link, 'args': list(args), 'kwargs': kwargs,
                'functions': {}, 'arrays': [], 'dtype': dtype, 'seed': seed,
                'lazy_input_shape': lazy_input_shape}
        if lazy_input_shape is not None:
            numpy.random.seed(seed + 1)
            with chainer.using_config('dtype', dtype):
                obj(numpy.ones(lazy_input_shape, dtype))
        self._finish(name, obj, spec)

    def write(self, path):
        """Writes the fixtures to ``path`` atomically."""
        directory = os.path.dirname(os.path.abspath(path))
        fd, tmp = tempfile.mkstemp(suffix='.npz', dir=directory)
        try:
            with os.fdopen(fd, 'wb') as f:
                numpy.savez_compressed(f, **self.store)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        print('wrote {} cases ({} arrays) to {}'.format(
            self.n_cases, len(self.store), path))
