"""Start and stop the endpoint: build the store, start the workers, bind the server."""

from __future__ import annotations

import errno
import logging
import os
import signal
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from types import FrameType, TracebackType
from typing import Final

from attackgraph.html.pages import Context, query_page
from attackgraph.identifiers import prefixes_for
from attackgraph.namespaces import DEFAULT_BASE
from attackgraph.reference.files import cache_root
from attackgraph.serve.http import App
from attackgraph.serve.http import Endpoint as WsgiApp
from attackgraph.serve.pool import WorkerPool
from attackgraph.serve.server import Server
from attackgraph.serve.service import service_description
from attackgraph.serve.worker import WorkerSettings
from attackgraph.sparql.store import DatasetStats, build_store, release_store

log = logging.getLogger("attackgraph.serve")

DEFAULT_MEMORY_LIMIT: Final = 4 << 30


@dataclass(frozen=True)
class ServeOptions:
    """Everything ``attackgraph serve`` can set. Sizes are characters / bytes.

    ``row_cap``: SELECT rows or CONSTRUCT/DESCRIBE triples per answer; more are cut and
    the answer carries ``X-Result-Truncated: true`` and ``X-Result-Row-Cap``.
    ``memory_limit``: address-space limit of each worker (None: unlimited).
    ``per_client``: open connections one client address may hold; ``receive_deadline``:
    seconds from a request's first byte until it must be complete (headers and body);
    ``idle_timeout``: seconds a keep-alive connection may stay silent.
    """

    host: str = "127.0.0.1"
    port: int = 8000
    deadline: float = 10.0
    row_cap: int = 10_000
    base: str = DEFAULT_BASE
    workers: int | None = None
    max_query_length: int = 100_000
    max_body_bytes: int = 1_000_000
    max_connections: int = 256
    per_client: int = 32
    receive_deadline: float = 30.0
    idle_timeout: float = 60.0
    threads: int = 16
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT

    def __post_init__(self) -> None:
        if self.deadline <= 0:
            raise ValueError("deadline must be positive")
        if self.row_cap < 1:
            raise ValueError("row_cap must be at least 1")
        if self.workers is not None and self.workers < 1:
            raise ValueError("workers must be at least 1")


