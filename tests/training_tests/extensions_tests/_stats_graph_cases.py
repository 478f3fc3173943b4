"""Cases shared by make_stats_graph_fixtures.py (run with real Chainer) and
the tests (run with chainerjax): each builder takes the ``chainer`` module
(or ``chainerjax``), so both build the same graph or model."""
import numpy


def _square_class(chainer):
    class Square(chainer.Function):
        # A legacy Function: appears in the graph under its class name.

        def forward(self, inputs):
            return inputs[0] * inputs[0],

        def backward(self, inputs, grad_outputs):
            return 2 * inputs[0] * grad_outputs[0],

    return Square


def graph_functions(chainer):
    """A graph with named variables, a variable used twice, a function with
    several outputs and a legacy Function. Returns ``(y, h)``."""
    F = chainer.functions
    x = chainer.Variable(
        numpy.arange(6, dtype=numpy.float32).reshape(2, 3), name='x')
    W = chainer.Variable(numpy.ones((4, 3), numpy.float32), name='W')
    h = F.relu(F.linear(x, W))
    a, b = F.split_axis(h, 2, axis=1)
    s = _square_class(chainer)()(a)
    y = F.sum(s * b) + F.sum(F.exp(h))
    return y, h


def graph_link(chainer):
    """A Linear link (named parameters ``W`` and ``b``), then graphs cut by
    ``unchain_backward``. Returns ``(full, cut1, cut2)``."""
    F = chainer.functions
    numpy.random.seed(0)
    link = chainer.links.Linear(3, 2)
    x = chainer.Variable(numpy.ones((2, 3), numpy.float32))
    full = F.sum(link(x))
    y = link(x)
    z = F.sum(F.tanh(y))
    t = F.concat((y, F.sigmoid(y)), axis=1)
    y.unchain_backward()
    return full, z, F.sum(t)


GRAPH_CASES = {
    # name: (builder, output index, build_computational_graph kwargs)
    'functions': (graph_functions, 0, {}),
    'functions_h': (graph_functions, 1, {}),
    'functions_plain': (graph_functions, 0, {
        'variable_style': None, 'function_style': None, 'show_name': False,
        'rankdir': 'LR'}),
    'functions_style': (graph_functions, 0, {
        'variable_style': {'color': 'red'},
        'function_style': {'shape': 'ellipse'}, 'rankdir': 'BT'}),
    'functions_novar': (graph_functions, 0, {'remove_variable': True}),
    'link': (graph_link, 0, {}),
    'link_cut': (graph_link, 1, {}),
    'link_cut_concat': (graph_link, 2, {}),
}


def make_net(chainer, nan=False):
    """A Chain ``net`` with ``l1`` (3 -> 2) and ``l2`` (2 -> 2), parameters
    and gradients drawn from a fixed RandomState."""
    L = chainer.links

    class Net(chainer.Chain):

        def __init__(self):
            super(Net, self).__init__()
            with self.init_scope():
                self.l1 = L.Linear(3, 2)
                self.l2 = L.Linear(2, 2)

    net = Net()
    rs = numpy.random.RandomState(4)
    for _, p in sorted(net.namedparams()):
        data = rs.uniform(-1, 1, p.shape).astype(numpy.float32)
        data[data > 0.7] = 0  # some zeros
        p.array = data
        p.grad = rs.uniform(-1, 1, p.shape).astype(numpy.float32)
    if nan:
        w = numpy.array(net.l2.W.array)
        w[0, 0] = numpy.nan
        net.l2.W.array = w
    return net


def _sumsq(x):
    return (x * x).sum()


STATS_CASES = {
    # name: (nan, which links, ParameterStatistics kwargs, n calls)
    'default': (False, 'net', {}, 1),
    'prefix_params_only': (False, 'net', {
        'prefix': 'pre', 'report_grads': False,
        'statistics': {'mean': numpy.mean, 'sumsq': _sumsq}}, 1),
    'links_grads_only': (False, 'children', {
        'report_params': False, 'statistics': {'max': numpy.max}}, 1),
    'nan': (True, 'net', {'statistics': {'mean': numpy.mean}}, 1),
    'nan_skipped': (True, 'net', {
        'skip_nan_params': True,
        'statistics': {'mean': numpy.mean, 'std': numpy.std}}, 1),
    'two_calls': (False, 'net', {'statistics': {'mean': numpy.mean}}, 2),
}


class _Trainer(object):
    # What ParameterStatistics reads of a trainer (its trigger is replaced).

    class updater(object):
        iteration = 1
        epoch = 0
        epoch_detail = 0.5
        previous_epoch_detail = 0.0
        is_new_epoch = False


def run_stats(chainer, extensions, name):
    """Runs ParameterStatistics for the case; returns the reported dict."""
    nan, which, kwargs, calls = STATS_CASES[name]
    net = make_net(chainer, nan)
    links = net if which == 'net' else [net.l1, net.l2]
    ext = extensions.ParameterStatistics(links, **kwargs)
    fired = []
    ext._trigger = lambda trainer: len(fired) == calls - 1 or \
        fired.append(1)
    observation = {}
    reporter = chainer.Reporter()
    for _ in range(calls):
        with reporter.scope(observation):
            ext(_Trainer())
        for _, p in net.namedparams():
            p.array = p.array + 1
    return observation
