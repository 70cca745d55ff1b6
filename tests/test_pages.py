"""The release's static linked-data pages: content, escaping, links, twins.

Two releases are published: the sample corpus (data/documents, through
``pipeline.build``) and the hand-made fixture release (tests/fixtures/release: the
Mopti figures in disagreement, a literal with ``<``, ``>``, ``&`` and quotes), to which
an actor named ``<script>…`` is added.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from itertools import groupby
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markupsafe
import pyoxigraph as ox
import pytest

from attackgraph import export
from attackgraph.publish import ReleaseStats, publish, staged_release

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_NQ = ROOT / "tests" / "fixtures" / "release" / "attackgraph.nq"
BASE = "https://w3id.org/attackgraph"
MOPTI = "id/event/april-2022-mopti-region-attacks.html"
EVIL = '<script>alert("x")</script> & Co'


def _publish(out: Path, batches: list[list[ox.Quad]], *, documents: int) -> Path:
    with staged_release(out) as staging:
        written = export.write_dataset(batches, staging)
        export.write_text(staging / "validation-report.txt", "Conforms.\n")
        stats = ReleaseStats(documents, documents, quads=written.quads, triples=written.triples)
        publish(staging, stats=stats, base=BASE, version="test", issued=None)
    return out


@pytest.fixture(scope="module")
def sample(sample_release: Path) -> Path:
    return sample_release


@pytest.fixture(scope="module")
def fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    quads = sorted(
        ox.parse(path=str(FIXTURE_NQ), format=ox.RdfFormat.N_QUADS), key=lambda q: str(q.graph_name)
    )
    batches = [list(g) for _, g in groupby(quads, key=lambda q: str(q.graph_name))]
    doc = batches[0][0].graph_name
    evil = ox.NamedNode(BASE + "/id/actor/evil")
    batches[0] += [
        ox.Quad(evil, ox.NamedNode(_RDF_TYPE), ox.NamedNode(_AG + "ArmedGroup"), doc),
        ox.Quad(evil, ox.NamedNode("https://schema.org/name"), ox.Literal(EVIL), doc),
    ]
    return _publish(tmp_path_factory.mktemp("fixture") / "release", batches, documents=3)


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_AG = "https://w3id.org/attackgraph/ontology#"


def pages(release: Path) -> Iterator[Path]:
    return iter(sorted(release.rglob("*.html")))


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        for attr in ("href", "src"):
            if found.get(attr) is not None:
                self.links.append((tag, str(found[attr])))
        if tag == "script":
            self.scripts.append(found)


def parsed(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


# --- the event page ---------------------------------------------------------------------


def _rows(page: str) -> list[str]:
    table = page.split("<h2>Who said what</h2>", 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr[^>]*>.*?</tr>", table.split("<tbody>", 1)[1], flags=re.S)


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def test_sample_event_page_shows_who_said_what(sample: Path) -> None:
    page = (sample / MOPTI).read_text(encoding="utf-8")
    assert "<h1>April 2022 Mopti region attacks</h1>" in page
    assert "2022-04-24" in page
    # 15 soldiers + 11 militants + 6 civilians: figures repeated in the prose, with or
    # without a side, are not counted twice
    assert "<p>Deaths: <b>32</b></p>" in page
    assert (
        'href="https://www.openstreetmap.org/?mlat=14.533&amp;mlon=-4.1#map=10/14.533/-4.1"' in page
    )
    rows = [" ".join(_text(r).split()) for r in _rows(page)]
    quote = "“Casualties1: 15 soldiers killed, 20 soldiers injured”"
    expected = [
        ("soldiers killed 15", quote),
        ("soldiers injured 20", quote),
        ("militants killed 11", "“Casualties2: 11 jihadists killed”"),
        ("civilians killed 6", "“Casualties3: 6 civilians killed”"),
    ]
    for figure, words in expected:
        assert any(figure in r and words in r and "the document" in r for r in rows), (
            figure,
            rows,
        )
    # the quote links to the highlighted span on the document page
    doc = "id/doc/000-6de047e5428871d9.html#span-000-6de047e5428871d9-303-355"
    assert f'href="../../{doc}"' in page


def test_subgroups_are_shown_as_parts_of_their_total(sample: Path) -> None:
    """Issue 8: "thirty of them British" and the other nationalities of the Sousse
    victims are parts of the 38 killed, all worded alike - never "30 total"."""
    page = (sample / "id/event/2015-sousse-attack.html").read_text(encoding="utf-8")
    figures = page.split("<h2>Figures</h2>", 1)[1].split("</ul>", 1)[0]
    lines = [" ".join(_text(li).split()) for li in re.findall(r"<li>.*?</li>", figures)]
    assert "<p>Deaths: <b>38</b></p>" in page
    assert "killed: 38 total" in lines
    for part in ("30 British", "3 Irish citizens", "2 Germans", "1 Portuguese woman"):
        assert f"{part} among the 38 killed" in lines, lines
    assert not [line for line in lines if "total (" in line or "other group" in line]
    rows = [" ".join(_text(r).split()) for r in _rows(page)]
    british = [r for r in rows if re.match(r"British \(a subgroup; other group ?\) killed 30", r)]
    assert len(british) == 1 and "thirty of them British" in british[0]
    assert not [r for r in rows if r.startswith("total") and "British" in r.split("killed")[0]]
    assert not [r for r in rows if "≠" in r]  # the British 30 contradict nobody's 38


def test_disagreeing_sources_are_highlighted(fixture: Path) -> None:
    page = (fixture / MOPTI).read_text(encoding="utf-8")
    rows = _rows(page)
    flagged = [" ".join(_text(r).split()) for r in rows if 'class="disagree' in r]
    assert any("the document" in r and "soldiers killed ≠ 15" in r for r in flagged)
    assert any("Malian government" in r and "soldiers killed ≠ 6" in r for r in flagged)
    assert not [r for r in flagged if "soldiers injured 20" in r]  # nobody contradicts it


def test_document_page_marks_the_quoted_spans(sample: Path) -> None:
    page = parsed(sample / "id/doc/000-6de047e5428871d9.html")
    assert "span-000-6de047e5428871d9-303-355" in page.ids
    assert "claim-000-6de047e5428871d9-1" in page.ids
    text = (sample / "id/doc/000-6de047e5428871d9.html").read_text(encoding="utf-8")
    assert (
        '<mark id="span-000-6de047e5428871d9-303-355">Casualties1: 15 soldiers killed, '
        "20 soldiers injured</mark>" in text
    )


# --- safety -----------------------------------------------------------------------------


def test_text_is_escaped_everywhere(fixture: Path) -> None:
    for path in pages(fixture):
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text, path
        assert text.count("<script") == len(parsed(path).scripts), path
    page = (fixture / "id/actor/evil.html").read_text(encoding="utf-8")
    assert str(markupsafe.escape(EVIL)) in page
    [embedded] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert "<" not in embedded and json.loads(embedded)["@graph"][0]["name"] == EVIL
    listing = (fixture / "actors.html").read_text(encoding="utf-8")
    assert str(markupsafe.escape(EVIL)) in listing
    # the fixture's literal with < > & and quotes is escaped on its event's page
    assert "&lt;centre&gt;" in (fixture / MOPTI).read_text(encoding="utf-8")


@pytest.mark.parametrize("which", ["sample", "fixture"])
def test_every_link_resolves_inside_the_release(which: str, request: pytest.FixtureRequest) -> None:
    release: Path = request.getfixturevalue(which)
    ids: dict[Path, set[str]] = {}
    checked = 0
    for path in pages(release):
        for tag, link in parsed(path).links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                assert tag == "a", (path, link)  # no external scripts, styles or images
                continue
            assert not parts.scheme and not parts.netloc and not link.startswith("/"), link
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            assert target.is_file() and release.resolve() in target.parents, (path, link)
            if parts.fragment:
                if target not in ids:
                    ids[target] = parsed(target).ids if target.suffix == ".html" else set()
                assert parts.fragment in ids[target], (path, link)
            checked += 1
    assert checked > 500


def test_pages_need_nothing_from_outside(sample: Path) -> None:
    for path in pages(sample):
        text = path.read_text(encoding="utf-8")
        for tag, link in parsed(path).links:
            if tag in ("script", "link"):  # styles, scripts and twins come with the release
                assert not urlsplit(link).scheme, (path, link)
        assert "<img" not in text and "@import" not in text and "//cdn" not in text, path


# --- layout and twins -------------------------------------------------------------------


def test_pages_mirror_the_iris(sample: Path) -> None:
    store = ox.Store()
    store.bulk_load(path=str(sample / "attackgraph.nq"), format=ox.RdfFormat.N_QUADS)
    subjects = {q.subject.value for q in store if isinstance(q.subject, ox.NamedNode)}
    for kind in ("event", "actor", "place", "doc"):
        prefix = f"{BASE}/id/{kind}/"
        mine = {s[len(prefix) :] for s in subjects if s.startswith(prefix)}
        assert mine, kind
        found = {p.stem for p in (sample / "id" / kind).glob("*.html")}
        assert found == mine, kind
        for slug in mine:
            for ext in (".ttl", ".jsonld"):
                assert (sample / "id" / kind / f"{slug}{ext}").is_file()


def test_twins_hold_the_description(sample: Path) -> None:
    store = ox.Store()
    store.bulk_load(path=str(sample / "attackgraph.nq"), format=ox.RdfFormat.N_QUADS)
    for path in sorted((sample / "id").rglob("*.html")):
        iri = f"{BASE}/{path.relative_to(sample).with_suffix('').as_posix()}"
        ttl = _triples(path.with_suffix(".ttl").read_bytes(), ox.RdfFormat.TURTLE)
        jsonld = _triples(path.with_suffix(".jsonld").read_bytes(), ox.RdfFormat.JSON_LD)
        assert ttl == jsonld and ttl, path
        own = {q.triple for q in store.quads_for_pattern(ox.NamedNode(iri), None, None, None)}
        assert own <= ttl, path
        text = path.read_text(encoding="utf-8")
        [embedded] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
        assert _triples(embedded.encode(), ox.RdfFormat.JSON_LD) == ttl, path
        stem = path.stem
        assert f'<link rel="alternate" type="text/turtle" href="{stem}.ttl">' in text
        assert f'<link rel="alternate" type="application/ld+json" href="{stem}.jsonld">' in text


def test_document_twins_hold_their_claims(sample: Path) -> None:
    """A document's twins hold every statement any document's graph makes about each
    claim it reports (the twins read a claim's statements from the union: each triple
    once, whichever graphs state it)."""
    store = ox.Store()
    store.bulk_load(path=str(sample / "attackgraph.nq"), format=ox.RdfFormat.N_QUADS)
    reported = ox.NamedNode(_AG + "reportedIn")
    shown = 0
    for path in sorted((sample / "id" / "doc").glob("*.html")):
        iri = ox.NamedNode(f"{BASE}/{path.relative_to(sample).with_suffix('').as_posix()}")
        claims = {q.subject for q in store.quads_for_pattern(None, reported, iri, None)}
        stated = {q.triple for c in claims for q in store.quads_for_pattern(c, None, None, None)}
        ttl = _triples(path.with_suffix(".ttl").read_bytes(), ox.RdfFormat.TURTLE)
        assert stated <= ttl, path
        shown += len(claims)
    assert shown > 10


def _triples(data: bytes, rdf_format: ox.RdfFormat) -> set[ox.Triple]:
    return {q.triple for q in ox.parse(data, format=rdf_format)}


def test_index_lists_events_in_date_order(sample: Path) -> None:
    text = (sample / "index.html").read_text(encoding="utf-8")
    body = text.split('id="events"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr id=\"ev-[0-9]+\"><td>([^<]*)</td><td><a href=\"([^\"]+)\"", body)
    dates = [d for d, _ in rows]
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dates == dated + [""] * (len(dates) - len(dated))
    assert ("2022-04-24", MOPTI) in rows
    site = "id/event/april-2022-mopti-region-attacks-sevare.html"
    assert (sample / site).is_file() and site not in [h for _, h in rows]  # sites are not listed
    assert 'class="sortable"' in text and 'src="assets/sort.js"' in text
    assert "table.sortable" in (sample / "assets/sort.js").read_text(encoding="utf-8")


def test_ontology_page_has_an_anchor_per_term(sample: Path) -> None:
    ids = parsed(sample / "ontology.html").ids
    for term in ("ag-Attack", "ag-about", "ag-assertsFigure", "c-killed", "c-outcome-scheme"):
        assert term in ids
