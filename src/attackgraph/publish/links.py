"""Where each resource's page is, and relative links between the static pages.

Pages mirror the IRIs: ``{base}/id/event/x`` is ``id/event/x.html``, with
``id/event/x.ttl`` and ``id/event/x.jsonld`` beside it. Every link between pages is
relative (``../place/ml.html`` from another resource page), so the folder works opened
from disk (``file://``) and from any static host at any path.

Resources without a page of their own link to the page that shows them: a claim, its
figures and its quoted spans to the document page (``#claim-…``, ``#figure-…``,
``#span-…``), a side to its event page (``#side-…``), a geometry to its place page.
Ontology terms and concepts link to ``ontology.html#ag-…`` / ``#c-…``.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass, field
from typing import Final

from attackgraph.html.pages import Context, Link
from attackgraph.namespaces import AG_NS, CONCEPT_NS

PAGE_KINDS: Final = ("event", "actor", "place", "doc")
"""Kinds of resources that get a page."""
ONTOLOGY_HTML: Final = "ontology.html"
Remember = Callable[[Callable[[str], str | None]], Callable[[str], str | None]]
"""A cache put around a lookup of links' targets."""


def term_anchor(iri: str) -> str | None:
    """The anchor of an ontology term or concept in ``ontology.html``.

    >>> term_anchor("https://w3id.org/attackgraph/ontology#Attack")
    'ag-Attack'
    >>> term_anchor("https://w3id.org/attackgraph/concept/killed")
    'c-killed'
    """
    if iri.startswith(AG_NS):
        return "ag-" + iri[len(AG_NS) :]
    if iri.startswith(CONCEPT_NS):
        return "c-" + iri[len(CONCEPT_NS) :]
    return None


def anchor(iri: str) -> str:
    """The element id for a resource shown inside another's page: ``{kind}-{slug}``.

    >>> anchor("https://w3id.org/attackgraph/id/claim/000-abc-1")
    'claim-000-abc-1'
    """
    kind, slug = iri.rsplit("/", 2)[-2:]
    return f"{kind}-{slug}"


@dataclass(frozen=True)
class SiteMap:
    """The release's pages: which IRIs have one, and who shows the others."""

    base: str
    pages: Container[str]
    """The IRIs that have a page of their own."""
    owners: Mapping[str, str] = field(default_factory=dict)
    """IRI without a page -> ``page path#anchor`` (or a page path) showing it."""
    terms: frozenset[str] = frozenset()
    """Ontology terms and concepts described in ``ontology.html``."""
    remember: Remember | None = field(default=None, compare=False, repr=False)
    """Puts :meth:`target` behind a cache (the pages' bounded one that notes what a page
    read: :meth:`attackgraph.publish.reads.Reads.cached`)."""
    _find: Callable[[str], str | None] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        find = self._target if self.remember is None else self.remember(self._target)
        object.__setattr__(self, "_find", find)

    @property
    def instance_ns(self) -> str:
        return self.base.rstrip("/") + "/id/"

    def page_path(self, iri: str) -> str | None:
        """``id/{kind}/{slug}.html`` for an IRI with a page, else None.

        >>> SiteMap("https://e.org/ag", frozenset({"https://e.org/ag/id/event/x"})).page_path(
        ...     "https://e.org/ag/id/event/x")
        'id/event/x.html'
        """
        return self.path_of(iri) if iri in self.pages else None

    def path_of(self, iri: str) -> str:
        """``id/{kind}/{slug}.html`` for an IRI known to have a page (not looked up).

        >>> SiteMap("https://e.org/ag", frozenset()).path_of("https://e.org/ag/id/event/x")
        'id/event/x.html'
        """
        return f"id/{iri[len(self.instance_ns) :]}.html"

    def target(self, iri: str) -> str | None:
        """The release path (with a fragment) a link to ``iri`` goes to, if any."""
        return self._find(iri)

    def _target(self, iri: str) -> str | None:
        page = self.page_path(iri)
        if page is not None:
            return page
        owner = self.owners.get(iri)  # one lookup, not a test and a lookup
        if owner is not None:
            return owner
        if iri in self.terms:
            return f"{ONTOLOGY_HTML}#{term_anchor(iri)}"
        return None


@dataclass(frozen=True)
class StaticContext(Context):
    """The endpoint's page context, with relative links for a page at depth ``root``
    (``""`` for the release's top folder, ``"../../"`` for ``id/{kind}/``).

    >>> site = SiteMap("https://e.org/ag", frozenset({"https://e.org/ag/id/place/ml"}))
    >>> StaticContext("https://e.org/ag", {}, site=site, root="../../").local_path(
    ...     "https://e.org/ag/id/place/ml")
    '../../id/place/ml.html'
    """

    site: SiteMap = field(default_factory=lambda: SiteMap("", frozenset()))
    root: str = ""

    def local_path(self, iri: str) -> str | None:
        target = self.site.target(iri)
        return None if target is None else self.root + target

    def href(self, path: str) -> str:
        """A link to a release path from this page."""
        return self.root + path

    def page_link(self, iri: str, label: str | None = None) -> Link:
        """:meth:`link` to an IRI known to have a page (a list's row), without asking
        the release whether it has one.

        >>> site = SiteMap("https://e.org/ag", frozenset({"https://e.org/ag/id/place/ml"}))
        >>> ctx = StaticContext("https://e.org/ag", {}, site=site)
        >>> ctx.page_link("https://e.org/ag/id/place/ml", "Mali") == ctx.link(
        ...     "https://e.org/ag/id/place/ml", "Mali")
        True
        """
        return Link(label or self.curie(iri), self.root + self.site.path_of(iri), iri)
