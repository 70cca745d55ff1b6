"""A Virtuoso Open Source server on loopback for the tests.

Installed from Debian (``apt-get install virtuoso-opensource``) when ``virtuoso-t`` is
missing; runs from a temporary directory with its own database files, ini and ports.
Quirks handled here: ``isql-vt`` exits 0 on SQL errors (its output is checked), a
fresh database's ``dba`` password is ``dba`` (changed at start to a random one), and
writes need the digest-authenticated ``/sparql-graph-crud-auth`` endpoint.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from pathlib import Path
from types import TracebackType

from .common import LOOPBACK, ServiceError, free_port, stop, wait_for_http

APT_PACKAGE = "virtuoso-opensource"


def ensure_installed() -> tuple[str, str]:
    """``virtuoso-t`` and ``isql-vt``; installs the Debian package if they are missing."""
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if server and isql:
        return server, isql
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise ServiceError(f"virtuoso-t is missing; install the {APT_PACKAGE} package")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", APT_PACKAGE]):
        subprocess.run(command, check=True, env=env, timeout=900, stdout=subprocess.DEVNULL)
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if not (server and isql):
        raise ServiceError(f"{APT_PACKAGE} installed but virtuoso-t / isql-vt not found")
    return server, isql


INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx

[Parameters]
ServerPort = {host}:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0

[HTTPServer]
ServerPort = {host}:{http_port}
ServerRoot = {dir}/www
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


class Virtuoso:
    """One Virtuoso instance; a context manager. ``password`` is the dba password."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.sql_port = free_port()
        self.http_port = free_port()
        self.password = "dba"
        self.process: subprocess.Popen[bytes] | None = None
        self._isql = "isql-vt"

    @property
    def sparql_url(self) -> str:
        return f"http://{LOOPBACK}:{self.http_port}/sparql"

    @property
    def graph_store_url(self) -> str:
        return f"http://{LOOPBACK}:{self.http_port}/sparql-graph-crud-auth"

    def start(self) -> Virtuoso:
        server, self._isql = ensure_installed()
        (self.workdir / "www").mkdir(parents=True, exist_ok=True)
        ini = self.workdir / "virtuoso.ini"
        ini.write_text(
            INI.format(
                dir=self.workdir, host=LOOPBACK, sql_port=self.sql_port, http_port=self.http_port
            )
        )
        log = self.workdir / "stdout.log"
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                [server, "+foreground", "+configfile", str(ini)],
                cwd=self.workdir,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        try:
            wait_for_http(f"{self.sparql_url}?query=ASK%7B%7D", self.process, log, timeout=120)
            new_password = secrets.token_hex(8)
            self.isql(f"USER_SET_PASSWORD('dba', '{new_password}');")
            self.password = new_password
        except BaseException:
            self.stop()
            raise
        return self

    def isql(self, sql: str) -> str:
        """Run SQL as dba; raises :class:`ServiceError` on an error in the output
        (``isql-vt`` itself exits 0 on SQL errors)."""
        result = subprocess.run(
            [self._isql, f"{LOOPBACK}:{self.sql_port}", "dba", self.password, f"exec={sql}"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        output = result.stdout + result.stderr
        if result.returncode != 0 or "*** Error" in output:
            raise ServiceError(f"isql failed on {sql!r}:\n{output}")
        return output

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process, grace=30)
            self.process = None

    def __enter__(self) -> Virtuoso:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
