"""HTTP on werkzeug: the SPARQL 1.1 Protocol at ``/sparql``, the release's pages and
files, resources under ``/id/``.

A resource with a page in the release (``id/{kind}/{slug}.html`` and its ``.ttl`` /
``.jsonld`` twins) is answered from those files, so the endpoint shows exactly the
static site; any other resource is described by a query worker. Every answer is
complete before it is sent (the worker pool hands back whole bodies).
"""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from urllib.parse import parse_qs

from werkzeug.exceptions import HTTPException
from werkzeug.security import safe_join
from werkzeug.wrappers import Request, Response

from attackgraph import formats as registry
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
TILES: Final = "https://tile.openstreetmap.org"
"""Where the maps' tiles come from (the only thing a page loads from elsewhere)."""
PAGE_CSP: Final = (
    f"default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data: {TILES}; "
    "connect-src 'self'; form-action 'self'"
)
RESOURCE_CSP: Final = (
    f"default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data: {TILES}"
)
ALLOW: Final = "GET, HEAD, POST, OPTIONS"
TEXT_PLAIN: Final = "text/plain; charset=utf-8"
FILE_TYPES: Final = {
    **{f.extension: f.content_type for f in (*registry.READABLE, registry.HTML)},
    ".json": "application/json",
    ".md": "text/markdown; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".gz": "application/gzip",
    ".png": "image/png",
}
"""Media types of the release's files (``SHA256SUMS`` and others: plain text)."""
TWINS: Final = {f.name: f.extension for f in (formats.HTML, formats.TURTLE, formats.JSONLD)}
"""Resource formats a release page has a file for."""
EXTENSIONS: Final = {
    f.extension: f.name for f in (formats.HTML, formats.TURTLE, formats.JSONLD, formats.NTRIPLES)
}


@dataclass(frozen=True)
class App:
    """What the endpoint needs to answer; one per server."""

    pool: WorkerPool
    graphs: frozenset[str]
    base: str
    prefixes: dict[str, str]
    deadline: float
    max_query_length: int
    max_body_bytes: int
    service_description: bytes
    query_page: bytes
    release_dir: Path | None = None


def text(status: int, message: str, *headers: tuple[str, str]) -> Response:
    """A plain-text answer (errors and refusals)."""
    response = Response((message.rstrip("\n") + "\n").encode(), status, content_type=TEXT_PLAIN)
    for name, value in headers:
        response.headers[name] = value
    return response


