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
from collections.abc import Iterable
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


@cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment: package templates, autoescaping, ``StrictUndefined``;
    :func:`link`, :func:`links` and :func:`value` are its globals."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("attackgraph.html", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(link=link, links=links, value=value)
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
