"""Dataset classes and the downloadable datasets (``chainer.datasets``).
"""
from chainerjax import _missing
from chainerjax.datasets.cifar import get_cifar10  # NOQA
from chainerjax.datasets.cifar import get_cifar100  # NOQA
from chainerjax.datasets.concatenated_dataset import ConcatenatedDataset  # NOQA
from chainerjax.datasets.dict_dataset import DictDataset  # NOQA
from chainerjax.datasets.fashion_mnist import get_fashion_mnist  # NOQA
from chainerjax.datasets.fashion_mnist import get_fashion_mnist_labels  # NOQA
from chainerjax.datasets.image_dataset import ImageDataset  # NOQA
from chainerjax.datasets.image_dataset import LabeledImageDataset  # NOQA
from chainerjax.datasets.image_dataset import LabeledZippedImageDataset  # NOQA
from chainerjax.datasets.image_dataset import MultiZippedImageDataset  # NOQA
from chainerjax.datasets.image_dataset import ZippedImageDataset  # NOQA
from chainerjax.datasets.kuzushiji_mnist import get_kuzushiji_mnist  # NOQA
from chainerjax.datasets.kuzushiji_mnist import get_kuzushiji_mnist_labels  # NOQA
from chainerjax.datasets.mnist import get_mnist  # NOQA
from chainerjax.datasets.pickle_dataset import open_pickle_dataset  # NOQA
from chainerjax.datasets.pickle_dataset import open_pickle_dataset_writer  # NOQA
from chainerjax.datasets.pickle_dataset import PickleDataset  # NOQA
from chainerjax.datasets.pickle_dataset import PickleDatasetWriter  # NOQA
from chainerjax.datasets.ptb import get_ptb_words  # NOQA
from chainerjax.datasets.ptb import get_ptb_words_vocabulary  # NOQA
from chainerjax.datasets.sub_dataset import get_cross_validation_datasets  # NOQA
from chainerjax.datasets.sub_dataset import get_cross_validation_datasets_random  # NOQA
from chainerjax.datasets.sub_dataset import split_dataset  # NOQA
from chainerjax.datasets.sub_dataset import split_dataset_n  # NOQA
from chainerjax.datasets.sub_dataset import split_dataset_n_random  # NOQA
from chainerjax.datasets.sub_dataset import split_dataset_random  # NOQA
from chainerjax.datasets.sub_dataset import SubDataset  # NOQA
from chainerjax.datasets.svhn import get_svhn  # NOQA
from chainerjax.datasets.text_dataset import TextDataset  # NOQA
from chainerjax.datasets.transform_dataset import TransformDataset  # NOQA
from chainerjax.datasets.tuple_dataset import TupleDataset  # NOQA

__getattr__ = _missing.module_getattr(__name__)
