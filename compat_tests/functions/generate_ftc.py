"""Golden outputs of the FunctionTestCase layer, from REAL Chainer 7.8.1.

Run with the reference interpreter (``import chainer`` is Chainer itself),
from the repository root::

    /work/refvenv/bin/python compat_tests/functions/generate_ftc.py [table ...]

For every case of ``ftc_cases_<table>.py`` and every parameter set of its
grid, the inputs are built (NumPy RandomState only), Chainer's forward pass
is run on them, and ``fixtures/ftc_<table>.npz`` gets, under the case key,
the outputs (``<key>/y<i>``) and a digest of the inputs
(``<key>/inputs_sha1``), plus ``__versions__`` (JSON text: the Chainer,
NumPy and Python versions used). Each file is written to a temporary file
and moved into place with ``os.replace``; regenerating without changing a
case leaves it byte-identical.
"""
import json
import os
import platform
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import numpy  # NOQA

import chainer  # NOQA
import chainer.functions as F  # NOQA

from compat_tests import _harness  # NOQA
from compat_tests.functions import ftc_cases  # NOQA

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        'fixtures')


def _check_reference():
    path = os.path.abspath(chainer.__file__)
    if 'chainerjax' in path or not hasattr(chainer, 'is_debug') or \
            chainer.__version__ != '7.8.1':
        sys.exit('generate_ftc.py must run with real Chainer 7.8.1; got '
                 'chainer {} from {}'.format(chainer.__version__, path))
    # Chainer 7.8.1's resize_images uses ``numpy.float``, the builtin
    # ``float`` that NumPy 1.24 removed: restore exactly that alias.
    if 'float' not in vars(numpy):
        numpy.float = float


def _versions():
    versions = {
        'chainer': chainer.__version__,
        'numpy': numpy.__version__,
        'python': platform.python_version(),
    }
    try:
        import scipy
    except ImportError:
        pass
    else:
        versions['scipy'] = scipy.__version__
    return versions


def run_case(case, given):
    """``{name: array}`` of one parameter set of ``case``."""
    p = case.resolve(given)
    key = case.key(p)
    xs = case.inputs(p)
    variables = [chainer.Variable(x) for x in xs]
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        ys = case.run(chainer, F, p, variables)
    out = {key + '/inputs_sha1': ftc_cases.digest(xs)}
    for i, y in enumerate(ys):
        if not isinstance(y, chainer.Variable):
            raise TypeError('{}: output {} is a {}, not a Variable'.format(
                key, i, type(y)))
        out['{}/y{}'.format(key, i)] = numpy.array(numpy.asarray(y.array))
    return out


def generate(table_name):
    table = ftc_cases.load_table(table_name)
    arrays = {}
    n = 0
    for case in table.cases:
        for given in case.param_sets():
            out = run_case(case, given)
            if set(out) & set(arrays):
                raise ValueError('duplicate keys: {}'.format(
                    sorted(set(out) & set(arrays))))
            arrays.update(out)
            n += 1
    arrays['__versions__'] = numpy.array(
        json.dumps(_versions(), sort_keys=True))
    path = os.path.join(FIXTURES, 'ftc_{}.npz'.format(table_name))
    _harness._atomic_write(path, lambda f: numpy.savez(f, **arrays))
    print('ftc_{}: {} cases, {} parameter sets'.format(
        table_name, len(table.cases), n))


def main(argv):
    _check_reference()
    for name in argv or ftc_cases.TABLES:
        generate(name)


if __name__ == '__main__':
    main(sys.argv[1:])
