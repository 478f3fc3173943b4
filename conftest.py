"""Repository-wide pytest setup (kept light: it runs in every worker)."""
import os

# Tests run on JAX's CPU backend unless the caller chose a platform
# (e.g. JAX_PLATFORMS=cuda for the `gpu` marked tests).
os.environ.setdefault('JAX_PLATFORMS', 'cpu')

# JAX's persistent compilation cache writes its files in place, unlocked: a
# pytest-xdist worker reading an entry that another worker is still writing
# gets a truncated executable, and XLA crashes loading it (a segmentation
# fault). Each worker gets a cache directory of its own (gw0, gw1, ...:
# stable names, so a later run still finds its compiles).
_worker = os.environ.get('PYTEST_XDIST_WORKER')
_cache = os.environ.get('JAX_COMPILATION_CACHE_DIR')
if _worker and _cache:
    os.environ['JAX_COMPILATION_CACHE_DIR'] = os.path.join(_cache, _worker)

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
