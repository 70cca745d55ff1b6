"""A document over 200 KB, an event with more claims than one part and an actor making
a thousand claims: their pages are in parts, no page is over 200 KB, every link (to a
claim, a figure or a quoted span on another part) resolves, every incoming link is on
one of the parts, and the whole text is there to download."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pyoxigraph as ox
import pytest
from test_pages import parsed

from attackgraph import pipeline
from attackgraph.limits import Limits
from attackgraph.namespaces import NIF
from attackgraph.publish.parts import TEXT_PART

LIMIT = 200_000
_HEAD = """= 2029 Kerbala Road convoy ambush =

Infobox
- Date: 9 March 2029
- Location: Gao, Gao Region, Mali
- Deaths: 31 (per the governor)
- Perpetrator: Sahel Liberation Column (SLC)

On 9 March 2029, fighters ambushed a supply convoy on the road north of Gao.

== Casualties ==
"""
_LINE = (
    "A doctor at the regional hospital told AFP that {n} drivers were killed. "
    "According to the Red Cross, {m} passengers died on the road. "
    "The governor said {n} soldiers were wounded in the ambush.\n\n"
)


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("long")
    parts, n = [_HEAD], 3
    while sum(map(len, parts)) < 210_000:
        parts.append(_LINE.format(n=n, m=n + 7))
        n += 1
    (folder / "convoy.txt").write_text("".join(parts), encoding="utf-8")
    out = folder / "release"
    no_claims_limit = Limits(claims=0)  # its ~3,200 claims are past the default 1,000
    options = pipeline.BuildOptions(issued="2029-03-10", jobs=2, limits=no_claims_limit)
    report = pipeline.build([folder / "convoy.txt"], out, options)
    assert report.ok, report.summary()
    return out


def _pages(release: Path) -> Iterator[Path]:
    return iter(sorted(release.rglob("*.html")))


def _one(release: Path, kind: str) -> Path:
    (found,) = [p for p in (release / "id" / kind).glob("*.html") if ".p" not in p.name]
    return found


def test_no_page_is_over_200_kb(release: Path) -> None:
    sizes = {p.relative_to(release).as_posix(): p.stat().st_size for p in _pages(release)}
    assert max(sizes.values()) <= LIMIT, max(sizes.items(), key=lambda kv: kv[1])


def test_the_document_page_is_in_parts_with_its_whole_text(release: Path) -> None:
    page = _one(release, "doc")
    stem = page.name.removesuffix(".html")
    store = ox.Store()
    store.load(path=str(release / "attackgraph.nq"), format=ox.RdfFormat.N_QUADS)
    texts = [
        q.object.value
        for q in store.quads_for_pattern(None, NIF.isString, None)
        if isinstance(q.object, ox.Literal)
    ]
    assert len(texts[0]) > LIMIT
    whole = release / "texts" / f"{stem}.txt"
    assert whole.read_text(encoding="utf-8") == texts[0]
    parts = sorted(page.parent.glob(f"{stem}.p*.html"))
    assert len(parts) + 1 >= len(texts[0]) // TEXT_PART
    first = page.read_text(encoding="utf-8")
    assert f'href="../../texts/{stem}.txt"' in first
    assert f'href="{stem}.p2.html"' in first
    marks = [m for p in [page, *parts] for m in parsed(p).ids if m.startswith("span-")]
    assert len(marks) == len(set(marks)) > 1000


def test_the_event_claims_are_in_parts(release: Path) -> None:
    page = _one(release, "event")
    parts = sorted(
        page.parent.glob(page.name.removesuffix(".html") + ".p*.html"),
        key=lambda part: int(part.name.rsplit(".p", 1)[1].removesuffix(".html")),
    )
    texts = [part.read_text(encoding="utf-8") for part in parts]
    claims = [text for text in texts if "<h2>Who said what</h2>" in text]
    assert len(claims) >= 2
    for text in texts:  # the claims' parts first, then those of the incoming links
        shown = "<h2>Who said what</h2>" in text, "<h2>Incoming links</h2>" in text
        assert shown == (text in claims, text not in claims)
    assert texts[: len(claims)] == claims


def test_every_link_resolves_to_its_part(release: Path) -> None:
    ids: dict[Path, set[str]] = {}
    into_parts = 0
    for path in _pages(release):
        for _, link in parsed(path).links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            assert target.is_file(), (path, link)
            if parts.fragment:
                if target not in ids:
                    ids[target] = parsed(target).ids if target.suffix == ".html" else set()
                assert parts.fragment in ids[target], (path, link)
                into_parts += ".p" in target.name
    assert into_parts > 100  # the event's quotes link to spans on later parts


def _incoming_rows(page: Path) -> list[str]:
    """The first cell of each row of the page's "Incoming links" table."""
    html = page.read_text(encoding="utf-8")
    if "<h2>Incoming links</h2>" not in html:
        return []
    table = html.split("<h2>Incoming links</h2>", 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr><td>(.*?)</td>", table)


def test_an_actor_with_many_claims_is_in_parts_showing_every_incoming_link(
    release: Path,
) -> None:
    store = ox.Store()
    store.load(path=str(release / "attackgraph.nq"), format=ox.RdfFormat.N_QUADS)
    pointing: dict[str, set[tuple[str, str]]] = {}
    for q in store.quads_for_pattern(None, None, None, None):
        if isinstance(q.object, ox.NamedNode) and "/id/actor/" in q.object.value:
            pointing.setdefault(q.object.value, set()).add((q.predicate.value, str(q.subject)))
    actor, arcs = max(pointing.items(), key=lambda kv: len(kv[1]))
    assert len(arcs) > 500, len(arcs)  # far more than one page shows
    page = release / "id" / "actor" / (actor.rsplit("/", 1)[-1] + ".html")
    parts = sorted(page.parent.glob(page.name.removesuffix(".html") + ".p*.html"))
    assert len(parts) >= 2
    rows = [row for p in [page, *parts] for row in _incoming_rows(p)]
    assert len(rows) == len(arcs)  # every incoming link, once, on one of the parts
    first = page.read_text(encoding="utf-8")
    assert "more incoming links are on the next parts of this page" in first
    assert "The claims are shown in" in first and "At most" not in first
    assert any("<h2>Claims made</h2>" in p.read_text(encoding="utf-8") for p in parts)


def test_a_document_layout_read_lean_is_the_one_its_page_has(release: Path) -> None:
    """The layout of a document page (which part shows each claim, figure and span), as
    a link into it needs it, read without the lookups' caches and without the claims'
    figures (`ReleaseData.layout_claims`) is the one the cached claims give."""
    from attackgraph.publish.data import ReleaseData
    from attackgraph.publish.parts import doc_layout
    from attackgraph.publish.views import doc_claims

    data = ReleaseData(release / "attackgraph.nq")
    (doc,) = [iri for iri in data.typed_subjects() if "/id/doc/" in iri]
    length = len(data.node(doc).text(NIF.isString) or "")
    lean = doc_layout(length, doc_claims(data, doc, lean=True))
    assert len(set(lean.values())) > 2  # claims, figures and spans on several parts
    assert lean == doc_layout(length, doc_claims(data, doc))
