"""The HTTP server: waitress, with two guards against clients that hold connections.

- **A total deadline for receiving a request** (headers and body): waitress's own
  timeout is per read, so a client sending one byte every few seconds would keep its
  connection for ever; here a request not complete ``receive_deadline`` seconds after
  its first byte closes the connection.
- **A cap on connections per client address**: connections beyond it are answered
  ``503`` and closed at once, so one client cannot take every slot.

waitress answers malformed requests itself with ``400`` (a header line without a
colon, two different ``Content-Length`` values, bare CR or LF) and keeps a total
connection limit.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any, Final

from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher

log = logging.getLogger("attackgraph.serve")

_REFUSAL: Final = b"too many connections from your address; try again later\n"
REFUSED: Final = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"Retry-After: 1\r\nConnection: close\r\n"
    + f"Content-Length: {len(_REFUSAL)}\r\n\r\n".encode()
    + _REFUSAL
)


class Channel(HTTPChannel):  # type: ignore[misc]
    """A connection that remembers when its current request's first byte came."""

    request_started: float | None = None

    def received(self, data: bytes) -> bool:
        if data and self.request is None:
            self.request_started = time.monotonic()
        result: bool = super().received(data)
        if self.request is None:
            self.request_started = None
        return result


class Server(TcpWSGIServer):  # type: ignore[misc]
    """waitress's TCP server with the receive deadline and the per-client cap."""

    channel_class = Channel

    def __init__(
        self,
        application: Any,
        *,
        host: str,
        port: int,
        threads: int,
        max_connections: int,
        per_client: int,
        receive_deadline: float,
        idle_timeout: float,
        max_body_bytes: int,
    ) -> None:
        adj = Adjustments(
            host=host,
            port=port,
            threads=threads,
            connection_limit=max_connections,
            channel_timeout=idle_timeout,
            cleanup_interval=1,
            max_request_body_size=max_body_bytes,
            max_request_header_size=64 * 1024,
            asyncore_use_poll=True,
            backlog=128,
            ident="attackgraph",
            expose_tracebacks=False,
        )
        dispatcher = ThreadedTaskDispatcher()
        dispatcher.set_thread_count(threads)
        self.per_client = per_client
        self.receive_deadline = receive_deadline
        self._stop = threading.Event()
        super().__init__(
            application, map={}, dispatcher=dispatcher, adj=adj, sockinfo=adj.listen[0]
        )

    @property
    def server_address(self) -> tuple[str, int]:
        host, port = self.socket.getsockname()[:2]
        return str(host), int(port)

    def handle_accept(self) -> None:
        try:
            accepted = self.accept()
        except OSError:
            return
        if accepted is None:
            return
        conn, addr = accepted
        mine = sum(1 for c in self.active_channels.values() if c.addr[0] == addr[0])
        if mine >= self.per_client:
            log.warning("refused a connection from %s: %d open", addr[0], mine)
            try:
                conn.setblocking(False)
                conn.send(REFUSED)
            except OSError:
                pass
            conn.close()
            return
        try:
            self.set_socket_options(conn)
        except OSError:
            conn.close()
            return
        self.channel_class(self, conn, addr, self.adj, map=self._map)

    def maintenance(self, now: float) -> None:
        super().maintenance(now)
        cutoff = time.monotonic() - self.receive_deadline
        for channel in list(self.active_channels.values()):
            started = getattr(channel, "request_started", None)
            if started is not None and started < cutoff and channel.request is not None:
                log.info("closed a connection from %s: request not received in time", channel.addr)
                channel.will_close = True

    def serve_forever(self) -> None:
        """Serve until :meth:`shutdown` (from another thread) or ``KeyboardInterrupt``."""
        try:
            while not self._stop.is_set():
                self.asyncore.loop(
                    timeout=self.adj.asyncore_loop_timeout, map=self._map, use_poll=True, count=1
                )
        finally:
            for channel in list(self._map.values()):
                if channel is not self:
                    try:
                        channel.close()
                    except OSError:
                        pass
            self.task_dispatcher.shutdown(timeout=5)

    def shutdown(self) -> None:
        """Ask :meth:`serve_forever` to return (it wakes within a second)."""
        self._stop.set()
        self.pull_trigger()

    def server_close(self) -> None:
        """Close the listening socket."""
        self.close()
