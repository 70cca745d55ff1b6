"""HTML for people: a page per resource and the query page. Pure functions, no I/O.

Every value is escaped with :func:`html.escape`; links are made only to ``http(s)``
IRIs (resources under the base IRI link to this server's own pages); no CDN, no
external script or style, so the pages work offline.

>>> from pyoxigraph import Literal, NamedNode
>>> cell = value_html(Literal("<b>Sévaré</b>", language="fr"), Context("https://e.org/ag", {}))
>>> cell
'&lt;b&gt;Sévaré&lt;/b&gt; <span class="m">@fr</span>'
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from attackgraph.html.examples import EXAMPLES

Term = NamedNode | BlankNode | Literal | Triple

XSD_STRING: Final = "http://www.w3.org/2001/XMLSchema#string"
LONG_TEXT: Final = 300
"""Literals longer than this are folded into a ``<details>`` element."""

_STYLE: Final = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;
color:#1b1b1b;background:#fff}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.15rem;margin-top:1.6rem}
a{color:#0b57d0;text-decoration:none}a:hover{text-decoration:underline}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#f4f4f4}
.iri{font-family:ui-monospace,monospace;font-size:.9em;color:#555;word-break:break-all}
.m{color:#777;font-size:.85em}.g{font-size:.8em}nav{margin-bottom:1rem}
textarea{width:100%;font:14px/1.4 ui-monospace,monospace;box-sizing:border-box}
button{margin:.2rem .3rem .2rem 0}.error{color:#a00;white-space:pre-wrap}
pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}
"""


@dataclass(frozen=True)
class Context:
    """What links need: the base IRI (served locally) and the prefixes for CURIEs."""

    base: str
    prefixes: dict[str, str]

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


@dataclass(frozen=True)
class Arc:
    """One property value of a resource (or one incoming link), with where it is stated."""

    predicate: NamedNode
    value: Term
    label: str | None = None
    graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResourceView:
    """Everything the resource page shows."""

    iri: str
    label: str | None
    types: tuple[NamedNode, ...]
    arcs: tuple[Arc, ...]
    parts: dict[str, tuple[Arc, ...]] = field(default_factory=dict)
    incoming: tuple[Arc, ...] = ()
    incoming_truncated: bool = False


def iri_html(iri: str, ctx: Context, label: str | None = None) -> str:
    """A link to an IRI: local resources to this server, http(s) IRIs as they are."""
    text = html.escape(label if label else ctx.curie(iri))
    local = ctx.local_path(iri)
    href = local if local is not None else iri
    if local is None and not iri.startswith(("http://", "https://")):
        return f'<span class="iri">{text}</span>'
    title = html.escape(iri, quote=True)
    return f'<a href="{html.escape(href, quote=True)}" title="{title}">{text}</a>'


def value_html(term: Term, ctx: Context, label: str | None = None) -> str:
    """One RDF term as HTML: a link, or an escaped literal with its language or datatype."""
    if isinstance(term, NamedNode):
        return iri_html(term.value, ctx, label)
    if isinstance(term, BlankNode):
        return f'<span class="iri">_:{html.escape(term.value)}</span>'
    if isinstance(term, Triple):
        return html.escape(str(term))
    text = html.escape(term.value)
    if len(term.value) > LONG_TEXT:
        summary = f"<summary>{len(term.value)} characters</summary>"
        text = f"<details>{summary}<pre>{text}</pre></details>"
    if term.language:
        return f'{text} <span class="m">@{html.escape(term.language)}</span>'
    if term.datatype.value != XSD_STRING:
        return f'{text} <span class="m">{html.escape(ctx.curie(term.datatype.value))}</span>'
    return text


def _graphs_html(graphs: Sequence[str], ctx: Context) -> str:
    return " ".join(iri_html(g, ctx, g.rsplit("/", 1)[-1]) for g in graphs)


SERVER_NAV: Final = '<a href="/">attackgraph</a> · <a href="/sparql">SPARQL</a>'
"""The endpoint's navigation bar (absolute links to this server)."""


def html_page(title: str, body: str, *, nav: str = SERVER_NAV, head: str = "") -> bytes:
    """A whole page around ``body`` (HTML): escaped title, inline style, ``nav`` (HTML)
    at the top, ``head`` (HTML) added to the ``<head>``. Used by the endpoint and by the
    release's static pages (``attackgraph.publish``), which pass relative links.

    >>> html_page("<x>", "<p>hi</p>", nav="", head='<link rel="alternate">').count(b"&lt;x&gt;")
    1
    """
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style>{head}</head>\n"
        f"<body><nav>{nav}</nav>\n"
        f"{body}\n</body></html>\n"
    ).encode()


def _arcs_table(arcs: Sequence[Arc], ctx: Context, *, first: str, incoming: bool) -> str:
    rows = []
    for arc in arcs:
        cells = (
            (value_html(arc.value, ctx, arc.label), iri_html(arc.predicate.value, ctx))
            if incoming
            else (iri_html(arc.predicate.value, ctx), value_html(arc.value, ctx, arc.label))
        )
        rows.append(
            f"<tr><td>{cells[0]}</td><td>{cells[1]}</td>"
            f'<td class="g">{_graphs_html(arc.graphs, ctx)}</td></tr>'
        )
    second = "property" if incoming else "value"
    return (
        f"<table><tr><th>{first}</th><th>{second}</th><th>stated in</th></tr>\n"
        + "\n".join(rows)
        + "</table>"
    )


