"""Runs the tabular scenarios of _cases.py with real Chainer 7.8.1 and
writes their results to fixtures.json.

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python tests/dataset_tests/tabular_tests/make_fixtures.py
"""
import json
import os
import sys

import chainer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import _cases  # NOQA


def main():
    results = {name: case()
               for name, case in sorted(_cases.build_cases(chainer).items())}
    out = os.path.join(HERE, 'fixtures.json')
    tmp = out + '.tmp'
    with open(tmp, 'w') as f:      # one case a line
        f.write('{\n')
        f.write(',\n'.join(
            '{}: {}'.format(json.dumps(name), json.dumps(
                value, sort_keys=True, separators=(',', ':')))
            for name, value in sorted(results.items())))
        f.write('\n}\n')
    os.replace(tmp, out)
    print(len(results), 'cases written to', out)


if __name__ == '__main__':
    main()
