"""Runs the examples under chainerjax, as users do (``python -m chainerjax
examples/...``), in a subprocess each.

The quick tests run every example for an epoch of a tiny dataset
(``--test``, or small ``--unit``/``--epoch`` for MNIST) and check its exit
status and outputs: the log, the plots, the snapshots and ``--resume``.

The quality tests (``slow``) run each example with its default flags and
check that it prints ``quality bar: ... reached``. They take one to two
minutes each, so they run only when selected: ``python -m pytest -m slow
tests/examples_tests`` or ``CHAINERJAX_EXAMPLE_QUALITY=1``.
"""
import json
import os
import subprocess
import sys

import pytest

pytest.importorskip('sklearn', reason='the examples need the `examples` '
                    'extra (scikit-learn, matplotlib)')
pytest.importorskip('matplotlib', reason='the examples need the '
                    '`examples` extra (scikit-learn, matplotlib)')

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
EXAMPLES = os.path.join(ROOT, 'examples')
PNG_MAGIC = b'\x89PNG\r\n\x1a\n'


def run_example(script, *args, cwd, timeout=600):
    """Runs ``python -m chainerjax examples/<script> <args>``; returns its
    standard output, failing the test if the exit status is not 0."""
    env = dict(os.environ)
    env.setdefault('JAX_PLATFORMS', 'cpu')
    env['MPLBACKEND'] = 'Agg'
    if env.get('JAX_COMPILATION_CACHE_DIR'):
        # Most of a short run is compiling kernels; cache them all (JAX
        # only caches compiles longer than 1 s by default), so that the
        # next run of the suite starts warm.
        env.setdefault('JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS', '0')
    cmd = [sys.executable, '-m', 'chainerjax',
           os.path.join(EXAMPLES, script)] + list(args)
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=str(cwd),
                          env=env, timeout=timeout)
    assert proc.returncode == 0, (
        '{} exited with {}\n--- stdout\n{}\n--- stderr\n{}'.format(
            ' '.join(cmd), proc.returncode, proc.stdout[-4000:],
            proc.stderr[-4000:]))
    return proc.stdout


def read_log(out):
    with open(os.path.join(str(out), 'log')) as f:
        return json.load(f)


def assert_png(path):
    with open(str(path), 'rb') as f:
        assert f.read(8) == PNG_MAGIC, path


def test_mnist_log_plot_snapshot_resume_and_jit(tmp_path):
    out = tmp_path / 'result'
    stdout = run_example('mnist/train_mnist.py', '--epoch', '1',
                         '--unit', '20', '--out', str(out), cwd=tmp_path)
    assert 'total [' in stdout  # the progress bar
    assert 'validation/main/accuracy' in stdout  # the PrintReport header
    assert 'quality bar: validation/main/accuracy = ' in stdout
    log = read_log(out)
    assert [entry['epoch'] for entry in log] == [1]
    assert log[0]['iteration'] == 15  # 1500 training digits / 100
    assert 0 <= log[0]['validation/main/accuracy'] <= 1
    assert_png(out / 'loss.png')
    assert_png(out / 'accuracy.png')
    assert (out / 'snapshot_iter_15').is_file()

    # Resume up to epoch 2, with compiled steps on a JAX device: the log
    # and the counters continue.
    os.remove(str(out / 'loss.png'))
    run_example('mnist/train_mnist.py', '--epoch', '2', '--unit', '20',
                '--jit', '--device', '@jax:cpu:0', '--noplot',
                '--out', str(out), '--resume',
                str(out / 'snapshot_iter_15'), cwd=tmp_path)
    log = read_log(out)
    assert [entry['epoch'] for entry in log] == [1, 2]
    assert [entry['iteration'] for entry in log] == [15, 30]
    assert 0 <= log[1]['validation/main/accuracy'] <= 1
    assert (out / 'snapshot_iter_30').is_file()
    assert not (out / 'snapshot_iter_15').exists()  # n_retains=1
    assert not (out / 'loss.png').exists()  # --noplot


def test_cifar(tmp_path):
    out = tmp_path / 'result'
    stdout = run_example('cifar/train_cifar.py', '--test', '--epoch', '1',
                         '--out', str(out), cwd=tmp_path)
    assert 'quality bar: validation/main/accuracy = ' in stdout
    log = read_log(out)
    assert log[-1]['iteration'] == 2  # 128 images / 64
    assert log[-1]['lr'] == 0.05
    assert 'validation/main/accuracy' in log[-1]
    assert_png(out / 'loss.png')
    assert (out / 'snapshot_iter_2').is_file()


