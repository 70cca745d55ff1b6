"""Run the per-document map on a Dask distributed cluster (``attackgraph[dask]``).

Converting documents is the only expensive part of a build, and each document is
independent: :func:`ordered_map` sends them to the cluster's workers and yields the
results in input order, so the release is byte-identical to a local build. At most
``window`` tasks are in flight, so neither the cluster nor this process holds more than
that many results. The workers must see the input files (and the build cache folder,
when one is used) at the same paths: a shared filesystem.

>>> next(ordered_map("tcp://127.0.0.1:1", len, ["ab"], timeout="1s"))  # doctest: +ELLIPSIS
Traceback (most recent call last):
attackgraph.cluster.ClusterError: cannot reach the Dask scheduler at tcp://127.0.0.1:1: ...
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, TypeVar

from attackgraph.model import AttackgraphError

T = TypeVar("T")
R = TypeVar("R")

CONNECT_TIMEOUT: Final = "10s"


class ClusterError(AttackgraphError, RuntimeError):
    """The Dask scheduler cannot be used (not installed, unreachable)."""


def ordered_map(
    address: str,
    function: Callable[[T], R],
    items: Iterable[T],
    *,
    window: int = 0,
    timeout: str = CONNECT_TIMEOUT,
) -> Iterator[R]:
    """``function(item)`` for each item, computed on the cluster at ``address``, in order.

    ``window`` is the number of tasks in flight (default: four per worker thread),
    ``timeout`` how long to try to connect. A task that raises re-raises here. Raises
    :class:`ClusterError` when Dask distributed is not installed or the scheduler cannot
    be reached.
    """
    try:
        from distributed import Client
    except ImportError as error:
        raise ClusterError(
            "--scheduler needs Dask distributed: pip install 'attackgraph[dask]'"
        ) from error
    try:
        connect: Callable[..., Any] = Client  # untyped in the package
        client = connect(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {error}") from error
    try:
        threads = sum(client.nthreads().values()) or 1
        window = window or 4 * threads
        pending: deque[Any] = deque()
        for item in items:
            pending.append(client.submit(function, item, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        client.close()
