"""Fixtures of the dataset tests: a local HTTP server that serves fake
dataset files, and a fresh dataset root."""
import http.server
import threading

import pytest

from chainerjax.dataset import download


class FakeServer(object):
    """Serves ``files`` (URL path -> bytes) on 127.0.0.1 and counts the
    requests. A path in ``truncated`` announces more bytes than it sends.
    """

    def __init__(self):
        self.files = {}
        self.truncated = set()
        self.hits = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):

            def do_GET(self):
                server.hits.append(self.path)
                data = server.files.get(self.path)
                if data is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                length = len(data)
                if self.path in server.truncated:
                    length += 100
                    data = data[:len(data) // 2]
                self.send_header('Content-Length', str(length))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self._httpd = http.server.ThreadingHTTPServer(
            ('127.0.0.1', 0), Handler)
        self._httpd.timeout = 5
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={'poll_interval': 0.05},
            daemon=True)
        self._thread.start()

    def url(self, path):
        return 'http://127.0.0.1:{}{}'.format(
            self._httpd.server_address[1], path)

    def add(self, path, data):
        """Serves ``data`` at ``path``; returns its URL."""
        self.files[path] = data
        return self.url(path)

    def add_file(self, path, filename):
        with open(filename, 'rb') as f:
            return self.add(path, f.read())

    def reset(self):
        self.files.clear()
        self.truncated.clear()
        del self.hits[:]

    def close(self):
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)


@pytest.fixture(scope='session')
def _server_instance():
    server = FakeServer()
    yield server
    server.close()


@pytest.fixture
def server(_server_instance):
    _server_instance.reset()
    yield _server_instance
    _server_instance.reset()


@pytest.fixture
def dataset_root(tmp_path, monkeypatch):
    """An empty dataset root (``CHAINER_DATASET_ROOT`` and
    ``set_dataset_root``)."""
    root = str(tmp_path / 'dataset_root')
    monkeypatch.setenv('CHAINER_DATASET_ROOT', root)
    old = download.get_dataset_root()
    download.set_dataset_root(root)
    yield root
    download.set_dataset_root(old)