def resource_page(view: ResourceView, ctx: Context) -> bytes:
    """The HTML page of one resource: name, types, properties, parts, incoming links."""
    title = view.label or view.iri.rsplit("/", 1)[-1]
    types = ", ".join(iri_html(t.value, ctx) for t in view.types) or "(no type)"
    alternates = " · ".join(
        f'<a href="?format={key}">{name}</a>'
        for key, name in (("ttl", "Turtle"), ("jsonld", "JSON-LD"), ("nt", "N-Triples"))
    )
    parts = [
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="iri">{html.escape(view.iri)}</p>',
        f'<p>{types} <span class="m">· also as {alternates}</span></p>',
        *resource_sections(view, ctx),
    ]
    return html_page(title, "\n".join(parts))


def resource_sections(view: ResourceView, ctx: Context) -> list[str]:
    """The generic part of a resource page (HTML fragments): its properties with the
    documents stating them, its parts, and its incoming links."""
    parts = [
        "<h2>Properties</h2>",
        _arcs_table(view.arcs, ctx, first="property", incoming=False),
    ]
    for part_iri, arcs in view.parts.items():
        parts.append(f"<h2>Part {iri_html(part_iri, ctx)}</h2>")
        parts.append(_arcs_table(arcs, ctx, first="property", incoming=False))
    if view.incoming:
        parts.append("<h2>Incoming links</h2>")
        parts.append(_arcs_table(view.incoming, ctx, first="from", incoming=True))
        if view.incoming_truncated:
            parts.append(
                f'<p class="m">Only the first {len(view.incoming)} incoming links are shown; '
                "ask the SPARQL endpoint for all of them.</p>"
            )
    return parts


_SCRIPT: Final = """
const form = document.getElementById('q'), out = document.getElementById('out');
const base = document.body.dataset.base;
for (const b of document.querySelectorAll('button[data-query]')) {
  b.addEventListener('click', () => { form.query.value = b.dataset.query; });
}
function cell(t) {
  const td = document.createElement('td');
  if (!t) return td;
  if (t.type === 'uri') {
    const a = document.createElement('a');
    a.textContent = t.value;
    if (t.value.startsWith(base + '/')) a.href = t.value.slice(base.length);
    else if (/^https?:/.test(t.value)) a.href = t.value;
    td.appendChild(a);
  } else {
    td.textContent = t.value + (t['xml:lang'] ? ' @' + t['xml:lang'] : '');
  }
  return td;
}
form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  out.textContent = 'Running…';
  const t0 = performance.now();
  try {
    const r = await fetch('sparql', {method: 'POST',
      body: new URLSearchParams({query: form.query.value}),
      headers: {'Accept': 'application/sparql-results+json, text/turtle;q=0.9'}});
    const type = r.headers.get('Content-Type') || '', text = await r.text();
    const info = document.createElement('p');
    info.className = 'm';
    info.textContent = r.status + ' · ' + Math.round(performance.now() - t0) + ' ms';
    if (r.headers.get('X-Result-Truncated') === 'true')
      info.textContent += ' · truncated at ' + r.headers.get('X-Result-Row-Cap') + ' rows';
    out.replaceChildren(info);
    if (!r.ok) {
      const p = document.createElement('p'); p.className = 'error'; p.textContent = text;
      out.appendChild(p);
    } else if (type.startsWith('application/sparql-results+json')) {
      const data = JSON.parse(text);
      if ('boolean' in data) {
        out.appendChild(document.createTextNode(String(data.boolean)));
        return;
      }
      const table = document.createElement('table'), head = table.insertRow();
      for (const v of data.head.vars) {
        const th = document.createElement('th'); th.textContent = v; head.appendChild(th);
      }
      for (const b of data.results.bindings) {
        const tr = table.insertRow();
        for (const v of data.head.vars) tr.appendChild(cell(b[v]));
      }
      info.textContent += ' · ' + data.results.bindings.length + ' rows';
      out.appendChild(table);
    } else {
      const pre = document.createElement('pre'); pre.textContent = text; out.appendChild(pre);
    }
  } catch (e) { out.textContent = 'Request failed: ' + e; }
});
const shared = new URLSearchParams(location.search).get('query');
if (shared) { form.query.value = shared; form.requestSubmit(); }  // links like /?query=...
"""


def query_page(ctx: Context, *, deadline: float, row_cap: int) -> bytes:
    """The query page: a textarea, example queries, and a small script that runs them."""
    buttons = "".join(
        f'<button type="button" data-query="{html.escape(query, quote=True)}">'
        f"{html.escape(title)}</button>"
        for title, query in EXAMPLES
    )
    body = (
        "<h1>attackgraph SPARQL endpoint</h1>\n"
        f"<p>SPARQL 1.1 queries over the union of all documents' graphs at "
        f"<code>/sparql</code>; read-only, {deadline:g} s per query, at most {row_cap} rows "
        "(more are cut and flagged with <code>X-Result-Truncated: true</code>).</p>\n"
        f"<p>Examples: {buttons}</p>\n"
        '<form id="q" method="post" action="sparql">'
        f'<textarea name="query" rows="16" spellcheck="false">'
        f"{html.escape(EXAMPLES[0][1])}</textarea>"
        '<p><button type="submit">Run query</button></p></form>\n'
        '<div id="out"></div>\n'
        f"<script>{_SCRIPT}</script>"
    )
    page = html_page("attackgraph SPARQL endpoint", body)
    return page.replace(b"<body>", f'<body data-base="{html.escape(ctx.base)}">'.encode(), 1)
