"""Read one document's published quads back into the facts the scorer compares.

Only what a SPARQL user can find counts: a figure through its claim's
``ag:assertsFigure``, a source through ``ag:claimedBy`` and the actor's
``schema:name`` / ``schema:alternateName``, a place only when it is reachable from
the main event through ``ag:location`` and then ``ag:containedIn`` links.

The main event is the one event of the document that no other event of the document
points from: sub-attacks are ``ag:partOf`` it, background and follow-up events
``ag:precedes`` / ``ag:followsUp`` / ``ag:relatedTo`` it, and wider conflicts
(``ag:ArmedConflict``) are not events of the document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from pyoxigraph import Literal, NamedNode, Quad

from attackgraph.model import ClaimKind, Document, Quantity, Span
from attackgraph.namespaces import AG, CONCEPT_NS, NIF, RDF, SCHEMA
from attackgraph.parse import parse

Term = NamedNode | Literal
Properties = dict[NamedNode, list[Term]]

ACTOR_ROLES = (AG.member, AG.commander, AG.perpetrator, AG.claimedBy, AG.via, SCHEMA.mentions)
"""Links from sides, events, claims and the document to the actors scored under ``actors``."""
EVENT_CLASSES = frozenset({AG.Attack, AG.Event})


@dataclass(frozen=True)
class PublishedFigure:
    """A casualty figure as published; ``quantity.text`` is its ``ag:statedAs``."""

    quantity: Quantity
    group: str
    group_label: str | None
    outcome: str


@dataclass(frozen=True)
class PublishedClaim:
    """A claim as published; ``source`` holds the names of its ``ag:claimedBy`` actor."""

    kind: ClaimKind
    evidence: tuple[Span, ...]
    source: tuple[str, ...]
    figures: tuple[PublishedFigure, ...]


@dataclass(frozen=True)
class PublishedDocument:
    """The facts one document publishes, in the scorer's terms.

    ``document`` is the published text (``nif:isString``) parsed again, for its title
    and infobox lines; ``places`` and ``actors`` hold each identity's names, the
    ``schema:name`` first.
    """

    document: Document
    claims: tuple[PublishedClaim, ...]
    start: str | None
    end: str | None
    country: str | None
    places: tuple[tuple[str, ...], ...]
    actors: tuple[tuple[str, ...], ...]
    other_spans: tuple[Span, ...]
    """Text spans that no claim cites as evidence."""


class _Graph:
    """The quads of one document indexed by subject, in the order they were written."""

    def __init__(self, quads: Iterable[Quad]) -> None:
        self.subjects: dict[NamedNode, Properties] = {}
        for quad in quads:
            if isinstance(quad.subject, NamedNode) and isinstance(quad.object, NamedNode | Literal):
                properties = self.subjects.setdefault(quad.subject, defaultdict(list))
                properties[quad.predicate].append(quad.object)

    def objects(self, subject: NamedNode, predicate: NamedNode) -> list[Term]:
        return self.subjects.get(subject, {}).get(predicate, [])

    def nodes(self, subject: NamedNode, predicate: NamedNode) -> list[NamedNode]:
        return [o for o in self.objects(subject, predicate) if isinstance(o, NamedNode)]

    def text(self, subject: NamedNode, predicate: NamedNode) -> str | None:
        values = [o.value for o in self.objects(subject, predicate) if isinstance(o, Literal)]
        return values[0] if values else None

    def number(self, subject: NamedNode, predicate: NamedNode) -> int | None:
        value = self.text(subject, predicate)
        return int(value) if value is not None else None

    def concept(self, subject: NamedNode, predicate: NamedNode) -> str | None:
        """The local name of a controlled value (``c:killed`` -> ``killed``)."""
        values = self.nodes(subject, predicate)
        return values[0].value.removeprefix(CONCEPT_NS) if values else None

    def typed(self, classes: frozenset[NamedNode]) -> list[NamedNode]:
        return [s for s, p in self.subjects.items() if classes & set(p.get(RDF.type, []))]

    def names(self, node: NamedNode) -> tuple[str, ...]:
        spellings = [
            o.value
            for p in (SCHEMA.name, SCHEMA.alternateName)
            for o in self.objects(node, p)
            if isinstance(o, Literal)
        ]
        return tuple(dict.fromkeys(spellings))


def read_document(quads: Sequence[Quad]) -> PublishedDocument:
    """The scored facts of one document's quads (as ``Converter.convert`` returns them).

    Raises ``ValueError`` when the quads hold no ``ag:Document`` with its text.

    >>> import pathlib, tempfile
    >>> from attackgraph.pipeline import BuildOptions, Converter
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "tamba-raid.txt")
    ...     _ = path.write_text("= Tamba raid =\\n\\nInfobox\\n- Location: Tamba, Mopti Region,"
    ...                         " Mali\\n- Date: 1 May 2020\\n- Deaths: 12\\n\\nA raid.\\n")
    ...     published = read_document(Converter(BuildOptions()).convert(path).quads)
    >>> published.document.doc_id, published.start, published.country, published.places
    ('tamba-raid', '2020-05-01', 'ML', (('Tamba',), ('Mopti Region',)))
    >>> [(f.outcome, f.quantity.value) for c in published.claims for f in c.figures]
    [('killed', 12)]
    """
    graph = _Graph(quads)
    document = _document(graph)
    main = _main_event(graph)
    claims = tuple(_claim(graph, node) for node in graph.typed(frozenset({AG.Claim})))
    cited = {span for claim in claims for span in claim.evidence}
    spans = (_span(graph, node) for node in graph.typed(frozenset({AG.TextSpan})))
    start, end = _dates(graph, main) if main is not None else (None, None)
    return PublishedDocument(
        document=document,
        claims=claims,
        start=start,
        end=end,
        country=_country(graph, main) if main is not None else None,
        places=_places(graph, main) if main is not None else (),
        actors=_actors(graph),
        other_spans=tuple(span for span in spans if span not in cited),
    )


def _document(graph: _Graph) -> Document:
    for node in graph.typed(frozenset({AG.Document})):
        text = graph.text(node, NIF.isString)
        source = graph.text(node, AG.sourceFile)
        if text is not None and source is not None:
            return parse(text.encode("utf-8"), PurePath(source).name)
    raise ValueError("the quads hold no ag:Document with nif:isString and ag:sourceFile")


def _main_event(graph: _Graph) -> NamedNode | None:
    """The event no other event of the document points from (the first one on a tie)."""
    conflicts = set(graph.typed(frozenset({AG.ArmedConflict})))
    events = [e for e in graph.typed(EVENT_CLASSES) if e not in conflicts]
    known = set(events)
    pointing = {
        event
        for event in events
        for values in graph.subjects[event].values()
        for value in values
        if value in known and value != event
    }
    roots = [event for event in events if event not in pointing] or events
    return roots[0] if roots else None


def _span(graph: _Graph, node: NamedNode) -> Span:
    return Span(
        graph.number(node, NIF.beginIndex) or 0,
        graph.number(node, NIF.endIndex) or 0,
        graph.text(node, NIF.anchorOf) or "",
        graph.number(node, AG.line) or 0,
    )


def _claim(graph: _Graph, node: NamedNode) -> PublishedClaim:
    sources = graph.nodes(node, AG.claimedBy)
    return PublishedClaim(
        kind=ClaimKind(graph.concept(node, AG.claimKind) or ""),
        evidence=tuple(_span(graph, span) for span in graph.nodes(node, AG.evidence)),
        source=graph.names(sources[0]) if sources else (),
        figures=tuple(_figure(graph, figure) for figure in graph.nodes(node, AG.assertsFigure)),
    )


def _figure(graph: _Graph, node: NamedNode) -> PublishedFigure:
    estimate = graph.concept(node, AG.estimateType)
    quantity = Quantity(
        graph.number(node, SCHEMA.value),
        graph.number(node, SCHEMA.minValue),
        graph.number(node, SCHEMA.maxValue),
        estimate in ("approximate", "vague"),
        graph.text(node, AG.statedAs) or "",
    )
    return PublishedFigure(
        quantity,
        graph.concept(node, AG.populationGroup) or "",
        graph.text(node, AG.groupLabel),
        graph.concept(node, AG.outcome) or "",
    )


def _dates(graph: _Graph, event: NamedNode) -> tuple[str | None, str | None]:
    single = graph.text(event, AG.date)
    if single is not None:
        return single, None
    return graph.text(event, AG.startDate), graph.text(event, AG.endDate)


def _country(graph: _Graph, event: NamedNode) -> str | None:
    countries = graph.nodes(event, AG.country)
    return graph.text(countries[0], AG.iso3166_1) if countries else None


def _places(graph: _Graph, event: NamedNode) -> tuple[tuple[str, ...], ...]:
    """Places of the event and every place enclosing them, countries left out."""
    found: list[NamedNode] = []
    todo = graph.nodes(event, AG.location)
    while todo:
        place = todo.pop(0)
        if place not in found and graph.concept(place, AG.placeType) != "country":
            found.append(place)
            todo += graph.nodes(place, AG.containedIn)
    return tuple(graph.names(place) for place in found)


def _actors(graph: _Graph) -> tuple[tuple[str, ...], ...]:
    """Each named actor linked as side member or commander, perpetrator, source, ``via``
    or named by the document (an unnamed party, "witnesses", is no actor to score)."""
    found: dict[NamedNode, None] = {}
    for properties in graph.subjects.values():
        for role in ACTOR_ROLES:
            found.update((o, None) for o in properties.get(role, []) if isinstance(o, NamedNode))
    named = (a for a in found if graph.concept(a, AG.actorType) != "unnamed-party")
    return tuple(graph.names(actor) for actor in named)
