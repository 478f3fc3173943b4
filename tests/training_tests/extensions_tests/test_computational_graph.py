import os
import re

import numpy
import pytest

import chainerjax
import chainerjax.functions as F
from chainerjax import computational_graph as c
from chainerjax import iterators
from chainerjax import optimizers
from chainerjax import training
from chainerjax.serializers import npz
from chainerjax.training import extensions

from tests.training_tests import _models
from tests.training_tests.extensions_tests import _stats_graph_cases as cases

_FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                         'stats_graph_fixtures.npz')


def _fixture(key):
    with numpy.load(_FIXTURES) as f:
        return str(f[key])


def _parse(dot):
    # (header, node attributes, edges as pairs of node attributes): the
    # node ids (``id()`` of the nodes) differ between runs and libraries.
    assert dot.startswith('digraph graphname{') and dot.endswith('}')
    statements = [s for s in dot[len('digraph graphname{'):-1].split(';')
                  if s]
    header, nodes, edges = statements[0], {}, []
    for s in statements[1:]:
        m = re.match(r'^(\d+) \[(.*)\]$', s)
        if m:
            assert m.group(1) not in nodes
            nodes[m.group(1)] = m.group(2)
        else:
            m = re.match(r'^(\d+) -> (\d+)$', s)
            assert m, s
            edges.append((m.group(1), m.group(2)))
    return header, nodes, edges


def _structure(dot):
    header, nodes, edges = _parse(dot)
    return (header, sorted(nodes.values()),
            sorted((nodes[a], nodes[b]) for a, b in edges))


@pytest.mark.parametrize('name', sorted(cases.GRAPH_CASES))
def test_dump_matches_chainer(name):
    builder, index, kwargs = cases.GRAPH_CASES[name]
    out = builder(chainerjax)[index]
    dot = c.build_computational_graph([out], **kwargs).dump()
    assert _structure(dot) == _structure(_fixture('graph/' + name))
    if not kwargs.get('remove_variable'):
        _, nodes, edges = _parse(dot)
        assert all(a in nodes and b in nodes for a, b in edges)


def test_graph_nodes_and_edges():
    x = chainerjax.Variable(numpy.ones((2,), numpy.float32))
    h = F.exp(x)
    y = h * h
    g = c.build_computational_graph(y)  # a single output
    assert len(g.nodes) == 5  # x, exp, h, mul, y
    assert x.node in g.nodes and y.creator_node in g.nodes
    assert (h.node, y.creator_node) in g.edges
    # h is used twice by mul: one edge is drawn.
    assert g.dump().count('{} -> {};'.format(
        id(h.node), id(y.creator_node))) == 1
    dot_node = c.DotNode(x.node)
    assert dot_node.attribute == {'label': '(2), float32', 'shape': 'oval'}
    assert dot_node.label == '{} [label="(2), float32",shape="oval"];' \
        .format(id(x.node))


def test_errors():
    x = chainerjax.Variable(numpy.ones((2,), numpy.float32))
    y = F.exp(x)
    with pytest.raises(ValueError, match='remove_split'):
        c.build_computational_graph([y], remove_split=False)
    with pytest.raises(TypeError):
        c.build_computational_graph([y, 1])
    with pytest.raises(ValueError, match='rankdir'):
        c.build_computational_graph([y], rankdir='XY')
    with pytest.raises(NotImplementedError, match='dot'):
        c.build_computational_graph([y]).dump(format='png')


def test_dump_graph_extension(tmp_path, monkeypatch):
    from chainerjax.training.extensions import computational_graph as ext_cg
    monkeypatch.setattr(ext_cg, 'is_graphviz_available', lambda: False)
    model = _models.make_model()
    opt = optimizers.SGD()
    opt.setup(model)
    it = iterators.SerialIterator(_models.make_data(n=4), 2, shuffle=False)
    trainer = training.Trainer(training.updaters.StandardUpdater(it, opt),
                               (2, 'iteration'), out=str(tmp_path))
    assert extensions.dump_graph is extensions.DumpGraph
    ext = extensions.DumpGraph('main/loss', filename='g.dot')
    trainer.extend(ext)
    original = chainerjax.config.keep_graph_on_report
    trainer.run()
    assert chainerjax.config.keep_graph_on_report == original
    assert os.listdir(str(tmp_path)) == ['g.dot']
    with open(str(tmp_path / 'g.dot')) as f:
        dot = f.read()
    _, nodes, edges = _parse(dot)
    labels = sorted(nodes.values())
    assert any('label="SoftmaxCrossEntropy"' in n for n in labels)
    assert any('label="W: (8, 4), float32"' in n for n in labels)
    assert len(edges) == len(nodes) - 1  # each node is used once: a tree
    state = npz.serialize(ext)
    assert set(state) == {'_original_flag', '_flag_called'}
    assert bool(state['_flag_called'])


def test_dump_graph_of_a_non_variable():
    ext = extensions.DumpGraph('main/loss')

    class Trainer(object):
        observation = {'main/loss': 1.0}
        out = '.'
    ext.initialize(Trainer())
    assert chainerjax.config.keep_graph_on_report
    with pytest.raises(TypeError, match='not a Variable'):
        ext(Trainer())
    assert not chainerjax.config.keep_graph_on_report
