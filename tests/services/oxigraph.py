"""An Oxigraph server (PyPI package ``oxigraph``) on loopback for the tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from types import TracebackType

from .common import LOOPBACK, ServiceError, free_port, stop, wait_for_http


def ensure_installed() -> str:
    """The ``oxigraph`` executable; installs the PyPI package into this venv if missing."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.exists():
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "oxigraph"], check=True, timeout=600
    )
    if not beside.exists():
        raise ServiceError("pip installed oxigraph but no oxigraph executable appeared")
    return str(beside)


class OxigraphServer:
    """``oxigraph serve --location DIR --bind 127.0.0.1:PORT``; a context manager.

    ``query_url`` is the SPARQL endpoint, ``store_url`` the Graph Store Protocol one.
    """

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.base_url}/query"

    @property
    def store_url(self) -> str:
        return f"{self.base_url}/store"

    def start(self) -> OxigraphServer:
        exe = ensure_installed()
        log = self.workdir / "oxigraph.log"
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                [
                    exe,
                    "serve",
                    "--location",
                    str(self.workdir / "data"),
                    "--bind",
                    f"{LOOPBACK}:{self.port}",
                ],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        try:
            wait_for_http(f"{self.query_url}?query=ASK%7B%7D", self.process, log, timeout=60)
        except ServiceError:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process, grace=10)
            self.process = None

    def __enter__(self) -> OxigraphServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
