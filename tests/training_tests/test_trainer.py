import pytest

from chainerjax import testing
from chainerjax import training


def _trainer(stop=(5, 'iteration'), **kw):
    return testing.training.get_trainer_with_mock_updater(stop, **kw)


class Recorder(training.Extension):

    def __init__(self, log, tag, **attrs):
        self.log = log
        self.tag = tag
        for k, v in attrs.items():
            setattr(self, k, v)

    def __call__(self, trainer):
        self.log.append((self.tag, trainer.updater.iteration))


def test_run_and_trigger():
    trainer = _trainer()
    log = []
    trainer.extend(Recorder(log, 'a'), trigger=(2, 'iteration'))
    trainer.run()
    assert trainer.updater.iteration == 5
    assert log == [('a', 2), ('a', 4)]
    with pytest.raises(RuntimeError):
        trainer.run()


def test_priority_order_and_names():
    trainer = _trainer(stop=(1, 'iteration'))
    log = []
    trainer.extend(Recorder(log, 'reader'))
    trainer.extend(Recorder(log, 'writer'),
                   priority=training.PRIORITY_WRITER)
    trainer.extend(Recorder(log, 'editor', priority=training.PRIORITY_EDITOR))
    trainer.run()
    assert [t for t, _ in log] == ['writer', 'editor', 'reader']
    assert sorted(trainer._extensions) == [
        'Recorder', 'Recorder_1', 'Recorder_2']
    assert trainer.get_extension('Recorder_1').tag == 'writer'
    with pytest.raises(ValueError):
        trainer.get_extension('nothing')


def test_extend_names():
    trainer = _trainer()

    def fn(trainer):
        pass
    trainer.extend(fn)
    assert trainer.get_extension('fn') is fn
    trainer.extend(lambda t: None, name='custom')
    trainer.get_extension('custom')
    with pytest.raises(ValueError):
        trainer.extend(fn, name='training')
    with pytest.raises(ValueError):
        trainer.extend(fn, invoke_before_training=True)
    with pytest.raises(TypeError):
        trainer.extend(fn, unknown=True)


def test_make_extension_defaults():
    @training.make_extension(trigger=(2, 'epoch'), priority=7)
    def ext(trainer):
        pass
    assert ext.trigger == (2, 'epoch')
    assert ext.priority == 7
    assert ext.default_name == 'ext'
    assert ext.initialize is None and ext.finalize is None
    with pytest.raises(ValueError):
        training.make_extension(invoke_before_training=True)


def test_call_before_training_initialize_finalize():
    trainer = _trainer(stop=(2, 'iteration'))
    log = []

    class Ext(training.Extension):
        def initialize(self, trainer):
            log.append('init')

        def __call__(self, trainer):
            log.append(trainer.updater.iteration)

        def finalize(self):
            log.append('fin')
    trainer.extend(Ext(), call_before_training=True)
    trainer.run()
    assert log == ['init', 0, 1, 2, 'fin']


def test_error_handling(capsys):
    trainer = _trainer()
    log = []

    class Failing(training.Extension):
        def __call__(self, trainer):
            raise ValueError('boom')

        def on_error(self, trainer, exc, tb):
            log.append(('error', str(exc), tb is not None))

        def finalize(self):
            log.append('fin')
    trainer.extend(Failing())
    with pytest.raises(ValueError, match='boom'):
        trainer.run()
    assert log == [('error', 'boom', True), 'fin']
    assert 'Exception in main training loop: boom' in capsys.readouterr().err


def test_reporter_observers():
    trainer = _trainer(stop=(1, 'iteration'))
    assert trainer.observation == {}
    seen = []
    trainer.extend(lambda t: seen.append(dict(t.observation)), name='x')
    trainer.run()
    assert seen == [{}]


def test_elapsed_time():
    trainer = _trainer(stop=(1, 'iteration'))
    with pytest.raises(RuntimeError):
        trainer.elapsed_time
    trainer.run()
    assert trainer.elapsed_time >= 0


def test_is_before_training():
    trainer = _trainer(stop=(1, 'iteration'))
    assert trainer.is_before_training
    trainer.run()
    assert not trainer.is_before_training


def test_extension_base():
    ext = training.Extension()
    assert ext.default_name == 'Extension'
    assert ext.trigger == (1, 'iteration')
    with pytest.raises(NotImplementedError):
        ext(None)
    with pytest.raises(AttributeError, match='removed'):
        ext.invoke_before_training
    assert not hasattr(ext, 'anything')
