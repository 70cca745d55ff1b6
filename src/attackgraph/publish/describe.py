"""A resource's description as Turtle and JSON-LD (the ``.ttl`` / ``.jsonld`` beside
its page, and the JSON-LD embedded in the page).

JSON-LD is compacted with the project context by the export stage's
:class:`~attackgraph.export.Compactor`; each file embeds the context cut down to the
terms and prefixes its description uses, so it is self-contained (nothing is fetched)
without repeating the whole context in every one of tens of thousands of files.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from json.encoder import encode_basestring
from typing import Any, Final

from pyoxigraph import Literal, NamedNode, Triple

from attackgraph.export import Compactor, embed_context, load_context, serialize_turtle
from attackgraph.namespaces import RDF


def sort_triples(triples: Iterable[Triple], first: str) -> list[Triple]:
    """Distinct triples, the subject ``first`` first, each subject's types first.

    >>> t = [Triple(NamedNode("http://e/b"), NamedNode("http://e/p"), Literal("1")),
    ...      Triple(NamedNode("http://e/a"), NamedNode("http://e/p"), Literal("2")),
    ...      Triple(NamedNode("http://e/a"), RDF.type, NamedNode("http://e/C"))]
    >>> [(x.subject.value[-1], x.predicate.value[-1]) for x in sort_triples(t, "http://e/b")]
    [('b', 'p'), ('a', 'e'), ('a', 'p')]
    """

    def key(t: Triple) -> tuple[bool, str, bool, str, str]:
        s = t.subject.value  # type: ignore[union-attr]  # never a triple term here
        return (s != first, s, t.predicate != RDF.type, t.predicate.value, str(t.object))

    return sorted(set(triples), key=key)


def to_turtle(triples: Sequence[Triple], prefixes: Mapping[str, str]) -> bytes:
    """Turtle with only the prefixes the triples use (in the order of ``prefixes``).

    >>> print(to_turtle([Triple(NamedNode("http://e/a"), NamedNode("http://e/p"),
    ...     Literal("1", datatype=NamedNode("http://x/int")))],
    ...     {"f": "http://f/", "x": "http://x/", "e": "http://e/"}).decode(), end="")
    @prefix x: <http://x/> .
    @prefix e: <http://e/> .
    e:a e:p "1"^^x:int .
    """
    namespaces: set[str] = set()
    for triple in triples:
        for term in (triple.subject, triple.predicate, triple.object):
            if isinstance(term, NamedNode):
                iri = term.value
            elif isinstance(term, Literal):
                iri = term.datatype.value
            else:
                continue
            namespaces.add(iri[: max(iri.rfind("/"), iri.rfind("#")) + 1])
    used = _used(frozenset(namespaces), tuple(prefixes.items()))
    return serialize_turtle(triples, dict(used))


@lru_cache(maxsize=1 << 10)
def _used(
    namespaces: frozenset[str], prefixes: tuple[tuple[str, str], ...]
) -> tuple[tuple[str, str], ...]:
    """The prefixes (in their order) that cover one of ``namespaces``: pages use few
    sets of namespaces, so the answer is remembered."""
    return tuple(
        (name, ns)
        for name, ns in prefixes
        if ns in namespaces or any(n.startswith(ns) for n in namespaces)
    )


class JsonLd:
    """Compacts descriptions with the project context (instance IRIs under ``base``).

    Raises ``export.ExportError`` if the packaged context cannot be loaded.

    >>> j = JsonLd("https://w3id.org/attackgraph/id/")
    >>> doc = j.document([Triple(NamedNode("https://w3id.org/attackgraph/id/place/ml"),
    ...     NamedNode("https://schema.org/name"), Literal("Mali"))])
    >>> doc["@graph"], sorted(doc["@context"])
    ([{'@id': 'https://w3id.org/attackgraph/id/place/ml', 'name': 'Mali'}], \
['@protected', '@version', '@vocab', 'id', 'name', 'schema', 'type'])
    """

    def __init__(self, instance_ns: str) -> None:
        self.context = embed_context(load_context(), instance_ns)
        self.compactor = Compactor(self.context)

    def document(self, triples: Sequence[Triple]) -> dict[str, Any]:
        """``{"@context": ..., "@graph": [one node object per subject]}``."""
        nodes: list[Any] = []
        subject: str | None = None
        statements: list[tuple[str, NamedNode | Literal]] = []
        for triple in triples:
            s = triple.subject.value  # type: ignore[union-attr]  # never a triple term
            if s != subject:
                if subject is not None:
                    nodes.append(self.compactor.node(subject, statements))
                subject, statements = s, []
            if isinstance(triple.object, NamedNode | Literal):
                statements.append((triple.predicate.value, triple.object))
        if subject is not None:
            nodes.append(self.compactor.node(subject, statements))
        return {"@context": used_context(self.context, nodes), "@graph": nodes}


def dumps(document: Any) -> str:
    """The JSON text of a ``.jsonld`` file: ``json.dumps(document, ensure_ascii=False,
    indent=1)`` and a newline, written here because ``json`` runs its pure-Python encoder
    whenever ``indent`` is set (a third of a page's JSON-LD); anything but strings, ints,
    floats, booleans, None, lists, tuples and dicts with string keys goes to ``json``.

    >>> print(dumps({"@graph": [{"@id": "x", "n": [1, 2.5, True, None]}], "e": {}}), end="")
    {
     "@graph": [
      {
       "@id": "x",
       "n": [
        1,
        2.5,
        true,
        null
       ]
      }
     ],
     "e": {}
    }
    """
    out: list[str] = []
    try:
        _encode(document, "\n", out)
    except TypeError:  # a value only ``json`` writes
        return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    out.append("\n")
    return "".join(out)


def _encode(value: Any, newline: str, out: list[str]) -> None:
    """``value`` as ``json.dumps(..., ensure_ascii=False, indent=1)`` writes it at the
    depth whose line break (with its indent) is ``newline``."""
    if isinstance(value, str):
        out.append(_string(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + " "
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(value)
            out.append(separator + _string(key) + ": ")
            separator = "," + inner
            _encode(item, inner, out)
        out.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = newline + " "
        separator = "[" + inner
        for item in value:
            out.append(separator)
            separator = "," + inner
            _encode(item, inner, out)
        out.append(newline + "]")
    elif value is None or value is True or value is False:
        out.append(_CONSTANTS[value])
    elif type(value) is int:
        out.append(int.__repr__(value))
    elif type(value) is float and math.isfinite(value):
        out.append(float.__repr__(value))
    else:
        raise TypeError(value)


_CONSTANTS: Final = {None: "null", True: "true", False: "false"}
_string: Final = encode_basestring


def script_json(text: str) -> str:
    """JSON text made safe for a ``<script type="application/ld+json">`` element: ``<``,
    ``>`` and ``&`` become ``\\u`` escapes (the same JSON value), so no text inside can
    close the element.

    >>> script_json('{"name": "</script><b>"}')
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def used_context(context: Any, nodes: list[Any]) -> Any:
    """``context`` (a dict) without the terms and prefixes ``nodes`` never mention.

    Keywords (``@vocab``, ``@version`` ...) and aliases of keywords stay; a term that a
    kept term's definition refers to stays too. A string that merely equals a term's
    name keeps that term, which is harmless. A list context is returned unchanged.

    >>> used_context({"@vocab": "http://e/", "s": "http://s/", "n": "s:name", "x": "http://x/"},
    ...              [{"n": "s:a"}])
    {'@vocab': 'http://e/', 's': 'http://s/', 'n': 's:name'}
    """
    if not isinstance(context, dict):
        return context
    wanted: set[str] = set()
    _strings(nodes, wanted)
    keep: set[str] = set()
    pending = [name for name, value in context.items() if name.startswith("@") or value in _KW]
    pending += [s for s in wanted if s in context] + [
        s.split(":", 1)[0] for s in wanted if ":" in s and s.split(":", 1)[0] in context
    ]
    while pending:
        name = pending.pop()
        if name in keep:
            continue
        keep.add(name)
        found: set[str] = set()
        _strings(context[name], found)
        for s in found:
            for ref in (s, s.split(":", 1)[0]):
                if ref in context and ref not in keep:
                    pending.append(ref)
    return {name: value for name, value in context.items() if name in keep}


_KW: Final = ("@id", "@type")


def _strings(value: Any, into: set[str]) -> None:
    if isinstance(value, str):
        into.add(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            into.add(key)
            _strings(item, into)
    elif isinstance(value, list):
        for item in value:
            _strings(item, into)