def test_squeezenet(tmp_path):
    out = tmp_path / 'result'
    stdout = run_example('squeezenet/train_squeezenet.py', '--test',
                         '--epoch', '1', '--out', str(out), cwd=tmp_path)
    assert 'quality bar: validation/main/accuracy = ' in stdout
    log = read_log(out)
    assert log[-1]['iteration'] == 2  # 64 images / 32
    assert 'validation/main/accuracy' in log[-1]
    assert (out / 'snapshot_iter_2').is_file()


def test_ptb(tmp_path):
    out = tmp_path / 'result'
    stdout = run_example('ptb/train_ptb.py', '--test', '--epoch', '1',
                         '--out', str(out), cwd=tmp_path)
    assert 'test perplexity: ' in stdout
    assert 'quality bar: test perplexity = ' in stdout
    log = read_log(out)
    # 6400 words / (64 streams x 10 words) per update
    assert [entry['iteration'] for entry in log] == [10]
    assert log[-1]['perplexity'] > 1
    assert log[-1]['val_perplexity'] > 1
    assert (out / 'snapshot_iter_10').is_file()
    assert (out / 'model_epoch_1').is_file()


def test_vae(tmp_path):
    out = tmp_path / 'result'
    stdout = run_example('vae/train_vae.py', '--test', '--epoch', '1',
                         '--out', str(out), cwd=tmp_path)
    assert 'quality bar: validation/main/loss = ' in stdout
    log = read_log(out)
    assert log[-1]['iteration'] == 4  # 200 images / 50
    for key in ('main/loss', 'main/rec_loss', 'validation/main/loss',
                'validation/main/kl'):
        assert key in log[-1]
    for name in ('test.png', 'test_reconstructed.png', 'sampled.png'):
        assert_png(out / name)
    assert (out / 'model.npz').is_file()


def test_dcgan(tmp_path):
    out = tmp_path / 'result'
    stdout = run_example('dcgan/train_dcgan.py', '--test', '--epoch', '1',
                         '--snapshot_interval', '2', '--display_interval',
                         '1', '--out', str(out), cwd=tmp_path)
    assert 'digit score of real images: ' in stdout
    assert 'quality bar: digit score of generated images = ' in stdout
    log = read_log(out)
    assert [entry['iteration'] for entry in log] == [1, 2]
    assert 'gen/loss' in log[-1] and 'dis/loss' in log[-1]
    assert (out / 'snapshot_iter_2.npz').is_file()
    assert (out / 'gen_iter_2.npz').is_file()
    assert_png(out / 'generated.png')


def test_custom_function(tmp_path):
    stdout = run_example('custom_function/mul_add.py', cwd=tmp_path)
    assert 'custom gradients match' in stdout
    assert 'quality bar: final loss = ' in stdout
    assert stdout.rstrip().endswith('reached')


# The quality bars of the default runs (slow: selected only on demand).

QUALITY_RUNS = [
    'mnist/train_mnist.py',
    'cifar/train_cifar.py',
    'squeezenet/train_squeezenet.py',
    'ptb/train_ptb.py',
    'vae/train_vae.py',
    'dcgan/train_dcgan.py',
]


def _quality_selected(config):
    if os.environ.get('CHAINERJAX_EXAMPLE_QUALITY') == '1':
        return True
    expr = config.getoption('markexpr') or ''
    return 'slow' in expr and 'not slow' not in expr


@pytest.mark.slow
@pytest.mark.parametrize('script', QUALITY_RUNS)
def test_quality_bar(script, tmp_path, request):
    if not _quality_selected(request.config):
        pytest.skip('a full default run (1-2 min): select it with '
                    '`-m slow` or CHAINERJAX_EXAMPLE_QUALITY=1')
    stdout = run_example(script, '--out', str(tmp_path / 'result'),
                         cwd=tmp_path)
    # (the line may follow the progress bar's terminal escape codes)
    bar = [line[line.index('quality bar:'):]
           for line in stdout.splitlines() if 'quality bar:' in line]
    assert bar, stdout[-2000:]
    assert bar[-1].endswith(' reached') and 'NOT' not in bar[-1], bar[-1]
