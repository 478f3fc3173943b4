#!/usr/bin/env python
"""Runs every example for a few iterations under real Chainer 7.8.1.

The examples are Chainer programs; this script proves they still are. Run
it with an interpreter that has real Chainer (and scikit-learn and
matplotlib) installed and chainerjax *not* aliased::

    python examples/run_reference.py            # e.g. in `tox -e reference`

Each example runs as ``python examples/<name>.py`` with the same small
flags as ``tests/examples_tests/test_examples.py``, in a temporary
directory, and must exit with status 0 and print its ``quality bar:`` line
(the bar itself is not expected after a few iterations). The ``--jit`` flag
must be rejected with a message, since Chainer has no compiled steps.
Prints one line per check and exits with 1 if any failed.
"""
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# (script, arguments): the quick runs of the chainerjax tests
RUNS = [
    ('mnist/train_mnist.py', ['--epoch', '1', '--unit', '20']),
    ('cifar/train_cifar.py', ['--test', '--epoch', '1']),
    ('squeezenet/train_squeezenet.py', ['--test', '--epoch', '1']),
    ('ptb/train_ptb.py', ['--test', '--epoch', '1']),
    ('vae/train_vae.py', ['--test', '--epoch', '1']),
    ('dcgan/train_dcgan.py', ['--test', '--epoch', '1',
                              '--snapshot_interval', '2']),
    ('custom_function/mul_add.py', []),
]

# (script, arguments) that must fail with a message naming chainerjax
JIT_RUNS = [
    ('mnist/train_mnist.py', ['--jit']),
    ('cifar/train_cifar.py', ['--jit']),
    ('squeezenet/train_squeezenet.py', ['--jit']),
    ('vae/train_vae.py', ['--jit']),
]


def _run(script, args, cwd):
    env = dict(os.environ, MPLBACKEND='Agg')
    return subprocess.run(
        [sys.executable, os.path.join(HERE, script)] + args,
        capture_output=True, text=True, cwd=cwd, env=env, timeout=900)


def check_chainer():
    proc = subprocess.run(
        [sys.executable, '-c',
         'import chainer; print(chainer.__name__, chainer.__version__)'],
        capture_output=True, text=True)
    found = proc.stdout.strip()
    if proc.returncode != 0 or not found.startswith('chainer '):
        print('FAIL  `import chainer` does not give real Chainer: {}{}'
              .format(found, proc.stderr.strip()[-500:]))
        return False
    print('ok    {} at {}'.format(found, sys.executable))
    return True


def main():
    if not check_chainer():
        return 1
    failures = 0
    for script, args in RUNS:
        with tempfile.TemporaryDirectory() as cwd:
            start = time.time()
            proc = _run(script, args, cwd)  # writes ./result
            elapsed = time.time() - start
        # (the line may follow the progress bar's terminal escape codes)
        bar = [line[line.index('quality bar:'):]
               for line in proc.stdout.splitlines() if 'quality bar:' in line]
        if proc.returncode == 0 and bar:
            print('ok    {} {} ({:.0f} s): {}'.format(
                script, ' '.join(args), elapsed, bar[-1]))
        else:
            failures += 1
            print('FAIL  {} {} exited with {}\n{}\n{}'.format(
                script, ' '.join(args), proc.returncode,
                proc.stdout[-3000:], proc.stderr[-3000:]))
    for script, args in JIT_RUNS:
        with tempfile.TemporaryDirectory() as cwd:
            proc = _run(script, args, cwd)
        if proc.returncode == 2 and 'needs chainerjax' in proc.stderr:
            print('ok    {} {} is rejected: {}'.format(
                script, ' '.join(args),
                proc.stderr.strip().splitlines()[-1]))
        else:
            failures += 1
            print('FAIL  {} {} was not rejected (exit {})\n{}'.format(
                script, ' '.join(args), proc.returncode,
                proc.stderr[-2000:]))
    print('{} passed, {} failed'.format(
        len(RUNS) + len(JIT_RUNS) - failures, failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
