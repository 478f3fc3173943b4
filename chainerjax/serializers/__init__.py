"""Serializers (``chainer.serializers``): NPZ and HDF5 files in Chainer's
layout."""
from chainerjax import _missing
from chainerjax.serializers.hdf5 import HDF5Deserializer  # NOQA
from chainerjax.serializers.hdf5 import HDF5Serializer  # NOQA
from chainerjax.serializers.hdf5 import load_hdf5  # NOQA
from chainerjax.serializers.hdf5 import save_hdf5  # NOQA
from chainerjax.serializers.npz import DictionarySerializer  # NOQA
from chainerjax.serializers.npz import load_npz  # NOQA
from chainerjax.serializers.npz import NpzDeserializer  # NOQA
from chainerjax.serializers.npz import save_npz  # NOQA

__getattr__ = _missing.module_getattr(__name__)
