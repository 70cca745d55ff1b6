"""The release's front page (``index.html``: the events, sortable) and the lists of
documents, actors and places.

Tables are sortable by clicking a column head (a few lines of inline script, no
library); without script the events are in date order, undated ones last.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Final

from attackgraph.html.pages import iri_html
from attackgraph.publish.links import StaticContext
from attackgraph.publish.render import EventSummary, page

SORT_SCRIPT: Final = """
for (const table of document.querySelectorAll('table.sortable')) {
  const head = table.tHead.rows[0], body = table.tBodies[0];
  [...head.cells].forEach((th, i) => {
    th.style.cursor = 'pointer';
    th.title = 'Sort by ' + th.textContent;
    th.addEventListener('click', () => {
      const up = th.dataset.dir !== 'asc';
      for (const c of head.cells) delete c.dataset.dir;
      th.dataset.dir = up ? 'asc' : 'desc';
      const num = th.dataset.type === 'num';
      const key = (row) => {
        const c = row.cells[i], v = c.dataset.sort ?? c.textContent.trim();
        return v === '' ? null : num ? Number(v) : v.toLowerCase();
      };
      const rows = [...body.rows].map((r) => [key(r), r]);
      rows.sort(([a], [b]) => {
        if (a === null || b === null) return (a === null) - (b === null);  // empty last
        const d = num ? a - b : a.localeCompare(b);
        return up ? d : -d;
      });
      body.append(...rows.map(([, r]) => r));
    });
  });
}
"""

Label = Callable[[str | None], str]


def index_page(
    events: Sequence[EventSummary],
    conflicts: Sequence[EventSummary],
    ctx: StaticContext,
    label: Label,
    *,
    version: str,
    counts: dict[str, int],
) -> bytes:
    """``index.html``: every event (not the sites of an attack, not wars) in date order."""
    ordered = sorted(events, key=lambda e: (e.date == "", e.date, e.name.lower(), e.iri))
    rows = []
    for e in ordered:
        country = label(e.country) if e.country else ""
        rows.append(
            f"<tr><td>{html.escape(e.date)}</td>"
            f"<td>{iri_html(e.iri, ctx, e.name)}</td>"
            f'<td data-sort="{html.escape(country, quote=True)}">'
            f"{iri_html(e.country, ctx, country) if e.country else ''}</td>"
            f'<td class="num" data-sort="{"" if e.deaths is None else e.deaths}">'
            f"{html.escape(e.deaths_text)}</td></tr>"
        )
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    body = [
        f"<h1>attackgraph release {html.escape(version)}</h1>",
        f"<p>{html.escape(summary)}. Every page has Turtle and JSON-LD twins; the whole "
        'graph is in the <a href="README.md">downloads</a>, described in '
        '<a href="void.ttl">void.ttl</a>; the vocabulary is the '
        '<a href="ontology.html">attackgraph ontology</a>.</p>',
        "<h2>Events</h2>",
        '<p class="m">Click a column head to sort. Deaths: the total killed that the '
        "source documents give as preferred (or the sum of their killed figures).</p>",
        '<table class="sortable" id="events"><thead><tr><th>date</th><th>event</th>'
        '<th>country</th><th data-type="num">deaths</th></tr></thead><tbody>',
        *rows,
        "</tbody></table>",
    ]
    if conflicts:
        body.append("<h2>Wider conflicts</h2><ul>")
        body += [
            f"<li>{iri_html(c.iri, ctx, c.name)}</li>"
            for c in sorted(conflicts, key=lambda c: (c.name.lower(), c.iri))
        ]
        body.append("</ul>")
    body.append(f"<script>{SORT_SCRIPT}</script>")
    return page(ctx, "attackgraph events", "\n".join(body))


def list_page(
    title: str, iris: Sequence[str], ctx: StaticContext, label: Label, kinds: Label
) -> bytes:
    """A sortable list of resources with their types (``kinds`` names them)."""
    ordered = sorted(iris, key=lambda i: (label(i).lower(), i))
    rows = [
        f"<tr><td>{iri_html(i, ctx, label(i))}</td><td>{html.escape(kinds(i))}</td></tr>"
        for i in ordered
    ]
    body = [
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="m">{len(ordered)} in this release.</p>',
        '<table class="sortable"><thead><tr><th>name</th><th>type</th></tr></thead><tbody>',
        *rows,
        "</tbody></table>",
        f"<script>{SORT_SCRIPT}</script>",
    ]
    return page(ctx, title, "\n".join(body))
