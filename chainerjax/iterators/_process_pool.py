"""The worker processes behind ``MultiprocessIterator``.

Why not ``multiprocessing.Pool``: the parent has JAX initialized (importing
chainerjax does), and JAX is multithreaded, so a ``fork`` of it may deadlock
as soon as the child touches JAX; the 'spawn' and 'forkserver' start methods
re-import the parent's main script in the workers, which in a Chainer
program means ``import chainer`` (failing without the chainerjax alias) and
JAX initializing the GPU in every worker. Here each worker is a fresh
interpreter started with :mod:`subprocess` (fork+exec, safe in a threaded
process) with ``JAX_PLATFORMS=cpu``, running
:mod:`chainerjax.iterators._worker_main`, and talking to the parent over a
``multiprocessing.connection`` socket pair. The dataset is pickled once and
sent to each worker; the parent's main script is imported in a worker only
if the dataset refers to it.

A receiver thread reads the results as they come (so workers never block on
a full pipe), keeps each worker fed with at most two tasks, and records
worker failures.
"""
import collections
import os
import pickle
import subprocess
import sys
import threading
import time
from multiprocessing import connection

_WORKER_MAIN = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            '_worker_main.py')
_MAX_OUTSTANDING = 2  # tasks sent to a worker and not answered yet


class WorkerError(RuntimeError):
    """A worker process failed (it could not start or it died)."""


class RemoteTraceback(Exception):
    """Carries the traceback text of an exception raised in a worker."""

    def __init__(self, text):
        super().__init__(text)
        self.text = text

    def __str__(self):
        return self.text


def _raise_remote(exc, text, index):
    where = '' if index is None else \
        ' while loading the example at index {}'.format(index)
    cause = RemoteTraceback(
        'Raised by the dataset in a worker process of '
        'MultiprocessIterator{}:\n\n"""\n{}"""'.format(where, text))
    if hasattr(exc, 'add_note'):
        exc.add_note(
            '(raised by the dataset in a worker process of '
            'MultiprocessIterator{}; its traceback in the worker is shown '
            'above)'.format(where))
    raise exc from cause


def dumps_dataset(dataset):
    """Pickles the dataset for the workers: ``(payload, pickler_name)``.

    ``pickle`` is tried first; if it fails (a lambda or a local function in
    the dataset, e.g. a ``TransformDataset`` transform) ``cloudpickle`` is
    used when installed.
    """
    try:
        payload = pickle.dumps(dataset, protocol=pickle.HIGHEST_PROTOCOL)
        error = None
    except Exception as e:
        payload, error = None, e
    if payload is not None and (b'__main__' not in payload or
                                _main_module_info() is not None):
        return payload, 'pickle'
    # pickle failed, or the dataset refers to objects of an interactive
    # session (a __main__ the workers cannot import): cloudpickle pickles
    # them by value.
    try:
        import cloudpickle
    except ImportError:
        cloudpickle = None
    if cloudpickle is not None:
        try:
            return cloudpickle.dumps(
                dataset, protocol=pickle.HIGHEST_PROTOCOL), 'cloudpickle'
        except Exception:
            pass
    if payload is not None:
        return payload, 'pickle'
    raise pickle.PicklingError(
        'MultiprocessIterator sends the dataset to its worker processes by '
        'pickling it, and this dataset cannot be pickled: {}: {}. Define '
        'the functions and classes it uses at the top level of a module '
        '(not lambdas or local functions), install cloudpickle (`pip '
        'install cloudpickle`), or use MultithreadIterator, which needs no '
        'pickling.'.format(type(error).__name__, error)) from error


def _main_module_info():
    main = sys.modules.get('__main__')
    if main is None:
        return None
    spec = getattr(main, '__spec__', None)
    name = getattr(spec, 'name', None)
    if name is not None:
        if name == '__main__' or name.endswith('.__main__'):
            return None
        return ('name', name)
    path = getattr(main, '__file__', None)
    if path is None:
        return None  # interactive session
    return ('path', os.path.abspath(path))


def _alias_installed():
    alias = sys.modules.get('chainerjax.alias')
    return alias is not None and any(
        isinstance(f, alias.ChainerAliasFinder) for f in sys.meta_path)


class _Worker(object):

    def __init__(self, process, conn):
        self.process = process
        self.conn = conn
        self.outstanding = set()  # task ids
        self.sent = 0
        self.retiring = False  # no more tasks: maxtasksperchild reached
        self.pid = process.pid


