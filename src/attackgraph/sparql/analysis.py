"""Check a SPARQL request before it is evaluated: read-only, no remote data.

The query is tokenised with the SPARQL 1.1 grammar's terminals (IRIs, the four kinds of
string literal, comments, variables, prefixed names, blank node labels, language tags),
so a keyword is only a keyword where the grammar says so: ``"SERVICE"`` in a string,
``<http://x/SERVICE>``, ``# SERVICE``, ``?service`` or ``ex:service`` are all fine;
a bare ``SERVICE`` is refused. The evaluation itself then runs on a read-only store
through ``Store.query``, which cannot run an update at all, so this check is the first
of two walls, not the only one.

>>> analyse("SELECT * WHERE { ?s ?p 'SERVICE <x>' }").form
'SELECT'
>>> analyse("INSERT DATA { <a> <b> <c> }")  # doctest: +ELLIPSIS
Traceback (most recent call last):
attackgraph.sparql.analysis.QueryRefusedError: updates are not allowed ... (found 'INSERT')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final
from urllib.parse import urljoin

from attackgraph.model import AttackgraphError

QUERY_FORMS: Final = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})
"""The four query forms; everything else is refused."""

UPDATE_KEYWORDS: Final = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
"""Keywords of SPARQL 1.1 Update; none of them is a keyword of the query grammar."""


class QueryRefusedError(AttackgraphError, ValueError):
    """A request this endpoint will not evaluate (answered with 400)."""


@dataclass(frozen=True)
class QueryInfo:
    """What the check learned about a query.

    ``form`` is one of :data:`QUERY_FORMS`; ``from_graphs`` and ``from_named_graphs``
    are the absolute IRIs of its dataset clauses, in order.
    """

    form: str
    from_graphs: tuple[str, ...] = ()
    from_named_graphs: tuple[str, ...] = ()

    @property
    def has_dataset_clause(self) -> bool:
        """True when the query names its own dataset with FROM / FROM NAMED."""
        return bool(self.from_graphs or self.from_named_graphs)

    @property
    def returns_graph(self) -> bool:
        """True for CONSTRUCT and DESCRIBE, whose results are RDF graphs."""
        return self.form in ("CONSTRUCT", "DESCRIBE")


# --- lexer -------------------------------------------------------------------------
# The terminals of https://www.w3.org/TR/sparql11-query/#terminals, slightly more
# permissive (the evaluator's own parser rejects what is not SPARQL; this lexer only
# has to tell keywords from everything that merely contains the same letters).

_PN_CHARS_BASE: Final = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
    "\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
    "\U00010000-\U000effff"
)
_PN_CHARS_U: Final = _PN_CHARS_BASE + "_"
_PN_CHARS: Final = _PN_CHARS_U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX: Final = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PN_PREFIX: Final = f"[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"
_PN_LOCAL: Final = (
    f"(?:[{_PN_CHARS_U}:0-9]|{_PLX})(?:(?:[{_PN_CHARS}.:]|{_PLX})*(?:[{_PN_CHARS}:]|{_PLX}))?"
)
_ECHAR: Final = r"\\[tbnrf\\\"']"
_UCHAR: Final = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"

_TOKEN: Final = re.compile(
    "|".join(
        (
            r"(?P<ws>\s+)",
            r"(?P<comment>#[^\r\n]*)",
            rf"(?P<iri><(?:[^<>\"{{}}|^`\\\x00-\x20]|{_UCHAR})*>)",
            rf"(?P<string>'''(?:(?:'|'')?(?:[^'\\]|{_ECHAR}|{_UCHAR}))*'''"
            rf'|"""(?:(?:"|"")?(?:[^"\\]|{_ECHAR}|{_UCHAR}))*"""'
            rf"|'(?:[^'\\\n\r]|{_ECHAR}|{_UCHAR})*'"
            rf'|"(?:[^"\\\n\r]|{_ECHAR}|{_UCHAR})*")',
            r"(?P<langtag>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*(?:--[a-zA-Z]+)?)",
            rf"(?P<var>[?$][{_PN_CHARS_U}0-9][{_PN_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*)",
            rf"(?P<bnode>_:[{_PN_CHARS_U}0-9](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?)",
            rf"(?P<pname>(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?)",
            r"(?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)",
            r"(?P<word>[A-Za-z_][A-Za-z0-9_]*)",
            r"(?P<punct>\^\^|\|\||&&|!=|<=|>=|<<|>>|\{\||\|\}|.)",
        )
    ),
    re.DOTALL,
)


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str


_OPERAND_KINDS: Final = frozenset({"var", "number", "string", "langtag", "iri", "pname", "bnode"})


def tokens(query: str) -> list[tuple[str, str]]:
    """The significant tokens of ``query`` as ``(kind, text)`` pairs.

    >>> tokens('ASK { ?s <p> "SERVICE" } # LOAD')
    [('word', 'ASK'), ('punct', '{'), ('var', '?s'), ('iri', '<p>'), ('string', '"SERVICE"'), \
('punct', '}')]
    """
    return [(t.kind, t.text) for t in _lex(query)]


def _lex(query: str, *, cautious: bool = False) -> list[_Token]:
    """Tokenise ``query``.

    ``<`` right after an operand inside parentheses may be a less-than (``?a<?b``) or
    the start of an IRI (a collection or a VALUES row: ``(<a> <b>)``); the grammar, not
    the lexer, decides. By default such a ``<…>`` is an IRI. With ``cautious``, one that
    holds a ``#`` is read as a ``<`` operator instead, since a parser that took it for
    a comparison would see code and a comment there (``?a<?b)SERVICE?v#>``). Checking
    both readings leaves no way to hide a keyword from the check.
    """
    out: list[_Token] = []
    brackets: list[str] = []
    pos = 0
    while pos < len(query):
        match = _TOKEN.match(query, pos)
        if match is None:  # pragma: no cover - the last alternative matches any char
            break
        kind = match.lastgroup or "punct"
        text = match.group()
        if (
            cautious
            and kind == "iri"
            and "#" in text
            and brackets[-1:] == ["("]
            and out
            and (out[-1].kind in _OPERAND_KINDS or out[-1].text in (")", "]"))
        ):
            kind, text = "punct", "<"
        pos += len(text)
        if kind in ("ws", "comment"):
            continue
        if text in ("(", "{", "["):
            brackets.append(text)
        elif text in (")", "}", "]") and brackets:
            brackets.pop()
        out.append(_Token(kind, text))
    return out


# --- analysis ----------------------------------------------------------------------


def analyse(
    query: str,
    *,
    known_graphs: frozenset[str] | None = None,
    prefixes: dict[str, str] | None = None,
) -> QueryInfo:
    """Check ``query`` and say what it is; raises :class:`QueryRefusedError` if it may not run.

    QueryRefusedError: anything but SELECT / CONSTRUCT / DESCRIBE / ASK (updates included),
    ``SERVICE``, and — when ``known_graphs`` is given — a ``FROM`` or ``FROM NAMED``
    IRI that is not one of them (the endpoint never fetches remote graphs).
    ``prefixes`` are the endpoint's predeclared prefixes (the query's own win).

    >>> analyse('PREFIX ex: <http://e/> SELECT ?x FROM ex:g WHERE { ?x ?p ?o }',
    ...         known_graphs=frozenset({"http://e/g"})).from_graphs
    ('http://e/g',)
    >>> analyse('SELECT * FROM <http://remote/g> { ?s ?p ?o }', known_graphs=frozenset())
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    attackgraph.sparql.analysis.QueryRefusedError: FROM <http://remote/g>: not a graph of this...
    >>> analyse('SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    attackgraph.sparql.analysis.QueryRefusedError: SERVICE (federated query) is not allowed...
    >>> analyse('PREFIX : <http://x/> SELECT * { ?s ?p ?o SERVICE:x { } }')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    attackgraph.sparql.analysis.QueryRefusedError: SERVICE (federated query) is not allowed...
    """
    toks = _lex(query)
    base, declared, start = _prologue(toks)
    prefixes = {**(prefixes or {}), **declared}
    for tok in toks + _lex(query, cautious=True):
        if tok.kind == "pname" and tok.text.upper().startswith("SERVICE:"):
            # pyoxigraph reads "SERVICE:x" as the keyword SERVICE and the IRI ":x"
            raise QueryRefusedError(
                "SERVICE (federated query) is not allowed; "
                f"{tok.text!r} reads as SERVICE followed by a prefixed name"
            )
        if tok.kind != "word":
            continue
        upper = tok.text.upper()
        if upper in UPDATE_KEYWORDS:
            raise QueryRefusedError(
                f"updates are not allowed on this endpoint (found {tok.text!r})"
            )
        if upper == "SERVICE":
            raise QueryRefusedError("SERVICE (federated query) is not allowed on this endpoint")
    if start >= len(toks):
        raise QueryRefusedError("not a SPARQL query: it has no query form")
    first = toks[start]
    form = first.text.upper() if first.kind == "word" else ""
    if form not in QUERY_FORMS:
        raise QueryRefusedError(
            f"not a SPARQL query: expected SELECT, CONSTRUCT, DESCRIBE or ASK, found {first.text!r}"
        )
    from_graphs: list[str] = []
    from_named: list[str] = []
    i = start
    while i < len(toks):
        if toks[i].kind == "word" and toks[i].text.upper() == "FROM":
            named = (
                i + 1 < len(toks)
                and toks[i + 1].kind == "word"
                and toks[i + 1].text.upper() == "NAMED"
            )
            j = i + 2 if named else i + 1
            if j >= len(toks) or toks[j].kind not in ("iri", "pname"):
                raise QueryRefusedError("FROM must be followed by an IRI")
            iri = _resolve(toks[j], base, prefixes)
            keyword = "FROM NAMED" if named else "FROM"
            if known_graphs is not None and iri not in known_graphs:
                raise QueryRefusedError(
                    f"{keyword} <{iri}>: not a graph of this dataset "
                    "(the endpoint does not fetch remote data)"
                )
            (from_named if named else from_graphs).append(iri)
            i = j
        i += 1
    return QueryInfo(form, tuple(from_graphs), tuple(from_named))


def _prologue(toks: list[_Token]) -> tuple[str | None, dict[str, str], int]:
    """BASE and PREFIX declarations; returns (base, prefixes, index after them)."""
    base: str | None = None
    prefixes: dict[str, str] = {}
    i = 0
    while i < len(toks) and toks[i].kind == "word":
        keyword = toks[i].text.upper()
        if keyword == "BASE" and i + 1 < len(toks) and toks[i + 1].kind == "iri":
            base = _absolute(toks[i + 1].text[1:-1], base)
            i += 2
        elif (
            keyword == "PREFIX"
            and i + 2 < len(toks)
            and toks[i + 1].kind == "pname"
            and toks[i + 1].text.endswith(":")
            and toks[i + 2].kind == "iri"
        ):
            prefixes[toks[i + 1].text[:-1]] = _absolute(toks[i + 2].text[1:-1], base)
            i += 3
        else:
            break
    return base, prefixes, i


def _resolve(tok: _Token, base: str | None, prefixes: dict[str, str]) -> str:
    if tok.kind == "iri":
        return _absolute(tok.text[1:-1], base)
    prefix, _, local = tok.text.partition(":")
    if prefix not in prefixes:
        raise QueryRefusedError(f"undeclared prefix {prefix + ':'!r}")
    return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)


def _absolute(iri: str, base: str | None) -> str:
    iri = re.sub(
        r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})",
        lambda m: chr(int(m.group(1) or m.group(2), 16)),
        iri,
    )
    return urljoin(base, iri) if base else iri
