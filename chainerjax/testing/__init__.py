"""Test utilities (``chainer.testing``).

Legacy Chainer test suites import these names, so they keep Chainer's
names and behaviour. ``FunctionTestCase``, ``LinkTestCase``,
``inject_backend_tests`` and ``unary_math_function_unittest`` build on the
core and are added with it.
"""

from chainerjax.testing import attr  # NOQA
from chainerjax.testing import condition  # NOQA
from chainerjax.testing.array import assert_allclose  # NOQA
from chainerjax.testing.helper import assert_warns  # NOQA
from chainerjax.testing.helper import patch  # NOQA
from chainerjax.testing.helper import with_requires  # NOQA
from chainerjax.testing.helper import without_requires  # NOQA
from chainerjax.testing.matrix import generate_matrix  # NOQA
from chainerjax.testing.parameterized import from_pytest_parameterize  # NOQA
from chainerjax.testing.parameterized import parameterize  # NOQA
from chainerjax.testing.parameterized import parameterize_pytest  # NOQA
from chainerjax.testing.parameterized import product  # NOQA
from chainerjax.testing.parameterized import product_dict  # NOQA
from chainerjax.testing.random import fix_random  # NOQA
from chainerjax.testing.random import generate_seed  # NOQA
from chainerjax.testing.serializer import save_and_load  # NOQA
from chainerjax.testing.serializer import save_and_load_hdf5  # NOQA
from chainerjax.testing.serializer import save_and_load_npz  # NOQA
from chainerjax.testing.training import get_trainer_with_mock_updater  # NOQA


def run_module(name, file):
    """Runs the tests of a file with pytest when it is executed as a script.

    Put ``testing.run_module(__name__, __file__)`` at the end of a test
    file; it does nothing when the file is imported.

    Args:
        name (str): ``__name__`` of the calling module.
        file (str): ``__file__`` of the calling module.
    """
    if name == '__main__':
        import pytest
        pytest.main([file, '-vvs', '-x', '--pdb'])


from chainerjax.testing import unary_math_function_test  # NOQA
from chainerjax.testing.backend import BackendConfig  # NOQA
from chainerjax.testing.backend import inject_backend_tests  # NOQA
from chainerjax.testing.function_link import FunctionTestCase  # NOQA
from chainerjax.testing.function_link import FunctionTestError  # NOQA
from chainerjax.testing.function_link import InitializerArgument  # NOQA
from chainerjax.testing.function_link import LinkInitializersTestCase  # NOQA
from chainerjax.testing.function_link import LinkTestCase  # NOQA
from chainerjax.testing.function_link import LinkTestError  # NOQA
from chainerjax.testing.unary_math_function_test import unary_math_function_unittest  # NOQA