class WorkerPool(object):
    """``n_processes`` worker processes loading ``dataset[index]``.

    Args:
        dataset: the dataset (pickled here).
        n_processes (int): the number of workers.
        maxtasksperchild (int or None): a worker exits after this many
            tasks and is replaced by a fresh one.
    """

    def __init__(self, dataset, n_processes, maxtasksperchild=None):
        if os.name != 'posix':
            raise NotImplementedError(
                'MultiprocessIterator of chainerjax needs a POSIX system '
                '(it passes sockets to its workers); use '
                'MultithreadIterator instead.')
        self._payload, pickler = dumps_dataset(dataset)
        self._config = {
            'sys_path': list(sys.path),
            'main': _main_module_info(),
            'alias': _alias_installed(),
            'pickler': pickler,
            'maxtasksperchild': maxtasksperchild,
        }
        self._cwd = os.getcwd()
        self._env = dict(os.environ)
        # The workers only read the dataset: keep JAX (if the dataset uses
        # it) off the accelerators, which belong to the main process.
        self._env['JAX_PLATFORMS'] = 'cpu'
        self._n_processes = n_processes
        self._maxtasks = maxtasksperchild

        self._lock = threading.Condition(threading.Lock())
        self._workers = []
        self._pending = collections.deque()  # (task_id, indices)
        self._results = {}  # task_id -> (ok, value)
        self._dropped = set()  # task ids whose results are not wanted
        self._next_task_id = 0
        self._error = None  # a WorkerError ending the pool
        self._closed = False
        self._wake_r, self._wake_w = os.pipe()

        try:
            # Start the interpreters together, then send them the dataset.
            for worker in [self._spawn() for _ in range(n_processes)]:
                self._send_setup(worker)
        except BaseException:
            self.close()
            raise
        if maxtasksperchild is None:
            self._payload = None  # no worker is started later
        self._thread = threading.Thread(
            target=self._receive_loop, name='MultiprocessIterator-receiver',
            daemon=True)
        self._thread.start()

    # -- workers --------------------------------------------------------

    def _spawn(self):
        parent_conn, child_conn = connection.Pipe(duplex=True)
        fd = child_conn.fileno()
        try:
            process = subprocess.Popen(
                [sys.executable, _WORKER_MAIN, str(fd)], pass_fds=(fd,),
                stdin=subprocess.DEVNULL, cwd=self._cwd, env=self._env)
        finally:
            child_conn.close()
        worker = _Worker(process, parent_conn)
        self._workers.append(worker)
        return worker

    def _send_setup(self, worker):
        try:
            worker.conn.send(self._config)
            worker.conn.send_bytes(self._payload)
        except OSError:
            pass  # it died at once: the receiver reports its exit code

    def worker_pids(self):
        """The process ids of the current workers."""
        with self._lock:
            return [w.pid for w in self._workers]

    # -- tasks ------------------------------------------------------------

    def submit(self, indices, chunksize):
        """Queues ``dataset[i] for i in indices`` in chunks; returns the
        task ids, in order."""
        with self._lock:
            if self._closed:
                raise RuntimeError('the worker pool is closed')
            ids = []
            for start in range(0, len(indices), chunksize):
                task_id = self._next_task_id
                self._next_task_id += 1
                self._pending.append(
                    (task_id, indices[start:start + chunksize]))
                ids.append(task_id)
            self._dispatch()
            return ids

    def _dispatch(self):
        # Sends pending tasks to the workers with room. Holds the lock.
        while self._pending and self._error is None:
            workers = [w for w in self._workers
                       if not w.retiring and
                       len(w.outstanding) < _MAX_OUTSTANDING]
            if not workers:
                return
            worker = min(workers, key=lambda w: len(w.outstanding))
            task_id, indices = self._pending.popleft()
            try:
                worker.conn.send((task_id, indices))
            except OSError:
                # The worker has died; the receiver reports it.
                self._pending.appendleft((task_id, indices))
                worker.retiring = True
                return
            worker.outstanding.add(task_id)
            worker.sent += 1
            if self._maxtasks is not None and worker.sent >= self._maxtasks:
                worker.retiring = True
                self._send_setup(self._spawn())
                os.write(self._wake_w, b'x')

    def get(self, task_ids, timeout=None, on_timeout=None):
        """Waits for the tasks and returns their examples, concatenated.

        Raises the dataset's exception if one was raised in a worker, and
        :class:`WorkerError` if a worker died. ``on_timeout()`` is called
        once if ``timeout`` seconds pass.
        """
        examples = []
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            for task_id in task_ids:
                while task_id not in self._results:
                    if self._error is not None:
                        raise self._error
                    if self._closed:
                        raise RuntimeError('the worker pool is closed')
                    wait = None
                    if deadline is not None:
                        wait = deadline - time.monotonic()
                        if wait <= 0:
                            deadline = None
                            if on_timeout is not None:
                                on_timeout()
                            continue
                    self._lock.wait(wait)
                ok, value = self._results.pop(task_id)
                if not ok:
                    self._drop_locked(task_ids)
                    _raise_remote(*value)
                examples.extend(value)
        return examples

    def discard(self, task_ids):
        """Forgets tasks whose results are no longer wanted."""
        with self._lock:
            self._drop_locked(task_ids)

    def _drop_locked(self, task_ids):
        ids = set(task_ids)
        self._pending = collections.deque(
            t for t in self._pending if t[0] not in ids)
        for worker in self._workers:
            self._dropped |= ids & worker.outstanding
        for task_id in ids:
            self._results.pop(task_id, None)

    # -- receiver thread ----------------------------------------------------

    def _receive_loop(self):
        while True:
            with self._lock:
                if self._closed:
                    return
                conns = {w.conn: w for w in self._workers}
            ready = connection.wait(list(conns) + [self._wake_r])
            for conn in ready:
                if conn == self._wake_r:
                    try:
                        os.read(self._wake_r, 1024)
                    except OSError:
                        return
                    continue
                worker = conns[conn]
                try:
                    message = conn.recv()
                except (EOFError, OSError):
                    self._worker_exited(worker)
                    continue
                except BaseException as e:  # the results cannot be read
                    message = None
                    error = WorkerError(
                        'MultiprocessIterator could not read the examples '
                        'sent by its worker process {}: {}: {}'.format(
                            worker.pid, type(e).__name__, e))
                    with self._lock:
                        self._error = error
                        self._lock.notify_all()
                    continue
                with self._lock:
                    self._handle(worker, message)
                    self._lock.notify_all()

    def _handle(self, worker, message):
        if message[0] == 'ready':
            return  # the dataset is loaded; tasks may already be queued
        if message[0] == 'init_error':
            _, exc, text = message
            if self._error is None:
                self._error = WorkerError(
                    'A worker process of MultiprocessIterator could not '
                    'load the dataset: {}: {}\nThe dataset is pickled and '
                    'loaded in fresh Python processes, so the classes and '
                    'functions it uses must be importable there: define '
                    'them in a module, or in the main script with the '
                    'training code under `if __name__ == \'__main__\':` '
                    '(objects of an interactive session need cloudpickle), '
                    'or use MultithreadIterator.\n\nWorker traceback:\n{}'
                    .format(type(exc).__name__, exc, text))
            return
        task_id, ok, value = message
        worker.outstanding.discard(task_id)
        if task_id in self._dropped:
            self._dropped.discard(task_id)
        else:
            self._results[task_id] = (ok, value)
        self._dispatch()

    def _worker_exited(self, worker):
        returncode = worker.process.wait()
        with self._lock:
            if worker in self._workers:
                self._workers.remove(worker)
            worker.conn.close()
            if not (self._closed or (worker.retiring and
                                     not worker.outstanding)):
                if self._error is None:
                    self._error = WorkerError(
                        'A worker process of MultiprocessIterator (pid {}) '
                        'exited unexpectedly with exit code {} while '
                        'loading examples.'.format(worker.pid, returncode))
            self._dispatch()
            self._lock.notify_all()

    # -- shutdown -------------------------------------------------------

    def close(self):
        """Stops the workers and the receiver thread (idempotent)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            workers = list(self._workers)
            self._lock.notify_all()
        for worker in workers:
            try:
                worker.conn.send(None)
            except OSError:
                pass
        try:
            os.write(self._wake_w, b'x')
        except OSError:
            pass
        thread = getattr(self, '_thread', None)
        if thread is not None and thread is not threading.current_thread():
            thread.join(5)
        for worker in workers:
            try:
                worker.process.wait(1)
            except subprocess.TimeoutExpired:
                worker.process.kill()
                worker.process.wait()
            worker.conn.close()
        for fd in (self._wake_r, self._wake_w):
            try:
                os.close(fd)
            except OSError:
                pass
