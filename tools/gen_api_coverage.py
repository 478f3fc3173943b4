"""Writes docs/api_coverage.md: which of Chainer's public names chainerjax has.

Usage::

    python tools/gen_api_coverage.py            # rewrite docs/api_coverage.md
    python tools/gen_api_coverage.py --check    # exit 1 if it is out of date

The denominator, tools/chainer_api_names.json, is produced from real Chainer
7.8.1 by tools/chainer_api_names.py. A name counts as implemented when the
corresponding chainerjax module has it, using it does not raise
NotImplementedInChainerjax / NotImplementedError at attribute access, and it
is not marked ``_chainerjax_unsupported`` (a class that exists only to raise
a clear error when used, because it cannot work on JAX).

Each name also gets

* tested: ``vs Chainer`` when a module of ``compat_tests/`` (whose truth is
  real Chainer 7.8.1) uses it as ``<module>.<name>`` (``F.relu``,
  ``L.Linear``, ``initializers.Normal``, ``extensions.LogReport``...), or
  names it in quotes in the compat folder of its package; ``unit`` when
  only ``tests/`` does; and
* differs: ``yes`` when a code span of ``docs/differences.md`` is the name
  (``relu``, ``F.relu``, ``relu(x, ...)``, ``L.Linear``...).
"""
import importlib
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAMES = os.path.join(ROOT, 'tools', 'chainer_api_names.json')
OUT = os.path.join(ROOT, 'docs', 'api_coverage.md')
DIFFERENCES = os.path.join(ROOT, 'docs', 'differences.md')

# how tests refer to a module's names, and the compat folder of the module
ALIASES = {
    'chainer': ('chainer',),
    'chainer.functions': ('F', 'functions'),
    'chainer.links': ('L', 'links'),
    'chainer.initializers': ('initializers', 'I'),
    'chainer.backends.cuda': ('cuda',),
    'chainer.utils.type_check': ('type_check',),
}
COMPAT_FOLDER = {
    'chainer.functions': 'functions',
    'chainer.links': 'links',
    'chainer.initializers': 'initializers',
    'chainer.datasets': 'datasets',
    'chainer.dataset': 'datasets',
    'chainer.iterators': 'iterators',
    'chainer.optimizers': 'optimizers',
    'chainer.serializers': 'serializers',
}


def _has(module_name, name):
    from chainerjax import _missing
    try:
        mod = importlib.import_module(module_name)
    except ImportError:
        return False
    if _missing.is_placeholder(mod):
        return False
    try:
        obj = getattr(mod, name)
    except (AttributeError, NotImplementedError):
        return False
    # a name that exists only to raise a clear error (it cannot work on JAX)
    return not getattr(obj, '_chainerjax_unsupported', False)


