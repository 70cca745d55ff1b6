"""The prose-actor classifier (extract/actor_features.py) on top of the actor rules.

The candidates and the guards are checked with stand-in weights that accept everything
(or nothing), so they hold whatever the shipped weights say; sentences written for
these tests, read with the real tagger.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from shipped_weights import needs_shared_dev, recorded_command_writes

from attackgraph.extract import named as named_module
from attackgraph.extract.actor_features import ActorContext, actor_features
from attackgraph.extract.figure_model import Model
from attackgraph.extract.named import prose_actors
from attackgraph.extract.sentences import sentences
from attackgraph.parse import parse

YES = Model(("none", "actor"), {"bias": (0.0, 20.0)})
NO = Model(("none", "actor"), {"bias": (20.0, 0.0)})


def named(prose: str, known: tuple[str, ...] = ()) -> list[str]:
    doc = parse(f"= Report =\n\n{prose}\n".encode(), "report.txt")
    return [mention.name for mention in prose_actors(doc.text, sentences(doc), known, ())]


Use = Callable[[Model], None]


@pytest.fixture
def weights(monkeypatch: pytest.MonkeyPatch) -> Use:
    def use(model: Model) -> None:
        monkeypatch.setattr(named_module, "shipped_actor_model", lambda: model)

    return use


ONE_WORD = (
    "Investigators in the port city said Tarlock had financed the cell. Officers later "
    "arrested two men on a warrant that Interpol had circulated in March, Inspector Dana Rowe "
    "said."
)


def test_a_one_word_name_is_asked_about(weights: Use) -> None:
    weights(YES)
    assert "Interpol" in named(ONE_WORD)
    weights(NO)
    assert "Interpol" not in named(ONE_WORD)


@pytest.mark.parametrize(
    "prose",
    [
        "Later that night the Army said its patrol had come under fire near the river.",
        "In a statement the Ministry said the patrol had been ambushed near the river.",
        "A day later the Police confirmed that the patrol had been ambushed near the river.",
    ],
    ids=["army", "ministry", "police"],
)
def test_a_bare_generic_word_is_never_an_actor(weights: Use, prose: str) -> None:
    weights(YES)
    assert named(prose) == []


def test_a_word_of_a_longer_name_is_no_actor_of_its_own(weights: Use) -> None:
    weights(YES)
    prose = (
        "Both men were tried in absentia. Prosecutors said Varga had driven the van and "
        "that Zoltan Varga Orbeli had paid for it."
    )
    found = named(prose, known=("Zoltan Varga Orbeli",))
    assert "Varga" not in found


def test_a_word_of_a_list_of_capitalised_words_is_no_actor(weights: Use) -> None:
    weights(YES)
    prose = (
        "Inspectors said officers of the Office of Salt had searched the farm, and that "
        "Dorrin, Peller and Maud had helped them. Later the agents of Tobacco, Firearms and "
        "Explosives raided the ranch; Korvath, Ilse and Benno fled."
    )
    found = set(named(prose))
    assert not {"Dorrin", "Tobacco", "Firearms", "Benno", "Ilse"} & found


def test_a_sentence_opening_word_is_not_part_of_a_name(weights: Use) -> None:
    weights(YES)
    found = named("During Operation Halyard the Kestrel Brigade secured the pass.")
    assert not any(name.startswith("During") for name in found)


def test_features_of_a_one_word_name_the_rules_leave_out() -> None:
    text = "Officials said Interpol had issued notices."
    sentence = next(iter(sentences(parse(f"= R =\n\n{text}\n".encode(), "r.txt"))))
    begin = sentence.text.index("Interpol")
    context = ActorContext(
        sentence, "Interpol", begin, begin + 8, "ORG", False, True, 1, False, False
    )
    features = actor_features(context)
    assert {"left-out", "words=1", "prev=said", "next=had", "first"} <= set(features)


def test_the_shipped_actor_weights_are_the_recorded_file() -> None:
    root = Path(__file__).resolve().parents[1]
    data = (root / "src" / "attackgraph" / "resources" / "actor_model.json").read_bytes()
    recorded = (root / "docs" / "evaluation.md").read_text(encoding="utf-8")
    assert hashlib.sha256(data).hexdigest() in recorded
    assert len(data) < 60_000


def test_a_name_the_classifier_declines_is_left_out_whatever_its_role(weights: Use) -> None:
    """Session 13 took a name the classifier declined where the parse made it a party (the
    subject of "said", "accused", the agent of a passive); on blind-23/24, text no rule was
    written for, that found no gold actor and published three false ones ("Mon. It",
    aircraft "by Kittyhawks", an alias): the classifier decides alone."""
    weights(NO)
    prose = (
        "In 2019 the trial moved to the district court in Mon. It accused four guards of "
        "manslaughter."
    )
    assert named(prose) == []


@pytest.mark.parametrize(
    "prose",
    [
        "Crowds gathered near the Kremlin that night. Tourists visited the Kremlin on Sunday.",
        "The brothers were sought for months. They had once lived near Hezbollah offices.",
    ],
)
def test_a_one_word_name_only_mentioned_is_left_to_the_classifier(weights: Use, prose: str) -> None:
    weights(NO)
    assert named(prose) == []


@needs_shared_dev
def test_the_shipped_actor_weights_are_what_their_recorded_command_trains() -> None:
    """A change to the actor rules or the features changes the candidates the command
    trains on: the file must then be trained again (it had gone stale from session 11 to
    session 16; docs/evaluation.md, the command)."""
    assert recorded_command_writes("actor", last=34)
