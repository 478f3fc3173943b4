"""Generates stats_graph_fixtures.npz for test_computational_graph.py and
test_parameter_statistics.py with real Chainer 7.8.1.

Run with the reference environment (real Chainer)::

    cd tests/training_tests/extensions_tests
    /work/refvenv/bin/python make_stats_graph_fixtures.py

It stores, for each case of _stats_graph_cases.py, ``graph/<name>``: the DOT
text of ``build_computational_graph(...).dump()`` and
``stats/<name>/keys`` + ``stats/<name>/values``: what ParameterStatistics
reported.
"""
import json
import os
import sys

import numpy

import chainer
import chainer.computational_graph
import chainer.training.extensions

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import _stats_graph_cases as cases  # NOQA: E402

OUT = os.path.join(HERE, 'stats_graph_fixtures.npz')


def main():
    store = {}
    for name, (builder, index, kwargs) in sorted(cases.GRAPH_CASES.items()):
        out = builder(chainer)[index]
        g = chainer.computational_graph.build_computational_graph(
            [out], **kwargs)
        store['graph/' + name] = numpy.array(g.dump())
    for name in sorted(cases.STATS_CASES):
        obs = cases.run_stats(chainer, chainer.training.extensions, name)
        keys = sorted(obs)
        store['stats/{}/keys'.format(name)] = numpy.array(json.dumps(keys))
        store['stats/{}/values'.format(name)] = numpy.array(
            [float(obs[k]) for k in keys], numpy.float64)
    tmp = OUT + '.tmp.npz'
    numpy.savez(tmp, **store)
    os.replace(tmp, OUT)
    print('wrote', OUT, len(store), 'arrays')


if __name__ == '__main__':
    main()
