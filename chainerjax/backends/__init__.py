"""Backends: ``cuda`` (JAX GPUs under Chainer's CuPy names) and the private
NumPy and JAX device implementations."""
from chainerjax.backends import cuda  # NOQA
