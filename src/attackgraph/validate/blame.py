"""Who and where to blame when the published union breaks a shape.

The union's check (:mod:`.dataset`) finds each violation in the union, where a node
holds the triples of every document that describes it. Two questions remain, answered
here from the N-Quads dump (read again, only when the union breaks):

- *Which documents?* When the graphs give the focus different values of the
  violation's path (two ``schema:name``, two ``ag:containedIn``), those that assert
  them (:func:`asserted`, :func:`disagreeing`): the first graph (in IRI order) asserting
  any value, then every graph asserting a value it does not.
- *Which line of each?* The union's locator gives a line of whichever document it
  found first, so :func:`statement_line` looks in a blamed document's own graph for the
  line that states the violation's focus and path, in this order:

  1. the focus's own span (``ag:line``) or evidence (a claim's earliest evidence line);
  2. a claim that states the fact (``rdf:subject`` the focus, ``rdf:predicate`` the
     path): its earliest evidence line (a prose sentence);
  3. the first line of the document's text, not a ``=`` heading, that names one of the
     document's values of the path: a node's ``schema:name`` or
     ``schema:alternateName``, a literal as written, the year of a date (an infobox line
     such as ``- Perpetrator: Katiba Sud``, or the sentence a prose place was read from);
  4. the earliest evidence line of the claims about the focus;
  5. the first line that names the focus itself.

  None when the graph says nothing of the focus; the build then says line 1.

>>> g = "https://w3id.org/attackgraph/id/doc/c"
>>> event = "https://w3id.org/attackgraph/id/event/raid"
>>> text = "= Raid =\\n\\nInfobox\\n- Perpetrator: Front Sud\\n\\nGunmen came.\\n"
>>> quads = _quads(g, [
...     (g, NIF_NS + "isString", text),
...     (event, AG_NS + "perpetrator", "https://w3id.org/attackgraph/id/actor/fs"),
...     ("https://w3id.org/attackgraph/id/actor/fs", SCHEMA_NS + "name", "Front Sud"),
... ])
>>> statement_line(quads, g, event, AG_NS + "perpetrator")
4
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

import pyoxigraph as ox

from attackgraph.namespaces import AG_NS, NIF_NS, RDF_NS, SCHEMA_NS, XSD_NS

DEFAULT_GRAPH: Final = str(ox.DefaultGraph())
Link = tuple[str, str]
"""(focus IRI, path IRI) of a violation with a path."""
Request = tuple[str, str, str | None]
"""A blamed graph (its IRI), a violation's focus (IRI) and path (IRI, or None)."""

_TYPE, _SUBJECT, _PREDICATE = RDF_NS + "type", RDF_NS + "subject", RDF_NS + "predicate"
_LINE, _EVIDENCE, _CLAIM = AG_NS + "line", AG_NS + "evidence", AG_NS + "Claim"
_ABOUT, _OBJECT = AG_NS + "about", RDF_NS + "object"
_TEXT = NIF_NS + "isString"
_NAMES: Final = (SCHEMA_NS + "name", SCHEMA_NS + "alternateName")
_DATES: Final = frozenset(XSD_NS + t for t in ("date", "gYear", "gYearMonth", "dateTime"))


def graph_order(graph: str) -> tuple[bool, str]:
    """Named graphs in IRI order (their N-Triples form), then the default graph."""
    return (graph == DEFAULT_GRAPH, graph)


def asserted(dump: Path, links: set[Link]) -> dict[Link, dict[str, set[str]]]:
    """(subject IRI, predicate IRI) -> each value the dump gives it -> the graphs that do."""
    found: dict[Link, dict[str, set[str]]] = {}
    for quad in ox.parse(path=str(dump), format=ox.RdfFormat.N_QUADS):
        subject = quad.subject
        if isinstance(subject, ox.NamedNode):
            link = (subject.value, quad.predicate.value)
            if link in links:
                graphs = found.setdefault(link, {}).setdefault(str(quad.object), set())
                graphs.add(str(quad.graph_name))
    return found


def disagreeing(values: dict[str, set[str]]) -> tuple[str, ...]:
    """The graphs that disagree on a path: the first (IRI order) asserting a value, then
    each graph asserting a value that one does not; empty when they agree.

    >>> disagreeing({'"A"': {"<g1>", "<g2>", "<g3>"}, '"B"': {"<g4>"}})
    ('<g1>', '<g4>')
    >>> disagreeing({'"A"': {"<g1>", "<g2>"}})
    ()
    """
    if len(values) < 2:
        return ()
    first = min((g for graphs in values.values() for g in graphs), key=graph_order)
    own = {value for value, graphs in values.items() if first in graphs}
    others = {g for value, graphs in values.items() if value not in own for g in graphs}
    others.discard(first)
    return (first, *sorted(others, key=graph_order)) if others else ()


