"""Generates the seed-model fixtures with real Chainer 7.8.1.

Run from the repository root with the reference interpreter::

    /work/refvenv/bin/python compat_tests/links/generate.py

For each model of ``_seed_models.py`` (``linear``, ``squeezenet``) writes
(atomically) into ``fixtures/``: ``<model>_weights.npz``
(``chainer.serializers.save_npz`` of the model built from its NumPy seed)
and ``<model>_outputs.npz`` (``_seed_models.run``: output, loss, the
gradients of a few parameters and of the input, test mode); for SqueezeNet
also ``squeezenet_outputs_float64.npz``, the same run with the weights and
the input in float64.
"""
import json
import os
import sys
import tempfile
import warnings

import numpy

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

import chainer  # NOQA
from compat_tests.links import _seed_models  # NOQA

FIXTURES = os.path.join(HERE, 'fixtures')


def _atomic(path, write):
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix='.tmp')
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def _save_outputs(name, out):
    def write(tmp):
        with open(tmp, 'wb') as f:
            numpy.savez_compressed(f, **out)
    _atomic(os.path.join(FIXTURES, name), write)


def main():
    if chainer.__version__ != '7.8.1' or 'chainerjax' in chainer.__file__:
        sys.exit('real Chainer 7.8.1 is needed, found {} at {}'.format(
            chainer.__version__, chainer.__file__))
    warnings.simplefilter('ignore')
    os.makedirs(FIXTURES, exist_ok=True)
    for which in ('linear', 'squeezenet'):
        model = _seed_models.make(chainer, which)
        _atomic(os.path.join(FIXTURES, which + '_weights.npz'),
                lambda tmp: chainer.serializers.save_npz(tmp, model))
        _save_outputs(which + '_outputs.npz',
                      _seed_models.run(chainer, model, which))
        if which == 'squeezenet':
            _seed_models.cast(model, numpy.float64)
            _save_outputs(which + '_outputs_float64.npz',
                          _seed_models.run(chainer, model, which,
                                           numpy.float64))
    meta = {'chainer': chainer.__version__, 'numpy': numpy.__version__,
            'python': '%d.%d' % sys.version_info[:2]}
    _atomic(os.path.join(FIXTURES, 'VERSIONS.json'),
            lambda tmp: open(tmp, 'w').write(
                json.dumps(meta, indent=1, sort_keys=True) + '\n'))


if __name__ == '__main__':
    main()
