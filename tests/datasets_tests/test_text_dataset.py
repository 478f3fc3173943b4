"""TextDataset."""
import pickle

import pytest

from chainerjax import datasets


@pytest.fixture
def files(tmp_path):
    a = tmp_path / 'a.txt'
    b = tmp_path / 'b.txt'
    a.write_bytes('héllo\nworld\n\nlast'.encode('utf-8'))
    b.write_bytes('1\r\n2\r\n3\r\n4'.encode('latin-1'))
    return str(a), str(b)


def test_one_file(files):
    ds = datasets.TextDataset(files[0], encoding='utf-8')
    assert len(ds) == 4
    # lines keep their ending; the last line has none
    assert ds[0] == 'héllo\n'
    assert ds[3] == 'last'
    assert ds[2] == '\n'
    assert ds[1:3] == ['world\n', '\n']
    assert list(ds) == ['héllo\n', 'world\n', '\n', 'last']
    with pytest.raises(IndexError):
        ds.get_example(4)
    ds.close()


def test_several_files_and_options(files):
    ds = datasets.TextDataset(list(files), encoding=['utf-8', 'latin-1'],
                              newline=[None, ''])
    assert len(ds) == 4
    assert ds[1] == ('world\n', '2\r\n')
    assert ds[3] == ('last', '4')
    ds = datasets.TextDataset(list(files), encoding='utf-8',
                              filter_func=lambda a, b: a.strip() != '')
    assert len(ds) == 3
    assert [ex[1] for ex in ds] == ['1\n', '2\n', '4']


def test_pickle_reopens(files):
    ds = datasets.TextDataset(files[0], encoding='utf-8',
                              filter_func=lambda s: 'o' in s)
    ds2 = pickle.loads(pickle.dumps(datasets.TextDataset(
        files[0], encoding='utf-8')))
    assert list(ds2) == ['héllo\n', 'world\n', '\n', 'last']
    assert list(ds) == ['héllo\n', 'world\n']


def test_errors(files, tmp_path):
    with pytest.raises(ValueError):
        datasets.TextDataset([])
    with pytest.raises(ValueError):
        datasets.TextDataset(list(files), encoding=['utf-8'])
    short = tmp_path / 'short.txt'
    short.write_text('x\n')
    with pytest.raises(ValueError, match='number of lines'):
        datasets.TextDataset([files[0], str(short)], encoding='utf-8')
