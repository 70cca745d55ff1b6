"""The ontology in the release: Turtle (as shipped), JSON-LD and an HTML page.

The HTML is generated here from the ontology graph, not by pyLODE: pyLODE 3.4 (the last
release for Python 3.11) fails on import, and 3.3 writes its embedded JSON-LD in an order
that changes with ``PYTHONHASHSEED``, so two builds would differ. The page lists the
classes, properties and concept schemes with labels, comments, domains and ranges,
super-classes and super-properties, and their mappings to other vocabularies; every
``ag:`` term has the anchor ``#ag-{name}`` and every concept ``#c-{name}``, which the
resource pages link to.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

import rdflib
from rdflib.collection import Collection
from rdflib.compare import to_canonical_graph
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from attackgraph.export import load_context
from attackgraph.html.pages import Link, NavItem, page_values
from attackgraph.html.render import render
from attackgraph.namespaces import AG_NS, CONCEPT_NS, PREFIXES
from attackgraph.publish.links import term_anchor

ONTOLOGY_IRI: Final = AG_NS.rstrip("#")
_MAPPINGS: Final = (
    ("sub-class of", RDFS.subClassOf),
    ("sub-property of", RDFS.subPropertyOf),
    ("equivalent", OWL.equivalentClass),
    ("close match", SKOS.closeMatch),
    ("exact match", SKOS.exactMatch),
    ("see also", RDFS.seeAlso),
)


@dataclass(frozen=True)
class Term:
    """A class, property or concept scheme as the page lists it."""

    anchor: str
    label: str
    curie: str
    iri: str
    comment: str
    facts: list[tuple[str, list[list[Link]]]]


@dataclass(frozen=True)
class Concept:
    anchor: str
    label: str
    curie: str
    definition: str
    notes: list[list[list[Link]]]


@dataclass(frozen=True)
class Scheme:
    term: Term
    concepts: list[Concept]


class Ontology:
    """The parsed ontology. Raises ``SyntaxError``-like rdflib errors for a bad file.

    >>> from attackgraph.publish.files import ONTOLOGY_TTL, packaged_file
    >>> o = Ontology(packaged_file(ONTOLOGY_TTL))
    >>> o.labels["https://w3id.org/attackgraph/concept/killed"]
    'killed'
    """

    def __init__(self, turtle: bytes) -> None:
        self.graph = rdflib.Graph(bind_namespaces="none").parse(data=turtle, format="turtle")
        self._namespaces = sorted(
            ((str(ns), prefix) for prefix, ns in self.graph.namespaces() if prefix),
            key=lambda item: (-len(item[0]), item[1]),
        )
        self.labels: dict[str, str] = {}
        for prop in (RDFS.label, SKOS.prefLabel):
            for s, o in self.graph.subject_objects(prop):
                if isinstance(s, rdflib.URIRef) and isinstance(o, rdflib.Literal):
                    if o.language in (None, "en") and str(s) not in self.labels:
                        self.labels[str(s)] = str(o)
        self.terms = frozenset(
            str(s)
            for s in self.graph.subjects(RDF.type, None)
            if isinstance(s, rdflib.URIRef) and term_anchor(str(s)) is not None
        )

    def jsonld(self) -> bytes:
        """The ontology as JSON-LD compacted with the project context, byte-stable:
        blank nodes get canonical labels, nodes and set values are sorted."""
        context = load_context()
        graph = to_canonical_graph(self.graph)
        text = graph.serialize(format="json-ld", context=context, auto_compact=True)
        document = json.loads(text)
        nodes = document.get("@graph", [document])
        nodes.sort(key=lambda node: str(node.get("id", node.get("@id", ""))))
        for node in nodes:
            for key, value in node.items():
                if isinstance(value, list):
                    value.sort(key=lambda item: json.dumps(item, sort_keys=True))
                    node[key] = value
        return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()

    # --- the HTML page --------------------------------------------------------------

    def html(self, nav: Sequence[NavItem]) -> bytes:
        """The documentation page."""
        g, o = self.graph, rdflib.URIRef(ONTOLOGY_IRI)
        title = self._text(o, DCTERMS.title) or "attackgraph ontology"
        facts = [
            ("version", [[Link(self._text(o, OWL.versionInfo) or "")]]),
            ("version IRI", self._classes(g.objects(o, OWL.versionIRI))),
            ("licence", self._classes(g.objects(o, DCTERMS.license))),
            ("cite as", [[Link(self._text(o, DCTERMS.bibliographicCitation) or "")]]),
        ]
        sections = []
        for name, kinds in (
            ("Classes", [OWL.Class]),
            ("Object properties", [OWL.ObjectProperty]),
            ("Datatype properties", [OWL.DatatypeProperty]),
            ("Annotation properties", [OWL.AnnotationProperty]),
        ):
            terms = [self._term(t) for t in self._ours(kinds, AG_NS)]
            sections.append((name, name.lower().replace(" ", "-"), terms))
        schemes = [self._scheme(s) for s in self._ours([SKOS.ConceptScheme], CONCEPT_NS)]
        return render(
            "ontology.html",
            **page_values(title=title, root="", nav=nav),
            iri=ONTOLOGY_IRI,
            facts=[(name, items) for name, items in facts if any(i[0].text for i in items)],
            description=self._text(o, DCTERMS.description) or "",
            comments=sorted(map(str, g.objects(o, RDFS.comment))),
            prefixes=[(p, ns) for p, ns in PREFIXES.items() if p != "id"],
            sections=sections,
            schemes=schemes,
        )

    def _ours(self, kinds: Iterable[rdflib.URIRef], namespace: str) -> list[rdflib.URIRef]:
        found = {
            s
            for kind in kinds
            for s in self.graph.subjects(RDF.type, kind)
            if isinstance(s, rdflib.URIRef) and str(s).startswith(namespace)
        }
        return sorted(found, key=lambda s: (self.labels.get(str(s), str(s)).lower(), str(s)))

    def _term(self, term: rdflib.URIRef) -> Term:
        g = self.graph
        kinds = sorted(self._curie(t) for t in g.objects(term, RDF.type))
        rows: list[tuple[str, list[list[Link]]]] = [
            ("type", [[Link(k)] for k in kinds]),
            ("domain", self._classes(g.objects(term, RDFS.domain))),
            ("range", self._classes(g.objects(term, RDFS.range))),
            ("inverse of", self._classes(g.objects(term, OWL.inverseOf))),
        ]
        rows += [(name, self._classes(g.objects(term, p))) for name, p in _MAPPINGS]
        rows.append(("sub-classes", self._classes(g.subjects(RDFS.subClassOf, term))))
        rows.append(("properties", self._classes(g.subjects(RDFS.domain, term))))
        return self._entry(term, [(n, items) for n, items in rows if items])

    def _scheme(self, scheme: rdflib.URIRef) -> Scheme:
        g = self.graph
        concepts = sorted(
            (c for c in g.subjects(SKOS.inScheme, scheme) if isinstance(c, rdflib.URIRef)),
            key=str,
        )
        rows = []
        for c in concepts:
            notes = [items for _, p in _MAPPINGS if (items := self._classes(g.objects(c, p)))]
            notes += [[[Link(n)]] for n in sorted(map(str, g.objects(c, SKOS.note)))]
            rows.append(
                Concept(
                    anchor=term_anchor(str(c)) or "",
                    label=self.labels.get(str(c), ""),
                    curie=self._curie(c),
                    definition=self._text(c, SKOS.definition) or "",
                    notes=notes,
                )
            )
        entry = self._entry(scheme, [], definition=SKOS.definition)
        return Scheme(entry, rows)

    def _entry(
        self,
        term: rdflib.URIRef,
        facts: list[tuple[str, list[list[Link]]]],
        *,
        definition: rdflib.URIRef = RDFS.comment,
    ) -> Term:
        return Term(
            anchor=term_anchor(str(term)) or "",
            label=self.labels.get(str(term), self._curie(term)),
            curie=self._curie(term),
            iri=str(term),
            comment=self._text(term, definition) or "",
            facts=facts,
        )

    def _classes(self, nodes: Iterable[Any]) -> list[list[Link]]:
        """Each node as links: a class union is one item of several links ("A or B")."""
        out = []
        for node in sorted(nodes, key=str):
            if isinstance(node, rdflib.BNode):
                members = self.graph.value(node, OWL.unionOf)
                if members is not None:
                    out.append([self._link(m) for m in Collection(self.graph, members)])
                    continue
            out.append([self._link(node)])
        return out

    def _link(self, node: Any) -> Link:
        iri = str(node)
        text = self._curie(node)
        if iri in self.terms:
            return Link(text, f"#{term_anchor(iri)}")
        if iri.startswith(("http://", "https://")):
            return Link(text, iri)
        return Link(text)

    def _curie(self, node: Any) -> str:
        iri = str(node)
        for ns, prefix in self._namespaces:
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{prefix}:{iri[len(ns) :]}"
        return iri

    def _text(self, node: rdflib.term.Node, prop: rdflib.URIRef) -> str | None:
        values = sorted(
            (o for o in self.graph.objects(node, prop) if isinstance(o, rdflib.Literal)),
            key=lambda lit: (lit.language not in (None, "en"), str(lit)),
        )
        return str(values[0]) if values else None
