"""The endpoint against clients that misbehave, over real sockets on 127.0.0.1.

Slow clients bind other loopback addresses (127.0.0.2, ...) so that the per-client
cap can tell them from the normal client. Every loop is bounded in count and time.
"""

from __future__ import annotations

import http.client
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from attackgraph.serve import Endpoint, ServeOptions

RELEASE = Path(__file__).resolve().parent / "fixtures" / "release"
SLOW = 64


@pytest.fixture(scope="module")
def endpoint() -> Iterator[Endpoint]:
    options = ServeOptions(port=0, workers=1, per_client=8, receive_deadline=2.0)
    with Endpoint(RELEASE, options=options) as running:
        yield running


def _address(endpoint: Endpoint) -> tuple[str, int]:
    host, port = endpoint.url.removeprefix("http://").split(":")
    return host, int(port)


def _raw(endpoint: Endpoint, data: bytes) -> bytes:
    with socket.create_connection(_address(endpoint), timeout=10) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
            if b"\r\n\r\n" in b"".join(chunks):
                break
        return b"".join(chunks)


def _ok(endpoint: Endpoint) -> int:
    host, port = _address(endpoint)
    conn = http.client.HTTPConnection(host, port, timeout=10, source_address=("127.0.0.1", 0))
    try:
        conn.request("GET", "/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D")
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def test_conflicting_content_length_is_refused(endpoint: Endpoint) -> None:
    body = b"query=ASK%7B%7D"
    request = (
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + f"Content-Length: {len(body)}\r\nContent-Length: {len(body) + 5}\r\n\r\n".encode()
        + body
    )
    assert _raw(endpoint, request).split(b" ", 2)[1] == b"400"


def test_header_line_without_colon_is_refused(endpoint: Endpoint) -> None:
    answer = _raw(endpoint, b"GET /sparql HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n")
    assert answer.split(b" ", 2)[1] == b"400"


def _slow_clients(endpoint: Endpoint, source: str, count: int) -> list[socket.socket]:
    socks = []
    for _ in range(count):
        sock = socket.socket()
        sock.settimeout(5)
        sock.bind((source, 0))
        sock.connect(_address(endpoint))
        sock.sendall(b"GET /sparql HTTP/1.1\r\nHost: x\r\n")
        socks.append(sock)
    return socks


def _trickle(socks: list[socket.socket]) -> int:
    """One more header byte on each connection; how many are still open."""
    alive = 0
    for sock in socks:
        try:
            sock.sendall(b"X")
            alive += 1
        except OSError:
            pass
    return alive


def test_a_normal_client_is_answered_while_64_slow_clients_hold_connections(
    endpoint: Endpoint,
) -> None:
    socks = _slow_clients(endpoint, "127.0.0.2", SLOW)
    try:
        for _ in range(3):  # bounded: three rounds of trickling, each with a request
            _trickle(socks)
            assert _ok(endpoint) == 200
            time.sleep(0.3)
    finally:
        for sock in socks:
            sock.close()


def test_slow_clients_on_many_addresses_do_not_block_others(endpoint: Endpoint) -> None:
    socks = [s for n in range(SLOW) for s in _slow_clients(endpoint, f"127.0.1.{n + 1}", 1)]
    try:
        _trickle(socks)
        assert _ok(endpoint) == 200
    finally:
        for sock in socks:
            sock.close()


def test_connections_beyond_the_per_client_cap_get_503(endpoint: Endpoint) -> None:
    socks = _slow_clients(endpoint, "127.0.0.3", 8)
    try:
        time.sleep(0.2)  # let the server accept them
        extra = socket.socket()
        extra.settimeout(10)
        extra.bind(("127.0.0.3", 0))
        extra.connect(_address(endpoint))
        with extra:
            answer = extra.recv(4096)
        assert answer.startswith(b"HTTP/1.1 503 ") and b"Retry-After: 1" in answer
    finally:
        for sock in socks:
            sock.close()


def test_a_request_trickled_past_the_receive_deadline_is_cut(endpoint: Endpoint) -> None:
    [sock] = _slow_clients(endpoint, "127.0.0.4", 1)
    closed = False
    with sock:
        for _ in range(40):  # bounded: at most ~12 s, the deadline is 2 s
            time.sleep(0.3)
            try:
                sock.sendall(b"X")
            except OSError:
                closed = True
                break
            sock.setblocking(False)
            try:
                if sock.recv(1) == b"":
                    closed = True
                    break
            except BlockingIOError:
                pass
            finally:
                sock.setblocking(True)
    assert closed


def test_a_port_in_use_says_so_and_what_to_do() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        endpoint = Endpoint(RELEASE, options=ServeOptions(port=port, workers=1))
        with pytest.raises(OSError, match=rf"port {port} .* in use .* try --port {port + 1}"):
            endpoint.start()
