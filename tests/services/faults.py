"""A forwarding HTTP proxy on loopback with scripted faults, in front of a real store.

It lets the tests see what ``load`` does when a store answers 5xx, 4xx, demands basic
authentication, is slow, or silently loses a triple — while the data still lands in a
real triple store behind it.
"""

from __future__ import annotations

import base64
import http.client
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urlsplit

from .common import LOOPBACK


@dataclass
class Faults:
    """What the proxy does to requests; ``seen`` records (method, graph, status)."""

    reject: dict[str, list[int]] = field(default_factory=dict)
    """graph IRI suffix -> statuses answered to its next PUTs, in order (then forwarded)."""
    always: dict[str, int] = field(default_factory=dict)
    """graph IRI suffix -> status answered to every PUT."""
    drop_first_triple: str | None = None
    """graph IRI suffix whose PUT body loses its first line on the way."""
    basic_auth: tuple[str, str] | None = None
    delay: float = 0.0
    seen: list[tuple[str, str, int, bool]] = field(default_factory=list)
    """(method, graph, status, had an Authorization header)."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def _graph(self) -> str:
        query = urlsplit(self.path).query
        for pair in query.split("&"):
            if pair.startswith("graph="):
                return unquote(pair[len("graph=") :])
        return ""

    def _answer(self, status: int, body: bytes, content_type: str = "text/plain") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="test"')
        self.end_headers()
        self.wfile.write(body)

    def _handle(self) -> None:
        faults = self.server.faults
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        graph = self._graph()
        authorized = "Authorization" in self.headers

        def record(status: int) -> None:
            faults.seen.append((self.command, graph, status, authorized))

        if faults.delay:
            time.sleep(faults.delay)
        if faults.basic_auth is not None:
            token = base64.b64encode(":".join(faults.basic_auth).encode()).decode()
            if self.headers.get("Authorization") != f"Basic {token}":
                record(401)
                self._answer(401, b"unauthorized")
                return
        if self.command == "PUT":
            for suffix, status in faults.always.items():
                if graph.endswith(suffix):
                    record(status)
                    self._answer(status, f"scripted {status}".encode())
                    return
            for suffix, statuses in faults.reject.items():
                if graph.endswith(suffix) and statuses:
                    status = statuses.pop(0)
                    record(status)
                    self._answer(status, f"scripted {status}".encode())
                    return
            if faults.drop_first_triple and graph.endswith(faults.drop_first_triple):
                body = body.split(b"\n", 1)[1]
        upstream = http.client.HTTPConnection(LOOPBACK, self.server.upstream_port, timeout=30)
        try:
            headers = {k: v for k, v in self.headers.items() if k in ("Content-Type", "Accept")}
            upstream.request(self.command, self.path, body=body, headers=headers)
            answer = upstream.getresponse()
            payload = answer.read()
        finally:
            upstream.close()
        record(answer.status)
        self._answer(answer.status, payload, answer.headers.get("Content-Type", "text/plain"))

    do_GET = do_POST = do_PUT = _handle  # noqa: N815


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream_port: int, faults: Faults) -> None:
        self.upstream_port = upstream_port
        self.faults = faults
        super().__init__((LOOPBACK, 0), _Handler)


class FaultProxy:
    """Forwards to ``http://127.0.0.1:{upstream_port}`` with the same paths."""

    def __init__(self, upstream_port: int, faults: Faults | None = None) -> None:
        self.faults = faults or Faults()
        self._server = _Server(upstream_port, self.faults)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://{LOOPBACK}:{self._server.server_address[1]}"

    def puts(self, graph_suffix: str) -> list[int]:
        """Statuses of the PUTs the proxy saw for a graph, in order."""
        return [s for m, g, s, _ in self.faults.seen if m == "PUT" and g.endswith(graph_suffix)]

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
