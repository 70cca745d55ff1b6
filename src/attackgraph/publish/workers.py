"""Render a release's pages in worker processes.

Each worker opens the release's on-disk store read-only (as the union check does) and
renders the pages it is handed, writing their files itself; the parent gets back what it
needs of each page (:class:`~attackgraph.publish.site.Rendered`: its files' checksums,
its index entry, the keys it read, its name and types for the lists) in the order of the
pages, so the manifest, the checksums, the index and the lists are the same whatever the
number of workers. A page's bytes do not depend on which process renders it nor on what
that process rendered before: every lookup is a pure function of the store, and the keys
a cached lookup notes are those of its first computation
(:mod:`attackgraph.publish.reads`).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from attackgraph.publish.data import ReleaseData
from attackgraph.publish.reuse import Previous

if TYPE_CHECKING:
    from attackgraph.publish.site import Rendered, Site

Task = tuple[str, str]
"""(kind, IRI) of a page."""
MIN_TASKS: Final = 4
"""Pages per worker below which the pages are rendered in this process."""
CHUNK: Final = 16
"""Pages handed to a worker at once (at most)."""


def render_all(
    site: Site, out: Path, tasks: Sequence[Task], *, previous: Previous | None, jobs: int
) -> Iterator[Rendered]:
    """Each task's page, in the order of ``tasks``, rendered in ``jobs`` processes (in
    this one for ``jobs`` 1 or few pages, or a store held in memory)."""
    folder = site.data.folder
    forks = "fork" in multiprocessing.get_all_start_methods()  # workers inherit ``site``
    if jobs <= 1 or len(tasks) < MIN_TASKS * jobs or folder is None or not forks:
        for kind, iri in tasks:
            yield site.render(out, kind, iri, previous)
        return
    chunk = max(1, min(CHUNK, len(tasks) // (jobs * 8)))
    site.data.flush()
    start = multiprocessing.get_context("fork")
    with start.Pool(jobs, initializer=_start, initargs=(site, folder, out, previous)) as pool:
        yield from pool.imap(_render, tasks, chunksize=chunk)


_WORKER: tuple[Site, Path, Previous | None] | None = None


def _start(site: Site, folder: Path, out: Path, previous: Previous | None) -> None:
    global _WORKER
    site.bind(ReleaseData.opened(folder))
    if previous is not None:
        previous.reopen()
    _WORKER = (site, out, previous)


def _render(task: Task) -> Rendered:
    assert _WORKER is not None, "worker not started"
    site, out, previous = _WORKER
    return site.render(out, task[0], task[1], previous)
