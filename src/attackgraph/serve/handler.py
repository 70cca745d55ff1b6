"""HTTP: the SPARQL 1.1 Protocol at ``/sparql``, resource pages under ``/id/``, the
query page at ``/``. Standard-library ``http.server``; every answer is complete before
its status line is written (the worker pool hands back whole bodies).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Final
from urllib.parse import parse_qs, urlsplit

from attackgraph.html.render import STATIC_FILES, static_file
from attackgraph.serve import formats
from attackgraph.serve.formats import Format
from attackgraph.serve.pool import WorkerPool
from attackgraph.serve.worker import QueryJob, Reply, ResourceJob
from attackgraph.sparql.analysis import QueryRefusedError, analyse

log = logging.getLogger("attackgraph.serve")

CORS_HEADERS: Final = (
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Expose-Headers", "X-Result-Rows, X-Result-Truncated, X-Result-Row-Cap"),
)
PAGE_CSP: Final = (
    "default-src 'none'; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; form-action 'self'"
)
RESOURCE_CSP: Final = "default-src 'none'; style-src 'self'"
ALLOW: Final = "GET, HEAD, POST, OPTIONS"


@dataclass(frozen=True)
class App:
    """What the request handler needs; one per server."""

    pool: WorkerPool
    graphs: frozenset[str]
    base: str
    prefixes: dict[str, str]
    deadline: float
    max_query_length: int
    max_body_bytes: int
    service_description: bytes
    query_page: bytes


class Server(ThreadingHTTPServer):
    """A threading HTTP server that refuses connections beyond ``max_connections``."""

    daemon_threads = True
    request_queue_size = 128  # listen backlog: the default 5 drops SYNs under a burst
    app: App

    def __init__(self, address: tuple[str, int], app: App, *, max_connections: int) -> None:
        self.app = app
        self._slots = threading.BoundedSemaphore(max_connections)
        super().__init__(address, Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            body = b"too many connections; try again later\n"
            try:
                request.sendall(
                    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
                    b"Retry-After: 1\r\nConnection: close\r\nAccess-Control-Allow-Origin: *\r\n"
                    + f"Content-Length: {len(body)}\r\n\r\n".encode()
                    + body
                )
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()


class Handler(BaseHTTPRequestHandler):
    """One HTTP request; routes to the SPARQL protocol, resources or the query page."""

    protocol_version = "HTTP/1.1"
    server_version = "attackgraph"
    timeout = 30  # seconds a client may stall while sending its request
    # Headers and body leave in separate writes; with Nagle's algorithm on, the body
    # waits for the client's delayed ACK (~40 ms per keep-alive request).
    disable_nagle_algorithm = True
    server: Server

    # --- plumbing ------------------------------------------------------------------

    @property
    def app(self) -> App:
        return self.server.app

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        log.info("%s %s", self.address_string(), format % args)

    def _send(
        self,
        status: int,
        content_type: str,
        body: bytes,
        headers: tuple[tuple[str, str], ...] = (),
        *,
        head: bool = False,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (*CORS_HEADERS, *headers):
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _text(self, status: int, message: str, *extra: tuple[str, str], head: bool = False) -> None:
        reply = Reply.text(status, message)
        self._send(status, reply.content_type, reply.body, extra, head=head)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors found by ``http.server`` itself (bad request line, 414, 431...)."""
        self.close_connection = True
        text = message or HTTPStatus(code).phrase
        self._text(code, f"{code} {text}" + (f": {explain}" if explain else ""))

    def _reply(self, reply: Reply, fmt: Format, *, head: bool, vary: bool = True) -> None:
        extra = reply.headers + ((("Vary", "Accept"),) if vary else ())
        if reply.status == 200:
            csp = (("Content-Security-Policy", RESOURCE_CSP),) if fmt.name == "html" else ()
            self._send(200, fmt.content_type, reply.body, extra + csp, head=head)
        else:
            self._send(reply.status, reply.content_type, reply.body, extra, head=head)

    def _not_acceptable(self, offered: tuple[Format, ...], *, head: bool) -> None:
        types = ", ".join(f.media_type for f in offered)
        self._text(
            406,
            f"406 Not Acceptable: this resource is available as {types}",
            ("Vary", "Accept"),
            head=head,
        )

    def _discard_body(self) -> None:
        """A body we will not read would corrupt the next request: close instead."""
        if self.headers.get("Content-Length", "0") != "0" or "Transfer-Encoding" in self.headers:
            self.close_connection = True

    # --- methods -------------------------------------------------------------------

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        self._discard_body()
        headers = (
            ("Allow", ALLOW),
            ("Access-Control-Allow-Methods", ALLOW),
            ("Access-Control-Allow-Headers", "Accept, Content-Type"),
            ("Access-Control-Max-Age", "86400"),
        )
        self._send(204, "text/plain; charset=utf-8", b"", headers)

    def do_GET(self) -> None:  # noqa: N802
        self._discard_body()
        self._route(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._discard_body()
        self._route(head=True)

    def do_POST(self) -> None:  # noqa: N802
        path = urlsplit(self.path).path
        if path != "/sparql":
            self.close_connection = True
            status = 405 if path == "/" or path.startswith("/id/") else 404
            self._text(
                status, f"{status} {HTTPStatus(status).phrase}", ("Allow", "GET, HEAD, OPTIONS")
            )
            return
        body = self._read_body()
        if body is None:
            return
        self._sparql_post(body)

    def _method_not_allowed(self) -> None:
        self.close_connection = True
        self._text(405, "405 Method Not Allowed: this endpoint is read-only", ("Allow", ALLOW))

    do_PUT = do_DELETE = do_PATCH = _method_not_allowed  # noqa: N815

    # --- routing -------------------------------------------------------------------

    def _route(self, *, head: bool) -> None:
        parts = urlsplit(self.path)
        params = parse_qs(parts.query, keep_blank_values=True)
        if parts.path == "/":
            self._send(
                200,
                formats.HTML.content_type,
                self.app.query_page,
                (("Content-Security-Policy", PAGE_CSP),),
                head=head,
            )
        elif parts.path == "/sparql":
            self._sparql(params, None, head=head)
        elif parts.path.startswith("/id/"):
            self._resource(parts.path, params, head=head)
        elif parts.path.startswith("/assets/") and parts.path[8:] in STATIC_FILES:
            name = parts.path[8:]
            kind = "text/css" if name.endswith(".css") else "text/javascript"
            self._send(200, f"{kind}; charset=utf-8", static_file(name), head=head)
        else:
            self._text(404, f"404 Not Found: {parts.path}", head=head)

    def _read_body(self) -> bytes | None:
        if "Transfer-Encoding" in self.headers or "Content-Length" not in self.headers:
            self.close_connection = True
            self._text(411, "411 Length Required: send the body with a Content-Length")
            return None
        try:
            length = int(self.headers["Content-Length"])
        except ValueError:
            self.close_connection = True
            self._text(400, "400 Bad Request: invalid Content-Length")
            return None
        if length < 0 or length > self.app.max_body_bytes:
            self.close_connection = True
            self._text(
                413,
                f"413 Content Too Large: the body may have at most {self.app.max_body_bytes} bytes",
            )
            return None
        return self.rfile.read(length)

    def _sparql_post(self, body: bytes) -> None:
        content_type = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            self._text(400, "400 Bad Request: the body is not UTF-8")
            return
        if content_type == "application/x-www-form-urlencoded":
            for key, values in parse_qs(text, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
            self._sparql(params, None, head=False)
        elif content_type == "application/sparql-query":
            self._sparql(params, text, head=False)
        elif content_type == "application/sparql-update":
            self._text(400, "400 Bad Request: updates are not allowed on this endpoint")
        else:
            self._text(
                415,
                "415 Unsupported Media Type: POST application/sparql-query or "
                "application/x-www-form-urlencoded",
            )

    def _sparql(self, params: dict[str, list[str]], direct: str | None, *, head: bool) -> None:
        app = self.app
        if "update" in params:
            self._text(400, "400 Bad Request: updates are not allowed on this endpoint", head=head)
            return
        queries = ([direct] if direct is not None else []) + params.get("query", [])
        if not queries:
            self._describe_service(head=head)
            return
        if len(queries) > 1:
            self._text(400, "400 Bad Request: give exactly one query", head=head)
            return
        query = queries[0]
        if len(query) > app.max_query_length:
            self._text(
                413,
                f"413 Content Too Large: queries may have at most "
                f"{app.max_query_length} characters",
                head=head,
            )
            return
        default_graphs = tuple(params.get("default-graph-uri", []))
        named_graphs = tuple(params.get("named-graph-uri", []))
        try:
            info = analyse(query, known_graphs=app.graphs, prefixes=app.prefixes)
            for graph in (*default_graphs, *named_graphs):
                if graph not in app.graphs:
                    raise QueryRefusedError(
                        f"<{graph}> is not a graph of this dataset "
                        "(the endpoint does not fetch remote data)"
                    )
        except QueryRefusedError as refusal:
            self._text(400, f"400 Bad Request: {refusal}", head=head)
            return
        offered = formats.GRAPH_FORMATS if info.returns_graph else formats.RESULT_FORMATS
        fmt = self._choose(params, offered)
        if fmt is None:
            self._not_acceptable(offered, head=head)
            return
        job = QueryJob(query, fmt.name, default_graphs, named_graphs)
        self._reply(app.pool.run(job, deadline=app.deadline), fmt, head=head)

    def _choose(self, params: dict[str, list[str]], offered: tuple[Format, ...]) -> Format | None:
        keywords = params.get("format") or params.get("output") or []
        if keywords:
            keyword = keywords[0]
            return formats.by_keyword(keyword, offered) if keyword else None
        return formats.negotiate(self.headers.get("Accept"), offered)

    def _describe_service(self, *, head: bool) -> None:
        offered = (formats.TURTLE, formats.HTML)
        fmt = formats.negotiate(self.headers.get("Accept"), offered)
        if fmt is None:
            self._not_acceptable(offered, head=head)
        elif fmt is formats.HTML:
            self._send(
                200,
                fmt.content_type,
                self.app.query_page,
                (("Vary", "Accept"), ("Content-Security-Policy", PAGE_CSP)),
                head=head,
            )
        else:
            self._send(
                200,
                fmt.content_type,
                self.app.service_description,
                (("Vary", "Accept"),),
                head=head,
            )

    def _resource(self, path: str, params: dict[str, list[str]], *, head: bool) -> None:
        fmt = self._choose(params, formats.RESOURCE_FORMATS)
        if fmt is None:
            self._not_acceptable(formats.RESOURCE_FORMATS, head=head)
            return
        job = ResourceJob(self.app.base + path, fmt.name)
        self._reply(self.app.pool.run(job, deadline=self.app.deadline), fmt, head=head)