class Endpoint:
    """A running endpoint over a release folder; use as a context manager.

    >>> from pathlib import Path
    >>> release = Path(__file__).parents[3] / "tests" / "fixtures" / "release"
    >>> with Endpoint(release, options=ServeOptions(port=0, workers=1)) as endpoint:
    ...     endpoint.url.startswith("http://127.0.0.1:")
    True

    Raises :class:`~attackgraph.sparql.store.ReleaseError` for a release without
    ``attackgraph.nq``, :class:`~attackgraph.serve.pool.PoolError` if the workers cannot
    start, and ``OSError`` if the address cannot be bound.
    """

    def __init__(self, release_dir: Path | str, *, options: ServeOptions | None = None) -> None:
        self.release_dir = Path(release_dir)
        self.options = options or ServeOptions()
        self.stats: DatasetStats | None = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._pool: WorkerPool | None = None
        self._server: Server | None = None
        self._wsgi: WsgiApp | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """``http://host:port`` of the running server (the port, if 0 was asked, is real)."""
        if self._server is None:
            raise RuntimeError("the endpoint is not started")
        host, port = self._server.server_address
        return f"http://{host}:{port}"

    @property
    def wsgi(self) -> WsgiApp:
        """The WSGI application (for werkzeug's test client)."""
        if self._wsgi is None:
            raise RuntimeError("the endpoint is not started")
        return self._wsgi

    @property
    def pool(self) -> WorkerPool:
        """The worker pool (for tests and monitoring)."""
        if self._pool is None:
            raise RuntimeError("the endpoint is not started")
        return self._pool

    def start(self) -> Endpoint:
        """Build the store, start the workers and bind the server (not yet serving)."""
        opts = self.options
        base = opts.base.rstrip("/")
        prefixes = prefixes_for(base)
        try:
            store_path, self.stats = self._open_store()
            settings = WorkerSettings(
                store_path=str(store_path),
                row_cap=opts.row_cap,
                base=base,
                prefixes=prefixes,
                memory_limit=opts.memory_limit,
            )
            size = opts.workers or min(4, max(2, os.cpu_count() or 2))
            self._pool = WorkerPool(settings, size=size)
            self._pool.start()
            app = App(
                pool=self._pool,
                graphs=self.stats.graph_names,
                base=base,
                prefixes=prefixes,
                deadline=opts.deadline,
                max_query_length=opts.max_query_length,
                max_body_bytes=opts.max_body_bytes,
                service_description=service_description(self.stats),
                query_page=query_page(
                    Context(base, prefixes), deadline=opts.deadline, row_cap=opts.row_cap
                ),
                release_dir=self.release_dir,
            )
            self._wsgi = WsgiApp(app)
            self._server = _bind(opts, self._wsgi)
        except BaseException:
            self.close()
            raise
        return self

    def _open_store(self) -> tuple[Path, DatasetStats]:
        """The release's persisted store (built on the first start only), or one built in
        a temporary folder when the cache folder cannot be written."""
        try:
            return release_store(self.release_dir, cache_root() / "stores")
        except OSError:
            self._tmp = tempfile.TemporaryDirectory(prefix="attackgraph-serve-")
            store_path = Path(self._tmp.name) / "store"
            return store_path, build_store(self.release_dir, store_path)

    def serve_in_background(self) -> Endpoint:
        """Serve requests on a daemon thread (starting the endpoint if needed)."""
        if self._server is None:
            self.start()
        assert self._server is not None
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="attackgraph-http", daemon=True
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve requests on this thread until :meth:`close` or ``KeyboardInterrupt``."""
        if self._server is None:
            self.start()
        assert self._server is not None
        self._server.serve_forever()

    def close(self) -> None:
        """Stop serving, stop the workers and remove the temporary store."""
        if self._server is not None:
            if self._thread is not None:
                self._server.shutdown()
                self._thread.join(timeout=10)
            self._server.server_close()
            self._server = None
        if self._pool is not None:
            self._pool.close()
            self._pool = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> Endpoint:
        return self.serve_in_background()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _bind(opts: ServeOptions, application: WsgiApp) -> Server:
    """The HTTP server on ``opts.host:opts.port``; a port in use says so and what to do."""
    try:
        return Server(
            application,
            host=opts.host,
            port=opts.port,
            threads=opts.threads,
            max_connections=opts.max_connections,
            per_client=opts.per_client,
            receive_deadline=opts.receive_deadline,
            idle_timeout=opts.idle_timeout,
            max_body_bytes=opts.max_body_bytes,
        )
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise OSError(
                f"port {opts.port} on {opts.host} is in use (another server?) — "
                f"try --port {opts.port + 1}, or stop the other server"
            ) from error
        raise


def serve(
    release_dir: Path | str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    deadline: float = 10.0,
    row_cap: int = 10_000,
    base: str = DEFAULT_BASE,
    workers: int | None = None,
    max_query_length: int = 100_000,
    max_body_bytes: int = 1_000_000,
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
) -> None:
    """Serve a release folder until interrupted (Ctrl-C or SIGTERM); the CLI's body.

    Prints the endpoint's address once it accepts requests. Raises
    :class:`~attackgraph.sparql.store.ReleaseError` when the release has no readable
    ``attackgraph.nq``, ``OSError`` when ``host:port`` cannot be bound, ``ValueError``
    for an invalid option.
    """
    options = ServeOptions(
        host=host,
        port=port,
        deadline=deadline,
        row_cap=row_cap,
        base=base,
        workers=workers,
        max_query_length=max_query_length,
        max_body_bytes=max_body_bytes,
        memory_limit=memory_limit,
    )
    endpoint = Endpoint(release_dir, options=options).start()

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        stats = endpoint.stats
        assert stats is not None
        print(
            f"Serving {release_dir} ({len(stats.graphs)} graphs, {stats.union_triples} triples) "
            f"at {endpoint.url}/sparql — pages at {endpoint.url}/ — Ctrl-C to stop",
            flush=True,
        )
        endpoint.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        endpoint.close()
