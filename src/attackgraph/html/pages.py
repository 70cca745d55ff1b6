"""What pages show, as plain values for the templates; the endpoint's generic pages.

Links are made only to ``http(s)`` IRIs (resources under the base IRI link to this
server's or this release's own pages); no CDN, no external script or style, so the pages
work offline. Nothing here writes HTML: the templates (:mod:`attackgraph.html.render`)
escape every value.

>>> from pyoxigraph import Literal
>>> value_view(Literal("<b>Sévaré</b>", language="fr"), Context("https://e.org/ag", {}))
Value(text='<b>Sévaré</b>', link=None, note='@fr', long=False, length=0)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from attackgraph.html.examples import EXAMPLES
from attackgraph.html.render import render

Term = NamedNode | BlankNode | Literal | Triple

XSD_STRING: Final = "http://www.w3.org/2001/XMLSchema#string"
CURIE_CACHE: Final = 1 << 15
"""CURIEs a context remembers before it starts again (memory stays bounded)."""
GRAPHS_SHOWN: Final = 20
"""Documents a property table names for one statement ("and N more" after them): a
statement every document makes (an actor's name) would otherwise list them all."""
LONG_TEXT: Final = 300
"""Literals longer than this are folded into a ``<details>`` element."""
LITERAL_SHOWN: Final = 10_000
"""Characters of a literal a page shows at most (a document's whole text is in its
Turtle and JSON-LD, and on its own page)."""


@dataclass(frozen=True)
class Link:
    """A link as a page shows it: ``href`` None for an IRI that is not followed."""

    text: str
    href: str | None = None
    title: str = ""


@dataclass(frozen=True)
class Value:
    """An RDF term as a page shows it: a link, or a literal with its language/datatype."""

    text: str
    link: Link | None = None
    note: str = ""
    long: bool = False
    length: int = 0
    """The literal's length when ``text`` is only its first :data:`LITERAL_SHOWN`
    characters (0: the whole literal)."""


@dataclass(frozen=True)
class NavItem:
    href: str
    text: str


@dataclass(frozen=True)
class Context:
    """What links need: the base IRI (served locally) and the prefixes for CURIEs."""

    base: str
    prefixes: dict[str, str]
    _curies: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def root(self) -> str:
        """How a page reaches the site's top folder (``/`` on the endpoint)."""
        return "/"

    def local_path(self, iri: str) -> str | None:
        """The server path of an IRI under the base, else None.

        >>> Context("https://e.org/ag", {}).local_path("https://e.org/ag/id/event/x")
        '/id/event/x'
        """
        if iri.startswith(self.base + "/"):
            return iri[len(self.base) :]
        return None

    def curie(self, iri: str) -> str:
        """``prefix:local`` when a prefix covers the IRI with a plain local name.

        >>> Context("https://e.org/ag", {"schema": "https://schema.org/"}).curie(
        ...     "https://schema.org/name")
        'schema:name'
        """
        found = self._curies.get(iri)
        if found is None:  # remembered: pages ask for the same IRIs again
            if len(self._curies) >= CURIE_CACHE:
                self._curies.clear()  # bounded: a release's IRIs are not all held
            found = self._curies[iri] = self._curie(iri)
        return found

    def _curie(self, iri: str) -> str:
        best = ""
        for prefix, namespace in self.prefixes.items():
            local = iri[len(namespace) :]
            if (
                iri.startswith(namespace)
                and local.replace("-", "").replace("_", "").replace("/", "").isalnum()
                and len(namespace) > len(self.prefixes.get(best, ""))
            ):
                best = prefix
        if best:
            return f"{best}:{iri[len(self.prefixes[best]) :]}"
        return iri

    def link(self, iri: str, label: str | None = None) -> Link:
        """A link to an IRI: local resources to this site, http(s) IRIs as they are.

        >>> Context("https://e.org/ag", {}).link("https://e.org/ag/id/place/ml", "Mali")
        Link(text='Mali', href='/id/place/ml', title='https://e.org/ag/id/place/ml')
        >>> Context("https://e.org/ag", {}).link("urn:x:1").href is None
        True
        """
        text = label if label else self.curie(iri)
        local = self.local_path(iri)
        if local is not None:
            return Link(text, local, iri)
        if iri.startswith(("http://", "https://")):
            return Link(text, iri, iri)
        return Link(text, None, iri)


def value_view(term: Term, ctx: Context, label: str | None = None) -> Value:
    """One RDF term for a page: a link, or a literal with its language or datatype."""
    if isinstance(term, NamedNode):
        link = ctx.link(term.value, label)
        return Value(link.text, link)
    if isinstance(term, BlankNode):
        return Value(f"_:{term.value}")
    if isinstance(term, Triple):
        return Value(str(term))
    note = ""
    if term.language:
        note = f"@{term.language}"
    elif term.datatype.value != XSD_STRING:
        note = ctx.curie(term.datatype.value)
    if len(term.value) > LITERAL_SHOWN:
        return Value(term.value[:LITERAL_SHOWN], None, note, True, len(term.value))
    return Value(term.value, None, note, len(term.value) > LONG_TEXT)


@dataclass(frozen=True)
class Arc:
    """One property value of a resource (or one incoming link), with where it is stated."""

    predicate: NamedNode
    value: Term
    label: str | None = None
    graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArcRow:
    """An arc as a table row: property, value and the documents stating it."""

    predicate: Link
    value: Value
    graphs: tuple[Link, ...]
    more_graphs: int = 0
    """Documents stating it that are not listed (past :data:`GRAPHS_SHOWN`)."""


@dataclass(frozen=True)
class ResourceView:
    """Everything the generic resource page shows."""

    iri: str
    label: str | None
    types: tuple[NamedNode, ...]
    arcs: tuple[Arc, ...]
    parts: dict[str, tuple[Arc, ...]] = field(default_factory=dict)
    incoming: tuple[Arc, ...] = ()
    incoming_truncated: bool = False


GraphLabel = Callable[[str], str | None]
"""A named graph's display name (its document's title), None when unknown."""


def arc_rows(
    arcs: Sequence[Arc], ctx: Context, graph_label: GraphLabel | None = None
) -> list[ArcRow]:
    """Arcs as rows, each graph named by ``graph_label`` (else its last IRI segment)."""

    def graph(iri: str) -> Link:
        name = graph_label(iri) if graph_label else None
        return ctx.link(iri, name or iri.rsplit("/", 1)[-1])

    return [
        ArcRow(
            ctx.link(arc.predicate.value),
            value_view(arc.value, ctx, arc.label),
            tuple(graph(g) for g in arc.graphs[:GRAPHS_SHOWN]),
            max(0, len(arc.graphs) - GRAPHS_SHOWN),
        )
        for arc in arcs
    ]


def generic_view(
    view: ResourceView, ctx: Context, graph_label: GraphLabel | None = None
) -> dict[str, object]:
    """The values of the generic part of a resource page (``generic.html``)."""
    return {
        "arcs": arc_rows(view.arcs, ctx, graph_label),
        "parts": [(ctx.link(p), arc_rows(a, ctx, graph_label)) for p, a in view.parts.items()],
        "incoming": arc_rows(view.incoming, ctx, graph_label),
        "incoming_truncated": view.incoming_truncated,
        "incoming_more": 0,
    }


def server_nav() -> list[NavItem]:
    """The endpoint's navigation bar (absolute links to this server)."""
    return [NavItem("/", "attackgraph"), NavItem("/sparql", "SPARQL")]


def page_values(
    *,
    title: str,
    root: str,
    nav: Sequence[NavItem],
    head_links: Sequence[tuple[str, str]] = (),
    jsonld: str = "",
    body_data: dict[str, str] | None = None,
    maps: bool = False,
    sequence: tuple[str, str] = ("", ""),
) -> dict[str, object]:
    """What ``layout.html`` needs: ``head_links`` are (media type, href) alternates,
    ``jsonld`` is embedded (already made safe by ``script_json``), ``maps`` loads
    Leaflet and ``map.js``, ``sequence`` links the previous and the next page of a
    list (``rel="prev"``, ``rel="next"``; "" for none)."""
    return {
        "prev_href": sequence[0],
        "next_href": sequence[1],
        "maps": maps,
        "title": title,
        "nav": list(nav),
        "head_links": list(head_links),
        "assets": root + "assets/",
        "jsonld": jsonld,
        "body_data": body_data or {},
    }


RESOURCE_ALTERNATES: Final = (("ttl", "Turtle"), ("jsonld", "JSON-LD"), ("nt", "N-Triples"))


def resource_page(view: ResourceView, ctx: Context, graph_label: GraphLabel | None = None) -> bytes:
    """The endpoint's page of a resource without a release page: name, types,
    properties, parts, incoming links."""
    title = view.label or view.iri.rsplit("/", 1)[-1]
    return render(
        "resource.html",
        **page_values(title=title, root=ctx.root, nav=server_nav()),
        iri=view.iri,
        types=[ctx.link(t.value) for t in view.types],
        alternates=[Link(name, f"?format={key}") for key, name in RESOURCE_ALTERNATES],
        **generic_view(view, ctx, graph_label),
    )


def query_page(ctx: Context, *, deadline: float, row_cap: int) -> bytes:
    """The query page: a textarea, example queries, and the script that runs them."""
    return render(
        "query.html",
        **page_values(
            title="attackgraph SPARQL endpoint",
            root=ctx.root,
            nav=server_nav(),
            body_data={"base": ctx.base},
        ),
        examples=EXAMPLES,
        deadline=f"{deadline:g}",
        row_cap=row_cap,
    )
