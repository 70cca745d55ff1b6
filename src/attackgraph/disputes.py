"""Single values two documents disagree on, published as claims of each document.

When documents merged into one dataset disagree on a value the shapes allow once (a
place's ``ag:containedIn``, an actor's ``ag:actorType``, a geometry's ``geo:asWKT`` ...),
the union keeps the first document's value on the thing (see :mod:`attackgraph.union`),
and each document's value becomes a triple-shaped claim in that document's graph:
``ag:Claim`` and ``rdf:Statement`` (thing, property, value), read in the document, which
says it itself (no ``ag:claimedBy``), about the document's main event, with the span
where the document names the thing as evidence. The value the thing keeps is ranked
preferred, the others normal; a SPARQL user finds every document's value and its source.

A document that never names the thing in its text gives no span to cite: its value is
then left out and reported (``union/conflict``), as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import pyoxigraph as ox

from attackgraph.concepts import ClaimKind, Rank
from attackgraph.identifiers import Minter
from attackgraph.namespaces import AG, GEO, NIF, RDF, SCHEMA, XSD, concept
from attackgraph.union_state import UnionState

EVENT_CLASSES: Final = frozenset((AG.Event, AG.Attack, AG.ArmedConflict))


@dataclass(frozen=True)
class TextSpan:
    """Where a document names a thing: code-point offsets, the words, the line."""

    begin: int
    end: int
    text: str
    line: int


@dataclass
class _Document:
    graph: ox.NamedNode
    slug: str
    about: ox.NamedNode | None
    """The document's main event: what its claims are about."""
    next_claim: int


class DocumentView:
    """One document's quads, read for what a claim of it needs.

    >>> m = Minter()
    >>> g, e, p = m.document("raid"), m.event("raid"), m.place("ml-tamba")
    >>> text = "= Raid =\\n\\nGunmen attacked Tamba."
    >>> view = DocumentView(m, [
    ...     ox.Quad(g, NIF.isString, ox.Literal(text), g),
    ...     ox.Quad(g, SCHEMA.name, ox.Literal("Raid"), g),
    ...     ox.Quad(e, RDF.type, AG.Attack, g), ox.Quad(e, SCHEMA.name, ox.Literal("Raid"), g),
    ...     ox.Quad(m.claim("raid", 4), RDF.type, AG.Claim, g),
    ...     ox.Quad(p, SCHEMA.name, ox.Literal("Tamba"), g)])
    >>> view.slug, view.about == e, view.next_claim, view.span_naming(p.value)
    ('raid', True, 5, TextSpan(begin=26, end=31, text='Tamba', line=3))
    """

    def __init__(self, minter: Minter, quads: list[ox.Quad]) -> None:
        graph = quads[0].graph_name if quads else None
        self.graph = graph if isinstance(graph, ox.NamedNode) else None
        self.slug = self.graph.value.rsplit("/", 1)[-1] if self.graph else ""
        claims = f"{minter.prefix}claim/{self.slug}-"
        self.text, title = "", None
        self.names: dict[str, list[str]] = {}
        self.owners: dict[str, list[str]] = {}
        named: list[tuple[str, str]] = []
        events: set[str] = set()
        numbers = [0]
        for quad in quads:
            s, p, o = quad.subject, quad.predicate, quad.object
            if not isinstance(s, ox.NamedNode) or not isinstance(o, ox.NamedNode | ox.Literal):
                continue
            if s == self.graph and p in (NIF.isString, SCHEMA.name):
                self.text, title = (o.value, title) if p == NIF.isString else (self.text, o.value)
            elif p in (SCHEMA.name, SCHEMA.alternateName):
                self.names.setdefault(s.value, []).append(o.value)
                named += [(s.value, o.value)] if p == SCHEMA.name else []
            elif p == GEO.hasGeometry:
                self.owners.setdefault(o.value, []).append(s.value)
            elif p == RDF.type and o in EVENT_CLASSES:
                events.add(s.value)
            elif p == RDF.type and s.value.startswith(claims):
                suffix = s.value[len(claims) :]
                numbers.append(int(suffix) if suffix.isdigit() else 0)
        mains = sorted((len(s), s) for s, name in named if name == title and s in events)
        self.about = ox.NamedNode(mains[0][1]) if mains else None
        """The document's main event: what its claims are about."""
        self.next_claim = max(numbers) + 1
        """The first claim number the document's graph does not use."""

    def span_naming(self, subject: str) -> TextSpan | None:
        """The first place the text names ``subject`` (or the place a geometry is of)."""
        names = list(self.names.get(subject, ()))
        for owner in self.owners.get(subject, ()):
            names += self.names.get(owner, ())
        found: list[tuple[int, int]] = []
        for name in dict.fromkeys(n for n in names if n.strip()):
            begin = word_at(self.text, name)
            if begin >= 0:
                found.append((begin, begin + len(name)))
        if not found:
            return None
        begin, end = min(found)
        return TextSpan(begin, end, self.text[begin:end], self.text.count("\n", 0, begin) + 1)


