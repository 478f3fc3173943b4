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
    # hypothesis' default 200 ms deadline on a loaded machine. Examples are
    # derived from each test (derandomize), like the NumPy seeds below: a
    # CI run does not fail on a draw no earlier run made; the profile
    # 'explore' (HYPOTHESIS_PROFILE=explore) searches afresh each run.
    hypothesis.settings.register_profile(
        'chainerjax', deadline=None, derandomize=True)
    hypothesis.settings.register_profile('explore', deadline=None)
    hypothesis.settings.load_profile(
        os.environ.get('HYPOTHESIS_PROFILE', 'chainerjax'))


# Each compiled XLA executable maps about three memory regions, and a
# process may hold at most vm.max_map_count (65530 by default) of them: a
# worker that has compiled some 20000 kernels crashes in XLA's compiler (a
# segmentation fault). Between test modules, a worker holding many drops
# JAX's caches and chainerjax's kernel cache (what is needed again is
# recompiled, or read back from the persistent cache).
_MAPS_LIMIT = int(os.environ.get('CHAINERJAX_TEST_MAPS_LIMIT', 30000))


def _mapped_regions():
    try:
        with open('/proc/self/maps') as f:
            return sum(1 for _ in f)
    except OSError:  # not Linux
        return 0


def pytest_runtest_teardown(item, nextitem):
    import sys
    if nextitem is not None and nextitem.module is item.module:
        return
    if 'jax' not in sys.modules or _mapped_regions() < _MAPS_LIMIT:
        return
    import gc
    import jax
    jax.clear_caches()
    kernels = sys.modules.get('chainerjax._kernels')
    if kernels is not None:
        kernels.clear_cache()
    gc.collect()


# Tests draw their inputs from NumPy's global random state. Each test starts
# from a seed of its own, derived from its id: a run is reproducible, and an
# input that happens to sit on a kink of the function under test (within a
# numerical-gradient step of it) fails every run, where it can be fixed,
# instead of once in a few hundred CI runs.
def pytest_runtest_setup(item):
    import zlib
    import numpy
    numpy.random.seed(zlib.crc32(item.nodeid.encode('utf-8')))
