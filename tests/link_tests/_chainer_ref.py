"""Runs a script under real Chainer 7.8.1 (skips when unavailable)."""
import json
import os
import subprocess

import pytest

REF_PYTHON = '/work/refvenv/bin/python'


def run_reference(script):
    if not os.path.exists(REF_PYTHON):
        pytest.skip('real Chainer is not available ({} does not exist)'
                    .format(REF_PYTHON))
    proc = subprocess.run([REF_PYTHON, '-c', script],
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        pytest.skip('could not run real Chainer: ' + proc.stderr[-500:])
    return json.loads(proc.stdout.strip().splitlines()[-1])
