"""The views of ``TabularDataset.transform()`` and ``transform_batch()``.

The mode of a transformed dataset is the type of what the transform
returns (tuple, dict, or anything else for mode None); it is found on the
first read (``mode`` reads row 0 if nothing was read yet), and a
transform whose return type changes is an error.
"""
from chainerjax.dataset.tabular import tabular_dataset


def _mode_of(value):
    if isinstance(value, tuple):
        return tuple
    if isinstance(value, dict):
        return dict
    return None


def _call(function, dataset, values):
    # Calls ``function`` with the columns ``values`` of ``dataset``, as
    # keyword arguments if its mode is dict, else positionally.
    if dataset.mode is dict:
        return function(**dict(zip(dataset.keys, values)))
    return function(*values)


class _TransformBase(tabular_dataset.TabularDataset):

    _function_name = None

    def __init__(self, dataset, keys):
        if not isinstance(keys, tuple):
            keys = (keys,)
        self._dataset = dataset
        self._keys = keys

    def __len__(self):
        return len(self._dataset)

    @property
    def keys(self):
        return self._keys

    @property
    def mode(self):
        if not hasattr(self, '_mode'):
            self.get_examples([0], None)
        return self._mode

    def _set_mode(self, out):
        mode = _mode_of(out)
        if hasattr(self, '_mode') and self._mode is not mode:
            raise ValueError(
                '{} must not change its return type'.format(
                    self._function_name))
        self._mode = mode

    def _columns(self, out, key_indices):
        # The columns ``key_indices`` of ``out`` (a tuple, dict or value).
        if self._mode is dict:
            return [out[self._keys[k]] for k in key_indices]
        if self._mode is None:
            out = (out,)
        return [out[k] for k in key_indices]

    def convert(self, data):
        return self._dataset.convert(data)


class _Transform(_TransformBase):

    _function_name = 'transform'

    def __init__(self, dataset, keys, transform):
        super(_Transform, self).__init__(dataset, keys)
        self._transform = transform

    def get_examples(self, indices, key_indices):
        if key_indices is None:
            key_indices = range(len(self._keys))
        in_columns = self._dataset.get_examples(indices, None)
        out_columns = tuple([] for _ in key_indices)
        for in_example in zip(*in_columns):
            out = _call(self._transform, self._dataset, in_example)
            self._set_mode(out)
            for column, value in zip(
                    out_columns, self._columns(out, key_indices)):
                column.append(value)
        return out_columns


class _TransformBatch(_TransformBase):

    _function_name = 'transform_batch'

    def __init__(self, dataset, keys, transform_batch):
        super(_TransformBatch, self).__init__(dataset, keys)
        self._transform_batch = transform_batch

    def get_examples(self, indices, key_indices):
        if indices is None:
            n = len(self)
        elif isinstance(indices, slice):
            n = len(range(*indices.indices(len(self))))
        else:
            n = len(indices)
        if key_indices is None:
            key_indices = range(len(self._keys))
        in_columns = self._dataset.get_examples(indices, None)
        out = _call(self._transform_batch, self._dataset, in_columns)
        self._set_mode(out)
        if self._mode is dict:
            lengths = [len(col) for col in out.values()]
        elif self._mode is tuple:
            lengths = [len(col) for col in out]
        else:
            lengths = [len(out)]
        if any(length != n for length in lengths):
            raise ValueError(
                'transform_batch must not change the length of data')
        return tuple(self._columns(out, key_indices))
