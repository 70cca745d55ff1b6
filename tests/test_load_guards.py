"""``load`` against stores that misbehave at the socket level: a total deadline per
request, a truthful summary, and a hint when the query URL refuses PUT.

The stores here are real sockets and a real ``http.server`` on loopback, misbehaving on
purpose (Virtuoso and Oxigraph cannot be told to send one byte a second).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from attackgraph.cli import main
from attackgraph.load import LoadError, load

RELEASE = Path(__file__).parent / "fixtures" / "release"


@pytest.fixture
def trickle() -> Iterator[str]:
    """A server that answers every connection one byte a second, forever."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        with conn:
            for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 10_000:
                if stop.is_set():
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return
                time.sleep(1)

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:  # closed at the end of the test
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()


class _QueryOnly(BaseHTTPRequestHandler):
    """A SPARQL query URL that refuses the Graph Store Protocol's PUT."""

    def do_PUT(self) -> None:  # noqa: N802 - http.server's naming
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(405)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self) -> None:  # noqa: N802
        self.send_response(400)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def query_only() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _QueryOnly)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


def test_a_store_sending_one_byte_a_second_is_cut_at_the_deadline(trickle: str) -> None:
    with pytest.raises(LoadError, match="timed out: no complete answer within 2 s"):
        load(RELEASE, endpoint=trickle + "/sparql", graph_store=trickle + "/store",
             timeout=2, retries=0)  # fmt: skip


def test_when_every_put_is_refused_the_summary_says_none_was_pushed(query_only: str) -> None:
    result = CliRunner().invoke(
        main, ["load", str(RELEASE), "--endpoint", query_only, "--retries", "0"]
    )
    assert result.exit_code == 1, result.output
    assert "0 of 3 graphs (0 of 188 triples) pushed" in result.output
    assert "hint: the store refused PUT at its SPARQL query URL" in result.output
    assert "--graph-store" in result.output


def test_no_hint_when_the_graph_store_url_was_given(query_only: str) -> None:
    report = load(RELEASE, endpoint=query_only, graph_store=query_only, retries=0)
    assert not report.ok and report.hint is None
    assert "0 of 3 graphs" in report.format()
