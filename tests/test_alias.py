"""The two ways a Chainer program starts on chainerjax."""
import os
import subprocess
import sys
import textwrap

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _run(args, tmp_path, script=None, env_extra=None):
    env = dict(os.environ)
    env['PYTHONPATH'] = ROOT + os.pathsep + env.get('PYTHONPATH', '')
    env.update(env_extra or {})
    return subprocess.run([sys.executable] + args, cwd=str(tmp_path),
                          env=env, capture_output=True, text=True,
                          timeout=300)


SCRIPT = textwrap.dedent('''
    import sys
    import chainer
    import chainer.functions as F
    from chainer import training, Variable
    from chainer.training import extensions
    import chainer.backends.cuda
    from chainer.backends import cuda
    import chainerx
    import numpy as np

    import chainerjax
    assert chainer is chainerjax
    assert F is chainerjax.functions
    assert chainer.backends.cuda is chainerjax.backends.cuda
    assert not chainerx.is_available()
    x = Variable(np.arange(3, dtype=np.float32))
    y = F.sum(x * x)
    y.backward()
    print('grad', x.grad.tolist())
    print('argv', sys.argv[1:], __name__)
    sys.exit(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
''')


@pytest.fixture
def script(tmp_path):
    p = tmp_path / 'train.py'
    p.write_text(SCRIPT)
    return p


def test_import_alias_first(tmp_path, script):
    p = tmp_path / 'aliased.py'
    p.write_text('import chainerjax.alias  # noqa\n' + SCRIPT)
    r = _run([str(p), '0'], tmp_path)
    assert r.returncode == 0, r.stderr
    assert 'grad [0.0, 2.0, 4.0]' in r.stdout
    assert "argv ['0'] __main__" in r.stdout


def test_python_m_chainerjax(tmp_path, script):
    r = _run(['-m', 'chainerjax', str(script), '7'], tmp_path)
    assert r.returncode == 7, r.stderr
    assert 'grad [0.0, 2.0, 4.0]' in r.stdout
    assert "argv ['7'] __main__" in r.stdout


def test_python_m_chainerjax_traceback_and_exit_code(tmp_path):
    p = tmp_path / 'fail.py'
    p.write_text('import chainer\n\ndef f():\n    raise ValueError("boom")\n'
                 '\nf()\n')
    r = _run(['-m', 'chainerjax', str(p)], tmp_path)
    assert r.returncode == 1
    assert 'ValueError: boom' in r.stderr
    assert 'fail.py", line 4, in f' in r.stderr


def test_python_m_chainerjax_missing_script(tmp_path):
    r = _run(['-m', 'chainerjax', 'nope.py'], tmp_path)
    assert r.returncode == 2
    assert "can't open file" in r.stderr


def test_python_m_chainerjax_module(tmp_path):
    pkg = tmp_path / 'mypkg'
    pkg.mkdir()
    (pkg / '__init__.py').write_text('')
    (pkg / 'run.py').write_text(
        'import sys, chainer\nprint(chainer.__name__, sys.argv[1:])\n')
    r = _run(['-m', 'chainerjax', '-m', 'mypkg.run', 'a'], tmp_path)
    assert r.returncode == 0, r.stderr
    assert "chainerjax ['a']" in r.stdout


def test_missing_names_are_clear(tmp_path):
    p = tmp_path / 'missing.py'
    p.write_text(textwrap.dedent('''
        import chainerjax.alias  # noqa
        import chainer
        import chainer.functions as F
        from chainerjax import _missing
        # a name Chainer has and chainerjax lacks (if any is left)
        lacking = [n for n in _missing.chainer_public_names('chainer')
                   if not hasattr(chainer, n)]
        for name in lacking[:1]:
            try:
                getattr(chainer, name)
            except _missing.NotImplementedInChainerjax as e:
                assert 'chainer.' + name in str(e), e
                assert 'not implemented in chainerjax' in str(e)
        # a name Chainer does not have either: a plain AttributeError
        try:
            F.rleu
        except AttributeError as e:
            assert not isinstance(e, _missing.NotImplementedInChainerjax)
            assert "nor has Chainer 7.8.1's chainer.functions" in str(e), e
            assert 'did you mean relu' in str(e), e
        else:
            raise AssertionError('F.rleu should fail')
        assert not hasattr(F, 'this_does_not_exist')
        try:
            import chainer.no_such_module
        except ImportError as e:
            assert 'chainer.no_such_module' in str(e)
        else:
            raise AssertionError('import should fail')
        print('ok')
    '''))
    r = _run([str(p)], tmp_path)
    assert r.returncode == 0, r.stderr
    assert 'ok' in r.stdout


def test_placeholder_module_names_missing_chainer_module():
    from chainerjax import _missing
    mod = _missing.placeholder('chainerjax._test_placeholder_mod')
    try:
        with pytest.raises(NotImplementedError) as e:
            mod.Anything
        assert 'chainer._test_placeholder_mod.Anything' in str(e.value)
        assert isinstance(e.value, AttributeError)
    finally:
        del sys.modules['chainerjax._test_placeholder_mod']


def test_alias_refuses_after_real_chainer(tmp_path):
    p = tmp_path / 'real_first.py'
    p.write_text(textwrap.dedent('''
        import sys, types
        fake = types.ModuleType('chainer')
        sys.modules['chainer'] = fake
        try:
            import chainerjax.alias  # noqa
        except ImportError as e:
            print('refused:', e)
    '''))
    r = _run([str(p)], tmp_path)
    assert 'refused' in r.stdout, r.stderr
