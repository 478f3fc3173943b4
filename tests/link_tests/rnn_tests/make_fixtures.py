"""Generates fixtures.npz for the recurrent links with real Chainer 7.8.1.

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python tests/link_tests/rnn_tests/make_fixtures.py

For each scenario ``<name>`` of _scenarios.py: the initial parameters
``<name>/p<path>`` (by ``namedparams`` path, after ``numpy.random.seed``),
the inputs ``<name>/in<i>``, the outputs ``<name>/y<j>``; when gradients
are compared, the output gradients ``<name>/gy<j>``, the parameter
gradients ``<name>/gp<path>`` and the input gradients ``<name>/gin<i>``.
``NStepBiLSTM/npz/<key>`` holds what ``chainer.serializers.save_npz``
writes for that link.
"""
import os
import sys
import tempfile

import numpy

import chainer
import chainer.links as L

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import _scenarios  # NOQA

OUT = os.path.join(HERE, 'fixtures.npz')


def make(store, rs, name, sc):
    numpy.random.seed(sc['seed'])
    link = getattr(L, sc['cls'])(*sc['args'])
    for path, p in link.namedparams():
        store['{}/p{}'.format(name, path)] = p.array.copy()
    arrays = [rs.uniform(-1, 1, s).astype(numpy.float32)
              for s in sc['inputs']]
    vs = [chainer.Variable(a.copy()) for a in arrays]
    with chainer.using_config('train', sc['train']):
        outs = sc['run'](link, vs)
    for i, a in enumerate(arrays):
        store['{}/in{}'.format(name, i)] = a
    for j, y in enumerate(outs):
        store['{}/y{}'.format(name, j)] = y.array
    if not sc['grad']:
        return link
    gys = [chainer.Variable(rs.uniform(-1, 1, y.shape).astype(y.dtype))
           for y in outs]
    for j, gy in enumerate(gys):
        store['{}/gy{}'.format(name, j)] = gy.array.copy()
    link.cleargrads()
    chainer.backward(outs, gys)
    for path, p in link.namedparams():
        store['{}/gp{}'.format(name, path)] = p.grad
    for i, v in enumerate(vs):
        store['{}/gin{}'.format(name, i)] = v.grad
    return link


def main():
    rs = numpy.random.RandomState(0)
    store = {}
    for name in sorted(_scenarios.SCENARIOS):
        link = make(store, rs, name, _scenarios.SCENARIOS[name])
        if name == 'NStepBiLSTM':
            fd, tmp = tempfile.mkstemp(suffix='.npz')
            os.close(fd)
            try:
                chainer.serializers.save_npz(tmp, link)
                with numpy.load(tmp) as f:
                    for k in f.files:
                        store['{}/npz/{}'.format(name, k)] = f[k]
            finally:
                os.remove(tmp)
    fd, tmp = tempfile.mkstemp(suffix='.npz', dir=HERE)
    os.close(fd)
    numpy.savez_compressed(tmp, **store)
    os.chmod(tmp, 0o644)
    os.replace(tmp, OUT)


if __name__ == '__main__':
    main()
