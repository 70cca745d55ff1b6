"""What a build changes against the release it replaces, and when to refuse it.

Each release's ``build-report.json`` lists its documents (graph IRI -> SHA-256 of the
source bytes). The next build compares its own list with that one: documents added,
removed and changed are shown in the summary, and a build that would remove more than
half of the previous release's documents stops unless the user allows it
(``--allow-shrink``): an emptied or half-copied input folder must not silently replace
a good release.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from attackgraph.model import AttackgraphError, Problem

REPORT_NAME: Final = "build-report.json"
SHRINK_LIMIT: Final = 0.5
"""A build may remove at most this share of the previous release's documents."""


class ShrinkError(AttackgraphError, ValueError):
    """The build would remove too many of the previous release's documents."""


@dataclass(frozen=True)
class Changes:
    """Documents added, removed and changed, by graph IRI; ``previous`` is ``None``
    when there was no previous release (or it listed no documents).

    >>> c = compare({"d:a": "1", "d:b": "2", "d:c": "3"}, {"d:a": "1", "d:b": "9", "d:d": "4"})
    >>> c.added, c.removed, c.changed
    (('d:d',), ('d:c',), ('d:b',))
    >>> c.summary()
    'changes against the previous release: 1 added, 1 removed, 1 changed, 1 unchanged'
    """

    previous: int | None
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    unchanged: int = 0

    def summary(self) -> str:
        if self.previous is None:
            return "changes against the previous release: none (first release)"
        return (
            f"changes against the previous release: {len(self.added)} added, "
            f"{len(self.removed)} removed, {len(self.changed)} changed, "
            f"{self.unchanged} unchanged"
        )

    def to_json(self) -> dict[str, object]:
        return {
            "previous": self.previous,
            "added": list(self.added),
            "removed": list(self.removed),
            "changed": list(self.changed),
            "unchanged": self.unchanged,
        }


def previous_documents(out_dir: Path) -> dict[str, str] | None:
    """The documents of the release in ``out_dir`` (graph IRI -> SHA-256), or ``None``
    when there is no release there or its report lists none (an older release).

    >>> previous_documents(Path("/nonexistent")) is None
    True
    """
    try:
        data = json.loads((out_dir / REPORT_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    listed = data.get("document_hashes") if isinstance(data, dict) else None
    if not isinstance(listed, dict):
        return None
    return {str(iri): str(sha) for iri, sha in listed.items()}


def compare(previous: Mapping[str, str] | None, current: Mapping[str, str]) -> Changes:
    """Compare two document lists (graph IRI -> SHA-256); see :class:`Changes`."""
    if previous is None:
        return Changes(previous=None, added=tuple(sorted(current)))
    return Changes(
        previous=len(previous),
        added=tuple(sorted(set(current) - set(previous))),
        removed=tuple(sorted(set(previous) - set(current))),
        changed=tuple(sorted(i for i in current if i in previous and previous[i] != current[i])),
        unchanged=sum(1 for i in current if previous.get(i) == current[i]),
    )


def check_shrink(changes: Changes, *, allow: bool) -> None:
    """Raise :class:`ShrinkError` when more than half of the previous release's documents
    would be removed, unless ``allow``.

    >>> check_shrink(compare({"a": "1", "b": "2", "c": "3"}, {"a": "1"}), allow=False)
    Traceback (most recent call last):
    attackgraph.changes.ShrinkError: this build would remove 2 of the previous release's 3 documents (more than half); the previous release is kept. Check the input folder, or pass --allow-shrink to replace it anyway
    >>> check_shrink(compare({"a": "1", "b": "2"}, {"a": "1"}), allow=False)
    """  # noqa: E501
    if allow or not changes.previous:
        return
    if len(changes.removed) > changes.previous * SHRINK_LIMIT:
        raise ShrinkError(
            f"this build would remove {len(changes.removed)} of the previous release's "
            f"{changes.previous} documents (more than half); the previous release is kept. "
            "Check the input folder, or pass --allow-shrink to replace it anyway"
        )


def duplicate_problem(source: str, other: str, iri: str) -> Problem:
    """The problem of a second input file whose document IRI is already taken.

    >>> str(duplicate_problem("b/x.txt", "a/x.txt", "https://e.org/id/doc/x"))
    'b/x.txt:1: identity/duplicate-document: a/x.txt gives the same document IRI <https://e.org/id/doc/x>; rename one of the two files'
    """  # noqa: E501
    return Problem(
        source,
        1,
        "identity/duplicate-document",
        f"{other} gives the same document IRI <{iri}>; rename one of the two files",
    )
