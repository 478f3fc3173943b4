import json
import os

import numpy
import pytest

import chainerjax
from chainerjax import iterators
from chainerjax import optimizers
from chainerjax import training
from chainerjax.training import extensions

from tests.training_tests import _models
from tests.training_tests.extensions_tests import _stats_graph_cases as cases

_FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                         'stats_graph_fixtures.npz')


@pytest.mark.parametrize('name', sorted(cases.STATS_CASES))
def test_reports_as_chainer(name):
    with numpy.load(_FIXTURES) as f:
        keys = json.loads(str(f['stats/{}/keys'.format(name)]))
        values = f['stats/{}/values'.format(name)]
    observation = cases.run_stats(chainerjax, extensions, name)
    assert sorted(observation) == keys
    got = numpy.array([float(observation[k]) for k in keys])
    numpy.testing.assert_allclose(got, values, rtol=1e-5, atol=1e-6)


def test_default_keys_in_training():
    model = _models.make_model()
    model.name = 'main'
    opt = optimizers.SGD()
    opt.setup(model)
    it = iterators.SerialIterator(_models.make_data(n=4), 2, shuffle=False)
    trainer = training.Trainer(training.updaters.StandardUpdater(it, opt),
                               (2, 'iteration'))
    ext = extensions.ParameterStatistics(model, trigger=(2, 'iteration'))
    assert ext.priority == training.PRIORITY_WRITER
    assert ext.default_name == 'parameter_statistics'
    trainer.extend(ext)
    seen = []
    trainer.extend(lambda t: seen.append(dict(t.observation)),
                   name='record', priority=0)
    trainer.run()
    assert 'main/predictor/l1/W/data/mean' not in seen[0]
    reported = seen[1]
    for stat in ('mean', 'std', 'min', 'max', 'zeros'):
        assert 'main/predictor/l1/W/data/' + stat in reported
        assert 'main/predictor/l2/b/grad/' + stat in reported
    assert ['main/predictor/l1/b/grad/percentile/{}'.format(i) in reported
            for i in range(8)] == [True] * 7 + [False]


def test_register_statistics_and_none_arrays():
    link = chainerjax.links.Linear(None, 2)  # W is not initialized yet
    link.cleargrads()
    ext = extensions.ParameterStatistics(link, statistics=None)
    ext.register_statistics('sum', lambda x: x.sum())
    ext._trigger = lambda trainer: True
    observation = {}
    with chainerjax.Reporter().scope(observation):
        ext(None)
    # No gradient yet, W uninitialized: only b's value is reported.
    assert observation == {'None/b/data/sum': 0.0}
