"""Write the static linked-data pages of a release.

One page per event, actor, place and document at ``id/{kind}/{slug}.html``, with
``.ttl`` and ``.jsonld`` beside it, plus ``index.html`` (events) and lists of documents,
actors and places. See ``links.py`` for the layout and ``views.py`` / ``render.py`` for the pages.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import astuple
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Any, Final

from attackgraph.html.render import STATIC_FILES, static_file
from attackgraph.identifiers import Minter, prefixes_for
from attackgraph.namespaces import AG, GEO, NIF
from attackgraph.publish.alone import AlonePages
from attackgraph.publish.data import CACHE_SIZE, EVENT_CLASSES, ReleaseData
from attackgraph.publish.describe import JsonLd, dumps, script_json, sort_triples, to_turtle
from attackgraph.publish.files import write_bytes
from attackgraph.publish.index import conflict_pages, index_pages, list_pages
from attackgraph.publish.links import PAGE_KINDS, SiteMap, StaticContext, anchor
from attackgraph.publish.manifest import Entry, Manifest
from attackgraph.publish.ontology import Ontology
from attackgraph.publish.parts import (
    EMBED_LIMIT,
    TEXTS,
    doc_layout,
    pager,
    part_pages,
    part_path,
    with_incoming,
)
from attackgraph.publish.render import EventSummary, event_summary, page
from attackgraph.publish.reuse import Previous
from attackgraph.publish.views import Views, doc_claims
from attackgraph.publish.workers import Task, render_all

RESOURCE_ROOT: Final = "../../"
ASSETS: Final = "assets"
"""The release folder of the pages' stylesheet and scripts."""
_TABLE_TITLES: Final = {"doc": "Claims read in this document", "actor": "Claims made"}
"""The heading of the claims table on a page's later parts (by kind)."""
_CLAIMING: Final = (AG.assertsFigure, AG.evidence)
"""How a claim points at a figure or a span it shows (:class:`Owners`)."""
_LISTS: Final = (
    ("doc", "documents.html", "Documents"),
    ("actor", "actors.html", "Actors"),
    ("place", "places.html", "Places"),
)


def kind_of(iri: str, instance_ns: str) -> str | None:
    """The kind of a minted IRI (``event``, ``place`` ...), else None.

    >>> kind_of("https://e/id/event/x", "https://e/id/"), kind_of("https://f/x", "https://e/id/")
    ('event', None)
    """
    if not iri.startswith(instance_ns):
        return None
    kind, _, slug = iri[len(instance_ns) :].partition("/")
    return kind if slug and "/" not in slug else None


