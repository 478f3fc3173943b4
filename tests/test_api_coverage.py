"""docs/api_coverage.md is generated from the code and kept current."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_api_coverage_is_current():
    r = subprocess.run(
        [sys.executable, os.path.join(ROOT, 'tools', 'gen_api_coverage.py'),
         '--check'], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr + (
        '\nRegenerate with: python tools/gen_api_coverage.py')
