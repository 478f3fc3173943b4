"""Writes ``fixtures/chainerjax_snapshot_iter_8``: the snapshot that
chainerjax's trainer writes at iteration 8 of
``programs/train_resumable.py`` (run under ``python -m chainerjax``).

Run with the development interpreter from the repository root, before
``generate.py`` (which loads this snapshot into real Chainer)::

    python compat_tests/training/make_chainerjax_snapshot.py
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, 'fixtures')
PROGRAM = os.path.join(HERE, 'programs', 'train_resumable.py')


def main():
    import chainerjax  # noqa: F401  (fails early without chainerjax)
    os.makedirs(FIXTURES, exist_ok=True)
    tmp = tempfile.mkdtemp()
    try:
        env = dict(os.environ)
        env.setdefault('JAX_PLATFORMS', 'cpu')
        env.pop('TRAIN_KILL_AT_ITERATION', None)
        env.pop('TRAIN_KILL_IN_SNAPSHOT', None)
        subprocess.check_call(
            [sys.executable, '-m', 'chainerjax', PROGRAM, '--out', tmp,
             '--stop', '8'], env=env)
        dst = os.path.join(FIXTURES, 'chainerjax_snapshot_iter_8')
        fd, part = tempfile.mkstemp(dir=FIXTURES, suffix='.tmp')
        os.close(fd)
        shutil.copyfile(os.path.join(tmp, 'snapshot_iter_8'), part)
        os.chmod(part, 0o644)
        os.replace(part, dst)
    finally:
        shutil.rmtree(tmp)


if __name__ == '__main__':
    main()