class Site:
    """Everything needed to write the pages of one release."""

    def __init__(self, data: ReleaseData, ontology: Ontology, *, base: str) -> None:
        self.ontology, self.base = ontology, base
        self.prefixes = prefixes_for(base)
        self.instance_ns = Minter(base).prefix
        self.jsonld = JsonLd(self.instance_ns)
        self.by_kind: dict[str, list[str]] = {kind: [] for kind in PAGE_KINDS}
        for iri in data.typed_subjects():
            kind = kind_of(iri, self.instance_ns)
            if kind in self.by_kind:
                self.by_kind[kind].append(iri)
        for iris in self.by_kind.values():
            iris.sort()
        self.digests: dict[str, str] = {}
        """Release path -> SHA-256 of each page file written (after :meth:`write`)."""
        self.kept = 0
        """Pages taken from the previous release by :meth:`write`."""
        self.events: list[EventSummary] = []
        """The events on the index (after :meth:`write`): not sites, not wars."""
        self.conflicts: list[EventSummary] = []
        self.layouts: dict[str, dict[str, int]] = {}
        """The layouts of the document pages kept from the previous release (by
        :meth:`write`) or rendered in this process, which links into them read instead
        of computing them again."""
        self.alone: AlonePages | None = None
        """The document pages rendered while their documents were converted, taken
        by :meth:`render` where the release reads the same (None: none)."""
        self.bind(data)

    def bind(self, data: ReleaseData) -> None:
        """Read the release from ``data`` from now on (a worker process binds its own
        read-only store)."""
        self.data = data
        pages = Pages(data, self.instance_ns)
        self.owners = Owners(data, pages, self.instance_ns, self.layouts)
        self.map = SiteMap(
            self.base.rstrip("/"),
            pages,
            self.owners,
            self.ontology.terms,
            remember=lambda find: data.reads.cached(find, CACHE_SIZE),
        )
        self._label = data.reads.cached(self._find_label, CACHE_SIZE)
        self._top = self.context("")
        self._views = Views(data, self.context(RESOURCE_ROOT), self.label)
        self._top_views = Views(data, self._top, self.label)

    def context(self, root: str) -> StaticContext:
        return StaticContext(self.map.base, self.prefixes, site=self.map, root=root)

    def label(self, iri: str | None) -> str:
        """A name for an IRI: its schema:name, its ontology label, else a CURIE."""
        return "" if iri is None else self._label(iri)

    def _find_label(self, iri: str) -> str:
        return (
            self.data.label(iri)
            or self.ontology.labels.get(iri)
            or self._side_label(iri)
            or self._top.curie(iri)
        )

    def _side_label(self, iri: str) -> str | None:
        """``side N: member, member`` for a side (sides have no name)."""
        if not self.data.is_a(iri, AG.Side):
            return None
        node, label = self.data.union_node(iri), self.data.label
        return f"side {node.integer(AG.sideNumber) or '?'}: " + ", ".join(
            label(m) or m.rsplit("/", 1)[-1] for m in node.iris(AG.member)
        )

    @staticmethod
    def write_assets(out: Path) -> None:
        """The pages' stylesheet and scripts, under ``assets/``."""
        for name in STATIC_FILES:
            write_bytes(out / ASSETS / name, static_file(name))

    def write(
        self,
        out: Path,
        *,
        version: str,
        previous: Previous | None = None,
        manifest: Manifest | None = None,
        jobs: int = 1,
    ) -> dict[str, int]:
        """Write every page under ``out``, in ``jobs`` processes; return the number of
        pages per kind. A page that ``previous`` can keep is linked from the old release
        instead of rendered (it stays in ``manifest``, carried from the previous build),
        each page rendered is noted in ``manifest`` and the pages gone are dropped from it
        (see :mod:`attackgraph.publish.reuse`); so are the index pages and the lists.
        :attr:`digests` then holds the SHA-256 of every page file. The files are the same
        whatever ``jobs`` is."""
        events, conflicts = self.events, self.conflicts
        events.clear()
        conflicts.clear()
        facets: dict[str, dict[str, Any]] = {}
        rows: dict[str, tuple[str, str]] = {}
        tasks = [(kind, iri) for kind, iris in self.by_kind.items() for iri in iris]
        kept = self._keep(out, tasks, previous)
        rendered = render_all(self, out, [t for t in tasks if t[1] not in kept], jobs=jobs)
        for iri, entry in _in_order(tasks, kept, rendered):
            index = entry.index
            self.digests.update(entry.files)
            rows[iri] = (entry.name, entry.types)
            if manifest is not None and iri not in kept:
                manifest.add(iri, entry)
            if index is None:
                continue
            summary = EventSummary(*index["summary"])
            if index["role"] == "conflict":
                conflicts.append(summary)
            elif index["role"] == "event":
                events.append(summary)
                facets[iri] = index["facets"]
        if manifest is not None:
            manifest.retain({iri for _, iri in tasks})
        counts = {f"{k}s" if k != "doc" else "documents": len(v) for k, v in self.by_kind.items()}
        shown = [[astuple(e) for e in events], [astuple(c) for c in conflicts], facets]
        front = partial(
            index_pages, events, conflicts, self._top, self.label, version=version,
            counts=counts, facets=facets,
        )  # fmt: skip
        self._group(out, "index", [version, counts, shown], front, previous, manifest)
        listed = [*self.by_kind.values(), [c.iri for c in conflicts]]
        lists = partial(self._lists, listed[-1], rows)
        self._group(out, "lists", [listed, [rows[i] for i in chain(*listed)]], lists,
                    previous, manifest)  # fmt: skip
        return {kind: len(iris) for kind, iris in self.by_kind.items()}

    def _lists(
        self, wider: list[str], rows: Mapping[str, tuple[str, str]]
    ) -> Iterator[tuple[str, bytes]]:
        """The lists of documents, actors, places and wider conflicts (``wider``), their
        rows' names and types from ``rows``."""
        name_of, kinds = (lambda iri: rows[iri or ""][0]), (lambda iri: rows[iri or ""][1])
        top = self._top
        for kind, first, title in _LISTS:
            yield from list_pages(first, title, self.by_kind[kind], top, name_of, kinds)
        yield from conflict_pages(wider, top, name_of, kinds)

    def _group(
        self,
        out: Path,
        name: str,
        rows: Any,
        pages: Callable[[], Iterable[tuple[str, bytes]]],
        previous: Previous | None,
        manifest: Manifest | None,
    ) -> None:
        """Write the pages ``pages`` gives (file name, content) from ``rows`` (JSON
        values: what they list), or keep those of the previous release rendered from the
        same rows when they read nothing that changed (:meth:`Previous.keep_group`)."""
        inputs = hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()
        kept = None if previous is None else previous.keep_group(name, inputs, out)
        if kept is not None:  # its row, carried with the manifest, stays as it is
            self.digests.update(kept)
            return
        with self.data.reads.frame() as read:
            written = list(pages())
        for path, content in written:
            self._write(out, path, content)
        if manifest is not None:
            files = {path: self.digests[path] for path, _ in written}
            manifest.group(name, inputs, read.joined(), files)

    def _keep(self, out: Path, tasks: list[Task], previous: Previous | None) -> dict[str, Entry]:
        """The pages ``previous`` keeps (their files linked under ``out``), by IRI."""
        if previous is None:
            return {}
        kept = {iri: e for _, iri in tasks if (e := previous.keep(iri, out)) is not None}
        self.kept += len(kept)
        self.layouts.update((iri, e.layout) for iri, e in kept.items() if e.layout is not None)
        return kept

    def render(self, out: Path, kind: str, iri: str) -> Entry:
        """One resource's page and twins, written under ``out``; its manifest entry.
        A document page rendered from its document's graph alone while the document
        was converted (:attr:`alone`) is taken instead when the release answers every
        read it made the same."""
        if self.alone is not None and kind == "doc":
            entry = self.alone.take(iri, self.data, out)
            if entry is not None:
                if entry.layout is not None:
                    self.layouts[iri] = entry.layout
                return entry
        bodies, entry = self.render_bodies(kind, iri)
        for name, body in bodies:
            write_bytes(out / name, body)
        return entry

    def render_bodies(self, kind: str, iri: str) -> tuple[list[tuple[str, bytes]], Entry]:
        """One resource's page and twins (release path, bytes); its manifest entry."""
        with self.data.reads.frame() as read:
            bodies, index, layout = self._resource(kind, iri, self._views, self._top_views)
            name, types = self.label(iri), self._types(iri)
        files = {path: hashlib.sha256(body).hexdigest() for path, body in bodies}
        return bodies, Entry(files, read.joined(), index, name, types, layout)

    def _write(self, out: Path, name: str, content: bytes) -> None:
        write_bytes(out / name, content)
        self.digests[name] = hashlib.sha256(content).hexdigest()

    # --- one resource -----------------------------------------------------------------

    def _resource(
        self, kind: str, iri: str, views: Views, top_views: Views
    ) -> tuple[list[tuple[str, bytes]], dict[str, Any] | None, dict[str, int] | None]:
        """Render one resource's page and its Turtle and JSON-LD; return their paths with
        their bytes, what the index shows of it (None: not an event) and a document
        page's layout (None for other pages), which the links into the document read
        from then on instead of computing it again (:class:`Owners`)."""
        data = self.data
        quads = data.outgoing(iri)
        node = data.node(iri, quads)
        path = self.map.page_path(iri)
        assert path is not None
        stem = path.rsplit("/", 1)[-1][: -len(".html")]
        others = self._members(kind, iri)[1:]  # the first is ``iri``, read above
        triples = sort_triples(  # the same distinct triples as the members' graphs hold
            (q.triple for q in chain(quads, *(data.stated(m) for m in others))), iri
        )
        jsonld = dumps(self.jsonld.document(triples))
        summary = getattr(views, kind)(iri, node)
        more, whole = summary.pop("more", []), summary.pop("whole_text", "")
        layout: dict[str, int] | None = summary.pop("layout", None)
        if layout is not None:
            self.layouts[iri] = layout
        title = self.label(iri)
        bodies = []
        text_file = ""
        if more and kind == "doc":
            bodies.append((f"{TEXTS}/{stem}.txt", whole.encode("utf-8")))
            text_file = views.ctx.href(bodies[-1][0])
        generic = views.generic(iri, quads)
        more = with_incoming(more, generic.pop("incoming_parts"))
        content = page(
            views.ctx,
            f"{kind}.html",
            title,
            stem=stem,
            jsonld=script_json(jsonld) if len(jsonld) <= EMBED_LIMIT else "",
            iri=iri,
            types=[views.link(t) for t in data.types.get(iri, ())],
            pager=pager(path, len(more) + 1, 1),
            text_file=text_file,
            **summary,
            **generic,
        )
        table_title = _TABLE_TITLES.get(kind, "Who said what")
        bodies += part_pages(
            views.ctx, path, title=title, iri=iri, table_title=table_title, more=more,
            text_file=text_file,
        )  # fmt: skip
        files = [
            (path, content),
            (path[: -len(".html")] + ".ttl", to_turtle(triples, self.prefixes)),
            (path[: -len(".html")] + ".jsonld", jsonld.encode("utf-8")),
            *bodies,
        ]
        is_event = any(t in EVENT_CLASSES for t in data.types.get(iri, ()))
        if kind != "event" or not is_event:
            return files, None, layout
        event = event_summary(data, iri, node)
        index: dict[str, Any] = {"summary": list(astuple(event)), "facets": None}
        if AG.ArmedConflict.value in data.types.get(iri, ()):
            index["role"] = "conflict"
        elif self._is_site(iri):
            index["role"] = "site"
        else:
            index["role"] = "event"
            index["facets"] = self._facets(event, top_views)
        return files, index, layout

    def _facets(self, e: EventSummary, views: Views) -> dict[str, Any]:
        """What the index filters and maps an event by: year, country, actors, types,
        searchable text and map points (linking to the event's page)."""
        node = self.data.node(e.iri)
        actors = [
            self.label(a) for p in (AG.perpetrator, AG.participant, AG.target) for a in node.iris(p)
        ]
        types = [self.label(t) for t in node.iris(AG.eventType)]
        country = self.label(e.country) if e.country else ""
        href = self._top.local_path(e.iri) or ""
        return {
            "year": e.date[:4],
            "country": country,
            "actors": sorted(set(actors)),
            "types": sorted(set(types)),
            "text": " ".join([e.name, country, *actors, *types]).lower(),
            "points": views.points(views.event_places(e.iri, node), href=href, name=e.name),
        }

    def _members(self, kind: str, iri: str) -> list[str]:
        """The nodes whose statements make up the resource's description."""
        data = self.data
        members = [iri]
        claims = []
        if kind == "event":
            members += data.sides.get(iri, [])
            about = [iri]
            if AG.ArmedConflict.value not in data.types.get(iri, ()):
                about += data.parts.get(iri, [])
            claims = [c for e in about for c in data.claims_about.get(e, ())]
        elif kind == "doc":
            claims = list(data.claims_in.get(iri, ()))
        elif kind == "place" and iri in data.geometry:
            members.append(data.geometry[iri])
        for claim in claims:
            members.append(claim.iri)
            members += [f.iri for f in claim.figures] + [q.iri for q in claim.quotes]
        return list(dict.fromkeys(members))

    def _is_site(self, iri: str) -> bool:
        """A sub-event at one site of an attack (part of an event that is not a war)."""
        parents = self.data.union_node(iri).iris(AG.partOf)
        return any(not self.data.is_a(parent, AG.ArmedConflict) for parent in parents)

    def _types(self, iri: str | None) -> str:
        return ", ".join(self.label(t) for t in self.data.types.get(iri or "", ()))


