"""Issue 6 item 7: the training examples run unmodified under
``python -m chainerjax`` and log what real Chainer 7.8.1 logs for the
same run.

Each example of ``examples/`` in ``generate.EXAMPLES`` runs for a few
iterations with the flags given there; its LogReport ``log`` is compared
with Chainer's (``fixtures/example_<name>_log.json``, written by
``generate.py``). Both runs use the same data (scikit-learn's digits, or
words of Python's own documentation for the language model) and the
same initial weights (the examples call ``numpy.random.seed``, and the
initializers draw from NumPy's global RNG on both).
"""
import os

import pytest

from compat_tests.training import _common

EXAMPLES_DIR = os.path.join(os.path.dirname(os.path.dirname(
    _common.HERE)), 'examples')

# Kept equal to generate.EXAMPLES (generate.py imports real Chainer, so it
# is not imported here); test_flags_match_the_generator checks it.
EXAMPLES = {
    'mnist': ('mnist/train_mnist.py', ['--epoch', '1', '--unit', '20',
                                       '--noplot']),
    'dcgan': ('dcgan/train_dcgan.py', ['--test', '--epoch', '1',
                                       '--snapshot_interval', '2',
                                       '--display_interval', '1',
                                       '--noplot']),
    'ptb': ('ptb/train_ptb.py', ['--test', '--epoch', '1']),
}

# (rtol, atol) per example.
TOLERANCES = {
    # 15 Adam steps of an MLP: float32 rounding only.
    'mnist': (1e-5, 1e-6),
    # Adam's first steps move each parameter by about alpha * sign(grad),
    # so the float32 rounding of tiny gradients shows at 1e-5..1e-4
    # relative in the next losses.
    'dcgan': (1e-3, 1e-5),
    # The LSTM model applies dropout: chainerjax draws the masks from
    # JAX's RNG (seeded from NumPy's), Chainer from NumPy's, so the masks
    # differ and the losses agree only statistically (~1e-3 relative on
    # the loss, 3e-3 on the perplexity here).
    'ptb': (2e-2, 0.0),
}


def test_flags_match_the_generator():
    import ast
    with open(os.path.join(_common.HERE, 'generate.py')) as f:
        tree = ast.parse(f.read())
    for node in tree.body:
        if (isinstance(node, ast.Assign)
                and getattr(node.targets[0], 'id', None) == 'EXAMPLES'):
            assert ast.literal_eval(node.value) == EXAMPLES
            return
    raise AssertionError('EXAMPLES not found in generate.py')


# slow: the three runs take about 25 s of CPU.
@pytest.mark.slow
@pytest.mark.parametrize('name', sorted(EXAMPLES))
def test_log_matches_chainer(name, tmp_path):
    script, args = EXAMPLES[name]
    out = str(tmp_path / 'result')
    _common.run_program(os.path.join(EXAMPLES_DIR, script),
                        args + ['--out', out], env={'MPLBACKEND': 'Agg'},
                        cwd=str(tmp_path))
    expected = _common.read_log(os.path.join(
        _common.FIXTURES, 'example_%s_log.json' % name))
    assert expected, 'empty reference log'
    rtol, atol = TOLERANCES[name]
    _common.assert_logs_equal(
        _common.read_log(os.path.join(out, 'log')), expected, rtol, atol)
