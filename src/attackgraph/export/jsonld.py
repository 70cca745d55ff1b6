"""JSON-LD output: a flat ``@graph`` of node objects, compacted with the project context.

The compacted JSON is built here, one node object per subject, from the sorted triple
lines: about 260 k triples/s against rdflib's 80 k/s with the same context (whose key
order is not stable either), and pyoxigraph writes only expanded JSON-LD (measured by
``bench/export_bench.py``). The context is embedded in the output (consumers never fetch
anything), with its instance prefix pointing at the configured base.

Compaction covers what a project context uses: ``@vocab``, prefixes (simple terms ending in a
gen-delim character, or ``"@prefix": true``), terms with ``@id``, a ``@type`` coercion
(``@id``, ``@vocab`` or a datatype), a ``@language`` and ``"@container": "@set"``.
A term with anything else (``@reverse``, a scoped ``@context``, ``@nest``, other
containers) is never chosen; its statements are written under a compact IRI key with
explicit ``{"@id"}`` / ``{"@value", "@type"|"@language"}`` objects instead, which
every JSON-LD processor reads the same way. The export re-parses the file with
pyoxigraph and compares every statement (see ``atomic.py``), so a compaction mistake
fails the export instead of publishing wrong data.

Layout: ``@context`` first, then ``@graph`` with one node object per line, subjects
in codepoint order, ``@type`` and ``@id`` first, other keys sorted, values in the
order of their N-Triples lines; a key with one value holds it bare, unless its term
has ``"@container": "@set"``. That is the JSON-LD 1.1 streaming document form, so the
file can be read (and is re-parsed by the export) in constant memory: the whole-document
JSON-LD parser holds about 11 times the file size.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

from pyoxigraph import Literal, NamedNode, RdfFormat

from attackgraph.export.atomic import ExportError
from attackgraph.export.collect import parse_lines
from attackgraph.export.context import merge_context
from attackgraph.namespaces import RDF_NS, XSD_NS

_RDF_TYPE: Final = RDF_NS + "type"
_XSD_STRING: Final = XSD_NS + "string"
_XSD_INTEGER: Final = XSD_NS + "integer"
_XSD_BOOLEAN: Final = XSD_NS + "boolean"
_GEN_DELIMS: Final = tuple(":/?#[]@")
_NATIVE_INTEGER: Final = re.compile(r"0|-?[1-9][0-9]{0,14}")  # canonical, exact in a double
_IRIS_REMEMBERED: Final = 1 << 15
"""Compacted IRIs a :class:`Compactor` remembers before it starts again (bounded)."""


class _Unset:
    """No plain JSON form for a value under a term."""


_NO: Final = _Unset()


@dataclass(frozen=True)
class _Term:
    name: str
    iri: str | None
    type: str | None = None
    language: str | None = None
    has_language: bool = False
    as_set: bool = False
    plain: bool = False
    prefix: bool = False
    scoped: bool = False


_NO_TERM: Final = _Term("", None)
"""What a key that is not a term carries: no coercion, no language."""


class Compactor:
    """Turns subjects and their statements into compact JSON-LD node objects.

    Raises :class:`ExportError` for a context it cannot use (a remote or cyclic one).

    >>> ctx = {"ag": "https://e/ag#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    ...        "name": "https://e/ag#name",
    ...        "date": {"@id": "ag:date", "@type": "xsd:date"}}
    >>> c = Compactor(ctx)
    >>> c.node("https://e/ag#x", [
    ...     (_RDF_TYPE, NamedNode("https://e/ag#Attack")),
    ...     ("https://e/ag#date", Literal("2022-04-24", datatype=NamedNode(XSD_NS + "date"))),
    ...     ("https://e/ag#name", Literal("Sévaré", language="fr")),
    ...     ("https://e/ag#name", Literal("Sevare"))])
    {'@type': 'ag:Attack', '@id': 'ag:x', 'date': '2022-04-24', \
'name': [{'@value': 'Sévaré', '@language': 'fr'}, 'Sevare']}
    """

    def __init__(self, context: Any) -> None:
        self._raw = merge_context(context)
        vocab = self._raw.get("@vocab")
        self._vocab: str | None = vocab if isinstance(vocab, str) else None
        self._strings_plain_by_default = (
            self._raw.get("@language") is None and self._raw.get("@direction") is None
        )
        self._terms: dict[str, _Term] = {}
        for name in self._raw:
            if not name.startswith("@"):
                self._define(name, set())
        by_length = sorted(self._terms.values(), key=lambda t: (len(t.name), t.name))
        self._by_iri: dict[str, list[_Term]] = {}
        self._type_names: dict[str, str] = {}
        for term in by_length:
            if term.iri is None or term.iri.startswith("@"):
                continue
            if term.plain:
                self._by_iri.setdefault(term.iri, []).append(term)
            if not term.scoped:
                self._type_names.setdefault(term.iri, term.name)
        self._prefixes = sorted(
            ((t.iri, t.name) for t in by_length if t.prefix and t.iri),
            key=lambda p: -len(p[0]),
        )
        self._prefix_names = frozenset(name for _, name in self._prefixes)
        self._keys: dict[str, str] = {}
        self._compacted: dict[tuple[str, bool, bool], str] = {}
        types = self._raw.get("@type")
        self._types_as_set = isinstance(types, dict) and _container(types) == {"@set"}

    # --- context processing ---------------------------------------------------------

    def _define(self, name: str, defining: set[str]) -> _Term | None:
        if name in self._terms:
            return self._terms[name]
        if name in defining:
            raise ExportError(f"JSON-LD context: cyclic definition of term {name!r}")
        defining.add(name)
        value = self._raw[name]
        if value is None:
            term = _Term(name, None)
        elif isinstance(value, str):
            iri = self._expand(value, defining)
            prefix = iri is not None and not iri.startswith("@") and iri.endswith(_GEN_DELIMS)
            term = _Term(name, iri, plain=True, prefix=prefix and _prefixable(name))
        elif isinstance(value, dict):
            term = self._expanded_definition(name, value, defining)
        else:
            raise ExportError(f"JSON-LD context: term {name!r} has no usable definition")
        self._terms[name] = term
        return term

    def _expanded_definition(self, name: str, d: dict[str, Any], defining: set[str]) -> _Term:
        if "@reverse" in d:
            return _Term(name, None)
        if "@id" in d:
            iri = None if d["@id"] is None else self._expand(d["@id"], defining)
        elif ":" in name:
            iri = self._expand(name, defining, use_terms=False)
        else:
            iri = None if self._vocab is None else self._vocab + name
        datatype = d.get("@type")
        if isinstance(datatype, str) and not datatype.startswith("@"):
            datatype = self._expand(datatype, defining)
        container = _container(d)
        plain = (
            iri is not None
            and not iri.startswith("@")
            and container <= {"@set"}
            and not {"@context", "@nest", "@index"} & d.keys()
            and d.get("@direction") is None
            and datatype not in ("@json", "@none")
        )
        return _Term(
            name,
            iri,
            type=datatype,
            language=d.get("@language"),
            has_language="@language" in d,
            as_set="@set" in container,
            plain=plain,
            prefix=d.get("@prefix") is True and _prefixable(name) and iri is not None,
            scoped="@context" in d,
        )

    def _expand(self, value: str, defining: set[str], *, use_terms: bool = True) -> str | None:
        """IRI expansion with vocab = true, as for the ``@id`` of a term definition."""
        if value.startswith("@"):
            return value
        if use_terms and value in self._raw:
            term = self._define(value, defining)
            return None if term is None else term.iri
        if ":" in value:
            prefix, suffix = value.split(":", 1)
            if prefix != "_" and not suffix.startswith("//") and prefix in self._raw:
                term = self._define(prefix, defining)
                if term is not None and term.iri is not None and term.prefix:
                    return term.iri + suffix
            return value
        if self._vocab is not None:
            return self._vocab + value
        raise ExportError(f"JSON-LD context: cannot expand {value!r} to an IRI")

    # --- compaction -----------------------------------------------------------------

    def iri(self, iri: str, *, vocab: bool, terms: bool = True) -> str:
        """The shortest unambiguous form of ``iri``, read back with IRI expansion.

        With ``vocab`` (keys, ``@type`` values, ``@vocab``-coerced values): a term
        mapping to it (unless not ``terms``), else a suffix of ``@vocab``; then a
        compact IRI; then the IRI itself. Raises :class:`ExportError` when none is
        unambiguous.

        >>> c = Compactor({"@vocab": "http://e/", "e": "http://e/", "Thing": "http://e/Thing"})
        >>> c.iri("http://e/Thing", vocab=True), c.iri("http://e/Other", vocab=True)
        ('Thing', 'Other')
        >>> c.iri("http://e/Thing", vocab=True, terms=False), c.iri("http://e/x", vocab=False)
        ('e:Thing', 'e:x')
        """
        key = (iri, vocab, terms)
        found = self._compacted.get(key)
        if found is None:  # remembered: the same IRIs come again and again
            if len(self._compacted) >= _IRIS_REMEMBERED:
                self._compacted.clear()
            found = self._compacted[key] = self._compact(iri, vocab=vocab, terms=terms)
        return found

    def _compact(self, iri: str, *, vocab: bool, terms: bool) -> str:
        if vocab:
            if terms and iri in self._type_names:
                return self._type_names[iri]
            if self._vocab and len(iri) > len(self._vocab) and iri.startswith(self._vocab):
                suffix = iri[len(self._vocab) :]
                if ":" not in suffix and not suffix.startswith("@") and suffix not in self._raw:
                    return suffix
        for namespace, name in self._prefixes:
            if len(iri) > len(namespace) and iri.startswith(namespace):
                suffix = iri[len(namespace) :]
                candidate = f"{name}:{suffix}"
                if not suffix.startswith("//") and candidate not in self._raw:
                    return candidate
        if iri in self._raw or iri.split(":", 1)[0] in self._prefix_names:
            raise ExportError(f"JSON-LD: <{iri}> cannot be written unambiguously in this context")
        return iri

    def node(self, subject: str, statements: Iterable[tuple[str, NamedNode | Literal]]) -> Any:
        """The node object for ``subject`` with its ``(predicate IRI, object)`` pairs."""
        types: list[str] = []
        entries: dict[str, list[Any]] = {}
        for predicate, obj in statements:
            if predicate == _RDF_TYPE and isinstance(obj, NamedNode):
                types.append(self.iri(obj.value, vocab=True))
                continue
            key, value = self._entry(predicate, obj)
            entries.setdefault(key, []).append(value)
        node: dict[str, Any] = {}
        if types:  # before @id: the order of the JSON-LD streaming profile
            node["@type"] = types if len(types) > 1 or self._types_as_set else types[0]
        node["@id"] = self.iri(subject, vocab=False)
        for key in sorted(entries):
            values = entries[key]
            term = self._terms.get(key)
            node[key] = values if len(values) > 1 or (term and term.as_set) else values[0]
        return node

    def _entry(self, predicate: str, obj: NamedNode | Literal) -> tuple[str, Any]:
        if isinstance(obj, Literal) and obj.direction is not None:
            raise ExportError(f"JSON-LD: directional literal {obj} is not supported")
        candidates = self._by_iri.get(predicate, ())
        for term in candidates:
            value = self._plain(term, obj)
            if value is not _NO:
                return term.name, value
        for term in candidates:
            if term.type is None:
                return term.name, self._explicit(obj)
        key = self._keys.get(predicate)
        if key is None:  # never a term: the usable ones were tried above
            key = self._keys[predicate] = self.iri(predicate, vocab=True, terms=False)
        value = self._plain(_NO_TERM, obj)
        return key, self._explicit(obj) if value is _NO else value

    def _plain(self, term: _Term, obj: NamedNode | Literal) -> Any:
        if isinstance(obj, NamedNode):
            if term.type in ("@id", "@vocab"):
                return self.iri(obj.value, vocab=term.type == "@vocab")
            return _NO
        if obj.language:
            matches = term.type is None and term.has_language and term.language == obj.language
            return obj.value if matches else _NO
        datatype = obj.datatype.value
        if term.type is not None:
            return obj.value if term.type == datatype else _NO
        if datatype == _XSD_STRING:
            if term.has_language:
                return obj.value if term.language is None else _NO
            return obj.value if self._strings_plain_by_default else _NO
        if datatype == _XSD_INTEGER and _NATIVE_INTEGER.fullmatch(obj.value):
            return int(obj.value)
        if datatype == _XSD_BOOLEAN and obj.value in ("true", "false"):
            return obj.value == "true"
        return _NO

    def _explicit(self, obj: NamedNode | Literal) -> dict[str, str]:
        if isinstance(obj, NamedNode):
            return {"@id": self.iri(obj.value, vocab=False)}
        if obj.language:
            return {"@value": obj.value, "@language": obj.language}
        if obj.datatype.value == _XSD_STRING:
            return {"@value": obj.value}
        return {"@type": self.iri(obj.datatype.value, vocab=True), "@value": obj.value}


def jsonld_head(context: Any) -> bytes:
    """The file up to its first node object: the embedded context, then ``"@graph": [``.

    >>> jsonld_head({"@vocab": "https://e/"}).decode().splitlines()[-1]
    '"@graph": ['
    """
    head = json.dumps(context, ensure_ascii=False, indent=2)
    return f'{{\n"@context": {head},\n"@graph": ['.encode()


def jsonld_tail() -> bytes:
    """The file after its last node object."""
    return b"\n]\n}\n"


def json_nodes(triple_lines: Iterable[bytes], compactor: Compactor, *, first: bool) -> bytes:
    r"""One node object a line for the triples (sorted N-Triples lines without `` .``),
    each after a comma and a newline (the first of the file after a newline only).

    Raises :class:`ExportError` for an unsupported literal.

    >>> compactor = Compactor({"@vocab": "https://e/"})
    >>> json_nodes([b'<https://e/s> <https://e/p> "x"'], compactor, first=False)
    b',\n{"@id": "https://e/s", "p": "x"}'
    """
    separator = "\n" if first else ",\n"
    nodes = [
        json.dumps(compactor.node(subject, statements), ensure_ascii=False)
        for subject, statements in _subjects(triple_lines)
    ]
    return (separator + ",\n".join(nodes)).encode() if nodes else b""


def _subjects(
    triple_lines: Iterable[bytes],
) -> Iterator[tuple[str, list[tuple[str, NamedNode | Literal]]]]:
    """Group sorted triples by subject: ``(subject IRI, [(predicate IRI, object)])``."""
    subject: str | None = None
    statements: list[tuple[str, NamedNode | Literal]] = []
    for quad in parse_lines(triple_lines, b" .\n", RdfFormat.N_TRIPLES):
        value = quad.subject.value  # type: ignore[union-attr]  # never a triple term
        if value != subject:
            if subject is not None:
                yield subject, statements
            subject, statements = value, []
        statements.append((quad.predicate.value, quad.object))  # type: ignore[arg-type]
    if subject is not None:
        yield subject, statements


def _container(definition: Mapping[str, Any]) -> set[str]:
    value = definition.get("@container")
    if value is None:
        return set()
    return {value} if isinstance(value, str) else set(value)


def _prefixable(name: str) -> bool:
    return ":" not in name and "/" not in name
