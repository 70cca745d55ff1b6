"""The one page renderer: Jinja2 templates shipped in this package, autoescaped.

Every page of the static release and of the endpoint is rendered here, from plain
values (strings, numbers and the small view objects of :mod:`attackgraph.html.pages`);
templates escape every value, and an undefined name is an error, not an empty string.

>>> render("layout.html", title="<x>", nav=[], head_links=[], assets="", jsonld="", maps=False,
...        body_data={}).count(b"&lt;x&gt;")
1
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any, Final, Protocol

import jinja2
from markupsafe import Markup, escape

STATIC_FILES: Final = (
    "site.css",
    "sort.js",
    "query.js",
    "map.js",
    "index.js",
    "leaflet/leaflet.js",
    "leaflet/leaflet.css",
    "leaflet/LICENSE",
    "leaflet/README",
    "leaflet/images/layers.png",
    "leaflet/images/layers-2x.png",
)
"""The stylesheets, scripts and images pages link to (``assets/{name}`` in a release
and on the endpoint), shipped as package files; Leaflet is vendored from npm."""
LINKS_REMEMBERED: Final = 1 << 15
"""Links whose HTML :func:`link` remembers (memory stays bounded)."""


class LinkLike(Protocol):
    """What :func:`link` reads (:class:`attackgraph.html.pages.Link`)."""

    @property
    def text(self) -> str: ...
    @property
    def href(self) -> str | None: ...
    @property
    def title(self) -> str: ...


class ValueLike(Protocol):
    """What :func:`value` reads (:class:`attackgraph.html.pages.Value`)."""

    @property
    def text(self) -> str: ...
    @property
    def link(self) -> LinkLike | None: ...
    @property
    def note(self) -> str: ...
    @property
    def long(self) -> bool: ...
    @property
    def length(self) -> int: ...


def link(item: LinkLike) -> Markup:
    """A link as HTML (an ``<a>``, or a ``<span class="iri">`` when not followed): the
    templates' ``link()``, written here because pages call it hundreds of thousands of
    times and a Jinja2 macro call costs ten times more.

    >>> from attackgraph.html.pages import Link
    >>> str(link(Link("<Mali>", "../place/ml.html", "https://e/ml")))
    '<a href="../place/ml.html" title="https://e/ml">&lt;Mali&gt;</a>'
    >>> str(link(Link("x")))
    '<span class="iri">x</span>'
    """
    return _link_html(item.text, item.href, item.title)


@lru_cache(maxsize=LINKS_REMEMBERED)
def _link_html(text: str, href: str | None, title: str) -> Markup:
    """:func:`link`'s HTML, remembered: pages link to the same resources again and again."""
    if href is None:
        return Markup(f'<span class="iri">{escape(text)}</span>')
    shown = f' title="{escape(title)}"' if title else ""
    return Markup(f'<a href="{escape(href)}"{shown}>{escape(text)}</a>')


def links(items: Iterable[LinkLike], sep: str = ", ") -> Markup:
    """Links joined by ``sep`` (the templates' ``links()``).

    >>> from attackgraph.html.pages import Link
    >>> str(links([Link("a"), Link("b")], " · "))
    '<span class="iri">a</span> · <span class="iri">b</span>'
    """
    return Markup(escape(sep)).join(link(item) for item in items)


def value(item: ValueLike) -> Markup:
    """An RDF term's value as HTML (the templates' ``value()``): a link, a long text
    folded into ``<details>``, else the text, then its language or datatype.

    >>> from attackgraph.html.pages import Value
    >>> str(value(Value("12", note="xsd:integer")))
    '12 <span class="m">xsd:integer</span>'
    """
    if item.link is not None:
        shown = link(item.link)
    elif item.length:
        shown = Markup(
            f"<details><summary>{item.length} characters</summary>"
            f'<pre>{escape(item.text)} …</pre><p class="m">The first {len(item.text)} '
            "are shown; the whole value is in the Turtle and JSON-LD.</p></details>"
        )
    elif item.long:
        shown = Markup(
            f"<details><summary>{len(item.text)} characters</summary>"
            f"<pre>{escape(item.text)}</pre></details>"
        )
    else:
        shown = escape(item.text)
    if item.note:
        return Markup(f'{shown} <span class="m">{escape(item.note)}</span>')
    return Markup(shown)


class ArcRowLike(Protocol):
    """What :func:`arcs_table` reads (:class:`attackgraph.html.pages.ArcRow`)."""

    @property
    def predicate(self) -> LinkLike: ...
    @property
    def value(self) -> ValueLike: ...
    @property
    def graphs(self) -> Sequence[LinkLike]: ...
    @property
    def more_graphs(self) -> int: ...


