"""Benchmark the SPARQL endpoint on loopback: throughput, latency, and the deadline.

Starts ``attackgraph.serve.serve`` in a subprocess on 127.0.0.1 over a release folder
(the test fixture, optionally replicated into a larger synthetic release), then:

1. ``--clients`` threads (keep-alive connections) send a simple lookup query
   (the name of one resource) until ``--requests`` are done or ``--max-seconds`` pass;
2. the same for linked-data pages (``GET /id/...`` as HTML);
3. one query far over the deadline, to show what it gets (status, time, body).

Every loop is bounded in count and time, and all traffic stays on 127.0.0.1.

    .venv/bin/python bench/endpoint_bench.py --synthetic 500
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "release"
HOST = "127.0.0.1"
INSTANCE = re.compile(r"(https://w3id\.org/attackgraph/id/[a-z]+/[a-z0-9-]+)>")
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"


def synthetic_release(copies: int, target: Path) -> Path:
    """The fixture replicated ``copies`` times with distinct IRIs (one graph per copy)."""
    lines = (FIXTURE / "attackgraph.nq").read_text(encoding="utf-8").splitlines()
    with (target / "attackgraph.nq").open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for line in lines:
                out.write(INSTANCE.sub(rf"\1-k{copy}>", line) + "\n")
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_server(
    release: Path, port: int, deadline: float, workers: int | None
) -> subprocess.Popen[bytes]:
    code = (
        "import sys; from attackgraph.serve import serve; "
        "serve(sys.argv[1], host=sys.argv[2], port=int(sys.argv[3]), deadline=float(sys.argv[4]), "
        "workers=(int(sys.argv[5]) or None))"
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            code,
            str(release),
            HOST,
            str(port),
            str(deadline),
            str(workers or 0),
        ],
        stdin=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    end = time.monotonic() + 120
    while time.monotonic() < end:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/sparql", headers={"Accept": "text/turtle"})
            if conn.getresponse().status == 200:
                conn.close()
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start within 120 s")


def resources(port: int) -> list[str]:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    query = (
        "SELECT DISTINCT ?s WHERE { ?s <https://schema.org/name> ?n "
        'FILTER(STRSTARTS(STR(?s), "https://w3id.org/attackgraph/id/")) } LIMIT 5000'
    )
    conn.request(
        "GET",
        "/sparql?" + urlencode({"query": query}),
        headers={"Accept": "application/sparql-results+json"},
    )
    rows = json.loads(conn.getresponse().read())["results"]["bindings"]
    conn.close()
    return [row["s"]["value"] for row in rows]


def run_phase(
    port: int, paths: list[tuple[str, str]], *, clients: int, requests: int, max_seconds: float
) -> dict[str, float]:
    """``clients`` threads share a budget of ``requests`` (path, accept) requests."""
    lock = threading.Lock()
    budget = [requests]
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    end = time.monotonic() + max_seconds

    def client(seed: int) -> None:
        rng = random.Random(seed)
        conn = http.client.HTTPConnection(HOST, port, timeout=60)
        while time.monotonic() < end:
            with lock:
                if budget[0] <= 0:
                    break
                budget[0] -= 1
            path, accept = rng.choice(paths)
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Accept": accept})
                response = conn.getresponse()
                response.read()
                status = response.status
                if response.will_close:
                    conn.close()
                    conn = http.client.HTTPConnection(HOST, port, timeout=60)
            except (OSError, http.client.HTTPException):
                status = 0
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=60)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

    return {
        "requests": len(ordered),
        "ok": statuses.get(200, 0),
        "errors": len(ordered) - statuses.get(200, 0),
        "seconds": wall,
        "rps": len(ordered) / wall if wall else 0.0,
        "p50_ms": pct(0.50),
        "p99_ms": pct(0.99),
        "max_ms": ordered[-1] * 1000 if ordered else 0.0,
        "mean_ms": statistics.fmean(ordered) * 1000 if ordered else 0.0,
    }


def report(name: str, figures: dict[str, float]) -> None:
    print(
        f"{name:<22} {figures['requests']:>6.0f} req  {figures['errors']:>4.0f} non-200  "
        f"{figures['rps']:>7.1f} req/s  p50 {figures['p50_ms']:6.1f} ms  "
        f"p99 {figures['p99_ms']:6.1f} ms  max {figures['max_ms']:6.1f} ms",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--release", type=Path, help="release folder (default: the test fixture)")
    parser.add_argument("--synthetic", type=int, default=0, help="replicate the fixture N times")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--max-seconds", type=float, default=30.0)
    parser.add_argument("--deadline", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=0, help="0: the server's default")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="attackgraph-bench-") as tmp:
        release = args.release or FIXTURE
        if args.synthetic:
            release = synthetic_release(args.synthetic, Path(tmp))
        quads = sum(1 for _ in (release / "attackgraph.nq").open(encoding="utf-8"))
        port = free_port()
        started = time.monotonic()
        server = start_server(release, port, args.deadline, args.workers or None)
        try:
            print(
                f"release: {release} ({quads} quads); server up in "
                f"{time.monotonic() - started:.1f} s on {HOST}:{port}; "
                f"{args.clients} clients, {args.requests} requests or {args.max_seconds:g} s",
                flush=True,
            )
            iris = resources(port)
            lookups = [
                (
                    "/sparql?"
                    + urlencode(
                        {
                            "query": f"SELECT ?name WHERE {{ <{iri}> "
                            "<https://schema.org/name> ?name }"
                        }
                    ),
                    "application/sparql-results+json",
                )
                for iri in iris
            ]
            pages = [(iri[len("https://w3id.org/attackgraph") :], "text/html") for iri in iris]
            common = {
                "clients": args.clients,
                "requests": args.requests,
                "max_seconds": args.max_seconds,
            }
            report("SPARQL lookup (JSON)", run_phase(port, lookups, **common))
            report("resource page (HTML)", run_phase(port, pages, **common))
            conn = http.client.HTTPConnection(HOST, port, timeout=args.deadline + 30)
            t0 = time.monotonic()
            conn.request("GET", "/sparql?" + urlencode({"query": SLOW}))
            response = conn.getresponse()
            body = response.read().decode("utf-8", "replace").strip()
            print(
                f"over the deadline: HTTP {response.status} after {time.monotonic() - t0:.2f} s "
                f"(deadline {args.deadline:g} s): {body!r}",
                flush=True,
            )
            conn.close()
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
