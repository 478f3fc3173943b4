# Marks applied by chainerjax.testing.attr (tests of that module use them).
_MARKS = ('gpu', 'cudnn', 'chainerx', 'ideep', 'slow')


def pytest_configure(config):
    for name in _MARKS:
        config.addinivalue_line(
            'markers', '{}: chainerjax.testing.attr'.format(name))
