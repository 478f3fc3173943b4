"""TabularDataset and its views compared with real Chainer 7.8.1.

fixtures.json holds what Chainer returned for each scenario of _cases.py
(values with their types and dtypes, errors, and the calls the views made
to the underlying dataset); the same scenarios run here on chainerjax.
"""
import json
import os

import numpy
import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

import chainerjax
from chainerjax import dataset
from chainerjax.dataset import tabular
from tests.dataset_tests.tabular_tests import _cases

with open(os.path.join(os.path.dirname(__file__), 'fixtures.json')) as f:
    EXPECTED = json.load(f)

CASES = _cases.build_cases(chainerjax)


def test_same_scenarios():
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize('name', sorted(EXPECTED))
def test_matches_chainer(name):
    assert CASES[name]() == EXPECTED[name]


def test_exports():
    assert dataset.TabularDataset is tabular.tabular_dataset.TabularDataset
    assert issubclass(tabular.DelegateDataset, dataset.TabularDataset)
    assert issubclass(dataset.TabularDataset, dataset.DatasetMixin)
    for name in ('_asmode', '_concat', '_join', '_slice', '_transform',
                 '_with_converter'):
        assert getattr(tabular, name).__name__ == (
            'chainerjax.dataset.tabular.' + name)


def test_abstract_methods():
    ds = dataset.TabularDataset()
    for f in (lambda: len(ds), lambda: ds.keys, lambda: ds.mode,
              lambda: ds.get_examples(None, None)):
        with pytest.raises(NotImplementedError):
            f()


@settings(max_examples=60, deadline=None)
@given(lengths=st.lists(st.integers(0, 4), min_size=1, max_size=4),
       start=st.one_of(st.none(), st.integers(-12, 12)),
       stop=st.one_of(st.none(), st.integers(-12, 12)),
       step=st.one_of(st.none(), st.integers(-4, 4).filter(bool)))
def test_concat_slices_match_a_list(lengths, start, stop, step):
    # Any slice of a concatenation (and of its reversed view) holds the
    # rows Python's slicing of the concatenated list gives.
    parts, rows = [], []
    for k, n in enumerate(lengths):
        column = list(range(k * 10, k * 10 + n))
        parts.append(tabular.from_data(('a', column)))
        rows.extend(column)
    concat = parts[0].concat(*parts[1:])
    index = slice(start, stop, step)
    assert list(concat.slice[index].fetch()) == rows[index]
    assert list(concat.slice[::-1].slice[index].fetch()) == rows[::-1][index]
    assert len(concat.slice[index]) == len(rows[index])
    picks = list(range(len(rows)))[index]
    assert list(concat.slice[picks].fetch()) == [rows[i] for i in picks]


def test_convert_keeps_jax_arrays_on_their_device():
    import jax.numpy as jnp
    ds = tabular.from_data((('x', [jnp.ones(2), jnp.zeros(2)]),
                            ('y', numpy.arange(2))))
    x, y = ds.convert(ds.fetch())
    assert isinstance(x, chainerjax.get_array_types()) and x.shape == (2, 2)
    assert not isinstance(x, numpy.ndarray)
    assert isinstance(y, numpy.ndarray)
