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

import html
import json
from collections.abc import Iterable
from typing import Any, Final

import rdflib
from rdflib.collection import Collection
from rdflib.compare import to_canonical_graph
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from attackgraph.export import load_context
from attackgraph.html.pages import html_page
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

    def html(self, nav: str) -> bytes:
        """The documentation page."""
        g, o = self.graph, rdflib.URIRef(ONTOLOGY_IRI)
        title = self._text(o, DCTERMS.title) or "attackgraph ontology"
        head = [
            f"<h1>{html.escape(title)}</h1>",
            f'<p class="iri">{html.escape(ONTOLOGY_IRI)}</p>',
            '<dl class="facts">',
            self._fact("version", self._text(o, OWL.versionInfo)),
            self._fact("version IRI", self._link(g.value(o, OWL.versionIRI))),
            self._fact("licence", self._link(g.value(o, DCTERMS.license))),
            self._fact("cite as", html.escape(self._text(o, DCTERMS.bibliographicCitation) or "")),
            "</dl>",
            f"<p>{html.escape(self._text(o, DCTERMS.description) or '')}</p>",
            *(
                f"<p>{html.escape(str(c))}</p>"
                for c in sorted(map(str, g.objects(o, RDFS.comment)))
            ),
            '<p>Downloads: <a href="ontology.ttl">Turtle</a> · '
            '<a href="ontology.jsonld">JSON-LD</a> · <a href="shapes.ttl">SHACL shapes</a> · '
            '<a href="context.jsonld">JSON-LD context</a></p>',
            "<h2>Namespaces</h2><table><tr><th>prefix</th><th>namespace</th></tr>",
            *(
                f'<tr><td>{html.escape(p)}</td><td class="iri">{html.escape(ns)}</td></tr>'
                for p, ns in PREFIXES.items()
                if p != "id"
            ),
            "</table>",
        ]
        sections = [
            ("Classes", [OWL.Class]),
            ("Object properties", [OWL.ObjectProperty]),
            ("Datatype properties", [OWL.DatatypeProperty]),
            ("Annotation properties", [OWL.AnnotationProperty]),
        ]
        toc, body = [], []
        for name, kinds in sections:
            terms = self._ours(kinds, AG_NS)
            anchor = name.lower().replace(" ", "-")
            toc.append(f'<li><a href="#{anchor}">{name}</a> ({len(terms)})</li>')
            body.append(f'<h2 id="{anchor}">{name}</h2>')
            body += [self._term(t) for t in terms]
        schemes = self._ours([SKOS.ConceptScheme], CONCEPT_NS)
        toc.append(f'<li><a href="#concept-schemes">Concept schemes</a> ({len(schemes)})</li>')
        body.append('<h2 id="concept-schemes">Concept schemes</h2>')
        body += [self._scheme(s) for s in schemes]
        page = [*head, "<h2>Contents</h2><ul>", *toc, "</ul>", *body]
        return html_page(title, "\n".join(page), nav=nav)

    def _ours(self, kinds: Iterable[rdflib.URIRef], namespace: str) -> list[rdflib.URIRef]:
        found = {
            s
            for kind in kinds
            for s in self.graph.subjects(RDF.type, kind)
            if isinstance(s, rdflib.URIRef) and str(s).startswith(namespace)
        }
        return sorted(found, key=lambda s: (self.labels.get(str(s), str(s)).lower(), str(s)))

    def _term(self, term: rdflib.URIRef) -> str:
        g = self.graph
        kinds = sorted(self._curie(t) for t in g.objects(term, RDF.type))
        rows = [
            self._fact("IRI", f'<span class="iri">{html.escape(str(term))}</span>'),
            self._fact("type", ", ".join(html.escape(k) for k in kinds)),
            self._fact("domain", self._classes(g.objects(term, RDFS.domain))),
            self._fact("range", self._classes(g.objects(term, RDFS.range))),
            self._fact("inverse of", self._classes(g.objects(term, OWL.inverseOf))),
        ]
        rows += [self._fact(name, self._classes(g.objects(term, p))) for name, p in _MAPPINGS]
        if (None, RDFS.subClassOf, term) in g:
            rows.append(self._fact("sub-classes", self._classes(g.subjects(RDFS.subClassOf, term))))
        if (None, RDFS.domain, term) in g:
            rows.append(self._fact("properties", self._classes(g.subjects(RDFS.domain, term))))
        return self._entry(term, rows, self._text(term, RDFS.comment))

    def _scheme(self, scheme: rdflib.URIRef) -> str:
        g = self.graph
        concepts = sorted(
            (c for c in g.subjects(SKOS.inScheme, scheme) if isinstance(c, rdflib.URIRef)),
            key=str,
        )
        rows = ["<table><tr><th>concept</th><th>definition</th><th>mappings and notes</th></tr>"]
        for c in concepts:
            notes = [self._classes(g.objects(c, p)) for _, p in _MAPPINGS]
            notes += [html.escape(str(n)) for n in sorted(map(str, g.objects(c, SKOS.note)))]
            rows.append(
                f'<tr id="{term_anchor(str(c))}"><td><b>{html.escape(self.labels.get(str(c), ""))}'
                f'</b><br><span class="iri">{html.escape(self._curie(c))}</span></td>'
                f"<td>{html.escape(self._text(c, SKOS.definition) or '')}</td>"
                f"<td>{'<br>'.join(n for n in notes if n)}</td></tr>"
            )
        rows.append("</table>")
        entry = self._entry(scheme, [], self._text(scheme, SKOS.definition))
        return entry + "".join(rows)

    def _entry(self, term: rdflib.URIRef, facts: list[str], comment: str | None) -> str:
        label = html.escape(self.labels.get(str(term), self._curie(term)))
        return (
            f'<h3 id="{term_anchor(str(term))}">{label} '
            f'<span class="m">{html.escape(self._curie(term))}</span></h3>'
            f"<p>{html.escape(comment or '')}</p>"
            f'<dl class="facts">{"".join(f for f in facts if f)}</dl>'
        )

    def _classes(self, nodes: Iterable[Any]) -> str:
        out = []
        for node in sorted(nodes, key=str):
            if isinstance(node, rdflib.BNode):
                members = self.graph.value(node, OWL.unionOf)
                if members is not None:
                    out.append(" or ".join(self._link(m) for m in Collection(self.graph, members)))
                    continue
            out.append(self._link(node))
        return ", ".join(out)

    def _link(self, node: Any) -> str:
        if node is None:
            return ""
        iri = str(node)
        text = html.escape(self._curie(node))
        if iri in self.terms:
            return f'<a href="#{term_anchor(iri)}">{text}</a>'
        if iri.startswith(("http://", "https://")):
            return f'<a href="{html.escape(iri, quote=True)}">{text}</a>'
        return text

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

    @staticmethod
    def _fact(name: str, value: str | None) -> str:
        return f"<dt>{html.escape(name)}</dt><dd>{value}</dd>" if value else ""
