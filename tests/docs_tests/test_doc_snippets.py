"""Runs the Python code blocks of the documentation.

Every fenced block opened with ```` ```python ```` in the pages below is
run, in order, in one fresh interpreter per page, so a block may use the
names that the blocks before it defined (as a reader would, pasting them
into one session). A block is skipped when the line before its opening
fence (blank lines aside) is exactly ``<!-- no-test -->``: use it for code
that needs a GPU, a download or a file the reader has. Other fences
(```` ```bash ````, plain ```` ``` ````) are never run.
"""
import json
import os
import re
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
PAGES = ['docs/porting.md', 'README.md']
NO_TEST = '<!-- no-test -->'

_FENCE = re.compile(r'^(\s*)(`{3,}|~{3,})\s*([\w+-]*)')

# Runs the blocks given as JSON on stdin; names the failing block's line.
_DRIVER = r'''
import json, sys, traceback
blocks = json.load(sys.stdin)
namespace = {'__name__': '__main__'}
for line, source in blocks:
    try:
        exec(compile(source, '%s:%d' % (sys.argv[1], line), 'exec'),
             namespace)
    except BaseException:
        traceback.print_exc()
        print('FAILED: the block at %s line %d' % (sys.argv[1], line),
              file=sys.stderr)
        sys.exit(1)
print('ran %d blocks' % len(blocks))
'''


def extract_python_blocks(text):
    """Returns ``[(line, source)]`` of the runnable ```python blocks,
    ``line`` being the 1-based line of the first line of code."""
    blocks = []
    lines = text.splitlines()
    i = 0
    previous = ''  # the last non-blank line before the current one
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if not match:
            if lines[i].strip():
                previous = lines[i].strip()
            i += 1
            continue
        indent, fence, lang = match.groups()
        start = i + 1
        i = start
        while i < len(lines) and not (
                lines[i].strip().startswith(fence) and
                lines[i].strip().strip(fence[0]) == ''):
            i += 1
        if lang == 'python' and previous != NO_TEST:
            body = [line[len(indent):] if line.startswith(indent) else line
                    for line in lines[start:i]]
            blocks.append((start + 1, '\n'.join(body) + '\n'))
        previous = ''
        i += 1
    return blocks


def test_extract_convention():
    text = '\n'.join([
        '```python', 'a = 1', '```',
        '<!-- no-test -->', '', '```python', 'raise SystemExit', '```',
        '```bash', 'exit 1', '```',
        '  ```python', '  b = a + 1', '  ```',
    ])
    assert extract_python_blocks(text) == [(2, 'a = 1\n'),
                                           (13, 'b = a + 1\n')]


@pytest.mark.parametrize('page', PAGES)
def test_page_snippets(page):
    with open(os.path.join(ROOT, page), encoding='utf-8') as f:
        blocks = extract_python_blocks(f.read())
    assert blocks, 'no runnable ```python block in ' + page
    env = dict(os.environ)
    env.setdefault('JAX_PLATFORMS', 'cpu')
    proc = subprocess.run(
        [sys.executable, '-c', _DRIVER, page], input=json.dumps(blocks),
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert 'ran {} blocks'.format(len(blocks)) in proc.stdout