def _in_order(
    tasks: list[Task], kept: dict[str, Entry], rendered: Iterator[Entry]
) -> Iterator[tuple[str, Entry]]:
    """Each task's IRI and entry: kept, else the next one ``rendered`` (which yields
    the other tasks' entries in order and is then run to its end)."""
    for _, iri in tasks:
        yield iri, kept.get(iri) or next(rendered)
    for _ in rendered:
        raise RuntimeError("more pages rendered than asked for")


class Pages(Container[str]):
    """The IRIs that have a page: typed resources of the kinds in ``PAGE_KINDS``, looked
    up (and noted as read) one by one."""

    def __init__(self, data: ReleaseData, instance_ns: str) -> None:
        self.data, self.instance_ns = data, instance_ns

    def __contains__(self, iri: object) -> bool:
        return (
            isinstance(iri, str)
            and kind_of(iri, self.instance_ns) in PAGE_KINDS
            and iri in self.data.types
        )


class Owners(Mapping[str, str]):
    """Where resources without a page of their own are shown (see ``links.py``), looked
    up link by link: a claim, its figures and quotes on the first document page (in
    IRI order) that reports the claim, a side on its first event's page, a geometry on
    its place's page. Only :meth:`__contains__` and :meth:`__getitem__` are answered,
    each computed anew: :class:`~attackgraph.publish.links.SiteMap` asks once a link
    target and caches the target.
    """

    def __init__(
        self,
        data: ReleaseData,
        pages: Container[str],
        instance_ns: str,
        kept: Mapping[str, dict[str, int]],
    ) -> None:
        """``kept``: the layouts of document pages kept from the previous release (a
        kept page read nothing that changed, so its layout is still its layout) or
        rendered in this process (their view's layout: the one computed here)."""
        self.data, self.pages, self.instance_ns = data, pages, instance_ns
        self.kept = kept
        self._find = self._owner  # asked once a link target, and the targets are cached
        self.layout = data.reads.cached(self._doc_layout, CACHE_SIZE)
        """A document page's layout (:func:`~attackgraph.publish.parts.doc_layout`)."""

    def __contains__(self, iri: object) -> bool:
        return isinstance(iri, str) and self._find(iri) is not None

    def __getitem__(self, iri: str) -> str:
        found = self._find(iri)
        if found is None:
            raise KeyError(iri)
        return found

    def __iter__(self) -> Iterator[str]:
        raise TypeError("the owners of a release are looked up, not listed")

    def __len__(self) -> int:
        raise TypeError("the owners of a release are looked up, not counted")

    def _page(self, iri: str) -> str:
        return f"id/{iri[len(self.instance_ns) :]}.html"

    def _doc_layout(self, doc: str) -> dict[str, int]:
        """The part of the document's page showing each claim, figure and span. It
        follows from the document's own statements (its text: its claims, their figures
        and spans are read from it), so only they are noted as read, not each claim (a
        page linking into a document of thousands of claims would note them all). A
        kept page's layout is taken as it was (the same key noted)."""
        known = self.kept.get(doc)
        if known is not None:
            self.data.reads.note("s", doc)
            return known
        with self.data.reads.instead("s", doc):
            text = self.data.node(doc).text(NIF.isString) or ""
            return doc_layout(len(text), doc_claims(self.data, doc, lean=True))

    def _owner(self, iri: str) -> str | None:
        if iri in self.pages:
            return None
        data = self.data
        claims = [iri] if data.is_a(iri, AG.Claim) else []
        if iri.startswith(self.instance_ns):  # a claim, figure, span, side or geometry:
            found = data.pointing(iri, _CLAIMING)  # few statements point at it, one read
        else:  # an ontology term or an outside IRI: thousands may point at it
            found = [c for p in _CLAIMING for c in data.subjects_with(p, iri)]
        claims += [c for c in found if data.is_a(c, AG.Claim)]
        docs = [d for c in claims for d in data.claim(c).docs if d in self.pages]
        if docs:
            part = self.layout(min(docs)).get(iri, 1)
            return f"{part_path(self._page(min(docs)), part)}#{anchor(iri)}"
        events = [e for e in data.union_node(iri).iris(AG.sideOf) if e in self.pages]
        if events:
            return f"{self._page(min(events))}#{anchor(iri)}"
        places = [
            (min(data.union_node(p).iris(GEO.hasGeometry)), p)
            for p in data.subjects_with(GEO.hasGeometry, iri)
            if p in self.pages and data.geometry.get(p) == iri
        ]
        return self._page(min(places)[1]) if places else None
