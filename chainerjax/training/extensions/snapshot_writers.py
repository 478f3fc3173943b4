"""Snapshot writers (``chainer.training.extensions.snapshot_writers``).

A writer is called as ``writer(filename, outdir, target)`` where
``target`` is the dict of arrays to save. Every writer here saves into a
temporary directory inside ``outdir`` and renames the file into place, so
a snapshot file is either complete or absent.
"""
import multiprocessing
import os
import queue
import threading

from chainerjax.serializers import npz
from chainerjax import utils


class Writer(object):
    """Base class of snapshot writers."""

    def __init__(self):
        self._post_save_hooks = []

    def __call__(self, filename, outdir, target):
        """Saves ``target`` to ``outdir/filename``."""
        raise NotImplementedError

    def __del__(self):
        self.finalize()

    def finalize(self):
        """Waits for pending writes (no-op for synchronous writers)."""

    def save(self, filename, outdir, target, savefun, **kwds):
        """Saves with ``savefun(path, target, **kwds)`` atomically."""
        with utils.tempdir(prefix='tmp' + filename, dir=outdir) as tmpdir:
            tmppath = os.path.join(tmpdir, filename)
            savefun(tmppath, target, **kwds)
            os.replace(tmppath, os.path.join(outdir, filename))
        self._post_save()

    def _add_cleanup_hook(self, hook_fun):
        # Called after each save (used to remove stale snapshots).
        self._post_save_hooks.append(hook_fun)

    def _post_save(self):
        for hook in self._post_save_hooks:
            hook()


class SimpleWriter(Writer):
    """Saves synchronously with ``savefun`` (default
    :func:`~chainerjax.serializers.save_npz`)."""

    def __init__(self, savefun=npz.save_npz, **kwds):
        super(SimpleWriter, self).__init__()
        self._savefun = savefun
        self._kwds = kwds

    def __call__(self, filename, outdir, target):
        self.save(filename, outdir, target, self._savefun, **self._kwds)


class StandardWriter(Writer):
    """Saves in a worker (made by :meth:`create_worker`); a new save waits
    for the previous one."""

    _started = False
    _finalized = False
    _worker = None

    def __init__(self, savefun=npz.save_npz, **kwds):
        super(StandardWriter, self).__init__()
        self._savefun = savefun
        self._kwds = kwds
        self._started = False
        self._finalized = False

    def __call__(self, filename, outdir, target):
        if self._started:
            self._worker.join()
            self._started = False
        self._filename = filename
        self._worker = self.create_worker(filename, outdir, target,
                                          **self._kwds)
        self._worker.start()
        self._started = True

    def create_worker(self, filename, outdir, target, **kwds):
        """Returns an unstarted worker (thread or process) that saves."""
        raise NotImplementedError

    def finalize(self):
        if self._started:
            if not self._finalized:
                self._worker.join()
            self._started = False
        self._finalized = True


class ThreadWriter(StandardWriter):
    """Saves in a new thread for each snapshot."""

    def create_worker(self, filename, outdir, target, **kwds):
        return threading.Thread(
            target=self.save,
            args=(filename, outdir, target, self._savefun), kwargs=kwds)


class ProcessWriter(StandardWriter):
    """Saves in a new process for each snapshot."""

    def create_worker(self, filename, outdir, target, **kwds):
        return multiprocessing.Process(
            target=self.save,
            args=(filename, outdir, target, self._savefun), kwargs=kwds)


class QueueWriter(Writer):
    """Saves in one long-lived consumer fed through a queue."""

    _started = False
    _finalized = False
    _queue = None
    _consumer = None

    def __init__(self, savefun=npz.save_npz, task=None):
        super(QueueWriter, self).__init__()
        self._task = self.create_task(savefun) if task is None else task
        self._queue = self.create_queue()
        self._consumer = self.create_consumer(self._queue)
        self._consumer.start()
        self._started = True
        self._finalized = False

    def __call__(self, filename, outdir, target):
        self._queue.put([self._task, filename, outdir, target])

    def create_task(self, savefun):
        return SimpleWriter(savefun=savefun)

    def create_queue(self):
        raise NotImplementedError

    def create_consumer(self, q):
        raise NotImplementedError

    def consume(self, q):
        while True:
            task = q.get()
            if task is None:
                q.task_done()
                return
            task[0](task[1], task[2], task[3])
            q.task_done()

    def finalize(self):
        if self._started:
            if not self._finalized:
                self._queue.put(None)
                self._queue.join()
                self._consumer.join()
            self._started = False
        self._finalized = True


class ThreadQueueWriter(QueueWriter):
    """A :class:`QueueWriter` whose consumer is a thread."""

    def create_queue(self):
        return queue.Queue()

    def create_consumer(self, q):
        return threading.Thread(target=self.consume, args=(q,))


class ProcessQueueWriter(QueueWriter):
    """A :class:`QueueWriter` whose consumer is a process."""

    def create_queue(self):
        return multiprocessing.JoinableQueue()

    def create_consumer(self, q):
        return multiprocessing.Process(target=self.consume, args=(q,))