def word_at(text: str, name: str) -> int:
    """Where ``text`` first has ``name`` not inside a longer word (no word character,
    ``\\w``, just before or after it); -1 if nowhere. The same answer as
    ``re.search(rf"(?<!\\w){re.escape(name)}(?!\\w)", text)`` without compiling a
    pattern for every name (the union asks it for every first value of every document).

    >>> word_at("Tamba and Tambakounda", "Tambakounda"), word_at("in Tambakounda", "Tamba")
    (10, -1)
    >>> word_at("x_Tamba, Tamba.", "Tamba"), word_at("(Tamba)", "(Tamba)")
    (9, 0)
    """
    size, start = len(text), text.find(name)
    while start >= 0:
        end = start + len(name)
        if (start == 0 or not _is_word(text[start - 1])) and (
            end == size or not _is_word(text[end])
        ):
            return start
        start = text.find(name, start + 1)
    return -1


def _is_word(char: str) -> bool:
    """What ``\\w`` matches in a ``str`` pattern: alphanumeric (``str.isalnum``) or ``_``."""
    return char.isalnum() or char == "_"


class Disputes:
    """Remembers where each first value was stated, and writes the claims of a
    disagreement (see the module docstring); what it remembers of every document is kept
    in ``state`` (on disk), only the current document in memory."""

    def __init__(self, minter: Minter, state: UnionState) -> None:
        self.minter = minter
        self.state = state
        self.here: _Document | None = None
        self.claims = 0
        self.view: DocumentView | None = None
        self.noted: set[str] | None = None
        """The subjects whose span the current document noted (None: ask ``state``, the
        graph was added before)."""

    def begin(self, view: DocumentView) -> None:
        """The document whose quads are being added now."""
        self.view = view
        self.here = None
        self.noted = None
        if view.graph is not None:
            self.here = _Document(view.graph, view.slug, view.about, view.next_claim)
            about = None if view.about is None else view.about.value
            if self.state.document(view.graph.value) is None:
                self.noted = set()  # a new graph: no span of it is noted yet
            self.state.put_document(view.graph.value, view.slug, about, view.next_claim)

    def first(self, subject: str) -> None:
        """The current document states the first value of one of ``subject``'s single
        values: remember where it names the subject."""
        view, noted = self.view, self.noted
        if view is None or view.graph is None:
            return
        if noted is not None:
            if subject in noted:
                return
            noted.add(subject)
        elif self.state.span(view.graph.value, subject)[0]:
            return
        span = view.span_naming(subject)
        self.state.put_span(
            view.graph.value,
            subject,
            None if span is None else list((span.begin, span.end, span.text, span.line)),
        )

    def _document(self, graph: str) -> _Document | None:
        if self.here is not None and self.here.graph.value == graph:
            return self.here
        found = self.state.document(graph)
        if found is None:
            return None
        slug, about, next_claim = found
        about_node = None if about is None else ox.NamedNode(about)
        return _Document(ox.NamedNode(graph), slug, about_node, next_claim)

    def _span(self, graph: str, subject: str) -> TextSpan | None:
        noted = self.state.span(graph, subject)[1]
        return None if noted is None else TextSpan(*noted)

    def disagree(
        self, quad: ox.Quad, first_graph: str, first_value: ox.NamedNode | ox.Literal
    ) -> list[ox.Quad] | None:
        """The claims of the current document's value (``quad``) and, the first time,
        of the value the thing keeps (stated in ``first_graph``); ``None`` when the
        current document names the thing nowhere in its text."""
        view, subject = self.view, quad.subject
        if view is None or view.graph is None or not isinstance(subject, ox.NamedNode):
            return None
        here = self.here
        span = view.span_naming(subject.value)
        value = quad.object
        if span is None or here is None or here.about is None:
            return None
        if not isinstance(value, ox.NamedNode | ox.Literal):
            return None
        out = self._claim(here, span, subject, quad.predicate, value, Rank.NORMAL)
        first, first_span = self._document(first_graph), self._span(first_graph, subject.value)
        if (
            first is not None
            and first_span is not None
            and self.state.claim_once(subject.value, quad.predicate.value)
        ):
            out += self._claim(
                first, first_span, subject, quad.predicate, first_value, Rank.PREFERRED
            )
        return out

    def _claim(
        self,
        document: _Document,
        span: TextSpan,
        subject: ox.NamedNode,
        predicate: ox.NamedNode,
        value: ox.NamedNode | ox.Literal,
        rank: Rank,
    ) -> list[ox.Quad]:
        assert document.about is not None
        node = self.minter.claim(document.slug, document.next_claim)
        document.next_claim += 1
        self.state.set_next_claim(document.graph.value, document.next_claim)
        self.claims += 1
        evidence = self.minter.span(document.slug, span.begin, span.end)
        g = document.graph
        triples: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = [
            (node, RDF.type, AG.Claim),
            (node, RDF.type, RDF.Statement),
            (node, AG.claimKind, concept(ClaimKind.OTHER.value, "claim-kind")),
            (node, AG.about, document.about),
            (node, AG.reportedIn, g),
            (node, AG.rank, concept(rank.value, "rank")),
            (node, AG.evidence, evidence),
            (node, RDF.subject, subject),
            (node, RDF.predicate, predicate),
            (node, RDF.object, value),
            (evidence, RDF.type, AG.TextSpan),
            (evidence, NIF.referenceContext, g),
            (evidence, NIF.beginIndex, _int(span.begin)),
            (evidence, NIF.endIndex, _int(span.end)),
            (evidence, NIF.anchorOf, ox.Literal(span.text)),
            (evidence, AG.line, _int(span.line)),
        ]
        return [ox.Quad(s, p, o, g) for s, p, o in triples]


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD.integer)
