import numpy
import pytest

from chainerjax import datasets


class TestTupleDataset:

    def setup_method(self):
        self.x0 = numpy.arange(12, dtype=numpy.float32).reshape(4, 3)
        self.x1 = numpy.arange(4)

    def test_getitem(self):
        ds = datasets.TupleDataset(self.x0, self.x1)
        assert len(ds) == 4
        ex = ds[2]
        assert isinstance(ex, tuple)
        numpy.testing.assert_array_equal(ex[0], self.x0[2])
        assert ex[1] == 2

    def test_slice(self):
        ds = datasets.TupleDataset(self.x0, self.x1)
        exs = ds[1:3]
        assert isinstance(exs, list) and len(exs) == 2
        numpy.testing.assert_array_equal(exs[1][0], self.x0[2])
        assert exs[0][1] == 1

    def test_fancy_index_gives_tuple_of_columns(self):
        ds = datasets.TupleDataset(self.x0, self.x1)
        ex = ds[numpy.array([0, 2])]
        numpy.testing.assert_array_equal(ex[1], [0, 2])

    def test_errors(self):
        with pytest.raises(ValueError):
            datasets.TupleDataset()
        with pytest.raises(ValueError):
            datasets.TupleDataset(self.x0, self.x1[:3])


class TestDictDataset:

    def test_getitem_and_slice(self):
        ds = datasets.DictDataset(x=numpy.arange(4), y=numpy.arange(4) * 2)
        assert len(ds) == 4
        assert ds[1] == {'x': 1, 'y': 2}
        assert ds[2:4] == [{'x': 2, 'y': 4}, {'x': 3, 'y': 6}]

    def test_errors(self):
        with pytest.raises(ValueError):
            datasets.DictDataset()
        with pytest.raises(ValueError):
            datasets.DictDataset(x=[1, 2], y=[1])


class TestSubDataset:

    def test_range(self):
        sub = datasets.SubDataset(list(range(10)), 3, 7)
        assert len(sub) == 4
        assert [sub[i] for i in range(4)] == [3, 4, 5, 6]
        assert sub[-1] == 6
        assert sub[1:3] == [4, 5]
        with pytest.raises(IndexError):
            sub[4]
        with pytest.raises(IndexError):
            sub[-5]

    def test_order(self):
        order = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
        sub = datasets.SubDataset(list(range(10)), 2, 5, order)
        assert sub[0:3] == [7, 6, 5]

    def test_errors(self):
        with pytest.raises(ValueError):
            datasets.SubDataset([1, 2], 0, 3)
        with pytest.raises(ValueError):
            datasets.SubDataset([1, 2], 0, 1, order=[0])

    def test_split_dataset(self):
        a, b = datasets.split_dataset(list(range(5)), 2)
        assert a[:] == [0, 1] and b[:] == [2, 3, 4]
        with pytest.raises(TypeError):
            datasets.split_dataset([1, 2], 1.5)
        with pytest.raises(ValueError):
            datasets.split_dataset([1, 2], -1)
        with pytest.raises(ValueError):
            datasets.split_dataset([1, 2], 3)

    def test_split_dataset_random(self):
        a, b = datasets.split_dataset_random(list(range(10)), 3, seed=0)
        assert len(a) == 3 and len(b) == 7
        assert sorted(a[:] + b[:]) == list(range(10))
        a2, _ = datasets.split_dataset_random(list(range(10)), 3, seed=0)
        assert a[:] == a2[:]

    def test_split_dataset_n(self):
        parts = datasets.split_dataset_n(list(range(10)), 3)
        assert [p[:] for p in parts] == [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
        parts = datasets.split_dataset_n_random(list(range(10)), 2, seed=1)
        assert sorted(parts[0][:] + parts[1][:]) == list(range(10))

    @pytest.mark.parametrize('n', [7, 10])
    def test_cross_validation(self, n):
        splits = datasets.get_cross_validation_datasets(list(range(n)), 3)
        assert len(splits) == 3
        tests = []
        for train, test in splits:
            assert sorted(train[:] + test[:]) == list(range(n))
            tests.extend(test[:])
        assert sorted(tests) == list(range(n))

    def test_cross_validation_matches_chainer(self):
        # Fold layout of Chainer 7.8.1 for 7 examples and 3 folds.
        splits = datasets.get_cross_validation_datasets(list(range(7)), 3)
        assert [t[:] for _, t in splits] == [[4, 5, 6], [2, 3], [0, 1]]

    def test_cross_validation_random(self):
        splits = datasets.get_cross_validation_datasets_random(
            list(range(9)), 3, seed=0)
        tests = sum((t[:] for _, t in splits), [])
        assert sorted(tests) == list(range(9))


class TestConcatenatedDataset:

    def test(self):
        ds = datasets.ConcatenatedDataset([0, 1], [], [2, 3, 4])
        assert len(ds) == 5
        assert ds[:] == [0, 1, 2, 3, 4]
        assert ds[3] == 3
        with pytest.raises(IndexError):
            ds[5]
        with pytest.raises(IndexError):
            ds[-1]


class TestTransformDataset:

    def test(self):
        ds = datasets.TransformDataset([1, 2, 3], lambda x: x * 10)
        assert len(ds) == 3
        assert ds[1] == 20
        assert ds[::2] == [10, 30]
        assert ds[[0, 1]] == [10, 20]


def test_unknown_names_raise_clear_errors():
    # not a name of Chainer's datasets either: a plain AttributeError
    # saying so
    with pytest.raises(AttributeError, match="nor has Chainer 7.8.1's "
                                             'chainer.datasets') as e:
        datasets.get_imagenet_from_nowhere
    assert not isinstance(e.value, NotImplementedError)
    assert not hasattr(datasets, 'get_imagenet_from_nowhere')
