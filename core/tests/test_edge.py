"""The edge purge backend (core.edge): after the commit, a few requests at a time, in order."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction

from core.edge import OnCommitHTTPBackend


class Edge(ThreadingHTTPServer):
    """A stand-in edge: each PURGE takes `delay` seconds; records paths and the most held at
    once."""

    daemon_threads = True

    def __init__(self, delay):
        super().__init__(("127.0.0.1", 0), EdgeHandler)
        self.delay, self.paths, self.now, self.most = delay, [], 0, 0
        self.lock = threading.Lock()


class EdgeHandler(BaseHTTPRequestHandler):
    def do_PURGE(self):
        edge = self.server
        with edge.lock:
            edge.paths.append((self.path, self.headers["Host"]))
            edge.now += 1
            edge.most = max(edge.most, edge.now)
        time.sleep(edge.delay)
        with edge.lock:
            edge.now -= 1
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def edge():
    server = Edge(delay=0.2)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def backend(edge, **params):
    return OnCommitHTTPBackend({"LOCATION": f"http://127.0.0.1:{edge.server_port}", **params})


URLS = [f"https://www.cior.net/en/page-{n}/" for n in range(8)]


@pytest.mark.django_db
def test_a_batch_goes_four_at_a_time_with_the_first_urls_first(
    edge, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        backend(edge).purge_batch(URLS)

    assert sorted(edge.paths) == sorted((f"/en/page-{n}/", "www.cior.net") for n in range(8))
    assert {path for path, _host in edge.paths[:4]} == {f"/en/page-{n}/" for n in range(4)}
    assert edge.most == 4  # each held 0.2 s: the fifth waited for one of the first four


@pytest.mark.django_db
def test_concurrency_one_sends_them_one_after_the_other_in_order(
    edge, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        backend(edge, CONCURRENCY=1).purge_batch(URLS[:3])

    assert [path for path, _host in edge.paths] == ["/en/page-0/", "/en/page-1/", "/en/page-2/"]
    assert edge.most == 1


@pytest.mark.django_db(transaction=True)
def test_nothing_is_sent_before_the_commit_nor_after_a_rollback(edge):
    with transaction.atomic():
        backend(edge).purge_batch(URLS[:2])
        backend(edge).purge(URLS[2])
        assert edge.paths == []
    assert sorted(path for path, _host in edge.paths) == [
        "/en/page-0/",
        "/en/page-1/",
        "/en/page-2/",
    ]

    edge.paths.clear()
    with transaction.atomic():
        backend(edge).purge_batch(URLS[:2])
        transaction.set_rollback(True)
    assert edge.paths == []
