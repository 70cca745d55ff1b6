"""A pool of query worker processes with a hard deadline per request.

pyoxigraph cannot interrupt a running query, so the deadline is enforced from outside:
the request thread hands the job to an idle worker and waits on its pipe until the
deadline; a worker that has not answered by then is killed (SIGKILL) and replaced in the
background, and the client gets 503. The deadline covers the whole request, including
the wait for a free worker, so every request is answered within about ``deadline``.
"""

from __future__ import annotations

import logging
import queue
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import Future
from multiprocessing.connection import Connection
from typing import Final

from attackgraph.model import AttackgraphError
from attackgraph.serve.worker import QueryJob, Reply, ResourceJob, WorkerSettings

log = logging.getLogger("attackgraph.serve")

START_TIMEOUT: Final = 120.0
"""Seconds a new worker may take to open the store and say it is ready."""
_WORKER_CODE: Final = (
    "import sys; from attackgraph.serve.worker import run_worker; run_worker(int(sys.argv[1]))"
)


class PoolError(AttackgraphError, RuntimeError):
    """The workers could not be started."""


class _Worker:
    def __init__(self, process: subprocess.Popen[bytes], conn: Connection) -> None:
        self.process = process
        self.conn = conn

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        self.conn.close()


class WorkerPool:
    """``size`` worker processes, each with the store open read-only.

    Raises :class:`PoolError` from :meth:`start` when a worker cannot open the store.
    """

    def __init__(self, settings: WorkerSettings, *, size: int) -> None:
        if size < 1:
            raise ValueError("a pool needs at least one worker")
        self._settings = settings
        self._size = size
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        # Every worker is started from this one long-lived thread: a worker asks the
        # kernel to kill it when the thread that started it ends (PR_SET_PDEATHSIG
        # follows the thread, not the process), so no short-lived thread may start one.
        self._spawn_requests: queue.SimpleQueue[Future[_Worker] | None] = queue.SimpleQueue()
        self._spawner = threading.Thread(
            target=self._spawn_loop, name="attackgraph-spawner", daemon=True
        )
        self.replaced = 0
        """How many workers were killed and replaced (deadline or crash)."""

    def start(self) -> None:
        """Start every worker and wait until each has opened the store."""
        self._spawner.start()
        pending = [self._request_spawn() for _ in range(self._size)]
        for future in pending:
            self._idle.put(future.result())

    def _request_spawn(self) -> Future[_Worker]:
        future: Future[_Worker] = Future()
        self._spawn_requests.put(future)
        return future

    def _spawn_loop(self) -> None:
        while (future := self._spawn_requests.get()) is not None:
            try:
                future.set_result(self._spawn())
            except BaseException as error:  # noqa: BLE001 - handed to whoever waits
                future.set_exception(error)

    def _spawn(self) -> _Worker:
        # A fresh interpreter, not a fork of this multi-threaded server, and no
        # re-import of the caller's main module as multiprocessing's spawn would do;
        # the job pipe is a socket pair.
        ours, theirs = socket.socketpair()
        with theirs:
            process = subprocess.Popen(
                [sys.executable, "-c", _WORKER_CODE, str(theirs.fileno())],
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
            )
        worker = _Worker(process, Connection(ours.detach()))
        try:
            worker.conn.send(self._settings)
            if not worker.conn.poll(START_TIMEOUT) or worker.conn.recv() != "ready":
                raise PoolError("a query worker did not become ready")
        except (EOFError, OSError) as error:
            worker.kill()
            raise PoolError(
                f"a query worker failed to start (exit code {process.returncode}); "
                "if a memory limit is set, it may be too low for the store"
            ) from error
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` now and start its successor in the background."""
        worker.kill()
        with self._lock:
            self._all.discard(worker)
            self.replaced += 1
            if self._closed:
                return

        def respawned(future: Future[_Worker]) -> None:
            error = future.exception()
            if error is not None:
                log.error("could not replace a query worker: %s", error)
            elif self._closed:
                future.result().kill()
            else:
                self._idle.put(future.result())

        self._request_spawn().add_done_callback(respawned)

    def run(self, job: QueryJob | ResourceJob, *, deadline: float) -> Reply:
        """Run ``job`` on an idle worker; 503 when none is free or the deadline passes."""
        end = time.monotonic() + deadline
        try:
            worker = self._idle.get(timeout=deadline)
        except queue.Empty:
            return _unavailable(
                f"all query workers stayed busy for {deadline:g} s; try again later"
            )
        remaining = end - time.monotonic()
        if remaining <= 0.01:  # the wait for a worker used up the deadline
            self._idle.put(worker)
            return _unavailable(
                f"all query workers stayed busy for {deadline:g} s; try again later"
            )
        try:
            worker.conn.send(job)
            if worker.conn.poll(max(0.0, end - time.monotonic())):
                reply = worker.conn.recv()
                if isinstance(reply, Reply):
                    self._idle.put(worker)
                    return reply
        except (EOFError, OSError) as error:
            log.warning("query worker %s died: %s", worker.process.pid, error)
            self._replace(worker)
            return _unavailable(
                "the query worker stopped while evaluating this query (it may have exceeded "
                "the memory limit); the query was cancelled"
            )
        log.info("query worker %s killed at the %g s deadline", worker.process.pid, deadline)
        self._replace(worker)
        return _unavailable(
            f"query cancelled: it did not finish within the {deadline:g} s deadline"
        )

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        self._spawn_requests.put(None)
        for worker in workers:
            worker.kill()


def _unavailable(message: str) -> Reply:
    reply = Reply.text(503, message)
    return Reply(reply.status, reply.content_type, reply.body, (("Retry-After", "1"),))
