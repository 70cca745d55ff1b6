"""The union conforms: documents merged into one dataset keep the shapes' promises.

Each document's graph conforms on its own, but the published dataset is their union: an
actor, place or event named by two documents is one node there. Documents are added in
input order (so the result does not depend on ``--jobs``), and where a later document
disagrees with an earlier one on a property the shapes allow only once
(``sh:maxCount 1``, read from the shapes themselves):

- a different ``schema:name`` becomes a ``schema:alternateName`` (one name per thing);
- an event whose date or country is not compatible with the same-named event of an
  earlier document (another date, a date where the other has a range, another
  country) is not merged: the
  later document's event, with its sides and sub-events, gets its own IRI (the first
  one's plus a short hash of the document), so two attacks that share a title stay two
  attacks. They are compatible when equal, or when one document states none;
- any other single value (a place's ``ag:containedIn``, an actor's ``ag:actorType``,
  coordinates ...) stays as the first document stated it; each document's value is
  published as a claim of that document, with its evidence (:mod:`attackgraph.disputes`),
  or, when the later document never names the thing, left out of the union and reported
  as a warning ``file:1: union/conflict``.

:meth:`Union.verify` then runs the shapes themselves on the published union (read back
from the N-Quads dump, one document's neighbourhood at a time, so memory stays bounded:
:mod:`attackgraph.validate.dataset`); when the union breaks one, :meth:`Union.culprits`
names the documents to leave out, and the build converts the others again into a new
union and publishes that. :meth:`Union.report_text` says
what was checked, found and left out, for ``validation-report.txt``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, astuple, dataclass, fields
from pathlib import Path
from typing import Any, Final

import pyoxigraph as ox

from attackgraph.disputes import Disputes, DocumentView
from attackgraph.identifiers import Minter
from attackgraph.model import AttackgraphError, Problem
from attackgraph.namespaces import AG, DEFAULT_BASE, RDF, SCHEMA
from attackgraph.union_state import First, UnionState, term_of
from attackgraph.validate import Validator, shipped_validator
from attackgraph.validate.dataset import DatasetReport, validate_dataset
from attackgraph.validate.single_valued import single_valued

SHARED_KINDS: Final = ("event", "side", "actor", "place", "geometry")
"""Kinds of instances that several documents may describe (the others carry the
document's slug in their IRI)."""
EVENT_CLASSES: Final = frozenset(c.value for c in (AG.Event, AG.Attack, AG.ArmedConflict))
IDENTITY_PROPERTIES: Final = (AG.date.value, AG.startDate.value, AG.endDate.value, AG.country.value)
"""The facts that decide whether two documents' events of one title are one event."""
CONFLICT_RULE: Final = "union/conflict"
SHAPES_RULE: Final = "union/shapes"
"""A document left out because its union with others breaks a shape."""

_Signature = tuple[str | None, ...]
_CHANGING: Final = frozenset(("alternate_names", "disputed", "conflicts"))
"""Stats of a merge that changes the document's quads (a rename of its events too)."""


class UnionError(AttackgraphError):
    """The published union breaks the shapes and leaving documents out did not mend it
    (never published: the build stops and keeps the previous release)."""


@dataclass
class UnionStats:
    """What :class:`Union` did, for the report."""

    documents: int = 0
    shared: int = 0
    """Things described by more than one document."""
    alternate_names: int = 0
    events_apart: int = 0
    disputed: int = 0
    conflicts: int = 0


class Union:
    """Adds documents' quads one document at a time; see the module docstring.

    >>> m, union = Minter(), Union()
    >>> def doc(n, name, date):
    ...     g, e = m.document(f"d{n}"), m.event("raid")
    ...     return [ox.Quad(e, RDF.type, AG.Attack, g),
    ...             ox.Quad(e, SCHEMA.name, ox.Literal(name), g),
    ...             ox.Quad(e, AG.date, ox.Literal(date), g)]
    >>> _ = union.add(doc(1, "Raid", "2020"), "d1.txt")
    >>> quads, _ = union.add(doc(2, "The raid", "2020"), "d2.txt")
    >>> [q.predicate.value.rsplit("/", 1)[1] for q in quads if q.object.value == "The raid"]
    ['alternateName']
    >>> quads, _ = union.add(doc(3, "Raid", "2021"), "d3.txt")
    >>> sorted({q.subject.value.rsplit("/", 1)[1] for q in quads})
    ['raid-58dc2bc4']
    """

    def __init__(
        self,
        base: str = DEFAULT_BASE,
        shapes: Path | None = None,
        extra_shapes: tuple[Path, ...] = (),
    ) -> None:
        self.single = single_valued(shapes)
        self.shapes, self.extra_shapes = shapes, extra_shapes
        """Extra shapes files are checked by :meth:`verify`, never mended by the merge rules
        above (which follow ``shapes``, the shipped ones by default)."""
        self.minter = Minter(base)
        prefix = self.minter.prefix
        self.prefixes = tuple(f"{prefix}{kind}/" for kind in SHARED_KINDS)
        self.event_prefix, self.side_prefix = f"{prefix}event/", f"{prefix}side/"
        self.state = UnionState()
        """What earlier documents said (on disk); the current document's part of it is
        loaded into the next four while it is added."""
        self.types: dict[str, set[str]] = {}
        self.values: dict[tuple[str, str], First] = {}
        """(subject, property) -> the first value, its file, its graph, the term."""
        self.variants: dict[str, list[list[object]]] = {}
        self.seen_in: dict[str, int] = {}
        self.disputes = Disputes(self.minter, self.state)
        self.stats = UnionStats()
        self.failures: list[str] | None = None
        self.checked: DatasetReport | None = None
        self.left_out: list[Problem] = []
        """Documents left out of this union because, with others, they broke a shape
        (set by the build, for the report)."""
        self.trace: dict[str, Any] | None = None
        """What the last :meth:`add` with ``record`` read and wrote (see :meth:`replay`)."""
        self.looked: set[tuple[str, str]] | None = None
        """The first values the document being recorded looked up."""

    def add(
        self, quads: list[ox.Quad], source: str, *, record: bool = False
    ) -> tuple[list[ox.Quad], list[Problem]]:
        """The document's quads as they go into the union, and its warnings. With
        ``record``, what the merge read and wrote is kept in :attr:`trace` (None when the
        document cannot be replayed: see :meth:`replay`)."""
        before = (astuple(self.stats), self.disputes.claims)
        self.trace = None
        self.state.log, self.state.replayable = ([] if record else None), True
        self.looked = set() if record else None
        try:
            out, problems, renamed = self._add(quads, source)
        finally:
            log, self.state.log = self.state.log, None
        if log is not None and self.state.replayable and self.disputes.claims == before[1]:
            self.trace = self._traced(log, before[0], out, renamed, problems)
        return out, problems

    def _add(self, quads: list[ox.Quad], source: str) -> tuple[list[ox.Quad], list[Problem], bool]:
        self.stats.documents += 1
        shared = self._shared_types(quads)
        self.variants = self.state.variants(s for s in shared if s.startswith(self.event_prefix))
        renames = self._event_renames(quads, shared)
        self.state.save_variants(self.variants)
        if renames:
            quads = [_renamed(q, renames) for q in quads]
            shared = self._shared_types(quads)
        self.types, self.seen_in = self.state.things(shared)
        self.values = self.state.firsts(shared)
        known = set(self.values)
        for subject, types in shared.items():
            self.types.setdefault(subject, set()).update(types)
            self.seen_in[subject] = self.seen_in.get(subject, 0) + 1
            if self.seen_in[subject] == 2:
                self.stats.shared += 1
        self.state.save_things(self.types, self.seen_in)
        self.disputes.begin(DocumentView(self.minter, quads))
        out: list[ox.Quad] = []
        problems: list[Problem] = []
        single = self._single_of(shared)
        for quad in quads:
            allowed = single.get(_iri(quad.subject))
            if allowed is not None and quad.predicate.value in allowed:
                self._check(quad, source, out, problems)
            else:
                out.append(quad)  # not a single value: nothing to check
        self.state.save_firsts({k: v for k, v in self.values.items() if k not in known})
        return out, problems, bool(renames)

    # -- replaying a recorded merge -----------------------------------------------
    def _traced(
        self,
        log: list[tuple[Any, ...]],
        before: tuple[int, ...],
        out: list[ox.Quad],
        renamed: bool,
        problems: list[Problem],
    ) -> dict[str, Any] | None:
        """The trace of the document just added (see :meth:`replay`), from the state's
        log: each read's keys and rows (a thing's document count only as 0, 1 or more;
        of the first values, only those the merge looked up), each table's rows written,
        in order (replayed as one statement a table; a thing's count as the one added),
        the stats it added, its warnings, and its
        quads as they went into the union when they differ from the document's."""
        stats = [after - was for after, was in zip(astuple(self.stats), before, strict=True)]
        looked = self.looked or set()
        reads: list[list[Any]] = []
        writes: dict[str, list[Any]] = {}  # by table, in order: one statement a table
        for entry in log:
            if entry[0] == "read":
                _, table, keys, rows = entry
                if table == "things":
                    rows = [(s, types, min(n, 2)) for s, types, n in rows]
                elif table == "firsts":
                    keys = sorted(looked)
                    rows = [r for r in rows if (r[0], r[1]) in looked]
                reads.append([table, keys, _ordered(rows)])
            else:
                _, table, rows = entry
                if table == "things":
                    rows = [(s, types) for s, types, _ in rows]
                writes.setdefault(table, []).extend(rows)
        changed = renamed or any(
            added for f, added in zip(fields(self.stats), stats, strict=True) if f.name in _CHANGING
        )
        text = ox.serialize(out, format=ox.RdfFormat.N_QUADS) if changed else None
        return {
            "reads": reads,
            "writes": [[table, rows] for table, rows in writes.items()],
            "stats": stats,
            "problems": [asdict(p) for p in problems],
            "out": None if text is None else text.decode("utf-8"),
        }

    def replay(self, trace: Mapping[str, Any]) -> tuple[bytes | None, list[Problem]] | None:
        """Add a document as its recorded merge did, when every read of the union's state
        gives the answer it gave then (the same rows; a thing's document count the same
        0, 1 or more; the same first values where they were looked up): the recorded
        writes are made again (a thing's count raised by one) and the stats and warnings
        taken as recorded. Returns the quads as they go into the union, as N-Quads text,
        or None when they are the document's own (unchanged), and the warnings; None
        when a read differs (nothing is then changed: merge the document with
        :meth:`add`). A document whose merge wrote claims of a disagreement has no
        trace (its merge reads and changes other documents' rows).

        >>> m, union, again = Minter(), Union(), Union()
        >>> def doc(n, name):
        ...     g, e = m.document(f"d{n}"), m.event("raid")
        ...     return [ox.Quad(e, RDF.type, AG.Attack, g),
        ...             ox.Quad(e, SCHEMA.name, ox.Literal(name), g)]
        >>> traces = []
        >>> for n, name in enumerate(["Raid", "The raid"]):
        ...     _ = union.add(doc(n, name), f"d{n}.txt", record=True)
        ...     traces.append(union.trace)
        >>> again.replay(traces[1]) is None  # d0 is not in this union yet
        True
        >>> again.replay(traces[0]), again.replay(traces[1])[0].count(b"alternateName")
        ((None, []), 1)
        >>> again.stats == union.stats
        True
        """
        state, seen = self.state, dict[str, int]()
        for table, keys, rows in trace["reads"]:
            if table == "firsts":
                pairs = {(s, p) for s, p in keys}
                found = state.rows(table, {s for s, _ in keys})
                found = [r for r in found if (r[0], r[1]) in pairs]
            else:
                found = state.rows(table, keys)
                if table == "things":
                    seen.update((s, n) for s, _, n in found)
                    found = [(s, types, min(n, 2)) for s, types, n in found]
            if _ordered(found) != [tuple(r) for r in rows]:
                return None
        for table, rows in trace["writes"]:
            if table == "things":
                state.write(table, [(s, types, seen.get(s, 0) + 1) for s, types in rows])
            else:
                state.write(table, [tuple(r) for r in rows])
        for field, added in zip(fields(self.stats), trace["stats"], strict=True):
            setattr(self.stats, field.name, getattr(self.stats, field.name) + added)
        out = trace["out"]
        problems = [Problem(**p) for p in trace["problems"]]
        return (None if out is None else out.encode("utf-8")), problems

    def _single_of(self, shared: Mapping[str, set[str]]) -> dict[str, frozenset[str]]:
        """The single-valued properties of each shared thing of the document (by its
        classes, earlier documents' included), for the things that have any."""
        found: dict[str, frozenset[str]] = {}
        for subject in shared:
            allowed = frozenset().union(*(self.single.get(c, ()) for c in self.types[subject]))
            if allowed:
                found[subject] = allowed
        return found

    # -- identities of events ------------------------------------------------
    def _shared_types(self, quads: Iterable[ox.Quad]) -> dict[str, set[str]]:
        shared: dict[str, set[str]] = {}
        for quad in quads:
            subject = _iri(quad.subject)
            if subject.startswith(self.prefixes):
                types = shared.setdefault(subject, set())
                if quad.predicate == RDF.type:
                    types.add(_iri(quad.object))
        return shared

    def _event_renames(
        self, quads: list[ox.Quad], shared: dict[str, set[str]]
    ) -> dict[str, ox.NamedNode]:
        events = sorted(
            (s for s, types in shared.items() if types & EVENT_CLASSES), key=lambda s: (len(s), s)
        )
        if not events:
            return {}
        dates: dict[str, dict[str, str]] = {}
        for quad in quads:
            if quad.predicate.value in IDENTITY_PROPERTIES and _iri(quad.subject) in shared:
                dates.setdefault(_iri(quad.subject), {})[quad.predicate.value] = _iri(quad.object)
        graph = _iri(quads[0].graph_name) if quads else ""
        renames: dict[str, ox.NamedNode] = {}
        for event in events:
            if event in renames:
                continue  # renamed with its main event
            signature = tuple(dates.get(event, {}).get(p) for p in IDENTITY_PROPERTIES)
            target = self._variant(event, signature, graph)
            if target != event:
                self.stats.events_apart += 1
                renames.update(self._family(event, target, shared))
        return renames

    def _variant(self, event: str, signature: _Signature, graph: str) -> str:
        """The IRI the event of this signature has in the union (registering it)."""
        variants = self.variants.setdefault(event, [])
        for variant in variants:
            known: _Signature = variant[0]  # type: ignore[assignment]
            if _compatible(known, signature):
                variant[0] = _merged(known, signature)
                return str(variant[1])
        target = event if not variants else f"{event}-{_digest(graph)}"
        variants.append([signature, target])
        return target

    def _family(
        self, event: str, target: str, shared: dict[str, set[str]]
    ) -> dict[str, ox.NamedNode]:
        """The event and its sides and sub-events (IRIs that extend its slug), renamed."""
        slug, new = event[len(self.event_prefix) :], target[len(self.event_prefix) :]
        renames = {event: ox.NamedNode(target)}
        for iri in shared:
            for prefix in (self.event_prefix, self.side_prefix):
                if iri.startswith(f"{prefix}{slug}-"):
                    renames[iri] = ox.NamedNode(f"{prefix}{new}{iri[len(prefix) + len(slug) :]}")
        return renames

    # -- single values ---------------------------------------------------------
    def _check(
        self, quad: ox.Quad, source: str, out: list[ox.Quad], problems: list[Problem]
    ) -> None:
        """Add ``quad`` to ``out`` as it goes into the union, with the claims of a
        disagreement, or report it left out."""
        subject, predicate = _iri(quad.subject), quad.predicate.value
        types = self.types.get(subject, ()) if subject.startswith(self.prefixes) else ()
        if not any(predicate in self.single.get(cls, ()) for cls in types):
            out.append(quad)
            return
        value, term = _text(quad.object), quad.object
        first = self.values.get((subject, predicate))
        if self.looked is not None:
            self.looked.add((subject, predicate))
        if first is None and isinstance(term, ox.NamedNode | ox.Literal):
            self.values[(subject, predicate)] = (value, source, _iri(quad.graph_name), term)
            self.disputes.first(subject)
        if first is None or first[0] == value:
            out.append(quad)
            return
        if quad.predicate == SCHEMA.name:
            self.stats.alternate_names += 1
            out.append(ox.Quad(quad.subject, SCHEMA.alternateName, quad.object, quad.graph_name))
            return
        claims = self.disputes.disagree(
            quad, first[2], first[3] if first[3] is not None else term_of(first[0])
        )
        if claims is not None:
            self.stats.disputed += 1
            out.extend(claims)
            return
        self.stats.conflicts += 1
        problems.append(
            Problem(
                source,
                1,
                CONFLICT_RULE,
                f"<{subject}> <{predicate}> is {_short(value)} here but {_short(first[0])} "
                f"in {first[1]}; the union keeps the first",
            )
        )

    def verify(
        self,
        dump: Path,
        *,
        workdir: Path | None = None,
        jobs: int = 1,
        previous: Path | None = None,
        keep: Path | None = None,
        previous_digest: str | None = None,
    ) -> list[str]:
        """Run the shapes on the published union (the N-Quads ``dump``), one document's
        neighbourhood at a time in ``jobs`` processes (see
        :mod:`attackgraph.validate.dataset`), and list each violation on one line (empty:
        the union conforms). ``workdir`` holds the temporary index; ``previous``, the dump
        of a union that conformed, limits the check to what changed since; ``keep`` and
        ``previous_digest``: where the union's index stays between builds, and the
        SHA-256 of ``previous`` (see :func:`~attackgraph.validate.dataset.validate_dataset`).

        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = Path(tmp, "d.nq")
        ...     e = "<https://w3id.org/attackgraph/id/event/x>"
        ...     n = "<https://schema.org/name>"
        ...     t = f"<{RDF.type.value}> <{AG.Attack.value}>"
        ...     _ = path.write_text(f'{e} {t} .\\n{e} {n} "A" .\\n{e} {n} "B" .\\n')
        ...     print("\\n".join(Union().verify(path)))  # doctest: +ELLIPSIS
        focus event:x: path rdf:type: attack or armed conflict is not also typed ag:Event: ...
        focus event:x: path schema:name: event has more than one schema:name: ...
        """
        validator = (
            shipped_validator()
            if self.shapes is None and not self.extra_shapes
            else Validator(self.shapes, extra=self.extra_shapes)
        )
        self.checked = validate_dataset(
            dump,
            validator,
            workdir=workdir,
            jobs=jobs,
            previous=previous,
            keep=keep,
            previous_digest=previous_digest,
        )
        self.failures = [" ".join(v.format_text().split()) for v in self.checked.report.violations]
        return self.failures

    def culprits(self, sources: Mapping[str, str]) -> dict[str, Problem]:
        """After :meth:`verify`: graph IRI -> why to leave that document out, for each
        document that breaks a shape in the union. Of the documents describing a
        violation's neighbourhood, the first (the focus's owner, in IRI order) is kept
        and the others are left out; when no other document is involved, the owner is.
        ``sources`` maps graph IRIs to the files they were read from; the message names
        both documents, at the line of the left-out one that states the fact
        (:attr:`~attackgraph.validate.dataset.DatasetReport.lines`; else line 1).

        >>> Union().culprits({})
        {}
        """
        found: dict[str, Problem] = {}
        if self.checked is None:
            return found
        report, lines = self.checked.report, self.checked.lines
        for n, (violation, involved) in enumerate(
            zip(report.violations, self.checked.involved, strict=True)
        ):
            owner, others = involved[0], involved[1:]
            for graph in others or (owner,):
                iri = _bare(graph)  # the key of ``sources``, and of the build's documents
                if iri in found:
                    continue
                source = sources.get(iri, graph)
                # the line of that document stating the fact, else the union's locator's
                line = lines[n].get(graph) if n < len(lines) else None
                if line is None and violation.source_file == source:
                    line = violation.line
                kept = [sources.get(_bare(g), g) for g in involved if g != graph]
                company = f"with {', '.join(kept)}: " if kept else "in the union: "
                text = " ".join(violation.format_text().split())
                found[iri] = Problem(source, line or 1, SHAPES_RULE, company + text)
        return found

    def report_text(self) -> str:
        """What the cross-document check looked at and did (for validation-report.txt).

        >>> print(Union().report_text().splitlines()[0])
        cross-document checks (the union of 0 documents' graphs):
        """
        s = self.stats
        properties = sorted({p for props in self.single.values() for p in props})
        return "\n".join(
            [
                f"cross-document checks (the union of {s.documents} documents' graphs):",
                f"  single-valued properties (sh:maxCount 1) of {len(self.single)} classes "
                f"checked across documents: {len(properties)}",
                *(f"  extra shapes, checked but not mended: {p.name}" for p in self.extra_shapes),
                "  event identity: an event merges across documents only with a compatible "
                "date (ag:date / ag:startDate / ag:endDate) and ag:country",
                f"  things described by more than one document: {s.shared}",
                f"  other names kept as schema:alternateName: {s.alternate_names}",
                f"  events kept apart (same title, other date or country): {s.events_apart}",
                "  single values documents disagree on, published as claims of each document: "
                f"{s.disputed} ({self.disputes.claims} claims)",
                f"  conflicting single values left out ({CONFLICT_RULE} warnings): {s.conflicts}",
                "  "
                + (
                    "the shapes on the published union: not checked"
                    if self.checked is None
                    else self.checked.summary()
                ),
                *(f"    {failure}" for failure in (self.failures or [])[:20]),
                "  documents left out because their union with others broke a shape "
                f"(the union was built again without them): {len(self.left_out)}",
                *(f"    {problem}" for problem in self.left_out),
            ]
        )


def _compatible(one: _Signature, other: _Signature) -> bool:
    """Dates (the first three) agree or one side has none; so does the country.

    >>> _compatible(("2020", None, None, "ml"), (None, None, None, "ml"))
    True
    >>> _compatible(("2020", None, None, "ml"), (None, "2020", "2021", None))
    False
    >>> _compatible(("2020", None, None, "ml"), ("2020", None, None, "bf"))
    False
    """
    dates = one[:3] == other[:3] or not any(one[:3]) or not any(other[:3])
    return dates and (one[3] == other[3] or one[3] is None or other[3] is None)


def _merged(one: _Signature, other: _Signature) -> _Signature:
    dates = one[:3] if any(one[:3]) else other[:3]
    return (*dates, one[3] or other[3])


def _ordered(rows: Iterable[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """Rows as tuples, in the order of their first two columns (the keys of every table
    read: a row's order from SQLite is not part of its answer)."""
    return sorted((tuple(r) for r in rows), key=lambda r: (str(r[0]), str(r[1:2])))


def _renamed(quad: ox.Quad, renames: dict[str, ox.NamedNode]) -> ox.Quad:
    subject = renames.get(_iri(quad.subject), quad.subject)
    obj = quad.object
    if isinstance(obj, ox.NamedNode):
        obj = renames.get(obj.value, obj)
    return ox.Quad(subject, quad.predicate, obj, quad.graph_name)


def _text(term: object) -> str:
    return str(term)


def _iri(term: object) -> str:
    """The IRI (or lexical form) of a term; the N-Triples form of anything else."""
    value = getattr(term, "value", None)
    return value if isinstance(value, str) else str(term)


def _bare(graph: str) -> str:
    """A graph's IRI from its N-Triples form (``<iri>``)."""
    return graph[1:-1] if graph.startswith("<") and graph.endswith(">") else graph


def _short(value: str) -> str:
    return value if len(value) <= 80 else value[:79] + "…"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
