"""What a build did: documents read, built and skipped, warnings, counts, changes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from attackgraph import changes, publish
from attackgraph.model import Problem
from attackgraph.validate import Violation


@dataclass
class BuildReport:
    """The run's closing summary."""

    documents: int = 0
    built: int = 0
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    quads: int = 0
    triples: int = 0
    files: dict[str, str] = field(default_factory=dict)
    document_hashes: dict[str, str] = field(default_factory=dict)
    """Graph IRI -> SHA-256 of each built document (the next build compares with it)."""
    changes: changes.Changes = field(default_factory=lambda: changes.Changes(previous=None))
    seconds: float = 0.0
    """Wall time of the build (shown in the summary, never written to the release)."""
    cached: int | None = None
    """Documents read from the build cache; None when the build ran without one."""
    distrusted: list[tuple[str, str]] = field(default_factory=list)
    """(document as shown, why) of each build-cache entry that failed its checks: the
    document was converted again (shown in the summary, never written to the release)."""

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.violations

    def release_stats(self) -> publish.ReleaseStats:
        """The counts the release describes itself with (``stats.json``, ``void.ttl``).

        >>> BuildReport(documents=3, built=2, quads=40, triples=35).release_stats().triples
        35
        """
        return publish.ReleaseStats(
            documents_read=self.documents,
            documents_built=self.built,
            skipped=tuple(self.skipped),
            warnings=len(self.warnings),
            violations=len(self.violations),
            quads=self.quads,
            triples=self.triples,
        )

    def summary(self) -> str:
        lines = [
            f"documents read: {self.documents}",
            f"documents built: {self.built}",
            f"documents skipped: {len(self.skipped)}",
        ]
        lines += [f"  {problem}" for problem in self.skipped]
        lines += [
            f"warnings: {len(self.warnings)}",
            f"quads: {self.quads}",
            f"triples: {self.triples}",
            f"shape violations: {len(self.violations)}",
            self.changes.summary(),
        ]
        if self.cached is not None:
            lines.append(f"build cache: {self.cached} of {self.documents} documents reused")
        lines += [
            f"build cache: entry of {source} not used ({why}); converted again"
            for source, why in self.distrusted
        ]
        if self.seconds:
            rate = self.documents / self.seconds
            lines.append(f"elapsed: {self.seconds:.1f} s ({rate:.1f} documents/s)")
        return "\n".join(lines)

    def to_json(self) -> str:
        data = {
            "documents": self.documents,
            "built": self.built,
            "skipped": [_problem_json(p) for p in self.skipped],
            "warnings": [_problem_json(p) for p in self.warnings],
            "quads": self.quads,
            "triples": self.triples,
            "violations": len(self.violations),
            "files": self.files,
            "changes": self.changes.to_json(),
            "document_hashes": dict(sorted(self.document_hashes.items())),
        }
        return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _problem_json(problem: Problem) -> dict[str, object]:
    return {
        "file": problem.source,
        "line": problem.line,
        "rule": problem.rule,
        "message": problem.message,
    }
