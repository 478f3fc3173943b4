import pytest

from compat_tests.training import _common


@pytest.fixture(scope='session')
def uninterrupted(tmp_path_factory):
    """The output directory of one uninterrupted chainerjax run of
    ``programs/train_resumable.py`` (18 iterations)."""
    out = str(tmp_path_factory.mktemp('uninterrupted'))
    _common.run_program(_common.RESUMABLE, ['--out', out])
    return out
