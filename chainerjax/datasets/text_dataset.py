"""Dataset of the lines of text files (``chainer.datasets.text_dataset``).
"""
import threading

from chainerjax.dataset import dataset_mixin


def _per_file(option, n, name):
    if option is None or isinstance(option, str):
        return [option] * n
    option = list(option)
    if len(option) != n:
        raise ValueError(
            'length of each option must match with the number of text '
            'files to read ({} has {}, for {} files)'.format(
                name, len(option), n))
    return option


class TextDataset(dataset_mixin.DatasetMixin):
    """Dataset whose examples are the lines of one or more text files.

    The constructor reads the files once and records where each line
    starts; each access then seeks to its line. Lines keep their line
    ending. With several files, the ``i``-th example is the tuple of the
    ``i``-th lines of all files, which must have the same number of lines.

    The dataset can be pickled (the files are reopened, and must not have
    changed meanwhile).

    Args:
        paths (str or list of str): the text file, or files.
        encoding (str or list of str): the encoding(s), as for
            :func:`open`.
        errors (str or list of str): how decoding errors are handled, as
            for :func:`open`.
        newline (str or list of str): the newline mode(s), as for
            :func:`open`.
        filter_func (callable): ``filter_func(*lines) -> bool``, called
            with the lines of each file; lines for which it returns False
            are skipped.
    """

    def __init__(self, paths, encoding=None, errors=None, newline=None,
                 filter_func=None):
        if isinstance(paths, str):
            paths = [paths]
        elif not paths:
            raise ValueError('at least one text file must be specified')
        n = len(paths)
        self._paths = list(paths)
        self._encoding = _per_file(encoding, n, 'encoding')
        self._errors = _per_file(errors, n, 'errors')
        self._newline = _per_file(newline, n, 'newline')
        self._fps = None
        self._open()

        # bounds[k][j]: where line j of file k starts; lines: the numbers
        # of the lines kept by filter_func.
        bounds = [[0] for _ in self._fps]
        lines = []
        linenum = 0
        while True:
            data = [fp.readline() for fp in self._fps]
            if not all(data):
                if any(data):
                    raise ValueError(
                        'number of lines in files does not match')
                break
            for bound, fp in zip(bounds, self._fps):
                bound.append(fp.tell())
            if filter_func is None or filter_func(*data):
                lines.append(linenum)
            linenum += 1
        self._bounds = bounds
        self._lines = lines if filter_func is not None else range(linenum)
        self._lock = threading.Lock()

    def _open(self):
        self._fps = [
            open(path, mode='rt', encoding=encoding, errors=errors,
                 newline=newline)
            for path, encoding, errors, newline in zip(
                self._paths, self._encoding, self._errors, self._newline)]

    def __getstate__(self):
        state = self.__dict__.copy()
        del state['_fps']
        del state['_lock']
        return state

    def __setstate__(self, state):
        self.__dict__ = state
        self._open()
        self._lock = threading.Lock()

    def __len__(self):
        return len(self._lines)

    def close(self):
        """Closes the files (they are also closed when the dataset is
        garbage-collected)."""
        error = None
        for fp in self._fps:
            try:
                fp.close()
            except Exception as e:
                error = e
        if error is not None:
            raise error

    def get_example(self, idx):
        if idx < 0 or len(self._lines) <= idx:
            raise IndexError(
                'index {} is out of range for a TextDataset of {} '
                'lines'.format(idx, len(self._lines)))
        linenum = self._lines[idx]
        with self._lock:
            for bound, fp in zip(self._bounds, self._fps):
                fp.seek(bound[linenum])
            lines = [fp.readline() for fp in self._fps]
        if len(lines) == 1:
            return lines[0]
        return tuple(lines)
