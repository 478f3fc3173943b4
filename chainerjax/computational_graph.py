"""Graphs of variables and functions in the DOT language
(``chainer.computational_graph``).

:func:`build_computational_graph` walks the graph backward from some
variables and returns a :class:`ComputationalGraph`, whose
:meth:`~ComputationalGraph.dump` gives the text Chainer writes (one line,
``digraph graphname{rankdir=TB;...}``, a node per variable and function
identified by ``id()``, an edge ``a -> b;`` per data dependency), which
Graphviz renders (``dot -Tpng cg.dot -o cg.png``).

Example:
    >>> import numpy
    >>> import chainerjax
    >>> import chainerjax.functions as F
    >>> x = chainerjax.Variable(numpy.ones((2, 3), numpy.float32))
    >>> y = F.sum(F.relu(x))
    >>> g = build_computational_graph([y])
    >>> g.dump().startswith('digraph graphname{rankdir=TB;')
    True
"""
import heapq

from chainerjax import function_node
from chainerjax import variable

_var_style = {'shape': 'octagon', 'fillcolor': '#E0E0E0', 'style': 'filled'}
_func_style = {'shape': 'record', 'fillcolor': '#6495ED', 'style': 'filled'}


def _is_variable_node(node):
    return isinstance(node, variable.VariableNode)


def _is_function_node(node):
    return isinstance(node, function_node.FunctionNode)


class DotNode(object):
    """A node of the graph with its DOT attributes.

    Args:
        node: a :class:`~chainerjax.variable.VariableNode` or a
            :class:`~chainerjax.FunctionNode`.
        attribute (dict): DOT attributes added to (or replacing) the
            defaults (``label`` and ``shape``: ``oval`` for variables,
            ``box`` for functions).
        show_name (bool): prefix a named variable's label with its name.
    """

    def __init__(self, node, attribute=None, show_name=True):
        if not (_is_variable_node(node) or _is_function_node(node)):
            raise TypeError(
                'DotNode needs a VariableNode or a FunctionNode, not '
                '{}'.format(type(node)))
        self.node = node
        self.id_ = id(node)
        self.attribute = {'label': node.label}
        if _is_variable_node(node):
            if show_name and node.name is not None:
                self.attribute['label'] = '{}: {}'.format(
                    node.name, self.attribute['label'])
            self.attribute['shape'] = 'oval'
        else:
            self.attribute['shape'] = 'box'
        if attribute is not None:
            self.attribute.update(attribute)

    @property
    def label(self):
        """The DOT statement of the node: ``id [key="value",...];``."""
        attributes = ','.join('{}="{}"'.format(k, v)
                              for k, v in self.attribute.items())
        return '{} [{}];'.format(self.id_, attributes)


class ComputationalGraph(object):
    """A directed acyclic graph of variable and function nodes.

    Args:
        nodes (list): the nodes (``VariableNode`` or ``FunctionNode``).
        edges (list): the edges, pairs ``(head, tail)`` of nodes.
        variable_style (dict or 'default'): DOT attributes of the variables
            (None: none; ``'default'``: ``{'shape': 'octagon', 'fillcolor':
            '#E0E0E0', 'style': 'filled'}``).
        function_style (dict or 'default'): DOT attributes of the functions
            (None: none; ``'default'``: ``{'shape': 'record', 'fillcolor':
            '#6495ED', 'style': 'filled'}``).
        rankdir (str): the direction of the drawing: ``'TB'``, ``'BT'``,
            ``'LR'`` or ``'RL'``.
        remove_variable (bool): draw only the functions, linked directly.
        show_name (bool): show the names of the named variables.
    """

    def __init__(self, nodes, edges, variable_style='default',
                 function_style='default', rankdir='TB',
                 remove_variable=False, show_name=True):
        if variable_style is None:
            variable_style = {}
        elif variable_style == 'default':
            variable_style = dict(_var_style)
        if function_style is None:
            function_style = {}
        elif function_style == 'default':
            function_style = dict(_func_style)
        if rankdir not in ('TB', 'BT', 'LR', 'RL'):
            raise ValueError('rankdir must be in TB, BT, LR or RL.')
        self.nodes = nodes
        self.edges = edges
        self.variable_style = variable_style
        self.function_style = function_style
        self.rankdir = rankdir
        self.remove_variable = remove_variable
        self.show_name = show_name

    def _style(self, node):
        if _is_variable_node(node):
            return self.variable_style
        return self.function_style

    def _to_dot(self):
        if self.remove_variable:
            self.nodes, self.edges = _skip_variable(self.nodes, self.edges)
        parts = ['digraph graphname{rankdir=%s;' % self.rankdir]
        for node in self.nodes:
            if _is_variable_node(node):
                if not self.remove_variable:
                    parts.append(DotNode(node, self.variable_style,
                                         self.show_name).label)
            elif _is_function_node(node):
                parts.append(DotNode(node, self.function_style,
                                     self.show_name).label)
            else:
                raise TypeError(
                    'A node of the graph must be a VariableNode or a '
                    'FunctionNode, not {}'.format(type(node)))

        drawn = set()
        for head, tail in self.edges:
            mixed = (_is_variable_node(head) and _is_function_node(tail)) or \
                (_is_function_node(head) and _is_variable_node(tail))
            if not mixed and not self.remove_variable:
                raise TypeError('head and tail should be the set of '
                                'VariableNode and Function')
            edge = (DotNode(head, self._style(head), self.show_name).id_,
                    DotNode(tail, self._style(tail), self.show_name).id_)
            if edge in drawn:
                continue
            drawn.add(edge)
            parts.append('%s -> %s;' % edge)
        parts.append('}')
        return ''.join(parts)

    def dump(self, format='dot'):
        """Returns the graph as text; ``format`` must be ``'dot'``."""
        if format == 'dot':
            return self._to_dot()
        raise NotImplementedError('Currently, only dot format is supported.')


