"""Dataset classes (``chainer.datasets``).

The downloadable datasets (``get_mnist``, ``get_cifar10``, ...) are not
provided yet; using them raises ``NotImplementedInChainerjax``.
"""
from chainerjax import _missing
from chainerjax.datasets.concatenated_dataset import ConcatenatedDataset  # NOQA
from chainerjax.datasets.dict_dataset import DictDataset  # NOQA
from chainerjax.datasets.sub_dataset import get_cross_validation_datasets  # NOQA
from chainerjax.datasets.sub_dataset import get_cross_validation_datasets_random  # NOQA
from chainerjax.datasets.sub_dataset import split_dataset  # NOQA
from chainerjax.datasets.sub_dataset import split_dataset_n  # NOQA
from chainerjax.datasets.sub_dataset import split_dataset_n_random  # NOQA
from chainerjax.datasets.sub_dataset import split_dataset_random  # NOQA
from chainerjax.datasets.sub_dataset import SubDataset  # NOQA
from chainerjax.datasets.transform_dataset import TransformDataset  # NOQA
from chainerjax.datasets.tuple_dataset import TupleDataset  # NOQA

__getattr__ = _missing.module_getattr(__name__)
