"""Conditions for skipping doctests (``chainer.testing.doctest_helper``)."""

import os

from chainerjax.testing import helper


def skipif(condition):
    """Returns ``condition``, except on Read the Docs where it is ``False``.

    Doctests are never skipped when building the documentation, so that
    their code stays visible.

    Args:
        condition (bool): Whether to skip.

    Returns:
        bool: Whether to skip.
    """
    if os.environ.get('READTHEDOCS') == 'True':
        return False
    return condition


def skipif_requires_satisfied(*requirements):
    """Skip condition: true when all requirements are installed.

    Args:
        *requirements (str): Requirement specifiers.

    Returns:
        bool: Whether to skip.
    """
    return skipif(helper._all_satisfied(requirements))


def skipif_not_enough_cuda_devices(device_count):
    """Skip condition: true when ``CHAINER_TEST_GPU_LIMIT`` is too small.

    Args:
        device_count (int): GPUs needed.

    Returns:
        bool: Whether to skip.
    """
    limit = int(os.getenv('CHAINER_TEST_GPU_LIMIT', '-1'))
    return skipif(0 <= limit < device_count)
