"""Dataset utilities (``chainer.dataset``): converters, the iterator
interface, ``DatasetMixin``, ``TabularDataset`` and the download
cache."""
from chainerjax import _missing
from chainerjax.dataset.convert import concat_examples  # NOQA
from chainerjax.dataset.convert import ConcatWithAsyncTransfer  # NOQA
from chainerjax.dataset.convert import converter  # NOQA
from chainerjax.dataset.convert import Converter  # NOQA
from chainerjax.dataset.convert import to_device  # NOQA
from chainerjax.dataset.dataset_mixin import DatasetMixin  # NOQA
from chainerjax.dataset.download import cache_or_load_file  # NOQA
from chainerjax.dataset.download import cached_download  # NOQA
from chainerjax.dataset.download import get_dataset_directory  # NOQA
from chainerjax.dataset.download import get_dataset_root  # NOQA
from chainerjax.dataset.download import set_dataset_root  # NOQA
from chainerjax.dataset.iterator import Iterator  # NOQA
from chainerjax.dataset.tabular.tabular_dataset import TabularDataset  # NOQA

__getattr__ = _missing.module_getattr(__name__)
