"""The infobox mapping table: every key resolves to one rule, every term exists."""

from __future__ import annotations

import pytest

from attackgraph.extract.mapping import MAPPING, event_types, normalise_key, rule_for
from attackgraph.namespaces import AG, SCHEMES


def test_no_key_spelling_maps_to_two_rules() -> None:
    seen: dict[str, object] = {}
    for keys, rule in MAPPING.items():
        for key in keys:
            previous = seen.setdefault(normalise_key(key), rule)
            assert previous is rule, f"{key!r} is mapped twice"


def test_text_rules_name_declared_terms() -> None:
    for rule in MAPPING.values():
        if rule.term is not None:
            assert hasattr(AG, rule.term), rule.term


@pytest.mark.parametrize(
    ("key", "reader", "side"),
    [
        ("Partof", "conflict", None),
        ("Part of", "conflict", None),
        ("Perpetrator(s)", "perpetrators", None),
        ("Perpetrators", "perpetrators", None),
        ("Casualties3", "casualties", 3),
        ("Combatant 2", "combatants", 2),
        ("Non-fatal injuries", "casualties", None),
        ("attack type", "event-types", None),
    ],
)
def test_spelling_variants(key: str, reader: str, side: int | None) -> None:
    rule = rule_for(key)
    assert rule is not None
    assert (rule.reader, rule.side) == (reader, side)


@pytest.mark.parametrize("key", ["Timezone", "Numparticipants", "Casualties4", ""])
def test_unknown_keys_have_no_rule(key: str) -> None:
    assert rule_for(key) is None


def test_casualty_defaults_are_concepts() -> None:
    for rule in MAPPING.values():
        if rule.outcome is not None:
            assert rule.outcome in SCHEMES["outcome"]
        if rule.group is not None:
            assert rule.group in SCHEMES["population-group"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Suicide car bombing", ("suicide-bombing",)),
        ("Mass shooting; hostage taking", ("shooting", "hostage-taking")),
        ("Car bomb, ambush", ("vehicle-bombing", "ambush")),
        ("Massacre", ("massacre",)),
        ("Airstrike", ("airstrike",)),
        ("Siege of Moura", ("siege",)),
        ("Picnic", ()),
    ],
)
def test_event_types(text: str, expected: tuple[str, ...]) -> None:
    assert event_types(text) == expected
    assert all(found in SCHEMES["event-type"] for found in expected)
