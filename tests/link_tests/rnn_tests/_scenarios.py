"""Link scenarios shared by make_fixtures.py (run under real Chainer
7.8.1) and the tests (run under chainerjax): the same calls on both sides.
Nothing here imports either library.

Each scenario: the link class name, its constructor arguments, the NumPy
seed its parameters are initialized with, the shapes of the inputs, a
``run(link, inputs)`` returning a list of output Variables, whether the
gradients are compared and the ``train`` mode.
"""

LENGTHS = (1, 4, 3)   # unsorted on purpose: the links sort them


def _nstep(n_cells, with_state):
    def run(link, ins):
        n = n_cells if with_state else 0
        states = list(ins[:n]) if with_state else [None] * n_cells
        xs = list(ins[n:])
        out = link(*(states + [xs]))
        return list(out[:-1]) + list(out[-1])
    return run


def _nstep_inputs(n_cells, with_state, n_states, out_size, in_size):
    shapes = []
    if with_state:
        shapes += [(n_states, len(LENGTHS), out_size)] * n_cells
    return shapes + [(n, in_size) for n in LENGTHS]


def _stateless(link, ins):
    h, x = ins
    h1 = link(h, x)
    return [h1, link(h1, x * 2)]


def _stateful(link, ins):
    x1, x2 = ins
    y1 = link(x1)
    y2 = link(x2)
    outs = [y1, y2, link.h]
    if getattr(link, 'c', None) is not None:
        outs.append(link.c)
    return outs


def _child_sum(link, ins):
    x1, x2, x3 = ins
    c1, h1 = link(x1)
    c2, h2 = link(x2)
    c, h = link(c1, c2, h1, h2, x3)
    c_, h_ = link(c1, None, h1, None, None)
    return [c1, h1, c, h, c_, h_]


def _nary(link, ins):
    x1, x2 = ins
    c1, h1 = link(None, None, None, None, x1)
    c, h = link(c1, None, h1, None, x2)
    c_, h_ = link(c1, c, h1, h, None)
    return [c1, h1, c, h, c_, h_]


SCENARIOS = {}


def _add_nstep(cls, n_cells, bi, grad, with_state, seed):
    out_size = 2 if bi else 4
    n_states = 2 * 2 if bi else 2
    SCENARIOS[cls] = dict(
        cls=cls, args=(2, 3, out_size, 0.0), seed=seed,
        inputs=_nstep_inputs(n_cells, with_state, n_states, out_size, 3),
        run=_nstep(n_cells, with_state), grad=grad, train=True)


# Sizes as the function tests' cases (tests/functions_tests/rnn_tests), so
# that the compiled kernels are shared.
_add_nstep('NStepLSTM', 2, False, True, True, 1)
_add_nstep('NStepBiLSTM', 2, True, False, False, 2)
_add_nstep('NStepGRU', 1, False, False, False, 3)
_add_nstep('NStepBiGRU', 1, True, True, True, 4)
_add_nstep('NStepRNNTanh', 1, False, False, True, 5)
_add_nstep('NStepRNNReLU', 1, False, False, False, 6)
_add_nstep('NStepBiRNNTanh', 1, True, True, False, 7)
_add_nstep('NStepBiRNNReLU', 1, True, False, True, 8)

# Gradients are compared for one link of each kind (the others share the
# code paths and the ops, each tested with gradients on its own).
for _i, _cls in enumerate(('StatelessGRU', 'StatelessMGU')):
    SCENARIOS[_cls] = dict(cls=_cls, args=(3, 4), seed=20 + _i,
                           inputs=[(2, 4), (2, 3)], run=_stateless,
                           grad=_cls == 'StatelessMGU', train=True)
for _i, _cls in enumerate(('StatefulGRU', 'GRU', 'StatefulMGU',
                           'StatefulPeepholeLSTM')):
    SCENARIOS[_cls] = dict(cls=_cls, args=(3, 4), seed=30 + _i,
                           inputs=[(2, 3), (2, 3)], run=_stateful,
                           grad=_cls == 'StatefulGRU', train=True)
SCENARIOS['StatefulZoneoutLSTM'] = dict(
    cls='StatefulZoneoutLSTM', args=(3, 4), seed=40,
    inputs=[(2, 3), (2, 3)], run=_stateful, grad=False, train=False)
SCENARIOS['ChildSumTreeLSTM'] = dict(
    cls='ChildSumTreeLSTM', args=(3, 2), seed=41,
    inputs=[(2, 3)] * 3, run=_child_sum, grad=False, train=True)
SCENARIOS['NaryTreeLSTM'] = dict(
    cls='NaryTreeLSTM', args=(3, 2, 2), seed=42,
    inputs=[(2, 3)] * 2, run=_nary, grad=True, train=True)