def arcs_table(rows: Iterable[ArcRowLike], first: str, incoming: bool = False) -> Markup:
    """A table of properties (or, ``incoming``, of the links pointing at a resource)
    with the documents stating each (the templates' ``arcs_table()``; a page has
    hundreds of rows).

    >>> from attackgraph.html.pages import ArcRow, Link, Value
    >>> print(arcs_table([ArcRow(Link("p"), Value("1"), (Link("d"),), 2)], "property"))
    <table><tr><th>property</th><th>value</th><th>stated in</th></tr>
    <tr><td><span class="iri">p</span></td><td>1</td><td class="g"><span class="iri">d</span> \
<span class="m">and 2 more</span></td></tr>
    </table>
    """
    second = "property" if incoming else "value"
    out = [f"<table><tr><th>{escape(first)}</th><th>{second}</th><th>stated in</th></tr>\n"]
    for row in rows:
        cells = (value(row.value), link(row.predicate))
        more = f' <span class="m">and {row.more_graphs} more</span>' if row.more_graphs else ""
        out.append(
            f"<tr><td>{cells[not incoming]}</td><td>{cells[incoming]}</td>"
            f'<td class="g">{links(row.graphs, " ")}{more}</td></tr>\n'
        )
    out.append("</table>")
    return Markup("".join(out))


class QuoteLike(Protocol):
    """What :func:`source` reads of a quote (:class:`attackgraph.publish.whosaid.Quote`)."""

    @property
    def text(self) -> str: ...
    @property
    def href(self) -> str | None: ...


class SourceLike(Protocol):
    """What :func:`source` reads (:class:`attackgraph.publish.whosaid.Source`)."""

    @property
    def who(self) -> LinkLike: ...
    @property
    def via(self) -> LinkLike | None: ...
    @property
    def kind(self) -> LinkLike | None: ...
    @property
    def rank(self) -> LinkLike | None: ...
    @property
    def deprecated(self) -> bool: ...
    @property
    def quotes(self) -> Sequence[QuoteLike]: ...
    @property
    def docs(self) -> Sequence[LinkLike]: ...
    @property
    def anchors(self) -> Sequence[str]: ...


def source(item: SourceLike) -> Markup:
    """One source of a "who said what" row, as a list item (the templates' ``source()``):
    who, via whom, how, its rank, the document, the quoted sentences.

    >>> from types import SimpleNamespace as S
    >>> from attackgraph.html.pages import Link
    >>> print(source(S(who=Link("AFP"), via=None, kind=None, rank=Link("normal"),
    ...     deprecated=False, quotes=[S(text="“<6 dead>”", href="d.html#s")], docs=[],
    ...     anchors=["claim-1"])))
    <li><span id="claim-1"></span><span class="iri">AFP</span> <span class="m">· \
<span class="iri">normal</span></span><blockquote><a href="d.html#s">“&lt;6 dead&gt;”</a>\
</blockquote></li>
    """
    out = ['<li class="dep">' if item.deprecated else "<li>"]
    out += [f'<span id="{escape(a)}"></span>' for a in item.anchors]
    out.append(link(item.who))
    if item.via is not None:
        out.append(f' <span class="m">via</span> {link(item.via)}')
    for shown in (item.kind, item.rank):
        if shown is not None:
            out.append(f' <span class="m">· {link(shown)}</span>')
    out += [f' <span class="m">· in {link(doc)}</span>' for doc in item.docs]
    for quote in item.quotes:
        text = escape(quote.text)
        if quote.href is not None:
            text = Markup(f'<a href="{escape(quote.href)}">{text}</a>')
        out.append(f"<blockquote>{text}</blockquote>")
    out.append("</li>")
    return Markup("".join(out))


@cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment: package templates (loaded once, not checked for changes),
    autoescaping, ``StrictUndefined``;
    :func:`link`, :func:`links`, :func:`value`, :func:`arcs_table` and :func:`source` are
    its globals (Python: called hundreds of thousands of times, a macro costs more)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("attackgraph.html", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # package files: not checked on disk at every page (~10 stats each)
    )
    env.globals.update(link=link, links=links, value=value, arcs_table=arcs_table, source=source)
    return env


def render(template: str, **values: Any) -> bytes:
    """``template`` rendered with ``values``, as UTF-8 bytes.

    Raises ``jinja2.UndefinedError`` when the template uses a name not given.
    """
    return environment().get_template(template).render(**values).encode("utf-8")


def static_file(name: str) -> bytes:
    """A packaged stylesheet or script by name; ``KeyError`` for any other name.

    >>> static_file("site.css").startswith(b"body")
    True
    """
    if name not in STATIC_FILES:
        raise KeyError(name)
    return files("attackgraph.html").joinpath("static", *name.split("/")).read_bytes()


def json_script(value: Any) -> str:
    """JSON for a ``<script type="application/json">`` element: ``<``, ``>`` and ``&``
    become ``\\u`` escapes (the same JSON value), so no text inside can close it.

    >>> json_script({"name": "</script>"})
    '{"name": "\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
