import io

import jax.numpy as jnp
import numpy
import pytest

import chainerjax
from chainerjax import reporter
from chainerjax.serializers import npz


class TestReporter:

    def test_report_without_observer(self):
        r = reporter.Reporter()
        obs = {}
        with r.scope(obs):
            chainerjax.report({'x': 1})
        assert obs == {'x': 1}

    def test_report_with_observer(self):
        r = reporter.Reporter()
        observer = object()
        r.add_observer('o', observer)
        with r.scope({}) as _:
            r.report({'x': 1}, observer)
            obs = r.observation
        assert obs == {'o/x': 1}

    def test_add_observers(self):
        r = reporter.Reporter()
        a, b = object(), object()
        r.add_observers('main', [('/a', a), ('/b', b)])
        obs = {}
        with r.scope(obs):
            reporter.report({'y': 2}, b)
        assert obs == {'main/b/y': 2}

    def test_unregistered_observer(self):
        r = reporter.Reporter()
        with pytest.raises(KeyError):
            r.report({'x': 1}, object())

    def test_report_without_reporter_is_noop(self):
        chainerjax.report({'x': 1})

    def test_nesting_and_current(self):
        r1, r2 = reporter.Reporter(), reporter.Reporter()
        with r1:
            assert reporter.get_current_reporter() is r1
            with r2:
                assert chainerjax.get_current_reporter() is r2
                chainerjax.report({'x': 1})
            assert reporter.get_current_reporter() is r1
        assert r2.observation == {'x': 1}
        assert r1.observation == {}

    def test_scope_restores_observation(self):
        r = reporter.Reporter()
        outer = r.observation
        inner = {}
        with r.scope(inner):
            reporter.report({'a': 1})
        assert r.observation is outer
        assert inner == {'a': 1}

    def test_report_scope(self):
        r = reporter.Reporter()
        obs1, obs2 = {}, {}
        with r.scope(obs1):
            with chainerjax.report_scope(obs2):
                chainerjax.report({'x': 1})
            chainerjax.report({'y': 2})
        assert obs2 == {'x': 1}
        assert obs1 == {'y': 2}

    def test_graph_cut_by_default(self):
        x = chainerjax.Variable(numpy.array([1., 2.], numpy.float32))
        y = x * 2
        assert y.creator is not None
        r = reporter.Reporter()
        obs = {}
        with r.scope(obs):
            chainerjax.report({'y': y})
        assert obs['y'] is not y
        assert obs['y'].creator is None
        numpy.testing.assert_array_equal(obs['y'].array, [2., 4.])

    def test_keep_graph_on_report(self):
        x = chainerjax.Variable(numpy.array([1.], numpy.float32))
        y = x * 2
        r = reporter.Reporter()
        obs = {}
        with chainerjax.using_config('keep_graph_on_report', True):
            with r.scope(obs):
                chainerjax.report({'y': y})
        assert obs['y'] is y

    def test_top_level_names(self):
        assert chainerjax.Reporter is reporter.Reporter
        assert chainerjax.Summary is reporter.Summary
        assert chainerjax.DictSummary is reporter.DictSummary


def _values(kind):
    raw = [1., 2., 4., 7.]
    if kind == 'python':
        return raw
    if kind == 'numpy':
        return [numpy.asarray(v, numpy.float32) for v in raw]
    if kind == 'jax':
        return [jnp.asarray(v, jnp.float32) for v in raw]
    return [chainerjax.Variable(numpy.asarray(v, numpy.float32))
            for v in raw]


@pytest.mark.parametrize('kind', ['python', 'numpy', 'jax', 'variable'])
class TestSummary:

    def test_mean_std(self, kind):
        s = reporter.Summary()
        for v in _values(kind):
            s.add(v)
        raw = numpy.array([1., 2., 4., 7.])
        numpy.testing.assert_allclose(float(s.compute_mean()), raw.mean(),
                                      rtol=1e-6)
        mean, std = s.make_statistics()
        numpy.testing.assert_allclose(float(mean), raw.mean(), rtol=1e-6)
        numpy.testing.assert_allclose(float(std), raw.std(), rtol=1e-5)

    def test_weighted(self, kind):
        s = reporter.Summary()
        vals = _values(kind)
        s.add(vals[0], weight=3)
        s.add(vals[1], weight=1)
        numpy.testing.assert_allclose(float(s.compute_mean()), 1.25)

    def test_dict_summary(self, kind):
        d = reporter.DictSummary()
        vals = _values(kind)
        d.add({'a': vals[0], 'b': vals[1], 'skip': numpy.zeros(3)})
        d.add({'a': vals[2]})
        mean = d.compute_mean()
        assert set(mean) == {'a', 'b'}
        numpy.testing.assert_allclose(float(mean['a']), 2.5)
        numpy.testing.assert_allclose(float(mean['b']), 2.)
        stats = d.make_statistics()
        assert set(stats) == {'a', 'a.std', 'b', 'b.std'}
        numpy.testing.assert_allclose(float(stats['a.std']), 1.5)


class TestDictSummary:

    def test_weight_tuple(self):
        d = reporter.DictSummary()
        d.add({'a': (1., 3)})
        d.add({'a': (numpy.float32(5.), chainerjax.Variable(
            numpy.asarray(1.)))})
        numpy.testing.assert_allclose(float(d.compute_mean()['a']), 2.)

    def test_non_scalar_weight(self):
        d = reporter.DictSummary()
        with pytest.raises(ValueError):
            d.add({'a': (1., numpy.ones(2))})

    @pytest.mark.parametrize('through_file', [False, True])
    def test_serialize(self, through_file):
        d = reporter.DictSummary()
        d.add({'a': 1., 'b': numpy.float32(2.)})
        d.add({'a': jnp.asarray(3.)})
        if through_file:
            f = io.BytesIO()
            npz.save_npz(f, d)
            f.seek(0)
            d2 = reporter.DictSummary()
            npz.load_npz(f, d2)
        else:
            target = npz.serialize(d)
            d2 = reporter.DictSummary()
            d2.serialize(npz.NpzDeserializer(target))
        mean = d2.compute_mean()
        assert set(mean) == {'a', 'b'}
        numpy.testing.assert_allclose(float(mean['a']), 2.)
        numpy.testing.assert_allclose(float(mean['b']), 2.)
        d2.add({'a': 5.})
        numpy.testing.assert_allclose(float(d2.compute_mean()['a']), 3.)

    def test_deserialize_missing_names_warns(self):
        d = reporter.DictSummary()
        with pytest.warns(UserWarning):
            d.serialize(npz.NpzDeserializer({}))
