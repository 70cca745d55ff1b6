"""A long document costs in proportion to its length (issue 12): no step of parse,
extract and resolve does work that grows with the square of the document.

Not a timed test: the two halves of a document and then the whole are converted under
``cProfile``, and no function may be called much more often for the whole than for the
two halves together. A step that compares each new name with every name seen so far, or
compiles a pattern per pair, is called twice as often for the whole. (A whole-text scan
per name inside one C call is not seen this way; ``bench/big_sizes.py`` measures the CPU.)

The prose is this file's own: invented people, groups and villages, each block naming
new ones (a long document names thousands), with what makes the readers look back: a
person quoted then "he", "his office", an acronym defined and reused, villages as sites.
"""

from __future__ import annotations

import cProfile
import pstats
from typing import Any

import pytest

from attackgraph.extract import extract
from attackgraph.parse import parse
from attackgraph.pipeline import BuildOptions, Converter
from attackgraph.resolve import resolve

_HEAD = """= 2033 Varnel crossing raid =

Infobox
- Date: 9 March 2033
- Location: Varnel, Ostrava Province, Mali
- Deaths: 12
- Perpetrator: Sorrel Hills Brigade

On 9 March 2033, fighters raided the border crossing at Varnel in Ostrava Province.
"""

_SYLLABLES = ("ka", "lo", "mir", "tan", "vel", "dor", "sul", "ben", "ra", "zo", "pek", "nu")


def _name(index: int, salt: int) -> str:
    """A distinct invented word for each (index, salt)."""
    first, second, third = (
        _SYLLABLES[(index // 144) % 12],
        _SYLLABLES[(index // 12) % 12],
        _SYLLABLES[index % 12],
    )
    return (first + _SYLLABLES[salt % 12] + second + third).capitalize()


def _block(j: int) -> str:
    person, group, village, other = _name(j, 1), _name(j, 2), _name(j, 3), _name(j, 4)
    acronym = (group[0] + person[0] + village[0] + other[0]).upper() + "L"
    return (
        f"\n== Clashes near {village} ==\n"
        f"Major Amadou {person} of the {group} Defence League ({acronym}) said that "
        f"{j % 9 + 3} fighters were killed near the village of {village}. "
        f"He told the radio that the {acronym} had lost {j % 5 + 2} trucks. "
        f"According to the {other} Observatory, {j % 11 + 4} civilians died in {village}. "
        f"His office said the {acronym} had attacked the market in {other}. "
        f"Farmers in {village} said the raiders left before dawn.\n"
    )


def _document(first: int, count: int) -> bytes:
    return (_HEAD + "".join(_block(j) for j in range(first, first + count))).encode()


def _calls(data: bytes, converter: Converter) -> dict[tuple[str, int, str], int]:
    profile = cProfile.Profile()
    profile.enable()
    record = resolve(extract(parse(data, "long.txt")), converter.resolver)
    profile.disable()
    assert record is not None
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    return {key: value[1] for key, value in stats.items()}


def test_no_step_does_more_work_for_a_document_than_for_its_two_halves() -> None:
    converter = Converter(BuildOptions(validate=False))
    converter.warm_up()
    assert len({_name(j, s) for j in range(240) for s in range(1, 5)}) == 960
    # the halves first: answers cached for them only make the whole cheaper
    first, second = _calls(_document(0, 40), converter), _calls(_document(40, 40), converter)
    whole = _calls(_document(0, 80), converter)
    grown = {
        f"{key[0].rsplit('/', 1)[-1]}:{key[1]}({key[2]}): "
        f"{first.get(key, 0)} + {second.get(key, 0)} -> {calls}"
        for key, calls in whole.items()
        if calls >= 300 and calls > 1.4 * (first.get(key, 0) + second.get(key, 0))
    }
    assert not grown, "calls grew faster than the document:\n" + "\n".join(sorted(grown))


def test_a_repeated_sentence_is_walked_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sentence repeated through a long document: the parse-based readers that depend
    only on its text (the figure's speaker, the people a casualty verb acts on) read it
    once, not once per copy (issue 12)."""
    from attackgraph.extract import figure_guess, figure_speakers

    calls = {"speaker": 0, "patients": 0}

    def counted(name: str, function: Any) -> Any:
        def call(*args: Any) -> Any:
            calls[name] += 1
            return function(*args)

        return call

    monkeypatch.setattr(
        figure_speakers, "figure_speaker", counted("speaker", figure_speakers.figure_speaker)
    )
    monkeypatch.setattr(figure_guess, "patients", counted("patients", figure_guess.patients))
    block = (
        "\n== Ambush at Kelvar ==\nThe district office said that nine herders were killed "
        "near Kelvar. Witnesses said the convoy driver was shot.\n"
    )
    record = extract(parse((_HEAD + block * 60).encode(), "kelvar.txt"))
    assert len(record.claims) >= 120
    assert 1 <= calls["speaker"] <= 4 and 1 <= calls["patients"] <= 4, calls
