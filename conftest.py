"""Repository-wide pytest setup (kept light: it runs in every worker)."""
import os

# Tests run on JAX's CPU backend unless the caller chose a platform
# (e.g. JAX_PLATFORMS=cuda for the `gpu` marked tests).
os.environ.setdefault('JAX_PLATFORMS', 'cpu')

try:
    import hypothesis
except ImportError:  # hypothesis is only in the `test` extra
    pass
else:
    # First calls compile XLA kernels, which can take longer than
    # hypothesis' default 200 ms deadline on a loaded machine.
    hypothesis.settings.register_profile('chainerjax', deadline=None)
    hypothesis.settings.load_profile(
        os.environ.get('HYPOTHESIS_PROFILE', 'chainerjax'))
