"""Gold annotation files (``NAME.gold.json``, see the corpus README): load and validate.

Every problem is a :class:`GoldError` rendered ``file: field: problem``, the field
written as a path into the JSON (``claims[3].count``), so a bad annotation is found
without reading the loader. Keys the format does not define are ignored (a newer
annotation may carry more); a missing or mistyped key is an error.

Number conventions checked here, as the README states them: exact ``count``; a range
has ``min`` and ``max`` and no ``count``; a lower bound has ``count == min``; an
upper bound ``count == max``; vague amounts have no number at all.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal, NoReturn, TypeVar, get_args

import pycountry

from attackgraph.model import AttackgraphError

GoldFamily = Literal["military_conflict", "civilian_attack", "none"]
GoldRole = Literal[
    "perpetrator", "target", "combatant_side1", "combatant_side2", "reporter", "reactor", "other"
]
GoldKind = Literal[
    "casualties", "responsibility", "attack", "denial", "condemnation", "estimate", "other"
]
"""A claim kind in the gold vocabulary: ``model.ClaimKind``'s member names, lower case."""
GoldOutcome = Literal["killed", "injured", "captured", "missing", "arrested"]
"""The gold's outcomes: the ontology's, less ``killed-or-injured`` and ``present`` (the gold
writes null for both: a combined count, and no casualty outcome)."""
_ISO_DATE: Final = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
T = TypeVar("T")
C = TypeVar("C", bound=str)


class GoldError(AttackgraphError, ValueError):
    """A gold file that breaks the annotation format: ``file: field: problem``.

    >>> str(GoldError("a.gold.json", "claims[0].count", "expected an integer"))
    'a.gold.json: claims[0].count: expected an integer'
    """

    def __init__(self, file: str, field: str, problem: str) -> None:
        super().__init__(f"{file}: {field}: {problem}")
        self.file = file
        self.field = field
        self.problem = problem


@dataclass(frozen=True)
class GoldFigure:
    """One gold figure or claim: an entry of ``infobox_casualties``, ``claims`` or
    ``unattributed_casualties`` (``kind`` is set only for claims)."""

    outcome: GoldOutcome | None
    group: str | None
    side: str | None
    count: int | None
    minimum: int | None
    maximum: int | None
    approximate: bool
    source: str | None = None
    """Infobox: the stated source or ``None``; claims: who made the claim."""
    kind: GoldKind | None = None
    about: str | None = None
    text: str = ""
    """The infobox fragment (``raw``) or the prose ``sentence``."""

    @property
    def has_number(self) -> bool:
        """Whether a number is stated (not only vague words such as "dozens")."""
        return any(n is not None for n in (self.count, self.minimum, self.maximum))


@dataclass(frozen=True)
class GoldActor:
    name: str
    role: GoldRole
    part_of: str | None


@dataclass(frozen=True)
class Gold:
    """The gold annotation of one document."""

    path: str
    doc: str
    title: str
    infobox_family: GoldFamily
    date_start: str | None
    date_end: str | None
    country: str | None
    places: tuple[str, ...]
    part_of: tuple[str, ...]
    actors: tuple[GoldActor, ...]
    infobox_casualties: tuple[GoldFigure, ...]
    claims: tuple[GoldFigure, ...]
    unattributed_casualties: tuple[GoldFigure, ...]


def load_gold(path: Path) -> Gold:
    """Read and validate one gold file.

    Raises :class:`GoldError` for a file that cannot be read, is not JSON, or breaks
    the format.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "raid.gold.json")
    ...     _ = path.write_text('{"doc": "raid.txt"}', encoding="utf-8")
    ...     load_gold(path)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    attackgraph.evaluate.gold.GoldError: .../raid.gold.json: title: missing
    """
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(name, "(file)", f"cannot read: {err}") from err
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise GoldError(name, "(file)", f"not JSON: line {err.lineno}: {err.msg}") from err
    return parse_gold(data, name)


def parse_gold(data: object, source: str) -> Gold:
    """Validate decoded JSON as a gold annotation; ``source`` names it in errors.

    Raises :class:`GoldError`.

    >>> parse_gold([], "x.gold.json")
    Traceback (most recent call last):
    attackgraph.evaluate.gold.GoldError: x.gold.json: (file): expected a JSON object, got list
    """
    r = _Reader(source)
    top = r.mapping(data, "(file)")
    doc = r.get(top, "", "doc", r.text)
    title = r.get(top, "", "title", r.string)
    family = r.get(top, "", "infobox_family", r.choice(get_args(GoldFamily)))
    date_start = r.opt(top, "", "date_start", r.date)
    date_end = r.opt(top, "", "date_end", r.date)
    if date_start and date_end and date_end < date_start:
        r.fail("date_end", f"{date_end!r} is before date_start {date_start!r}")
    return Gold(
        path=source,
        doc=doc,
        title=title,
        infobox_family=family,
        date_start=date_start,
        date_end=date_end,
        country=r.opt(top, "", "country", r.country),
        places=r.get(top, "", "places", r.items(r.text)),
        part_of=r.get(top, "", "part_of", r.items(r.text)),
        actors=r.get(top, "", "actors", r.items(r.actor)),
        infobox_casualties=r.get(top, "", "infobox_casualties", r.items(r.infobox_figure)),
        claims=r.get(top, "", "claims", r.items(r.claim)),
        unattributed_casualties=r.get(top, "", "unattributed_casualties", r.items(r.prose_figure)),
    )


