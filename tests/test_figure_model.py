"""The learned figure classifier: training is reproducible, the shipped weights tell a
casualty figure from a date, an age or a street number in sentences it never saw, and the
prose reader takes a figure from it where the rules read none."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from shipped_weights import needs_shared_dev, recorded_command_writes, tool

from attackgraph.extract.figure_features import number_features
from attackgraph.extract.figure_guess import CONFIDENCE, UNNUMBERED, FigureGuess
from attackgraph.extract.figure_model import NONE, Model, shipped_model, train
from attackgraph.extract.nlp import parse
from attackgraph.extract.prose import ProseContext, read_prose
from attackgraph.extract.prose_figures import read_figures
from attackgraph.parse import parse as parse_document

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "figure_corpus"


def test_training_on_the_same_corpus_writes_the_same_bytes(tmp_path: Path) -> None:
    trainer = tool("figure")
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for out in (first, second):
        assert trainer.main([str(FIXTURES), "--out", str(out), "--min-count", "1"]) == 0
    assert first.read_bytes() == second.read_bytes()
    model = Model.loads(first.read_text(encoding="utf-8"))
    assert model.labels == (NONE, "arrested", "captured", "injured", "killed", "missing")
    assert model.weights  # it learned something


def test_check_tells_whether_the_file_holds_the_weights_the_command_trains(
    tmp_path: Path,
) -> None:
    trainer = tool("figure")
    out = tmp_path / "w.json"
    args = [str(FIXTURES), "--out", str(out), "--min-count", "1"]
    assert trainer.main([*args, "--check"]) == 1  # no file yet
    assert not out.exists()  # --check writes nothing
    assert trainer.main(args) == 0
    assert trainer.main([*args, "--check"]) == 0
    assert trainer.main([*args, "--check", "--seed", "2"]) == 1  # other weights
    assert trainer.main([*args, "--check"]) == 0  # and the file is left as it was


def test_a_training_folder_without_documents_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A corpus path written from the wrong folder ("../shared/corpus/dev" from a worktree)
    trained on the other folders alone, silently, and wrote other weights."""
    missing = tmp_path / "no-such-folder"
    with pytest.raises(SystemExit) as stopped:
        tool("figure").main([str(FIXTURES), str(missing), "--out", str(tmp_path / "w.json")])
    assert stopped.value.code == 2
    assert f"{missing}: no NAME.txt documents" in capsys.readouterr().err
    assert not (tmp_path / "w.json").exists()


def test_the_fixture_corpus_labels_each_amount_from_its_gold() -> None:
    examples = tool("figure").corpus_examples([FIXTURES])
    labels = [label for _, label in examples]
    # ferry: 31 killed, about 60 injured, 400 on board, two missing, eight + eight captured
    # (dates, years and "after 3 days" are no amounts); raid: 12 killed, nine injured, the
    # bakery's owner found dead (one person, no number), 14 and three injured, five arrested
    assert labels == [
        "killed", "injured", NONE, "missing", "captured", "captured",
        "killed", "injured", "killed", "injured", "injured", "arrested",
    ]  # fmt: skip
    assert [UNNUMBERED in features for features, _ in examples].index(True) == 8


def test_another_seed_shuffles_differently_but_learns_the_same_labels() -> None:
    examples = tool("figure").corpus_examples([FIXTURES])
    a = train(examples, seed=1, min_count=1)
    b = train(examples, seed=2, min_count=1)
    assert a.dumps() != b.dumps()
    assert [a.best(f)[0] for f, _ in examples] == [b.best(f)[0] for f, _ in examples]


def _label(sentence: str, number: str, value: int) -> str:
    begin = sentence.index(number)
    return shipped_model().best(
        number_features(parse(sentence), begin, begin + len(number), value)
    )[0]


