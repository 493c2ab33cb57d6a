"""The bench warms every web worker up before it times anything (bench.tools.workers_warm)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.tools import workers_warm


@pytest.fixture
def server():
    asked, failing = [], set()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            self.send_response(500 if self.path.split("?")[0] in failing else 200)
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", asked, failing
    httpd.shutdown()
    httpd.server_close()


def test_each_page_is_asked_in_each_language_at_addresses_no_cache_has_kept(server):
    base, asked, _failing = server

    workers_warm(base, paths=["/", "/events/?kind=webinar"], workers=2)

    # Four rounds (two per worker) of two pages in three languages, every address its own.
    assert len(asked) == len(set(asked)) == 4 * 2 * 3
    for page in ("/?warm=", "/fr/?warm=", "/ar/?warm=", "/events/?kind=webinar&warm="):
        assert sum(path.startswith(page) for path in asked) == 4
    assert sum(path.startswith("/fr/events/?kind=webinar&warm=") for path in asked) == 4


def test_a_page_that_fails_while_warming_stops_the_run(server):
    base, _asked, failing = server
    failing.add("/ar/")

    with pytest.raises(RuntimeError, match="500"):
        workers_warm(base, paths=["/"], workers=1)