class Endpoint:
    """The WSGI application.

    >>> from werkzeug.test import Client
    >>> app = App(None, frozenset(), "https://e.org", {}, 1.0, 10, 10, b"", b"<p>")
    >>> Client(Endpoint(app)).get("/nothing").status_code
    404
    """

    def __init__(self, app: App) -> None:
        self.app = app

    def __call__(self, environ: dict[str, object], start_response: object) -> Iterable[bytes]:
        request = Request(environ)
        request.max_content_length = self.app.max_body_bytes
        try:
            response = self.dispatch(request)
        except HTTPException as error:
            code = error.code or 500
            response = text(code, f"{code} {error.name}: {error.description or ''}".rstrip(": "))
        response.headers["X-Content-Type-Options"] = "nosniff"
        for name, value in CORS_HEADERS:
            response.headers.setdefault(name, value)
        return response(environ, start_response)  # type: ignore[arg-type]

    # --- routing -------------------------------------------------------------------

    def dispatch(self, request: Request) -> Response:
        method, path = request.method, request.path
        if method == "OPTIONS":
            return self._options()
        if method not in ("GET", "HEAD", "POST"):
            return text(405, "405 Method Not Allowed: this endpoint is read-only", ("Allow", ALLOW))
        if path == "/sparql":
            return self._sparql_post(request) if method == "POST" else self._sparql(request, None)
        if method == "POST":
            status = 405 if path == "/" or path.startswith("/id/") else 404
            phrase = "Method Not Allowed" if status == 405 else "Not Found"
            return text(status, f"{status} {phrase}", ("Allow", "GET, HEAD, OPTIONS"))
        if path.startswith("/assets/") and path[len("/assets/") :] in STATIC_FILES:
            name = path[len("/assets/") :]
            media = FILE_TYPES.get(Path(name).suffix, TEXT_PLAIN)
            return Response(static_file(name), content_type=media)
        if path in ("/", "/index.html"):
            index = self._file("index.html")
            if index is not None:
                return self._send_file(index, csp=PAGE_CSP)
            if path == "/":
                return self._query_page()
        if path.startswith("/id/"):
            return self._resource(request, path)
        if path == "/ontology":
            return self._ontology(request)
        if path.startswith("/concept/"):
            return _see_other(f"/ontology.html#c-{path[len('/concept/') :]}")
        found = self._file(path.lstrip("/"))
        if found is not None:
            return self._send_file(found, csp=PAGE_CSP)
        return text(404, f"404 Not Found: {path}")

    def _options(self) -> Response:
        return Response(
            b"",
            204,
            content_type=TEXT_PLAIN,
            headers={
                "Allow": ALLOW,
                "Access-Control-Allow-Methods": ALLOW,
                "Access-Control-Allow-Headers": "Accept, Content-Type",
                "Access-Control-Max-Age": "86400",
            },
        )

    # --- release files ---------------------------------------------------------------

    def _file(self, relative: str) -> Path | None:
        """A file of the release folder, never outside it."""
        if self.app.release_dir is None or not relative:
            return None
        joined = safe_join(str(self.app.release_dir), relative)
        if joined is None:
            return None
        path = Path(joined)
        return path if path.is_file() else None

    def _send_file(
        self, path: Path, *, csp: str = "", headers: Iterable[tuple[str, str]] = ()
    ) -> Response:
        media = FILE_TYPES.get(path.suffix) or (
            mimetypes.guess_type(path.name)[0] or "text/plain; charset=utf-8"
        )
        response = Response(path.read_bytes(), content_type=media)
        if csp and media.startswith("text/html"):
            response.headers["Content-Security-Policy"] = csp
        for name, value in headers:
            response.headers.add(name, value)
        return response

    def _ontology(self, request: Request) -> Response:
        offered = (formats.HTML, formats.TURTLE, formats.JSONLD)
        fmt = self._choose(request, offered)
        if fmt is None:
            return self._not_acceptable(offered)
        name = {"html": "ontology.html", "turtle": "ontology.ttl", "jsonld": "ontology.jsonld"}
        found = self._file(name[fmt.name])
        if found is None:
            return text(404, "404 Not Found: this release has no ontology files")
        return self._send_file(found, csp=RESOURCE_CSP, headers=(("Vary", "Accept"),))

    # --- resources -------------------------------------------------------------------

    def _resource(self, request: Request, path: str) -> Response:
        stem, suffix = path, ""
        for ext in EXTENSIONS:
            if path.endswith(ext):
                stem, suffix = path[: -len(ext)], ext
        if suffix:
            fmt = formats.BY_NAME[EXTENSIONS[suffix]]
        else:
            chosen = self._choose(request, formats.RESOURCE_FORMATS)
            if chosen is None:
                return self._not_acceptable(formats.RESOURCE_FORMATS)
            fmt = chosen
        links = self._alternates(stem)
        twin = self._file(stem.lstrip("/") + TWINS[fmt.name]) if fmt.name in TWINS else None
        if twin is not None:
            response = self._send_file(twin, csp=RESOURCE_CSP, headers=links)
        else:
            job = ResourceJob(self.app.base + stem, fmt.name)
            response = self._reply(self.app.pool.run(job, deadline=self.app.deadline), fmt)
            for name, value in links:
                response.headers.add(name, value)
        if not suffix:
            response.headers["Vary"] = "Accept"
        return response

    def _alternates(self, stem: str) -> list[tuple[str, str]]:
        """``Link: <…>; rel="alternate"; type="…"`` for each format of a resource."""
        return [
            ("Link", f'<{stem}{ext}>; rel="alternate"; type="{formats.BY_NAME[name].media_type}"')
            for ext, name in EXTENSIONS.items()
        ]

    # --- SPARQL ----------------------------------------------------------------------

    def _sparql_post(self, request: Request) -> Response:
        if request.content_length is None:
            return text(411, "411 Length Required: send the body with a Content-Length")
        if request.content_length > self.app.max_body_bytes:
            return text(
                413,
                f"413 Content Too Large: the body may have at most {self.app.max_body_bytes} bytes",
            )
        content_type = request.mimetype
        body = request.get_data(cache=False)
        try:
            decoded = body.decode("utf-8")
        except UnicodeDecodeError:
            return text(400, "400 Bad Request: the body is not UTF-8")
        params = parse_qs(request.query_string.decode("latin-1"), keep_blank_values=True)
        if content_type == "application/x-www-form-urlencoded":
            for key, values in parse_qs(decoded, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
            return self._run(request, params, None)
        if content_type == "application/sparql-query":
            return self._run(request, params, decoded)
        if content_type == "application/sparql-update":
            return text(400, "400 Bad Request: updates are not allowed on this endpoint")
        return text(
            415,
            "415 Unsupported Media Type: POST application/sparql-query or "
            "application/x-www-form-urlencoded",
        )

    def _sparql(self, request: Request, direct: str | None) -> Response:
        params = parse_qs(request.query_string.decode("latin-1"), keep_blank_values=True)
        return self._run(request, params, direct)

    def _run(self, request: Request, params: dict[str, list[str]], direct: str | None) -> Response:
        app = self.app
        if "update" in params:
            return text(400, "400 Bad Request: updates are not allowed on this endpoint")
        queries = ([direct] if direct is not None else []) + params.get("query", [])
        if not queries:
            return self._describe_service(request)
        if len(queries) > 1:
            return text(400, "400 Bad Request: give exactly one query")
        query = queries[0]
        if len(query) > app.max_query_length:
            return text(
                413,
                f"413 Content Too Large: queries may have at most "
                f"{app.max_query_length} characters",
            )
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
            return text(400, f"400 Bad Request: {refusal}")
        offered = formats.GRAPH_FORMATS if info.returns_graph else formats.RESULT_FORMATS
        if (
            request.method == "GET"
            and self._choose(request, (*offered, formats.HTML), params) is formats.HTML
        ):
            # a browser following a link to a query: the query page runs it and shows
            # the results (table, paging, downloads, permalink)
            response = self._query_page()
            response.headers["Vary"] = "Accept"
            return response
        fmt = self._choose(request, offered, params)
        if fmt is None:
            return self._not_acceptable(offered)
        job = QueryJob(query, fmt.name, default_graphs, named_graphs)
        response = self._reply(app.pool.run(job, deadline=app.deadline), fmt)
        response.headers["Vary"] = "Accept"
        return response

    def _describe_service(self, request: Request) -> Response:
        offered = (formats.TURTLE, formats.HTML)
        fmt = formats.negotiate(request.headers.get("Accept"), offered)
        if fmt is None:
            return self._not_acceptable(offered)
        if fmt is formats.HTML:
            response = self._query_page()
        else:
            response = Response(self.app.service_description, content_type=fmt.content_type)
        response.headers["Vary"] = "Accept"
        return response

    def _query_page(self) -> Response:
        response = Response(self.app.query_page, content_type=formats.HTML.content_type)
        response.headers["Content-Security-Policy"] = PAGE_CSP
        return response

    # --- helpers ---------------------------------------------------------------------

    def _choose(
        self,
        request: Request,
        offered: tuple[Format, ...],
        params: dict[str, list[str]] | None = None,
    ) -> Format | None:
        if params is None:
            params = parse_qs(request.query_string.decode("latin-1"), keep_blank_values=True)
        keywords = params.get("format") or params.get("output") or []
        if keywords:
            keyword = keywords[0]
            return formats.by_keyword(keyword, offered) if keyword else None
        return formats.negotiate(request.headers.get("Accept"), offered)

    def _reply(self, reply: Reply, fmt: Format) -> Response:
        ok = reply.status == 200
        response = Response(
            reply.body, reply.status, content_type=fmt.content_type if ok else reply.content_type
        )
        for name, value in reply.headers:
            response.headers[name] = value
        if ok and fmt.name == "html":
            response.headers["Content-Security-Policy"] = RESOURCE_CSP
        return response

    def _not_acceptable(self, offered: tuple[Format, ...]) -> Response:
        types = ", ".join(f.media_type for f in offered)
        return text(
            406,
            f"406 Not Acceptable: this resource is available as {types}",
            ("Vary", "Accept"),
        )


def _see_other(location: str) -> Response:
    response = text(303, f"303 See Other: {location}")
    response.headers["Location"] = location
    return response
