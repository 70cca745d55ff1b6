r"""Write SELECT / ASK results and graphs in the negotiated format, up to a row cap.

The SPARQL results formats are written here rather than by pyoxigraph's serialiser
because the endpoint stops reading solutions at the row cap and must still know
whether more existed; pyoxigraph only serialises a whole iterator.

>>> from pyoxigraph import Literal, NamedNode
>>> rows = [[NamedNode("http://e/a"), Literal("Sévaré", language="fr")], [None, Literal("1")]]
>>> write_solutions(["s", "name"], rows, "csv").decode().split("\r\n")
['s,name', 'http://e/a,Sévaré', ',1', '']
>>> write_solutions(["s", "name"], rows, "tsv").decode().split("\n")
['?s\t?name', '<http://e/a>\t"Sévaré"@fr', '\t"1"', '']
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any, Final
from xml.sax.saxutils import escape, quoteattr

from pyoxigraph import BlankNode, Literal, NamedNode, Triple, serialize

from attackgraph.formats import GRAPH_FORMATS

Term = NamedNode | BlankNode | Literal | Triple

XSD_STRING: Final = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_DIR_LANG_STRING: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"
SPARQL_RESULTS_NS: Final = "http://www.w3.org/2005/sparql-results#"

_RDF_FORMATS: Final = {f.name: f.rdf for f in GRAPH_FORMATS if f.rdf is not None}


def write_solutions(
    variables: Sequence[str], rows: Iterable[Sequence[Term | None]], fmt: str
) -> bytes:
    """Serialise SELECT solutions as ``json``, ``xml``, ``csv`` or ``tsv``.

    Raises ``ValueError`` for another format name.
    """
    if fmt == "json":
        return _json_solutions(variables, rows)
    if fmt == "xml":
        return _xml_solutions(variables, rows)
    if fmt == "csv":
        return _csv_solutions(variables, rows)
    if fmt == "tsv":
        return _tsv_solutions(variables, rows)
    raise ValueError(f"not a SPARQL results format: {fmt!r}")


def write_boolean(value: bool, fmt: str) -> bytes:
    """Serialise an ASK result; CSV and TSV carry the bare word, as Oxigraph does.

    >>> write_boolean(True, "json")
    b'{"head":{},"boolean":true}'
    >>> write_boolean(False, "tsv").decode().strip()
    'false'
    """
    word = "true" if value else "false"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}, separators=(",", ":")).encode()
    if fmt == "xml":
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<sparql xmlns="{SPARQL_RESULTS_NS}"><head/><boolean>{word}</boolean></sparql>\n'
        ).encode()
    if fmt in ("csv", "tsv"):
        return f"{word}\n".encode()
    raise ValueError(f"not a SPARQL results format: {fmt!r}")


def write_graph(triples: Iterable[Triple], fmt: str, prefixes: dict[str, str]) -> bytes:
    """Serialise triples as ``turtle``, ``ntriples``, ``jsonld`` or ``rdfxml``.

    Only the prefixes the triples use are declared, and none for instance IRIs
    (``…/id/``): their local names hold a ``/``, which Turtle would have to escape.
    Raises ``ValueError`` for another format name.

    >>> from pyoxigraph import NamedNode as N
    >>> write_graph([Triple(N("http://e/a"), N("http://e/p"), N("http://e/b"))], "turtle",
    ...             {"e": "http://e/", "f": "http://f/"}).decode().splitlines()
    ['@prefix e: <http://e/> .', 'e:a e:p e:b .']
    """
    if fmt not in _RDF_FORMATS:
        raise ValueError(f"not an RDF format: {fmt!r}")
    triples = list(triples)
    used: dict[str, str] | None = None
    if fmt in ("turtle", "rdfxml"):
        iris = {
            term.value
            for triple in triples
            for term in (triple.subject, triple.predicate, triple.object)
            if isinstance(term, NamedNode)
        } | {t.object.datatype.value for t in triples if isinstance(t.object, Literal)}
        used = {
            prefix: ns
            for prefix, ns in prefixes.items()
            if not ns.endswith("/id/") and any(iri.startswith(ns) for iri in iris)
        }
    out = serialize(triples, format=_RDF_FORMATS[fmt], prefixes=used)
    assert out is not None  # no output file given, so bytes come back
    return out


# --- JSON --------------------------------------------------------------------------


def _json_term(term: Term) -> dict[str, Any]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _json_term(term.subject),
                "predicate": _json_term(term.predicate),
                "object": _json_term(term.object),
            },
        }
    out: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
        direction = getattr(term, "direction", None)
        if direction is not None:
            out["its:dir"] = str(direction).rsplit(".", 1)[-1].lower()
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _json_solutions(variables: Sequence[str], rows: Iterable[Sequence[Term | None]]) -> bytes:
    bindings = [
        {
            var: _json_term(term)
            for var, term in zip(variables, row, strict=True)
            if term is not None
        }
        for row in rows
    ]
    doc = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# --- XML ---------------------------------------------------------------------------


def _xml_term(term: Term) -> str:
    if isinstance(term, NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, Triple):
        return (
            f"<triple><subject>{_xml_term(term.subject)}</subject>"
            f"<predicate>{_xml_term(term.predicate)}</predicate>"
            f"<object>{_xml_term(term.object)}</object></triple>"
        )
    if term.language:
        attrs = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype.value != XSD_STRING:
        attrs = f" datatype={quoteattr(term.datatype.value)}"
    else:
        attrs = ""
    return f"<literal{attrs}>{escape(_xml_safe(term.value))}</literal>"


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot carry most C0 controls, even escaped: write U+FFFD instead."""
    if all(ch >= " " or ch in "\t\n\r" for ch in text):
        return text
    return "".join(ch if ch >= " " or ch in "\t\n\r" else "\ufffd" for ch in text)


def _xml_solutions(variables: Sequence[str], rows: Iterable[Sequence[Term | None]]) -> bytes:
    out = io.StringIO()
    out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="{SPARQL_RESULTS_NS}">\n')
    out.write("<head>")
    for var in variables:
        out.write(f"<variable name={quoteattr(var)}/>")
    out.write("</head>\n<results>\n")
    for row in rows:
        out.write("<result>")
        for var, term in zip(variables, row, strict=True):
            if term is not None:
                out.write(f"<binding name={quoteattr(var)}>{_xml_term(term)}</binding>")
        out.write("</result>\n")
    out.write("</results>\n</sparql>\n")
    return out.getvalue().encode("utf-8")


# --- CSV and TSV -------------------------------------------------------------------


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Triple):
        return str(term)
    return term.value


def _csv_solutions(variables: Sequence[str], rows: Iterable[Sequence[Term | None]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow([_csv_value(term) for term in row])
    return out.getvalue().encode("utf-8")


def _tsv_value(term: Term | None) -> str:
    # pyoxigraph writes terms in N-Triples syntax, which escapes \n, \r and \t in
    # literals, so no raw tab or newline can break a TSV row.
    return "" if term is None else str(term)


def _tsv_solutions(variables: Sequence[str], rows: Iterable[Sequence[Term | None]]) -> bytes:
    lines = ["\t".join(f"?{var}" for var in variables)]
    lines.extend("\t".join(_tsv_value(term) for term in row) for row in rows)
    return ("\n".join(lines) + "\n").encode("utf-8")
