"""The view of ``TabularDataset.join()``: datasets side by side."""
from chainerjax.dataset.tabular import tabular_dataset


class _Join(tabular_dataset.TabularDataset):

    def __init__(self, *datasets):
        keys = set(datasets[0].keys)
        for dataset in datasets[1:]:
            if len(dataset) != len(datasets[0]):
                raise ValueError('All datasets must have the same length')
            if keys.intersection(dataset.keys):
                raise ValueError('All keys must be unique among all datasets')
            keys.update(dataset.keys)
        self._datasets = datasets

    def __len__(self):
        return len(self._datasets[0])

    @property
    def keys(self):
        return tuple(key for dataset in self._datasets
                     for key in dataset.keys)

    @property
    def mode(self):
        # the first dataset with mode tuple or dict decides
        for dataset in self._datasets:
            if dataset.mode:
                return dataset.mode
        return tuple

    def get_examples(self, indices, key_indices):
        if key_indices is None:
            return tuple(col for dataset in self._datasets
                         for col in dataset.get_examples(indices, None))
        # Ask each dataset once for the columns it owns.
        columns = {}
        offset = 0
        for dataset in self._datasets:
            n = len(dataset.keys)
            own = []
            for key_index in key_indices:
                local = key_index - offset
                if 0 <= local < n and local not in own:
                    own.append(local)
            if own:
                cols = dataset.get_examples(indices, tuple(own))
                for local, col in zip(own, cols):
                    columns[offset + local] = col
            offset += n
        return tuple(columns[key_index] for key_index in key_indices)

    def convert(self, data):
        return self._datasets[0].convert(data)
