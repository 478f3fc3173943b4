import unittest

import pytest

from chainerjax.testing import attr


def _mark_names(obj):
    return [m.name for m in getattr(obj, 'pytestmark', [])]


@pytest.mark.parametrize('name', ['chainerx', 'cudnn', 'ideep', 'slow'])
def test_simple_marks(name):
    def f():
        pass

    marked = getattr(attr, name)(f)
    assert marked is f
    assert _mark_names(f) == [name]


def test_gpu():
    def f():
        pass

    assert _mark_names(attr.gpu(f)) == ['gpu']


def test_multi_gpu_mark():
    def f():
        pass

    assert _mark_names(attr.multi_gpu(2)(f)) == ['gpu']


def test_marks_on_class():
    @attr.slow
    class Case(unittest.TestCase):
        def test_x(self):
            pass

    assert _mark_names(Case) == ['slow']


@pytest.mark.parametrize('limit,gpus,skipped', [
    ('-1', 4, False),
    ('0', 1, True),
    ('1', 1, False),
    ('1', 2, True),
    ('2', 2, False),
])
def test_multi_gpu_limit(monkeypatch, limit, gpus, skipped):
    monkeypatch.setenv('CHAINER_TEST_GPU_LIMIT', limit)

    class Case(unittest.TestCase):
        @attr.multi_gpu(gpus)
        def test_x(self):
            pass

    result = unittest.TestResult()
    Case('test_x').run(result)
    assert len(result.skipped) == int(skipped)
    if skipped:
        assert result.skipped[0][1] == '{} GPUs required'.format(gpus)


def test_available():
    assert attr.is_available()
    assert attr.get_error() is None
    attr.check_available()


def test_without_pytest(monkeypatch):
    monkeypatch.setattr(attr, '_error', ImportError('no pytest'))
    assert not attr.is_available()
    with pytest.raises(RuntimeError, match='no pytest'):
        attr.slow(lambda: None)
    with pytest.raises(RuntimeError, match='is not available'):
        attr.gpu(lambda: None)
