"""Entry point of a worker process of ``MultiprocessIterator``.

Run as ``python <this file> FD`` by :mod:`chainerjax.iterators._process_pool`
with FD one end of a socket pair. It is a fresh interpreter (no ``fork`` of
the JAX-initialized parent) started with ``JAX_PLATFORMS=cpu``; it imports
only the standard library until the dataset's own modules are unpickled.

Protocol on the connection (``multiprocessing.connection`` messages):

* parent -> worker: the config dict, then the pickled dataset (bytes), then
  tasks ``(task_id, indices)``; ``None`` asks the worker to exit.
* worker -> parent: ``('ready', pid)`` or ``('init_error', exc, text)``,
  then ``(task_id, True, examples)`` or ``(task_id, False, (exc, text))``
  per task. After ``maxtasksperchild`` tasks the worker exits.
"""
import os
import sys

if __name__ == '__main__' and sys.path and sys.path[0] == os.path.dirname(
        os.path.abspath(__file__)):
    # Running a file puts its directory first on sys.path: drop it, the
    # parent's sys.path is installed below.
    del sys.path[0]

import pickle  # NOQA: E402
import runpy  # NOQA: E402
import signal  # NOQA: E402
import traceback  # NOQA: E402
import types  # NOQA: E402
from multiprocessing import connection  # NOQA: E402


def _describe(exc):
    # (picklable exception, formatted traceback text)
    text = ''.join(traceback.format_exception(type(exc), exc,
                                              exc.__traceback__))
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        exc = RuntimeError('{}: {}'.format(type(exc).__name__, exc))
    return exc, text


def _import_main(main):
    # Imports the parent's main module as ``__mp_main__`` and installs it as
    # ``__main__``, as multiprocessing's 'spawn' start method does, so
    # objects pickled by reference from the parent's script can be found.
    kind, value = main
    if kind == 'name':
        module = runpy.run_module(value, run_name='__mp_main__',
                                  alter_sys=True)
        main_module = types.ModuleType('__mp_main__')
        main_module.__dict__.update(module)
    else:
        main_module = types.ModuleType('__mp_main__')
        main_module.__dict__.update(
            runpy.run_path(value, run_name='__mp_main__'))
    sys.modules['__main__'] = sys.modules['__mp_main__'] = main_module


def _load_dataset(payload, config):
    if config['pickler'] == 'cloudpickle':
        import cloudpickle
        loads = cloudpickle.loads
    else:
        loads = pickle.loads
    try:
        return loads(payload)
    except (AttributeError, ImportError):
        if config['main'] is None or b'__main__' not in payload:
            raise
    # The dataset refers to objects defined in the parent's main script.
    if config['alias']:
        # The parent runs with the `chainer` alias (python -m chainerjax).
        import chainerjax.alias  # noqa: F401
    _import_main(config['main'])
    return loads(payload)


def main(fd):
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    conn = connection.Connection(fd)
    try:
        config = conn.recv()
        payload = conn.recv_bytes()
    except (EOFError, OSError):
        return
    sys.path[:] = config['sys_path']
    try:
        dataset = _load_dataset(payload, config)
    except BaseException as e:
        conn.send(('init_error',) + _describe(e))
        return
    del payload
    conn.send(('ready', os.getpid()))

    maxtasks = config['maxtasksperchild']
    done = 0
    while maxtasks is None or done < maxtasks:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return  # the parent has gone
        if task is None:
            return
        task_id, indices = task
        index = None
        try:
            examples = []
            for index in indices:
                examples.append(dataset[index])
            message = (task_id, True, examples)
            data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as e:
            exc, text = _describe(e)
            if len(examples) == len(indices):
                text = ('the examples could not be pickled to be sent to '
                        'the main process:\n' + text)
                index = None
            data = pickle.dumps((task_id, False, (exc, text, index)))
        try:
            conn.send_bytes(data)
        except (EOFError, OSError):
            return
        done += 1


if __name__ == '__main__':
    main(int(sys.argv[1]))