@pytest.mark.parametrize(
    ("sentence", "number", "value", "expected"),
    [
        ("The raid left 23 farmers dead in the valley.", "23", 23, "killed"),
        ("The blast killed 23 people and injured 41 more.", "23", 23, "killed"),
        ("The blast killed 23 people and injured 41 more.", "41", 41, "injured"),
        ("Hospitals admitted 41 people with shrapnel wounds.", "41", 41, "injured"),
        ("Another 41 passengers were wounded by flying glass.", "41", 41, "injured"),
        ("Police arrested 30 suspects after the raid.", "30", 30, "arrested"),
        ("The convoy was ambushed on 12 March near the bridge.", "12", 12, NONE),
        ("The shooting happened on 12 March near the bridge.", "12", 12, NONE),
        ("The gunman, who was 19 years old, had no record.", "19", 19, NONE),
        ("The gunman, Tomas Berg, 19, had no criminal record.", "19", 19, NONE),
        ("The office stood at 221 Harbour Road in the old port.", "221", 221, NONE),
    ],
)  # fmt: skip
def test_the_shipped_model_tells_figures_from_other_numbers(
    sentence: str, number: str, value: int, expected: str
) -> None:
    assert _label(sentence, number, value) == expected


def test_the_shipped_weights_are_the_recorded_file() -> None:
    data = (ROOT / "src" / "attackgraph" / "resources" / "figure_model.json").read_bytes()
    recorded = (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
    assert hashlib.sha256(data).hexdigest() in recorded
    assert len(data) < 200_000  # 162 KB on the recipe's eight sets (session 16)


HALVIK = (
    "= Raid on Halvik =\n\n"
    "Gunmen attacked the Halvik bus depot on 3 May 2019, killing nine drivers. "
)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The regional governor said hospitals had admitted 41 people with shrapnel wounds.",
         "regional governor"),
        ("The health ministry said that clinics in the town had admitted 41 people with "
         "shrapnel wounds.", "health ministry"),
    ],
)  # fmt: skip
def test_the_hybrid_adds_a_figure_the_rules_do_not_read(sentence: str, source: str) -> None:
    assert read_figures(sentence) == []  # the rules alone: no outcome, no figure
    doc = parse_document((HALVIK + sentence + "\n").encode(), "halvik.txt")
    facts = read_prose(doc, ProseContext("main", "Raid on Halvik", {}, ()))
    found = [
        (c.source and c.source.name, f.quantity.value, f.outcome, f.span.text)
        for c in facts.claims
        for f in c.figures
    ]
    assert found == [
        (None, 9, "killed", "killing nine drivers"),
        (source, 41, "injured", "41 people"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Hospitals admitted 41 people with shrapnel wounds on 12 March, among them Tomas Berg, "
        "19, a student from Lund.",
        "On 12 March hospitals admitted 41 people with shrapnel wounds; the youngest, Tomas "
        "Berg, 19, was a student.",
    ],
)
def test_the_hybrid_reads_the_figure_but_not_the_date_or_the_age(text: str) -> None:
    assert read_figures(text) == []
    guessed = read_figures(text, guess=FigureGuess(text, 0, len(text)))
    assert [(f.quantity.value, f.outcome) for f in guessed] == [(41, "injured")]


def test_the_hybrid_asks_nothing_of_a_sentence_that_names_no_outcome() -> None:
    text = "Among the passengers were 41 pilgrims from the coast."
    assert not FigureGuess(text, 0, len(text)).worth_asking


@pytest.mark.parametrize(
    "text",
    ["Nineteen of them were shot in the market square.", "Clinics treated 35 people for burns."],
)
def test_the_hybrid_is_asked_where_only_the_context_names_the_outcome(text: str) -> None:
    # "shot" and "treated" name no outcome of their own (shot dead or shot in the leg), so
    # the rules read none; since session 7 the classifier is asked (CONTEXT_FORMS)
    assert read_figures(text) == []
    assert FigureGuess(text, 0, len(text)).worth_asking


def test_the_hybrid_reads_a_figure_the_context_names_in_what_a_source_says() -> None:
    # "Nineteen of them were shot" sat on the threshold (killed 0.73 with the weights of
    # session 11, 0.698 retrained in session 12 on five more candidates); "of the men"
    # is read at 0.83 by both
    text = "Nineteen of the men were shot in the market square."
    guessed = read_figures(text, guess=FigureGuess(text, 0, len(text), CONFIDENCE))
    assert [(f.quantity.value, f.outcome) for f in guessed] == [(19, "killed")]


@needs_shared_dev
def test_the_shipped_weights_are_what_their_recorded_command_trains() -> None:
    """A rule that changes the candidates (what ``find_amounts`` finds, a label the gold
    gives) changes what the command writes: the file must then be trained again, or it no
    longer says which training it holds (it had gone stale unnoticed by session 15)."""
    assert recorded_command_writes("figure", last=7)
