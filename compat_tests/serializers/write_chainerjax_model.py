"""Writes ``fixtures/chainerjax_model.npz`` with chainerjax's ``save_npz``.

The model of ``_model.py``, built from ``numpy.random.seed(CHAINERJAX_SEED)``
and run on the chainerjax warm-up batches in train mode. Run it from the
repository root with chainerjax's interpreter, then ``generate.py`` with
real Chainer (which loads this file and records its outputs)::

    /work/venv/bin/python compat_tests/serializers/write_chainerjax_model.py
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

import chainerjax  # NOQA
from compat_tests.serializers import _model  # NOQA

PATH = os.path.join(HERE, 'fixtures', 'chainerjax_model.npz')


def make_model():
    return _model.make_model(chainerjax, _model.CHAINERJAX_SEED,
                             _model.CHAINERJAX_WARMUP)


def main():
    os.makedirs(os.path.dirname(PATH), exist_ok=True)
    # chainerjax's save_npz writes to a temporary file and renames it.
    chainerjax.serializers.save_npz(PATH, make_model())


if __name__ == '__main__':
    main()
