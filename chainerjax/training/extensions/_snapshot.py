"""``snapshot`` and ``snapshot_object`` extensions."""
import os
import warnings

import chainerjax
from chainerjax.serializers import npz
from chainerjax.training import extension
from chainerjax.training import util
from chainerjax.training.extensions import snapshot_writers


def _find_snapshot_files(fmt, path):
    # (mtime, name) of the files of ``path`` whose names have the prefix
    # (before the first '{') and suffix (after the last '}') of ``fmt``,
    # oldest first.
    prefix = fmt.split('{')[0]
    suffix = fmt.split('}')[-1]
    found = [name for name in os.listdir(path)
             if name.startswith(prefix) and name.endswith(suffix)]
    return sorted((os.stat(os.path.join(path, name)).st_mtime, name)
                  for name in found)


def _find_latest_snapshot(fmt, path):
    files = _find_snapshot_files(fmt, path)
    return files[-1][1] if files else None


def _find_stale_snapshots(fmt, path, n_retains):
    files = _find_snapshot_files(fmt, path)
    n_removes = len(files) - n_retains
    for _, name in files[:max(n_removes, 0)]:
        yield name


def _pop_num_retain(kwargs):
    if 'num_retain' in kwargs:
        warnings.warn('Argument `num_retain` is deprecated. '
                      'Please use `n_retains` instead', DeprecationWarning)
        kwargs['n_retains'] = kwargs.pop('num_retain')


def snapshot_object(target, filename, savefun=None, **kwargs):
    """Returns an extension that saves ``target`` (e.g. the model).

    Args:
        target: the object to save (it must have ``serialize``).
        filename (str): the file name, formatted with the trainer
            (``'model_iter_{.updater.iteration}'``), or a callable
            ``filename(trainer) -> str``.
        savefun: ``savefun(path, obj)`` (default ``save_npz``).
        **kwargs: ``condition``, ``writer``, ``snapshot_on_error``,
            ``n_retains``, ``autoload``, as for :func:`snapshot`.
    """
    _pop_num_retain(kwargs)
    return snapshot(target=target, filename=filename, savefun=savefun,
                    **kwargs)


def snapshot(savefun=None, filename='snapshot_iter_{.updater.iteration}',
             **kwargs):
    """Returns an extension that saves the trainer (or ``target``).

    The whole trainer state is saved (models, optimizers, iterators,
    iteration, extension states), so
    ``serializers.load_npz(path, trainer)`` before ``trainer.run()``
    resumes training. Files are written atomically.

    Args:
        savefun: ``savefun(path, obj)`` (default ``save_npz``); cannot be
            combined with ``writer``.
        filename (str): the file name, formatted with the trainer, or a
            callable ``filename(trainer) -> str``.
        target: the object to save (default: the trainer).
        condition: a callable with no argument; the snapshot is taken only
            if it returns True.
        writer: a snapshot writer (default: ``SimpleWriter(savefun)``).
        snapshot_on_error (bool): also save when training fails.
        n_retains (int): keep only the newest this many snapshot files
            (-1: keep all).
        autoload (bool): at initialization, load the newest snapshot
            file matching ``filename`` in the output directory (if any).
    """
    _pop_num_retain(kwargs)
    target = kwargs.pop('target', None)
    condition = kwargs.pop('condition', None)
    writer = kwargs.pop('writer', None)
    snapshot_on_error = kwargs.pop('snapshot_on_error', False)
    n_retains = kwargs.pop('n_retains', -1)
    autoload = kwargs.pop('autoload', False)
    util._reject_kwargs('snapshot', kwargs)
    if savefun is not None and writer is not None:
        raise TypeError(
            'savefun and writer arguments cannot be specified together.')
    if writer is None:
        writer = snapshot_writers.SimpleWriter(
            savefun=npz.save_npz if savefun is None else savefun)
    return _Snapshot(
        target=target, condition=condition, writer=writer, filename=filename,
        snapshot_on_error=snapshot_on_error, n_retains=n_retains,
        autoload=autoload)


def _always_true():
    return True


class _Snapshot(extension.Extension):
    # The extension made by snapshot/snapshot_object.

    trigger = 1, 'epoch'
    priority = -100

    def __init__(self, target=None, condition=None, writer=None,
                 filename='snapshot_iter_{.updater.iteration}',
                 snapshot_on_error=False, n_retains=-1, autoload=False,
                 **kwargs):
        _pop_num_retain(kwargs)
        n_retains = kwargs.pop('n_retains', n_retains)
        util._reject_kwargs('__init__', kwargs)
        self._target = target
        self.filename = filename
        self.condition = _always_true if condition is None else condition
        self.writer = snapshot_writers.SimpleWriter() \
            if writer is None else writer
        self._snapshot_on_error = snapshot_on_error
        self.n_retains = n_retains
        self.autoload = autoload

    def initialize(self, trainer):
        target = trainer if self._target is None else self._target
        outdir = trainer.out
        if self.autoload:
            name = _find_latest_snapshot(self.filename, outdir) \
                if os.path.isdir(outdir) else None
            if name is None:
                if chainerjax.is_debug():
                    print('No snapshot file that matches {} was found'
                          .format(self.filename))
            else:
                path = os.path.join(outdir, name)
                npz.load_npz(path, target)
                if chainerjax.is_debug():
                    print('Snapshot loaded from', path)

        if (hasattr(self.writer, '_add_cleanup_hook')
                and self.n_retains > 0
                and isinstance(self.filename, str)):
            def cleanup():
                for name in _find_stale_snapshots(
                        self.filename, outdir, self.n_retains):
                    os.remove(os.path.join(outdir, name))
            self.writer._add_cleanup_hook(cleanup)

    def on_error(self, trainer, exc, tb):
        if self._snapshot_on_error:
            self._make_snapshot(trainer)

    def __call__(self, trainer):
        if self.condition():
            self._make_snapshot(trainer)

    def _make_snapshot(self, trainer):
        target = trainer if self._target is None else self._target
        serialized = npz.serialize(target)
        filename = self.filename
        if callable(filename):
            filename = filename(trainer)
        else:
            filename = filename.format(trainer)
        self.writer(filename, trainer.out, serialized)

    def finalize(self):
        if hasattr(self.writer, 'finalize'):
            self.writer.finalize()