def statement_lines(dump: Path, requests: Iterable[Request]) -> dict[Request, int]:
    """The line of each request found in its graph's quads (read from the N-Quads
    ``dump`` in one pass, keeping only the requested graphs); requests not found are
    left out. Raises ``OSError`` and ``SyntaxError`` like ``pyoxigraph.parse``."""
    asked = list(dict.fromkeys(requests))
    wanted = {f"<{graph}>" for graph, _, _ in asked}
    graphs: dict[str, list[ox.Quad]] = {}
    for quad in ox.parse(path=str(dump), format=ox.RdfFormat.N_QUADS):
        name = str(quad.graph_name)
        if name in wanted:
            graphs.setdefault(name[1:-1], []).append(quad)
    found: dict[Request, int] = {}
    for graph, focus, path in asked:
        line = statement_line(graphs.get(graph, []), graph, focus, path)
        if line is not None:
            found[graph, focus, path] = line
    return found


def statement_line(
    quads: Sequence[ox.Quad | ox.Triple], graph: str, focus: str, path: str | None
) -> int | None:
    """The line of the document ``graph`` (its IRI, which is the document node's) that
    states ``focus``'s ``path`` (see the module's notes), from that graph's quads."""
    facts = _Facts(quads)
    lines = facts.own_lines(focus)
    if not lines and path is not None:
        stating = [c for c in facts.claims() if facts.has(c, _SUBJECT, focus, _PREDICATE, path)]
        lines = [line for claim in stating for line in facts.own_lines(claim)]
    if lines:
        return min(lines)
    text = facts.text(graph)
    values = facts.objects(focus, path) if path is not None else []
    found = _first_line(text, [label for value in values for label in facts.labels(value)])
    if found is not None:
        return found
    about = [c for c in facts.claims() if facts.mentions(c, focus)]
    lines = [line for claim in about for line in facts.own_lines(claim)]
    if lines:
        return min(lines)
    return _first_line(text, facts.labels(ox.NamedNode(focus)))


class _Facts:
    """One graph's triples by subject (IRI or blank node label)."""

    def __init__(self, quads: Sequence[ox.Quad | ox.Triple]) -> None:
        self._out: dict[str, list[tuple[str, ox.NamedNode | ox.BlankNode | ox.Literal]]] = {}
        for quad in quads:
            obj = quad.object
            if isinstance(obj, ox.NamedNode | ox.BlankNode | ox.Literal):
                pairs = self._out.setdefault(str(quad.subject), [])
                pairs.append((quad.predicate.value, obj))

    def objects(self, node: str, predicate: str) -> list[ox.NamedNode | ox.BlankNode | ox.Literal]:
        return [o for p, o in self._out.get(f"<{node}>", ()) if p == predicate]

    def has(self, node: str, *pairs: str) -> bool:
        """Whether ``node`` has each (predicate, object IRI) of ``pairs`` (flattened)."""
        mine = {
            (p, o.value) for p, o in self._out.get(f"<{node}>", ()) if isinstance(o, ox.NamedNode)
        }
        return all((pairs[i], pairs[i + 1]) in mine for i in range(0, len(pairs), 2))

    def claims(self) -> list[str]:
        claim = ox.NamedNode(_CLAIM)
        return [
            subject[1:-1]
            for subject, pairs in self._out.items()
            if subject.startswith("<") and (_TYPE, claim) in pairs
        ]

    def mentions(self, claim: str, node: str) -> bool:
        return any(self.has(claim, link, node) for link in (_ABOUT, _SUBJECT, _OBJECT))

    def own_lines(self, node: str) -> list[int]:
        """The node's ``ag:line``, or its evidence spans' lines."""
        spans = [
            node,
            *(o.value for o in self.objects(node, _EVIDENCE) if isinstance(o, ox.NamedNode)),
        ]
        return [
            int(line.value)
            for span in spans
            for line in self.objects(span, _LINE)
            if isinstance(line, ox.Literal) and line.value.isdigit()
        ]

    def text(self, graph: str) -> str:
        texts = [o.value for o in self.objects(graph, _TEXT) if isinstance(o, ox.Literal)]
        return texts[0] if texts else ""

    def labels(self, value: ox.NamedNode | ox.BlankNode | ox.Literal) -> list[str]:
        """How the document may have written ``value``."""
        if isinstance(value, ox.Literal):
            if value.datatype.value in _DATES:
                return [value.value[:4]]
            return [value.value]
        if isinstance(value, ox.BlankNode):
            return []
        return [
            name.value
            for predicate in _NAMES
            for name in self.objects(value.value, predicate)
            if isinstance(name, ox.Literal)
        ]


def _first_line(text: str, labels: list[str]) -> int | None:
    """The number of the first line of ``text`` that is not a ``=`` heading and holds
    one of ``labels``."""
    labels = [label for label in labels if label.strip()]
    if not labels:
        return None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.startswith("=") and any(label in line for label in labels):
            return number
    return None


def _quads(graph: str, triples: list[tuple[str, str, str]]) -> list[ox.Quad]:
    """Quads of ``graph`` from (subject, predicate, object) strings: an object that
    starts with ``http`` is an IRI, any other a plain literal (for the examples)."""
    name = ox.NamedNode(graph)
    return [
        ox.Quad(
            ox.NamedNode(s),
            ox.NamedNode(p),
            ox.NamedNode(o) if o.startswith("http") else ox.Literal(o),
            name,
        )
        for s, p, o in triples
    ]
