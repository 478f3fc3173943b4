"""Compares the recurrent links with real Chainer 7.8.1 (fixtures.npz, see
make_fixtures.py and _scenarios.py)."""
import os

import numpy

import chainerjax as chainer
import chainerjax.links as L
from tests.link_tests.rnn_tests import _scenarios

_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                     'fixtures.npz')
_data = None
TOL = {'rtol': 1e-4, 'atol': 1e-5}


def load():
    global _data
    if _data is None:
        with numpy.load(_PATH) as f:
            _data = dict(f.items())
    return _data


def params(name, prefix='p'):
    """The parameters (or their gradients, ``prefix='gp'``) of a scenario
    in Chainer, by path."""
    head = '{}/{}/'.format(name, prefix)
    return {k[len(head) - 1:]: v for k, v in load().items()
            if k.startswith(head)}


def make_link(name):
    """Builds the link of a scenario from the same NumPy seed as in
    Chainer and checks its parameter paths, shapes and initial values."""
    sc = _scenarios.SCENARIOS[name]
    numpy.random.seed(sc['seed'])
    link = getattr(L, sc['cls'])(*sc['args'])
    want = params(name)
    got = {path: p.array for path, p in link.namedparams()}
    assert sorted(got) == sorted(want)
    for path, a in want.items():
        assert got[path].shape == a.shape and got[path].dtype == a.dtype
        numpy.testing.assert_allclose(got[path], a, rtol=1e-6, atol=1e-7,
                                      err_msg=path)
    # The forward is checked from exactly Chainer's values.
    for path, p in link.namedparams():
        p.array = want[path].copy()
    return link


def inputs(name, as_variables=True):
    d = load()
    ins = []
    while '{}/in{}'.format(name, len(ins)) in d:
        a = d['{}/in{}'.format(name, len(ins))].copy()
        ins.append(chainer.Variable(a) if as_variables else a)
    return ins


def check(name):
    """Runs a scenario and compares the outputs (and, where the fixture has
    them, the parameter and input gradients) with Chainer's."""
    sc = _scenarios.SCENARIOS[name]
    d = load()
    link = make_link(name)
    vs = inputs(name)
    with chainer.using_config('train', sc['train']), \
            chainer.using_config('enable_backprop', sc['grad']):
        outs = sc['run'](link, vs)
    n_out = len([k for k in d if k.startswith(name + '/y')])
    assert len(outs) == n_out
    for j, y in enumerate(outs):
        want = d['{}/y{}'.format(name, j)]
        assert y.shape == want.shape and y.dtype == want.dtype, j
        numpy.testing.assert_allclose(y.array, want, err_msg='y%d' % j,
                                      **TOL)
    if not sc['grad']:
        return link
    link.cleargrads()
    chainer.backward(outs, [chainer.Variable(d['{}/gy{}'.format(name, j)])
                            for j in range(n_out)])
    grads = dict(link.namedparams())
    for path, want in params(name, 'gp').items():
        assert grads[path].grad is not None, path
        numpy.testing.assert_allclose(grads[path].grad, want,
                                      err_msg='grad ' + path, **TOL)
    for i, v in enumerate(vs):
        numpy.testing.assert_allclose(v.grad, d['{}/gin{}'.format(name, i)],
                                      err_msg='gin%d' % i, **TOL)
    return link
