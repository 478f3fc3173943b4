"""Generates the training interchange fixtures with real Chainer 7.8.1.

Run with the reference interpreter from the repository root::

    /work/refvenv/bin/python compat_tests/training/generate.py

It runs ``programs/train_resumable.py`` under real Chainer (the
interpreter running this script) and writes, atomically, into
``fixtures/``:

- ``chainer_snapshot_iter_8``: the snapshot Chainer's trainer wrote at
  iteration 8 of the 18-iteration run;
- ``chainer_log.json``: Chainer's LogReport ``log`` of that run;
- ``chainer_final.npz``: ``save_npz`` of Chainer's trainer at the end;
- ``chainer_snapshot_keys.json``: for each snapshot of that run
  (``snapshot_iter_4`` ... ``_16``), its keys with their dtypes and
  shapes;
- ``chainer_from_chainerjax.json``: what Chainer restored when it
  autoloaded ``fixtures/chainerjax_snapshot_iter_8`` (written by
  chainerjax with ``make_chainerjax_snapshot.py``, committed) into the
  same program: the program's ``resumed.json`` (iteration, epoch,
  optimizer ``t``, per-parameter sums), then, after training on to
  iteration 18, the ``log`` and the final per-parameter sums;
- ``example_<name>_log.json``: the LogReport ``log`` of each example of
  ``examples/`` listed in ``EXAMPLES`` (issue 6 item 7), run for a few
  iterations with the flags given there. The examples' default data set
  is scikit-learn's bundled digits, so scikit-learn must be importable;
  without it the other fixtures are still written and the script exits
  with status 1 naming what is missing;
- ``VERSIONS.json``.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import numpy

import chainer

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, 'fixtures')
PROGRAM = os.path.join(HERE, 'programs', 'train_resumable.py')
EXAMPLES_DIR = os.path.join(os.path.dirname(os.path.dirname(HERE)),
                            'examples')

# name -> (script under examples/, arguments); test_examples.py runs the
# same under chainerjax.
EXAMPLES = {
    'mnist': ('mnist/train_mnist.py', ['--epoch', '1', '--unit', '20',
                                       '--noplot']),
    'dcgan': ('dcgan/train_dcgan.py', ['--test', '--epoch', '1',
                                       '--snapshot_interval', '2',
                                       '--display_interval', '1',
                                       '--noplot']),
    'ptb': ('ptb/train_ptb.py', ['--test', '--epoch', '1']),
}


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


def _copy(src, dst):
    _atomic(dst, lambda tmp: shutil.copyfile(src, tmp))


def _write_json(path, obj):
    def write(tmp):
        with open(tmp, 'w') as f:
            json.dump(obj, f, indent=1, sort_keys=True)
            f.write('\n')
    _atomic(path, write)


def _run(out):
    env = dict(os.environ)
    env.pop('TRAIN_KILL_AT_ITERATION', None)
    env.pop('TRAIN_KILL_IN_SNAPSHOT', None)
    subprocess.check_call([sys.executable, PROGRAM, '--out', out], env=env)


def _read_json(path):
    with open(path) as f:
        return json.load(f)


def _param_sums(path):
    prefix = 'updater/model:main'
    with numpy.load(path) as f:
        return {k[len(prefix):]: float(numpy.asarray(f[k], numpy.float64)
                                       .sum())
                for k in sorted(f.keys()) if k.startswith(prefix + '/')}


def _run_examples(tmp):
    try:
        import sklearn  # noqa: F401
    except ImportError:
        return 'scikit-learn is missing: the example logs were not written'
    env = dict(os.environ, MPLBACKEND='Agg')
    for name, (script, args) in sorted(EXAMPLES.items()):
        cwd = os.path.join(tmp, 'example_' + name)
        os.makedirs(cwd)
        out = os.path.join(cwd, 'result')
        subprocess.check_call(
            [sys.executable, os.path.join(EXAMPLES_DIR, script)] + args
            + ['--out', out], cwd=cwd, env=env, stdout=subprocess.DEVNULL)
        _copy(os.path.join(out, 'log'),
              os.path.join(FIXTURES, 'example_%s_log.json' % name))
    return None


def main():
    if chainer.__version__ != '7.8.1' or 'chainerjax' in chainer.__file__:
        sys.exit('real Chainer 7.8.1 is needed, found {} at {}'.format(
            chainer.__version__, chainer.__file__))
    os.makedirs(FIXTURES, exist_ok=True)
    tmp = tempfile.mkdtemp()
    try:
        full = os.path.join(tmp, 'full')
        _run(full)
        _copy(os.path.join(full, 'snapshot_iter_8'),
              os.path.join(FIXTURES, 'chainer_snapshot_iter_8'))
        _copy(os.path.join(full, 'log'),
              os.path.join(FIXTURES, 'chainer_log.json'))
        _copy(os.path.join(full, 'final.npz'),
              os.path.join(FIXTURES, 'chainer_final.npz'))
        layout = {}
        for it in (4, 8, 12, 16):
            name = 'snapshot_iter_%d' % it
            # allow_pickle: Chainer saves a best_value of None as an
            # object array.
            with numpy.load(os.path.join(full, name),
                            allow_pickle=True) as f:
                layout[name] = {k: [f[k].dtype.str, list(f[k].shape)]
                                for k in f.keys()}
        _write_json(os.path.join(FIXTURES, 'chainer_snapshot_keys.json'),
                    layout)

        theirs = os.path.join(FIXTURES, 'chainerjax_snapshot_iter_8')
        if not os.path.exists(theirs):
            sys.exit('{} is missing: run make_chainerjax_snapshot.py with '
                     'chainerjax first'.format(theirs))
        resumed = os.path.join(tmp, 'from_chainerjax')
        os.makedirs(resumed)
        shutil.copyfile(theirs, os.path.join(resumed, 'snapshot_iter_8'))
        _run(resumed)
        _write_json(os.path.join(FIXTURES, 'chainer_from_chainerjax.json'), {
            'restored': _read_json(os.path.join(resumed, 'resumed.json')),
            'final_log': _read_json(os.path.join(resumed, 'log')),
            'final_param_sums': _param_sums(
                os.path.join(resumed, 'final.npz')),
        })
        problem = _run_examples(tmp)
    finally:
        shutil.rmtree(tmp)
    _write_json(os.path.join(FIXTURES, 'VERSIONS.json'), {
        'chainer': chainer.__version__, 'numpy': numpy.__version__,
        'python': sys.version.split()[0]})
    if problem:
        sys.exit(problem)


if __name__ == '__main__':
    main()
