"""Validation results: :class:`Violation` (one SHACL result, located) and :class:`Report`.

>>> Report(True, ()).format_text()
'conforms: 0 violations'
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any, Final

import rdflib
from rdflib import BNode, Literal
from rdflib.term import Node

from attackgraph.identifiers import prefixes_for
from attackgraph.namespaces import SH_NS, XSD

SHAPES_NS: Final = "https://w3id.org/attackgraph/shapes#"
"""Namespace of the shapes and of the SPARQL constraints' rule IRIs (``agsh:``)."""

_CURIES: Final = sorted(
    {**prefixes_for(), "sh": SH_NS, "agsh": SHAPES_NS}.items(), key=lambda kv: -len(kv[1])
)
_SEVERITIES: Final = ("violation", "warning", "info")
_MAX_VALUE_TEXT: Final = 120

# datatypes of the closed namespace as rdflib terms (rdflib's own XSD object is open)
XSD_DATE: Final = rdflib.URIRef(XSD.date.value)
XSD_STRING: Final = rdflib.URIRef(XSD.string.value)
XSD_INTEGER: Final = rdflib.URIRef(XSD.integer.value)


@dataclass(frozen=True)
class Violation:
    """One SHACL result, with the source document and line it traces back to."""

    focus: str
    path: str | None
    message: str
    severity: str
    """``violation``, ``warning`` or ``info``."""
    value: str | None
    shape: str | None
    """The named shape that reported it (``agsh:ClaimShape``)."""
    source_file: str | None
    """The document the focus node came from, when known."""
    line: int | None
    """1-based line in that document, when known."""
    constraint: str | None = None
    """The rule: a SPARQL constraint's IRI (``agsh:span-anchor-matches-text``), else the
    SHACL constraint component (``sh:MinCountConstraintComponent``)."""

    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.source_file is None,
            self.source_file or "",
            self.line is None,
            self.line or 0,
            self.focus,
            self.path or "",
            self.constraint or "",
            self.value or "",
            self.message,
        )

    def format_text(self) -> str:
        """``file:line: focus ...: path ...: message (value: ...)`` and a rule line.

        >>> v = Violation("id:claim/d-1", "ag:evidence", "no evidence", "violation", None,
        ...     "agsh:ClaimShape", "d.txt", 4, "sh:MinCountConstraintComponent")
        >>> print(v.format_text())
        d.txt:4: focus id:claim/d-1: path ag:evidence: no evidence
            rule sh:MinCountConstraintComponent in agsh:ClaimShape
        """
        where = "" if self.source_file is None else f"{self.source_file}:"
        where += "" if self.line is None else f"{self.line}:"
        head = f"{where} focus {self.focus}: ".lstrip()
        head += "" if self.path is None else f"path {self.path}: "
        head += ("" if self.severity == "violation" else f"{self.severity}: ") + self.message
        if self.value is not None and self.value != self.focus:
            value = self.value
            if len(value) > _MAX_VALUE_TEXT:
                value = value[: _MAX_VALUE_TEXT - 1] + "…"
            head += f" (value: {value})"
        return (
            head
            + f"\n    rule {self.constraint or '?'}"
            + (f" in {self.shape}" if self.shape else "")
        )


@dataclass(frozen=True)
class Report:
    """Whether a graph conforms, and every result, sorted by document, line and focus."""

    conforms: bool
    violations: tuple[Violation, ...]

    def format_text(self) -> str:
        """One block per result, then a count line.

        >>> Report(True, ()).format_text()
        'conforms: 0 violations'
        """
        counts = [(sum(v.severity == s for v in self.violations), s) for s in _SEVERITIES]
        tail = ", ".join(
            f"{n} {s}{'' if n == 1 else 's'}" for n, s in counts if n or s == "violation"
        )
        verdict = "conforms: " if self.conforms else "does not conform: "
        return "\n".join([*(v.format_text() for v in self.violations), verdict + tail])

    def to_json(self) -> str:
        """The report as JSON with a stable key order (the dataclass field order).

        >>> print(Report(True, ()).to_json())
        {
          "conforms": true,
          "violations": []
        }
        """
        body = {"conforms": self.conforms, "violations": [asdict(v) for v in self.violations]}
        return json.dumps(body, indent=2, ensure_ascii=False)


def curie(term: Node) -> str:
    """A compact, deterministic name for a term, with the project's fixed prefixes.

    >>> curie(rdflib.URIRef("https://w3id.org/attackgraph/id/claim/doc-1"))
    'claim:doc-1'
    >>> curie(Literal("2022-02-30", datatype=XSD_DATE))
    '"2022-02-30"^^xsd:date'
    >>> curie(Literal(15)), curie(rdflib.URIRef("urn:x"))
    ('15', '<urn:x>')
    """
    if isinstance(term, Literal):
        text = json.dumps(str(term), ensure_ascii=False)
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is None or term.datatype == XSD_STRING:
            return text
        if term.datatype == XSD_INTEGER and not term.ill_typed:
            return str(term)
        return f"{text}^^{curie(term.datatype)}"
    if isinstance(term, BNode):
        return "[]"  # labels differ from parse to parse; the graph should have none
    iri = str(term)
    for prefix, namespace in _CURIES:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"
