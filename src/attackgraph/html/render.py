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
from functools import cache
from importlib.resources import files
from typing import Any, Final

import jinja2

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


@cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment: package templates, autoescaping, ``StrictUndefined``."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("attackgraph.html", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


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