def _sources(top):
    """The text of every .py file under ``top``, by path."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, top)):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith('.py'):
                path = os.path.join(dirpath, name)
                with open(path, encoding='utf-8') as f:
                    out[os.path.relpath(path, ROOT)] = f.read()
    return out


def _uses(chainer_mod, name, sources, quoted_in=None):
    aliases = ALIASES.get(chainer_mod, (chainer_mod.rsplit('.', 1)[-1],))
    pattern = re.compile(r'(?<![\w.])(?:{})\.{}\b'.format(
        '|'.join(re.escape(a) for a in aliases), re.escape(name)))
    quoted = re.compile(r'[\'"]{}[\'"]'.format(re.escape(name)))
    for path, text in sources.items():
        if pattern.search(text):
            return True
        if quoted_in is not None and path.startswith(quoted_in) and \
                quoted.search(text):
            return True
    return False


def _differs(chainer_mod, name, differences):
    """``name`` is a whole code span of differences.md (``relu``,
    ``F.relu``, ``relu(x, ...)``), outside lines that say chainerjax
    follows Chainer."""
    aliases = ALIASES.get(chainer_mod, (chainer_mod.rsplit('.', 1)[-1],))
    span = re.compile(r'`(?:(?:{})\.)?{}(?:\([^`]*\))?`'.format(
        '|'.join(re.escape(a) for a in aliases), re.escape(name)))
    return any(span.search(line) for line in differences.splitlines()
               if 'follows Chainer' not in line)


def _name_table(chainer_mod, names, have, compat, unit, differences):
    folder = COMPAT_FOLDER.get(chainer_mod)
    quoted_in = None if folder is None else os.path.join('compat_tests',
                                                         folder)
    lines = ['| name | implemented | tested | differs |', '|---|---|---|---|']
    counts = {'vs Chainer': 0, 'unit': 0, '': 0}
    for name in names:
        if _uses(chainer_mod, name, compat, quoted_in):
            tested = 'vs Chainer'
        elif _uses(chainer_mod, name, unit):
            tested = 'unit'
        else:
            tested = ''
        counts[tested] += 1
        lines.append('| `{}` | {} | {} | {} |'.format(
            name, 'yes' if name in have else '**no**', tested,
            'yes' if _differs(chainer_mod, name, differences) else ''))
    return lines, counts


def render():
    sys.path.insert(0, ROOT)
    with open(NAMES) as f:
        surface = json.load(f)
    compat = _sources('compat_tests')
    unit = _sources('tests')
    with open(DIFFERENCES, encoding='utf-8') as f:
        differences = f.read()
    rows = []
    detail = []
    per_name = []
    total_have = total_all = total_compat = 0
    for chainer_mod, names in sorted(surface['modules'].items()):
        ours = 'chainerjax' + chainer_mod[len('chainer'):]
        have = [n for n in names if _has(ours, n)]
        missing = [n for n in names if n not in have]
        total_have += len(have)
        total_all += len(names)
        table, counts = _name_table(chainer_mod, sorted(names), set(have),
                                    compat, unit, differences)
        total_compat += counts['vs Chainer']
        rows.append('| `{}` | {} | {} | {:.0f}% | {} | {} |'.format(
            chainer_mod, len(have), len(names),
            100.0 * len(have) / max(len(names), 1), counts['vs Chainer'],
            counts['unit']))
        if missing:
            detail.append('### `{}`: missing ({})\n\n{}\n'.format(
                chainer_mod, len(missing),
                ', '.join('`{}`'.format(n) for n in missing)))
        per_name += ['### `{}`'.format(chainer_mod), ''] + table + ['']
    lines = [
        '# API coverage',
        '',
        'Generated by `python tools/gen_api_coverage.py` from the code; the '
        'denominator is Chainer {}\'s public names per module '
        '(`tools/chainer_api_names.json`, listed from real Chainer by '
        '`tools/chainer_api_names.py`). Do not edit by hand.'.format(
            surface['chainer_version']),
        '',
        'Tested: `vs Chainer` counts the names that `compat_tests/` '
        '(golden values from real Chainer) uses, `unit` those only '
        '`tests/` uses. Differs: the name is discussed in '
        '[differences.md](differences.md) (some mentions are minor: read '
        'the entry).',
        '',
        '| Chainer module | implemented | Chainer names | coverage '
        '| tested vs Chainer | unit tests only |',
        '|---|---|---|---|---|---|',
    ] + rows + [
        '| **total** | **{}** | **{}** | **{:.0f}%** | **{}** | |'.format(
            total_have, total_all, 100.0 * total_have / total_all,
            total_compat),
        '',
        '## Missing names',
        '',
    ] + detail + ['## Every name', ''] + per_name
    return '\n'.join(lines).rstrip() + '\n'


def main(argv):
    text = render()
    if '--check' in argv:
        with open(OUT) as f:
            current = f.read()
        if current != text:
            sys.stderr.write('docs/api_coverage.md is out of date: run '
                             'python tools/gen_api_coverage.py\n')
            return 1
        return 0
    with open(OUT + '.tmp', 'w') as f:
        f.write(text)
    os.replace(OUT + '.tmp', OUT)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
