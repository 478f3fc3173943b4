"""PickleDataset and PickleDatasetWriter."""
import io
import pickle

import numpy
import pytest

from chainerjax import datasets


def test_write_and_read(tmp_path):
    path = str(tmp_path / 'data.pkl')
    examples = [(1, 2.0, 'hello'), {'x': numpy.arange(3)}, None, [4, 5]]
    with datasets.open_pickle_dataset_writer(path, protocol=2) as writer:
        for example in examples:
            writer.write(example)
        writer.flush()
    with datasets.open_pickle_dataset(path) as ds:
        assert len(ds) == 4
        assert ds[0] == (1, 2.0, 'hello')
        numpy.testing.assert_array_equal(ds[1]['x'], numpy.arange(3))
        assert ds[2] is None
        assert ds[3] == [4, 5]
        assert ds[-1] == [4, 5]
        assert ds[[3, 0]] == [[4, 5], (1, 2.0, 'hello')]
        clone = pickle.loads(pickle.dumps(ds))    # reopens the file
        assert clone[0] == (1, 2.0, 'hello')
        clone.close()


def test_in_memory_reader():
    buf = io.BytesIO()
    writer = datasets.PickleDatasetWriter(buf)
    writer.write('a')
    writer.write('b')
    ds = datasets.PickleDataset(io.BytesIO(buf.getvalue()))
    assert len(ds) == 2 and ds[1] == 'b'


def test_unseekable_reader():
    class Stream(io.RawIOBase):
        def seekable(self):
            return False
    with pytest.raises(ValueError):
        datasets.PickleDataset(Stream())
