"""A document over 200 KB and an event with more claims than one part: their pages are
in parts, no page is over 200 KB, every link (to a claim, a figure or a quoted span on
another part) resolves, and the whole text is there to download."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pyoxigraph as ox
import pytest
from test_pages import parsed

from attackgraph import pipeline
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
    options = pipeline.BuildOptions(issued="2029-03-10", jobs=2)
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
    parts = sorted(page.parent.glob(page.name.removesuffix(".html") + ".p*.html"))
    assert len(parts) >= 2
    for part in parts:
        assert "<h2>Who said what</h2>" in part.read_text(encoding="utf-8")


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
