"""Helpers shared by the service fixtures: free ports, readiness polling."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

LOOPBACK = "127.0.0.1"


class ServiceError(RuntimeError):
    """A test service could not be installed or started."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago.

    >>> 0 < free_port() < 65536
    True
    """
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def no_proxy_opener() -> urllib.request.OpenerDirector:
    """An opener that never goes through an environment proxy (loopback only here)."""
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def wait_for_http(url: str, process: subprocess.Popen[bytes], log: Path, *, timeout: float) -> None:
    """Poll ``url`` until it answers 200; raise :class:`ServiceError` with the log's tail
    if the process exits or ``timeout`` seconds pass."""
    opener = no_proxy_opener()
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if process.poll() is not None:
            raise ServiceError(f"{url}: the server exited with {process.returncode}\n{tail(log)}")
        try:
            with opener.open(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.25)
    raise ServiceError(f"{url}: not ready after {timeout:g} s\n{tail(log)}")


def tail(log: Path, lines: int = 30) -> str:
    """The last lines of a log file, or a note that there is none."""
    if not log.exists():
        return "(no log)"
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def stop(process: subprocess.Popen[bytes], *, grace: float = 30) -> None:
    """SIGTERM, then SIGKILL after ``grace`` seconds."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
