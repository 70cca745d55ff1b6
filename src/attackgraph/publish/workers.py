"""Render a release's pages in worker processes.

The parent decides which pages a rebuild keeps (:meth:`attackgraph.publish.reuse.Previous.keep`:
their entries come from the manifest) and hands only the others to the workers. Each
worker opens the release's on-disk store read-only (as the union check does) and renders
the pages it is handed, writing their files itself; the parent gets back each page's
manifest entry (:class:`~attackgraph.publish.manifest.Entry`: its files' checksums, the keys
it read, its index entry, its name and types for the lists) in the order of the pages, so
the manifest, the checksums, the index and the lists are the same whatever the number of
workers. A page's bytes do not depend on which process renders it nor on what that process
rendered before: every lookup is a pure function of the store, and the keys a cached
lookup notes are those of its first computation (:mod:`attackgraph.publish.reads`).

The objects the workers inherit from this process (its whole heap: the build's state,
``site``) are shared with it, page for page, until a worker writes to one; the cyclic
garbage collector writes to every object it examines, so a worker's full collection
would copy the whole inherited heap into the worker (the pages stage's memory then grew
by the parent's heap per worker). They are frozen (:func:`gc.freeze`) while the workers
run: no collection examines them.

A worker starts cold (its lookups cache nothing yet) and opens the store: for fewer than
:data:`MIN_TASKS` pages per worker (a rebuild after a small change, a small release) the
pages are rendered in this process, whose lookups are already warm.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from attackgraph.publish.data import ReleaseData
from attackgraph.publish.manifest import Entry

if TYPE_CHECKING:
    from attackgraph.publish.site import Site

Task = tuple[str, str]
"""(kind, IRI) of a page."""
MIN_TASKS: Final = 25
"""Pages per worker below which the pages are rendered in this process."""
CHUNK: Final = 16
"""Pages handed to a worker at once (at most)."""


def render_all(site: Site, out: Path, tasks: Sequence[Task], *, jobs: int) -> Iterator[Entry]:
    """Each task's page rendered under ``out``, its entry yielded in the order of
    ``tasks``, in ``jobs`` processes (in this one for ``jobs`` 1, few pages, or a store
    held in memory)."""
    folder = site.data.folder
    forks = "fork" in multiprocessing.get_all_start_methods()  # workers inherit ``site``
    if jobs <= 1 or len(tasks) < MIN_TASKS * jobs or folder is None or not forks:
        for kind, iri in tasks:
            yield site.render(out, kind, iri)
        return
    chunk = max(1, min(CHUNK, len(tasks) // (jobs * 8)))
    site.data.settle()  # nothing writes the store while the workers open it
    start = multiprocessing.get_context("fork")
    gc.freeze()  # the workers' collections leave the objects they inherit untouched
    try:
        with start.Pool(jobs, initializer=_start, initargs=(site, folder, out)) as pool:
            yield from pool.imap(_render, tasks, chunksize=chunk)
    finally:
        gc.unfreeze()


_WORKER: tuple[Site, Path] | None = None


def _start(site: Site, folder: Path, out: Path) -> None:
    global _WORKER
    site.bind(ReleaseData.opened(folder))
    _WORKER = (site, out)


def _render(task: Task) -> Entry:
    assert _WORKER is not None, "worker not started"
    site, out = _WORKER
    return site.render(out, task[0], task[1])
