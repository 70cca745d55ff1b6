"""The media types the endpoint speaks, and content negotiation over them.

The formats are the registry's (:mod:`attackgraph.formats`): each has a name, the media
type it is answered with, the other media types and ``format=`` keywords that select it.

>>> negotiate("text/html,application/xhtml+xml,*/*;q=0.8", RESOURCE_FORMATS).name
'html'
>>> negotiate("application/ld+json", RESOURCE_FORMATS).media_type
'application/ld+json'
>>> negotiate("image/png", RESOURCE_FORMATS) is None
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from attackgraph.formats import (
    CSV,
    GRAPH_FORMATS,
    HTML,
    JSON,
    JSONLD,
    NTRIPLES,
    RDFXML,
    RESULT_FORMATS,
    TSV,
    TURTLE,
    XML,
    MediaFormat,
)

__all__ = [
    "CSV",
    "GRAPH_FORMATS",
    "HTML",
    "JSON",
    "JSONLD",
    "NTRIPLES",
    "RDFXML",
    "BY_NAME",
    "RESOURCE_FORMATS",
    "RESULT_FORMATS",
    "TSV",
    "TURTLE",
    "XML",
    "Format",
    "by_keyword",
    "negotiate",
    "parse_accept",
]


Format = MediaFormat
"""The endpoint's formats are the registry's (``attackgraph/formats.py``)."""

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
