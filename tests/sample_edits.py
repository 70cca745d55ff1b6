"""The sample documents copied for a test to change, and built with or without a cache:
for the tests of what a rebuild keeps."""

from __future__ import annotations

import shutil
from pathlib import Path

from attackgraph import pipeline

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "documents"
MALI = "000_6de047e5428871d9.txt"
"""The sample document the rebuild tests change (its ``Casualties3`` line)."""


def copy_sample(folder: Path) -> Path:
    """``data/documents`` copied to ``folder`` (which must not exist yet)."""
    shutil.copytree(SAMPLE, folder)
    return folder


def edit(corpus: Path, old: str, new: str, name: str = MALI) -> None:
    """Replace ``old`` (which must occur) by ``new`` in the document ``name``."""
    document = corpus / name
    text = document.read_text(encoding="utf-8")
    assert old in text
    document.write_text(text.replace(old, new), encoding="utf-8")


def build(corpus: Path, out: Path, *, cache: Path | None = None, jobs: int = 1) -> None:
    """A whole build of ``corpus`` into ``out`` (a fixed issue date), required to succeed."""
    options = pipeline.BuildOptions(cache_dir=cache, issued="2024-01-01", jobs=jobs)
    report = pipeline.build([corpus], out, options)
    assert report.ok, report.summary()


def raid(
    perpetrator: str, title: str = "Raid on Tamba", date: str = "1 May 2020", place: str = "Tamba"
) -> str:
    """A short document of one attack with an infobox perpetrator: for the union tests,
    where documents that agree or disagree on one fact are built together."""
    return (
        f"= {title} =\n\nInfobox\n- Date: {date}\n- Location: {place}, Mali\n"
        f"- Perpetrator: {perpetrator}\n\nGunmen attacked the army post in {place}.\n"
    )
