"""The repository follows its own lint rules (``[tool.ruff]`` in
pyproject.toml): without this test they were broken unnoticed, since no
other step of CI runs the linter."""
import importlib.util
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_ruff_check_passes():
    assert importlib.util.find_spec('ruff') is not None, (
        'ruff is not installed; it comes with the test extra: '
        'pip install -e ".[test]"')
    proc = subprocess.run(
        [sys.executable, '-m', 'ruff', 'check', '--no-cache',
         '--output-format', 'concise', ROOT],
        capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, (
        'ruff check found problems (fix them, or run ruff check --fix for '
        'unused imports):\n' + proc.stdout + proc.stderr)
