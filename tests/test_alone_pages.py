"""A document page rendered from its document's quads alone, as a converting worker
renders it, is taken by the pages stage only when the release answers every read it
made the same, and is then the page the release gives, byte for byte."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from release_tree import tree
from sample_edits import SAMPLE, build

from attackgraph import pipeline
from attackgraph.pipeline import BuildOptions, Converter, discover
from attackgraph.publish.alone import AlonePage, AlonePages
from attackgraph.publish.data import ReleaseData
from attackgraph.publish.files import ONTOLOGY_TTL, packaged_file
from attackgraph.publish.ontology import Ontology
from attackgraph.publish.site import Site


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[AlonePage]]:
    """The sample's release and each document's page rendered alone."""
    release = tmp_path_factory.mktemp("alone") / "release"
    build(SAMPLE, release)
    converter = Converter(BuildOptions(), pages=True)
    pages = [converter.convert(path).page for path in discover([SAMPLE])]
    assert all(page is not None for page in pages)
    return release, [page for page in pages if page is not None]


def _site(release: Path, folder: Path) -> Site:
    data = ReleaseData(release / "attackgraph.nq", folder)
    return Site(data, Ontology(packaged_file(ONTOLOGY_TTL)), base="https://w3id.org/attackgraph")


def test_a_page_taken_is_the_page_the_release_renders(
    sample: tuple[Path, list[AlonePage]], tmp_path: Path
) -> None:
    release, pages = sample
    site = _site(release, tmp_path / "store")
    alone = AlonePages(tmp_path / "aside")
    for page in pages:
        alone.put(page)
    taken = 0
    for page in pages:
        entry = alone.take(page.iri, site.data, tmp_path / "taken")
        if entry is None:
            continue
        taken += 1
        assert entry == site.render(tmp_path / "rendered", "doc", page.iri)
    assert taken >= len(pages) // 2  # not: an actor another document types otherwise
    files = tree(tmp_path / "taken")
    assert files == tree(tmp_path / "rendered")
    assert files.items() <= tree(release).items()


def test_a_page_whose_read_the_release_answers_otherwise_is_not_taken(
    sample: tuple[Path, list[AlonePage]], tmp_path: Path
) -> None:
    release, pages = sample
    site = _site(release, tmp_path / "store")
    alone = AlonePages(tmp_path / "aside")
    page = pages[0]
    assert alone.take(page.iri, site.data, tmp_path / "out") is None  # never put aside
    read, digest = page.asked[-1]
    other = bytes(b ^ 0xFF for b in digest)
    alone.put(replace(page, asked=(*page.asked[:-1], (read, other))))
    assert alone.take(page.iri, site.data, tmp_path / "out") is None
    assert not (tmp_path / "out").exists()
    alone.put(page)  # put again: the latest one counts
    assert alone.take(page.iri, site.data, tmp_path / "out") is not None
    alone.close()
    assert not (tmp_path / "aside").exists()


def test_a_page_is_not_taken_when_another_document_says_more_of_what_it_links_to(
    sample: tuple[Path, list[AlonePage]], tmp_path: Path
) -> None:
    """The release with one more statement, in another document's graph, typing an
    actor a page links to: that page is rendered from the release, not taken."""
    release, pages = sample
    site = _site(release, tmp_path / "store")
    page = next(p for p in pages if _takes(p, site.data))
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    actor = next(
        read[0] for read, _ in page.asked if "/id/actor/" in read[0] and read[1] == rdf_type
    )
    more = tmp_path / "more"
    more.mkdir()
    (more / "attackgraph.nq").write_bytes(
        (release / "attackgraph.nq").read_bytes()
        + f"<{actor}> <{rdf_type}> <https://schema.org/Thing> "
        "<https://w3id.org/attackgraph/id/doc/another-document> .\n".encode()
    )
    assert not _takes(page, _site(more, tmp_path / "more-store").data)


def _takes(page: AlonePage, data: ReleaseData) -> bool:
    return all(data.answer(read) == digest for read, digest in page.asked)


def test_a_build_takes_the_pages_and_writes_what_it_wrote_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole build, with the pages put aside taken, in one process and in two, writes
    what the build without them writes (the default: ``PAGES_IN_WORKERS`` is off)."""
    build(SAMPLE, tmp_path / "off", jobs=1)
    monkeypatch.setattr(pipeline, "PAGES_IN_WORKERS", True)
    build(SAMPLE, tmp_path / "one", jobs=1)
    build(SAMPLE, tmp_path / "two", jobs=2)
    files = tree(tmp_path / "one")
    assert files == tree(tmp_path / "two") == tree(tmp_path / "off")
    assert not [name for name in files if ".pages-alone" in name]