def _skip_variable(nodes, edges):
    # Replaces each edge through a variable by an edge between functions:
    # a variable head becomes its creator, a variable tail the function
    # taking it as input; edges that lose an end are dropped.
    function_edges = []
    for head, tail in edges:
        if _is_variable_node(head):
            if head.creator_node is None:
                continue
            head = head.creator_node
        if _is_variable_node(tail):
            consumer = None
            for node in nodes:
                if _is_function_node(node) and any(
                        x is tail for x in node.inputs):
                    consumer = node
                    break
            if consumer is None:
                continue
            tail = consumer
        function_edges.append((head, tail))
    return nodes, function_edges


def build_computational_graph(
        outputs, remove_split=True, variable_style='default',
        function_style='default', rankdir='TB', remove_variable=False,
        show_name=True):
    """Builds the graph of the functions and variables that ``outputs``
    depend on.

    The walk goes backward from ``outputs`` through creators and inputs,
    visiting nodes by decreasing rank, and stops where the graph was cut
    (``unchain_backward``).

    Args:
        outputs: a :class:`~chainerjax.Variable`, a ``VariableNode``, a
            ``FunctionNode``, or a list of them.
        remove_split (bool): must be True (kept for compatibility).
        variable_style, function_style, rankdir, remove_variable,
            show_name: passed to :class:`ComputationalGraph`.

    Returns:
        ComputationalGraph: the nodes and edges backward-reachable from
        ``outputs``.
    """
    if not remove_split:
        raise ValueError('remove_split=False is not supported anymore')
    output_types = (variable.Variable, variable.VariableNode,
                    function_node.FunctionNode)
    if isinstance(outputs, output_types):
        outputs = [outputs]
    elif not all(isinstance(o, output_types) for o in outputs):
        raise TypeError(
            'element of outputs must be either Variable, VariableNode, '
            ' or FunctionNode.')

    candidates = []
    seen_edges = set()
    edges = []
    nodes = {}  # id -> node, in the order of discovery
    count = 0

    def push(node):
        nonlocal count
        heapq.heappush(candidates, (-node.rank, count, node))
        count += 1

    def add_edge(head, tail):
        seen_edges.add((head, tail))
        edges.append((head, tail))
        nodes.setdefault(id(head), head)
        nodes.setdefault(id(tail), tail)

    for o in outputs:
        if isinstance(o, variable.Variable):
            o = o.node
        push(o)
        nodes.setdefault(id(o), o)

    while candidates:
        _, _, node = heapq.heappop(candidates)
        if _is_variable_node(node):
            creator = node.creator_node
            if creator is not None and (creator, node) not in seen_edges:
                push(creator)
                add_edge(creator, node)
        else:
            for x in node.inputs:
                if x is not node and (x, node) not in seen_edges:
                    push(x)
                    add_edge(x, node)
    return ComputationalGraph(
        list(nodes.values()), edges, variable_style, function_style,
        rankdir, remove_variable, show_name)
