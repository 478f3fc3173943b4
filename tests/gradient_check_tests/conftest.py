# Marks applied by chainerjax.testing.attr / inject_backend_tests.
_MARKS = ('gpu', 'cudnn', 'chainerx', 'ideep', 'slow')


def pytest_configure(config):
    for name in _MARKS:
        config.addinivalue_line(
            'markers', '{}: chainerjax.testing.attr'.format(name))
