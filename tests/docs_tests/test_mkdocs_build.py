"""``mkdocs build --strict`` succeeds: every page, link, snippet include
and API reference entry resolves (needs the ``docs`` extra)."""
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))


def test_mkdocs_build_strict(tmp_path):
    pytest.importorskip('mkdocs', reason='needs the `docs` extra')
    pytest.importorskip('material', reason='needs the `docs` extra')
    pytest.importorskip('mkdocstrings', reason='needs the `docs` extra')
    env = dict(os.environ, NO_MKDOCS_2_WARNING='1')
    proc = subprocess.run(
        [sys.executable, '-m', 'mkdocs', 'build', '--strict', '--quiet',
         '--site-dir', str(tmp_path / 'site')],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / 'site' / 'porting' / 'index.html').is_file()
    assert (tmp_path / 'site' / 'reference' / 'core' / 'index.html').is_file()
