"""``chainer.datasets.TransformDataset``."""
from chainerjax.dataset import dataset_mixin


class TransformDataset(dataset_mixin.DatasetMixin):
    """Applies ``transform`` to each example when it is read.

    Args:
        dataset: the underlying dataset.
        transform: ``transform(example) -> example``.
    """

    def __init__(self, dataset, transform):
        self._dataset = dataset
        self._transform = transform

    def __len__(self):
        return len(self._dataset)

    def get_example(self, i):
        return self._transform(self._dataset[i])
