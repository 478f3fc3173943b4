"""Serializers (``chainer.serializers``): NPZ files in Chainer's layout."""
from chainerjax import _missing
from chainerjax.serializers.npz import DictionarySerializer  # NOQA
from chainerjax.serializers.npz import load_npz  # NOQA
from chainerjax.serializers.npz import NpzDeserializer  # NOQA
from chainerjax.serializers.npz import save_npz  # NOQA

__getattr__ = _missing.module_getattr(__name__)
