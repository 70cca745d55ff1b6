"""The media formats attackgraph reads, writes and serves: one registry of value objects.

Each :class:`MediaFormat` is built on pyoxigraph's own :class:`~pyoxigraph.RdfFormat` or
:class:`~pyoxigraph.QueryResultsFormat`, so its media type, file extension and W3C
format IRI come from there; what is ours is the name, and the other media types and
``format=`` keywords that select it on the endpoint. The dumps (``export/formats.py``),
the endpoint's content negotiation (``serve/formats.py``), the SPARQL result writers
(``sparql/results.py``) and ``validate`` all use these.

>>> TURTLE.media_type, TURTLE.extension, NQUADS.rdf is RdfFormat.N_QUADS
('text/turtle', '.ttl', True)
>>> CSV.media_type, CSV.content_type, BY_NAME["json"].media_type
('text/csv', 'text/csv; charset=utf-8', 'application/sparql-results+json')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from pyoxigraph import QueryResultsFormat, RdfFormat


@dataclass(frozen=True)
class MediaFormat:
    """One format: a name, the media type it is answered with, its file extension."""

    name: str
    media_type: str
    extension: str
    """With the dot (``.ttl``)."""
    aliases: tuple[str, ...] = ()
    """Other media types that select it in an ``Accept`` header."""
    keywords: tuple[str, ...] = ()
    """Values of the endpoint's ``format=`` parameter that select it."""
    rdf: RdfFormat | None = None
    results: QueryResultsFormat | None = None
    iri: str | None = None
    """The format's IRI in the W3C registry (``http://www.w3.org/ns/formats/``)."""

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` header value (UTF-8 is stated for text formats)."""
        if self.media_type.startswith("text/") or self.name == "html":
            return f"{self.media_type}; charset=utf-8"
        return self.media_type

    def media_types(self) -> tuple[str, ...]:
        """Every media type that selects this format, the answered one first."""
        return (self.media_type, *self.aliases)


def _rdf(
    name: str,
    fmt: RdfFormat,
    aliases: tuple[str, ...] = (),
    keywords: tuple[str, ...] = (),
    *,
    iri: str | None = None,
) -> MediaFormat:
    return MediaFormat(
        name,
        fmt.media_type,
        f".{fmt.file_extension}",
        aliases,
        keywords,
        rdf=fmt,
        iri=iri or fmt.iri,
    )


def _results(
    name: str, fmt: QueryResultsFormat, aliases: tuple[str, ...], keywords: tuple[str, ...]
) -> MediaFormat:
    media_type = fmt.media_type.split(";")[0]  # pyoxigraph adds "; charset=utf-8" to CSV/TSV
    return MediaFormat(
        name, media_type, f".{fmt.file_extension}", aliases, keywords, results=fmt, iri=fmt.iri
    )


TURTLE: Final = _rdf(
    "turtle",
    RdfFormat.TURTLE,
    ("application/x-turtle", "application/turtle", "text/n3", "text/rdf+n3"),
    ("turtle", "ttl", "n3"),
)
NTRIPLES: Final = _rdf(
    "ntriples", RdfFormat.N_TRIPLES, ("text/plain",), ("ntriples", "nt", "n-triples")
)
NQUADS: Final = _rdf("nquads", RdfFormat.N_QUADS)
TRIG: Final = _rdf("trig", RdfFormat.TRIG)
JSONLD: Final = _rdf(
    "jsonld",
    RdfFormat.JSON_LD,
    ("application/json",),
    ("json-ld", "jsonld", "json"),
    iri="http://www.w3.org/ns/formats/JSON-LD",  # pyoxigraph 0.5 gives another IRI
)
RDFXML: Final = _rdf(
    "rdfxml",
    RdfFormat.RDF_XML,
    ("application/xml", "text/xml"),
    ("rdf", "rdfxml", "rdf+xml", "xml"),
)
JSON: Final = _results(
    "json",
    QueryResultsFormat.JSON,
    ("application/json", "text/javascript", "application/javascript"),
    ("json", "srj"),
)
XML: Final = _results(
    "xml", QueryResultsFormat.XML, ("application/xml", "text/xml"), ("xml", "srx")
)
CSV: Final = _results("csv", QueryResultsFormat.CSV, (), ("csv",))
TSV: Final = _results("tsv", QueryResultsFormat.TSV, (), ("tsv",))
HTML: Final = MediaFormat("html", "text/html", ".html", ("application/xhtml+xml",), ("html",))

RESULT_FORMATS: Final = (JSON, XML, CSV, TSV)
"""SELECT and ASK results, in the endpoint's order of preference."""
GRAPH_FORMATS: Final = (TURTLE, NTRIPLES, JSONLD, RDFXML)
"""CONSTRUCT and DESCRIBE results, and resources, in the endpoint's order of preference."""
READABLE: Final = (TURTLE, NTRIPLES, NQUADS, TRIG, JSONLD)
"""The RDF files ``attackgraph validate`` reads."""
BY_NAME: Final = {
    f.name: f for f in (TURTLE, NTRIPLES, NQUADS, TRIG, JSONLD, RDFXML, *RESULT_FORMATS, HTML)
}
"""Every format by name."""