class _Reader:
    """Typed field readers that name the file and the field path in every error."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, field: str, problem: str) -> NoReturn:
        raise GoldError(self.source, field, problem)

    def get(self, obj: dict[str, object], at: str, key: str, read: Callable[[object, str], T]) -> T:
        """``obj[key]`` read by ``read``; absent or ``null`` is an error."""
        field = f"{at}.{key}" if at else key
        if key not in obj:
            self.fail(field, "missing")
        if obj[key] is None:
            self.fail(field, "null is not allowed here")
        return read(obj[key], field)

    def opt(
        self, obj: dict[str, object], at: str, key: str, read: Callable[[object, str], T]
    ) -> T | None:
        """``obj[key]`` read by ``read``, or ``None`` for ``null`` (absence is an error)."""
        field = f"{at}.{key}" if at else key
        if key not in obj:
            self.fail(field, "missing")
        return None if obj[key] is None else read(obj[key], field)

    def mapping(self, value: object, field: str) -> dict[str, object]:
        if not isinstance(value, dict):
            self.fail(field, f"expected a JSON object, got {_kind(value)}")
        return {str(k): v for k, v in value.items()}

    def string(self, value: object, field: str) -> str:
        if not isinstance(value, str):
            self.fail(field, f"expected a string, got {_kind(value)}")
        return value

    def text(self, value: object, field: str) -> str:
        """A string with at least one non-space character."""
        if not self.string(value, field).strip():
            self.fail(field, "empty string")
        return str(value)

    def flag(self, value: object, field: str) -> bool:
        if not isinstance(value, bool):
            self.fail(field, f"expected true or false, got {_kind(value)}")
        return value

    def number(self, value: object, field: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(field, f"expected an integer or null, got {_kind(value)} {value!r}")
        if value < 0:
            self.fail(field, f"negative number {value}")
        return value

    def choice(self, allowed: tuple[C, ...]) -> Callable[[object, str], C]:
        """A reader of one of ``allowed`` (the arguments of a ``Literal`` type)."""

        def read(value: object, field: str) -> C:
            text = self.string(value, field)
            for option in allowed:
                if text == option:
                    return option
            self.fail(field, f"{text!r} is not one of {', '.join(sorted(allowed))}")

        return read

    def date(self, value: object, field: str) -> str:
        text = self.string(value, field)
        try:
            if not _ISO_DATE.fullmatch(text):
                raise ValueError("not YYYY, YYYY-MM or YYYY-MM-DD")
            year, month, day = (list(map(int, text.split("-"))) + [1, 1])[:3]
            datetime.date(year, month, day)
        except ValueError as err:
            self.fail(field, f"{text!r} is not an ISO date ({err})")
        return text

    def country(self, value: object, field: str) -> str:
        text = self.string(value, field)
        if len(text) != 2 or not text.isupper() or pycountry.countries.get(alpha_2=text) is None:
            self.fail(field, f"{text!r} is not an ISO 3166-1 alpha-2 code")
        return text

    def items(self, read: Callable[[object, str], T]) -> Callable[[object, str], tuple[T, ...]]:
        def read_all(value: object, field: str) -> tuple[T, ...]:
            if not isinstance(value, list):
                self.fail(field, f"expected a list, got {_kind(value)}")
            return tuple(read(item, f"{field}[{i}]") for i, item in enumerate(value))

        return read_all

    def actor(self, value: object, field: str) -> GoldActor:
        obj = self.mapping(value, field)
        return GoldActor(
            name=self.get(obj, field, "name", self.text),
            role=self.get(obj, field, "role", self.choice(get_args(GoldRole))),
            part_of=self.opt(obj, field, "part_of", self.text),
        )

    def _figure(
        self,
        obj: dict[str, object],
        field: str,
        *,
        text: str,
        source: str | None = None,
        kind: GoldKind | None = None,
        about: str | None = None,
    ) -> GoldFigure:
        count = self.opt(obj, field, "count", self.number)
        low = self.opt(obj, field, "min", self.number)
        high = self.opt(obj, field, "max", self.number)
        if low is not None and high is not None:
            if low > high:
                self.fail(f"{field}.min", f"min {low} is greater than max {high}")
            if count is not None:
                self.fail(f"{field}.count", "a range (min and max) has count null")
        elif low is not None and count not in (None, low):
            self.fail(f"{field}.count", f"a lower bound has count == min ({low}), not {count}")
        elif high is not None and count not in (None, high):
            self.fail(f"{field}.count", f"an upper bound has count == max ({high}), not {count}")
        return GoldFigure(
            outcome=self.opt(obj, field, "outcome", self.choice(get_args(GoldOutcome))),
            group=self.opt(obj, field, "group", self.text),
            side=self.opt(obj, field, "side", self.text),
            count=count,
            minimum=low,
            maximum=high,
            approximate=self.get(obj, field, "approximate", self.flag),
            source=source,
            kind=kind,
            about=about,
            text=text,
        )

    def infobox_figure(self, value: object, field: str) -> GoldFigure:
        obj = self.mapping(value, field)
        return self._figure(
            obj,
            field,
            source=self.opt(obj, field, "source", self.text),
            text=self.get(obj, field, "raw", self.text),
        )

    def prose_figure(self, value: object, field: str) -> GoldFigure:
        obj = self.mapping(value, field)
        return self._figure(
            obj,
            field,
            about=self.opt(obj, field, "about", self.string),
            text=self.get(obj, field, "sentence", self.text),
        )

    def claim(self, value: object, field: str) -> GoldFigure:
        obj = self.mapping(value, field)
        return self._figure(
            obj,
            field,
            source=self.get(obj, field, "source", self.text),
            kind=self.get(obj, field, "kind", self.choice(get_args(GoldKind))),
            about=self.opt(obj, field, "about", self.string),
            text=self.get(obj, field, "sentence", self.text),
        )


def _kind(value: object) -> str:
    """JSON's name for the type of a decoded value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "list" if isinstance(value, list) else "object"
