"""The media types the endpoint speaks, and content negotiation over them.

One small registry of value objects: each :class:`Format` has a name, the media type it
is answered with, the other media types and ``format=`` keywords that select it.

>>> negotiate("text/html,application/xhtml+xml,*/*;q=0.8", RESOURCE_FORMATS).name
'html'
>>> negotiate("application/ld+json", RESOURCE_FORMATS).media_type
'application/ld+json'
>>> negotiate("image/png", RESOURCE_FORMATS) is None
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Format:
    """A serialisation the endpoint can answer with."""

    name: str
    media_type: str
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` header value (UTF-8 is stated for text formats)."""
        if self.media_type.startswith("text/") or self.name == "html":
            return f"{self.media_type}; charset=utf-8"
        return self.media_type

    def media_types(self) -> tuple[str, ...]:
        """Every media type that selects this format, the answered one first."""
        return (self.media_type, *self.aliases)


JSON: Final = Format(
    "json",
    "application/sparql-results+json",
    ("application/json", "text/javascript", "application/javascript"),
    ("json", "srj"),
)
XML: Final = Format(
    "xml", "application/sparql-results+xml", ("application/xml", "text/xml"), ("xml", "srx")
)
CSV: Final = Format("csv", "text/csv", (), ("csv",))
TSV: Final = Format("tsv", "text/tab-separated-values", (), ("tsv",))
TURTLE: Final = Format(
    "turtle",
    "text/turtle",
    ("application/x-turtle", "application/turtle", "text/n3", "text/rdf+n3"),
    ("turtle", "ttl", "n3"),
)
NTRIPLES: Final = Format(
    "ntriples", "application/n-triples", ("text/plain",), ("ntriples", "nt", "n-triples")
)
JSONLD: Final = Format(
    "jsonld", "application/ld+json", ("application/json",), ("json-ld", "jsonld", "json")
)
RDFXML: Final = Format(
    "rdfxml",
    "application/rdf+xml",
    ("application/xml", "text/xml"),
    ("rdf", "rdfxml", "rdf+xml", "xml"),
)
HTML: Final = Format("html", "text/html", ("application/xhtml+xml",), ("html",))

RESULT_FORMATS: Final = (JSON, XML, CSV, TSV)
"""SELECT and ASK results, in the server's order of preference."""
GRAPH_FORMATS: Final = (TURTLE, NTRIPLES, JSONLD, RDFXML)
"""CONSTRUCT and DESCRIBE results."""
RESOURCE_FORMATS: Final = (TURTLE, HTML, JSONLD, NTRIPLES, RDFXML)
"""A dereferenced resource: ``*/*`` gets Turtle, a browser (``text/html``) gets HTML."""
BY_NAME: Final = {f.name: f for f in (*RESULT_FORMATS, *GRAPH_FORMATS, HTML)}


def parse_accept(header: str) -> list[tuple[str, float]]:
    """The media ranges of an ``Accept`` header with their q-values.

    Malformed q-values count as 0 (not acceptable) rather than failing the request.

    >>> parse_accept("text/turtle;q=0.9, application/ld+json")
    [('text/turtle', 0.9), ('application/ld+json', 1.0)]
    """
    ranges: list[tuple[str, float]] = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def _quality(media_type: str, ranges: list[tuple[str, float]]) -> tuple[float, int]:
    """q of the most specific range matching ``media_type``, with that specificity."""
    kind = media_type.split("/")[0]
    best: tuple[int, float] | None = None
    for media, q in ranges:
        if media == media_type:
            specificity = 2
        elif media == f"{kind}/*":
            specificity = 1
        elif media in ("*/*", "*"):
            specificity = 0
        else:
            continue
        if best is None or specificity > best[0]:
            best = (specificity, q)
    return (0.0, -1) if best is None else (best[1], best[0])


def negotiate(accept: str | None, offered: Sequence[Format]) -> Format | None:
    """The offered format the client prefers, or None when none is acceptable (406).

    A missing or empty ``Accept`` takes the first offered format; on equal q-values a
    media type named exactly beats a wildcard, then the server's order decides.

    >>> negotiate(None, RESULT_FORMATS).name
    'json'
    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULT_FORMATS).name
    'xml'
    >>> negotiate("text/*", GRAPH_FORMATS).name
    'turtle'
    """
    if not accept or not accept.strip():
        return offered[0] if offered else None
    ranges = parse_accept(accept)
    best: tuple[float, int, int] | None = None
    chosen: Format | None = None
    for order, fmt in enumerate(offered):
        for media_type in fmt.media_types():
            q, specificity = _quality(media_type, ranges)
            if q <= 0:
                continue
            key = (q, specificity, -order)
            if best is None or key > best:
                best, chosen = key, fmt
    return chosen


def by_keyword(keyword: str, offered: Sequence[Format]) -> Format | None:
    """The offered format a ``format=`` parameter names (a keyword or a media type).

    >>> by_keyword("json", GRAPH_FORMATS).name
    'jsonld'
    >>> by_keyword("text/csv", RESULT_FORMATS).name
    'csv'
    >>> by_keyword("png", RESULT_FORMATS) is None
    True
    """
    wanted = keyword.strip().lower()
    for fmt in offered:
        if wanted in fmt.keywords or wanted in fmt.media_types():
            return fmt
    return None
