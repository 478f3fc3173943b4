"""Tabular datasets (``chainer.dataset.tabular``)."""
from chainerjax.dataset.tabular import _asmode  # NOQA
from chainerjax.dataset.tabular import _concat  # NOQA
from chainerjax.dataset.tabular import _join  # NOQA
from chainerjax.dataset.tabular import _slice  # NOQA
from chainerjax.dataset.tabular import _transform  # NOQA
from chainerjax.dataset.tabular import _with_converter  # NOQA

from chainerjax.dataset.tabular.delegate_dataset import DelegateDataset  # NOQA
from chainerjax.dataset.tabular.from_data import from_data  # NOQA
