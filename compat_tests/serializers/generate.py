"""Generates the NPZ interchange fixtures with real Chainer 7.8.1.

Run from the repository root with the reference interpreter::

    /work/venv/bin/python compat_tests/serializers/write_chainerjax_model.py
    /work/refvenv/bin/python compat_tests/serializers/generate.py

Writes (atomically) into ``fixtures/``:

- ``chainer_model.npz``: ``chainer.serializers.save_npz`` of the model of
  ``_model.py`` (built from ``numpy.random.seed(CHAINER_SEED)``, after the
  train-mode warm-up batches);
- ``chainer_outputs.npz``: that model's outputs and gradients
  (``_model.outputs``);
- ``chainer_outputs_from_cjx.npz``: the outputs real Chainer computes after
  loading ``chainerjax_model.npz`` (written by chainerjax with
  ``write_chainerjax_model.py``; skipped with a message if it is absent);
- ``chainer_errors.json``: what Chainer's ``load_npz`` does with a missing
  key, an extra key and a wrong shape.
"""
import io
import json
import os
import sys
import tempfile
import warnings

import numpy

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

import chainer  # NOQA
from compat_tests.serializers import _model  # NOQA

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


def _savez(path, arrays):
    def write(tmp):
        with open(tmp, 'wb') as f:
            numpy.savez_compressed(f, **arrays)
    _atomic(path, write)


def _load_modified(raw, change):
    """Runs Chainer's load_npz on ``raw`` changed by ``change``; returns
    ``None`` or the error's class name and message."""
    d = dict(raw)
    change(d)
    buf = io.BytesIO()
    numpy.savez(buf, **d)
    buf.seek(0)
    model = _model.build(chainer)
    try:
        chainer.serializers.load_npz(buf, model)
    except Exception as e:   # recorded, not handled
        return {'type': type(e).__name__, 'message': str(e)}
    return None


def _errors(path):
    with numpy.load(path) as f:
        raw = dict(f.items())
    fc_w = raw['predictor/fc/W']

    def missing(d):
        del d['predictor/bn/avg_mean']

    def extra(d):
        d['predictor/extra/W'] = numpy.ones((2, 2), numpy.float32)

    def wrong_shape(d):
        d['predictor/fc/W'] = numpy.zeros(
            (fc_w.shape[0], fc_w.shape[1] + 1), fc_w.dtype)

    return {'missing': _load_modified(raw, missing),
            'extra': _load_modified(raw, extra),
            'wrong_shape': _load_modified(raw, wrong_shape)}


def main():
    if chainer.__version__ != '7.8.1' or 'chainerjax' in chainer.__file__:
        sys.exit('real Chainer 7.8.1 is needed, found {} at {}'.format(
            chainer.__version__, chainer.__file__))
    warnings.simplefilter('ignore')
    os.makedirs(FIXTURES, exist_ok=True)

    model = _model.make_model(chainer, _model.CHAINER_SEED,
                              _model.CHAINER_WARMUP)
    path = os.path.join(FIXTURES, 'chainer_model.npz')
    _atomic(path, lambda tmp: chainer.serializers.save_npz(tmp, model))
    _savez(os.path.join(FIXTURES, 'chainer_outputs.npz'),
           _model.outputs(chainer, model))

    errors = _errors(path)
    _atomic(os.path.join(FIXTURES, 'chainer_errors.json'),
            lambda tmp: open(tmp, 'w').write(
                json.dumps(errors, indent=1, sort_keys=True) + '\n'))

    cjx = os.path.join(FIXTURES, 'chainerjax_model.npz')
    if os.path.exists(cjx):
        model = _model.build(chainer)
        chainer.serializers.load_npz(cjx, model)
        _savez(os.path.join(FIXTURES, 'chainer_outputs_from_cjx.npz'),
               _model.outputs(chainer, model))
    else:
        print('%s is missing: run write_chainerjax_model.py with chainerjax '
              'first; chainer_outputs_from_cjx.npz not written' % cjx)

    meta = {'chainer': chainer.__version__, 'numpy': numpy.__version__,
            'python': '%d.%d' % sys.version_info[:2]}
    _atomic(os.path.join(FIXTURES, 'VERSIONS.json'),
            lambda tmp: open(tmp, 'w').write(
                json.dumps(meta, indent=1, sort_keys=True) + '\n'))


if __name__ == '__main__':
    main()
