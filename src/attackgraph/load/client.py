"""HTTP for ``load``: authentication, timeouts, retries with exponential back-off.

Retried: connection failures, time-outs and 5xx answers. Not retried: 4xx answers
(a wrong password or a rejected body will not get better by asking again).

``timeout`` is a total deadline for one request, from connecting to the last byte of the
answer: a store that keeps sending one byte a second does not keep ``load`` waiting (a
socket timeout alone applies to each read, not to the whole answer).
"""

from __future__ import annotations

import base64
import http.client
import ipaddress
import logging
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Literal, TypeVar
from urllib.parse import urlsplit

from attackgraph.model import AttackgraphError

log = logging.getLogger("attackgraph.load")

Auth = Literal["digest", "basic"]
T = TypeVar("T")


class LoadError(AttackgraphError):
    """A request to the triple store failed for good (after any retries)."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Response:
    """A successful answer: status and body."""

    status: int
    body: bytes


def _is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _PreemptiveBasicAuth(urllib.request.BaseHandler):
    """Sends ``Authorization: Basic`` with every request to the given URLs.

    urllib's own handler forgets a pre-authenticated URL after one 401 and then waits
    for a challenge, which doubles the requests; credentials that fail once fail again.
    """

    def __init__(self, urls: list[str], user: str, password: str) -> None:
        self.urls = urls
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        self.header = f"Basic {token}"

    def http_request(self, request: urllib.request.Request) -> urllib.request.Request:
        if any(request.full_url.startswith(url) for url in self.urls):
            request.add_unredirected_header("Authorization", self.header)
        return request

    https_request = http_request


def make_opener(
    urls: list[str], *, user: str | None, password: str | None, auth: Auth | None
) -> urllib.request.OpenerDirector:
    """An opener that authenticates to ``urls`` (basic is sent up front, digest on 401).

    Proxies from the environment are honoured except for loopback addresses.
    Raises ``ValueError`` for an unknown ``auth``.

    >>> type(make_opener(["http://127.0.0.1:1/"], user=None, password=None, auth=None)).__name__
    'OpenerDirector'
    """
    handlers: list[urllib.request.BaseHandler] = []
    if all(_is_loopback(url) for url in urls):
        handlers.append(urllib.request.ProxyHandler({}))
    if user is not None and auth is not None:
        if auth == "basic":
            handlers.append(_PreemptiveBasicAuth(urls, user, password or ""))
        elif auth == "digest":
            realm = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in urls:
                realm.add_password(None, url, user, password or "")
            handlers.append(urllib.request.HTTPDigestAuthHandler(realm))
        else:
            raise ValueError(f"unknown auth scheme {auth!r}; use 'digest' or 'basic'")
    return urllib.request.build_opener(*handlers)


def _exchange(
    opener: urllib.request.OpenerDirector, request: urllib.request.Request, timeout: float
) -> Response:
    with opener.open(request, timeout=timeout) as answer:
        return Response(answer.status, answer.read())


def within(seconds: float, call: Callable[[], T]) -> T:
    """``call()``, or ``TimeoutError`` when it has not returned after ``seconds``.

    The call runs in a daemon thread, which is abandoned on time-out (its socket has a
    per-read timeout, so it ends once the peer stops sending).

    >>> within(1.0, lambda: 42)
    42
    >>> within(0.01, lambda: time.sleep(1))
    Traceback (most recent call last):
    TimeoutError: timed out: no complete answer within 0.01 s
    """
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as error:  # noqa: BLE001 - handed to the caller below
            failure.append(error)

    worker = threading.Thread(target=run, name="attackgraph-load-request", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise TimeoutError(f"timed out: no complete answer within {seconds:g} s")
    if failure:
        raise failure[0]
    return outcome[0]


def send(
    opener: urllib.request.OpenerDirector,
    make_request: Callable[[], urllib.request.Request],
    *,
    timeout: float,
    retries: int,
    backoff: float,
    sleep: Callable[[float], None] = time.sleep,
) -> Response:
    """Send a request, retrying connection errors and 5xx ``retries`` times.

    ``timeout`` is the deadline for the whole exchange (see the module docstring).
    The waits are ``backoff``, ``2 * backoff``, ``4 * backoff``... seconds. Raises
    :class:`LoadError` (with ``status`` for HTTP errors) when it gives up.
    """
    attempt = 0
    while True:
        request = make_request()  # a fresh one: auth handlers mutate requests
        what = f"{request.get_method()} {request.full_url}"
        try:
            return within(timeout, partial(_exchange, opener, request, timeout))
        except urllib.error.HTTPError as error:
            detail = error.read()[:500].decode("utf-8", "replace").strip()
            failure = LoadError(
                f"{what}: HTTP {error.code} {error.reason}: {detail}", status=error.code
            )
            if error.code < 500:
                raise failure from error
        except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
            reason = getattr(error, "reason", error)
            failure = LoadError(f"{what}: {reason}")
        if attempt >= retries:
            raise failure
        wait = backoff * 2**attempt
        attempt += 1
        log.warning("%s; retry %d of %d in %.1f s", failure, attempt, retries, wait)
        sleep(wait)
