"""Figures the prose states without a source of their own: one outcome lexicon, people
counted one by one, amounts that count no people."""

from __future__ import annotations

import pytest

from attackgraph.extract.figure_guess import FigureGuess
from attackgraph.extract.prose_figures import read_figures
from attackgraph.extract.vocabulary import CASUALTY_VERBS, PASSIVE_OUTCOMES, verb_forms


def figures(text: str) -> list[tuple[object, str]]:
    """(amount, outcome) of each figure of ``text``; its words must hold its number."""
    found: list[tuple[object, str]] = []
    for f in read_figures(text):
        assert f.quantity.text in text[f.begin : f.end]
        q = f.quantity
        found.append((q.value if q.value is not None else (q.minimum, q.maximum), f.outcome))
    return found


def test_every_casualty_verb_has_its_participle_in_the_lexicon() -> None:
    assert {verb_forms(lemma)[0] for lemma in CASUALTY_VERBS} == set(PASSIVE_OUTCOMES)
    assert PASSIVE_OUTCOMES["hanged"] == "killed"
    assert PASSIVE_OUTCOMES["taken into custody"] == "arrested"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels hanged two informers in the market square.", [(2, "killed")]),
        ("Three guards were gunned down at the gate before dawn.", [(3, "killed")]),
        ("A village chief was beheaded by the insurgents.", [(1, "killed")]),
        ("Four pilgrims were slain on the road to the shrine.", [(4, "killed")]),
        ("Nine miners were apprehended at the checkpoint.", [(9, "arrested")]),
    ],
)  # fmt: skip
def test_every_form_of_the_lexicon_reads_an_outcome(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Hindu tailor was killed in the riot that followed.", [(1, "killed")]),
        ("Its pilot was captured after the crash.", [(1, "captured")]),
        ("The convoy's translator was abducted near the border.", [(1, "captured")]),
        ("Late that night a shopkeeper was also shot dead.", [(1, "killed")]),
        ("She was hanged in the prison yard two years later.", [(1, "killed")]),
        ("The gang's accountant had been detained in March.", [(1, "arrested")]),
    ],
)  # fmt: skip
def test_one_person_named_by_any_noun_counts_one(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Officers said the last fighters in the compound had been killed.",
        "The minister said the drug could not have killed a grown man.",
        "Their bodyguards were killed in the ambush.",
        "None of the passengers on the ferry was hurt.",
    ],
)
def test_no_count_of_one_behind_a_preposition_a_negation_or_a_plural(text: str) -> None:
    assert (1, "killed") not in figures(text) and (1, "injured") not in figures(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops searched five villages, and a man was detained.", [(1, "arrested")]),
        ("Curfews were imposed in twelve Kurdish towns after 40 people were killed.",
         [(40, "killed")]),
        ("The army raided seven or eight addresses and arrested 14 suspects.",
         [(14, "arrested")]),
    ],
)  # fmt: skip
def test_places_are_no_count_of_people(text: str, expected: list[tuple[object, str]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By the end of the week the toll had eventually climbed to 33.", [(33, "killed")]),
        ("The tally was later revised downwards to 41.", [(41, "killed")]),
        ("The final total was afterwards fixed at 64.", [(64, "killed")]),
        ("Four died at once; the number of dead rose steadily to 19.",
         [(4, "killed"), (19, "killed")]),
        ("A total of 300 soldiers took part in the operation.", []),
    ],
)  # fmt: skip
def test_a_toll_set_or_changed_by_any_verb_names_its_amount(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast killed 61 people, most of them pilgrims from the north.",
         [(61, "killed"), ((None, None), "killed")]),
        ("Some 40 villagers were abducted, many of them women.",
         [(40, "captured"), ((None, None), "captured")]),
        ("About 90 people, most of them students, had been wounded.", [(90, "injured")]),
        ("Thirty hostages were abducted; many of them were freed within a week.",
         [(30, "captured")]),
        ("A gunman opened fire on a crowd, most of them tourists.", []),
    ],
)  # fmt: skip
def test_most_or_many_of_them_with_a_group_is_a_vague_part_of_the_figure(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eleven of the hostages were killed in the rescue.", [(11, "killed")]),
        ("Several of the wounded were later executed.", [((None, None), "killed")]),
        ("Thirty of the dead were foreigners.", [(30, "killed")]),
    ],
)  # fmt: skip
def test_a_part_of_those_counted_takes_its_own_verbs_outcome(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor's deputy, Lena Holt, her bodyguard, Sam Ode, and Father Ruiz were killed.",
         [(3, "killed")]),
        ("Mara Quist and her husband escaped the fire but were later arrested.",
         [(2, "arrested")]),
        ("Ivo Bran, Ole Sund and Kai Voss were captured on the ridge.", [(3, "captured")]),
        ("The driver, Paul Amsel, was killed.", [(1, "killed")]),
        ("Ana Ruiz and two other guards were killed.", [(3, "killed")]),  # she and two others
    ],
)  # fmt: skip
def test_people_listed_as_the_subject_of_a_casualty_verb_are_counted_from_the_parse(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Among the dead was a retired judge, the oldest victim.", [(1, "killed")]),
        ("Among those wounded were the goalkeeper, Ivan Petrov, and his coach.",
         [(2, "injured")]),
        ("Lars Nygaard, a ferry pilot, was among the hostages.", [(1, "captured")]),
        ("Among the injured were the referees Ali Demir and Jon Kale.", [(2, "injured")]),
        ("Among the dead were Rita Sol, two nurses and 14 soldiers.",
         [(1, "killed"), (2, "killed"), (14, "killed")]),
    ],
)  # fmt: skip
def test_people_among_the_dead_are_counted_one_each_unless_a_number_counts_them(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The governor was a block away and walked away unharmed.", [(0, "injured")]),
        ("The choir escaped without any of its singers being injured.", [(0, "injured")]),
        ("None of the nurses, who had sheltered in the basement, was hurt.", [(0, "injured")]),
        ("No children were reported to have been injured.", [(0, "injured")]),
    ],
)  # fmt: skip
def test_nobody_hurt_is_a_zero_however_it_is_said(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Their losses came to 812 killed, wounded and missing.",
        "The regiment counted 95 dead, injured or captured.",
    ],
)
def test_a_list_of_outcomes_is_one_combined_figure(text: str) -> None:
    assert [outcome for _, outcome in figures(text)] == ["killed-or-injured"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The gunmen were holding some 30 hostages in the bank vault.", [(30, "captured")]),
        ("Rebels took 14 hostages from the convoy.", [(14, "captured")]),
        ("Pirates kept all nine hostages below deck.", [(9, "captured")]),
        ("Troops freed 20 hostages at dawn.", []),
    ],
)  # fmt: skip
def test_hostages_held_or_taken_are_captured(text: str, expected: list[tuple[object, str]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Omar Talib, the group's founder, died in Cairo in March 1999.", []),
        ("Its former leader, Ruth Amsel, died in 2011.", []),
        ("Ruth Amsel, who had been wounded in the raid, died in May 2011.", [(1, "killed")]),
        ("Omar Talib died in the explosion at the depot.", [(1, "killed")]),
    ],
)  # fmt: skip
def test_a_death_said_only_by_when_and_where_is_no_casualty(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The dead were four Danes, two Poles, an Estonian, a Kenyan porter and a Fijian cook.",
            [(4, "killed"), (2, "killed"), (1, "killed"), (1, "killed"), (1, "killed")],
        ),
        (
            "Eleven people were killed: seven villagers, three Ghanaians and a Swedish citizen.",
            [(11, "killed"), (7, "killed"), (3, "killed"), (1, "killed")],
        ),
        (
            "Nine pilgrims were wounded, two Malians, a Briton and a retired engineer among them.",
            [(9, "injured"), (2, "injured"), (1, "injured"), (1, "injured")],
        ),
        ("Police killed two soldiers and a number of civilians.", [(2, "killed")]),
        ("Gunmen killed three guards and a dog at the gate.", [(3, "killed")]),
    ],
)  # fmt: skip
def test_each_person_a_breakdown_lists_with_an_article_counts_one(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Five miners were killed outright and a sixth died of burns.",
         [(5, "killed"), (1, "killed")]),
        ("Troops shot dead three of the raiders and captured a fourth.",
         [(3, "killed"), (1, "captured")]),
        ("Two men were detained on Monday and a third suspect was arrested.",
         [(2, "arrested"), (1, "arrested")]),
        ("Nine people were shot dead, one died in a fall and another drowned.",
         [(9, "killed"), (1, "killed"), (1, "killed")]),
        ("Two guards were wounded and another was killed.", [(2, "injured"), (1, "killed")]),
        ("Two bombs went off and another exploded later.", []),
        ("A second car exploded near the bridge and killed nine people.", [(9, "killed")]),
        ("On the third day the rebels killed six villagers.", [(6, "killed")]),
    ],
)  # fmt: skip
def test_one_more_person_counted_by_an_ordinal_is_one(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kestrel and four other suspected bombers were killed in the raid.", [(5, "killed")]),
        ("Police said Ortega and three others were arrested.", [(4, "arrested")]),
        ("A farmer and her three young sons were among the dead.", [(4, "killed")]),
        ("The wife and two children of the ferry's captain died in the fire.", [(3, "killed")]),
        ("The priest's mother and two of his sisters were killed.", [(3, "killed")]),
        ("Gunmen killed a policeman and two civilians.", [(1, "killed"), (2, "killed")]),
        ("Troops and 30 rebels were killed.", [(30, "killed")]),
        ("Twelve people died in Ashford and one more the next day in Kent.",
         [(12, "killed"), (1, "killed")]),  # a place before "and": no person
    ],
)  # fmt: skip
def test_one_person_joined_to_a_number_of_others_or_kin_is_counted_with_it(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two more of the wounded died later in hospital.", [(2, "killed")]),
        ("The clinic said three of the injured had died overnight.", [(3, "killed")]),
        ("Twelve of the hostages were wounded in the rescue.", [(12, "injured")]),
        ("Forty were hurt, including five of the wounded in a critical state.",
         [(40, "injured"), (5, "injured")]),
    ],
)  # fmt: skip
def test_a_numbered_part_of_those_counted_has_died_when_its_verb_says_so(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels killed another 12 villagers.", [(12, "killed")]),
        ("Militants killed a further 30 people in the north.", [(30, "killed")]),
        ("Police detained an additional four suspects.", [(4, "arrested")]),
    ],
)  # fmt: skip
def test_an_outcome_verb_before_a_further_number_reads_it(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said none of the mission's Danish staff was killed or injured.",
         [(0, "killed"), (0, "injured")]),
        ("No civilians were killed or wounded in the raid.", [(0, "killed"), (0, "injured")]),
        ("No member of the Kenyan crew was captured.", [(0, "captured")]),
        ("None of the hostages was killed.", [(0, "killed")]),
        ("No evidence was found.", []),
    ],
)  # fmt: skip
def test_nobody_of_a_group_met_each_outcome_the_sentence_denies(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three raiders wounded five farmers near the well.", [(5, "injured")]),
        ("Two snipers killed eleven marchers on the bridge.", [(11, "killed")]),
        ("Four gunmen abducted twelve pupils and a teacher.", [(12, "captured"), (1, "captured")]),
    ],
)  # fmt: skip
def test_who_did_it_is_no_casualty_when_a_number_word_opens_the_object(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Medics said 12 were in a critical condition on Monday.", [(12, "injured")]),
        ("Of the 40 admitted, nine remained in intensive care.", [(9, "injured")]),
        ("Some 25 pupils were treated for smoke inhalation.", [(25, "injured")]),
        ("Six people died and 31 were taken to hospitals in the capital.",
         [(6, "killed"), (31, "injured")]),
        ("Four guards died at once and two more succumbed in hospital.",
         [(4, "killed"), (2, "killed")]),
    ],
)  # fmt: skip
def test_the_injured_are_read_from_their_condition_or_care(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert [f for f in figures(text) if f[0] in {e[0] for e in expected}] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eighty prisoners were executed in the yard.", [(80, "killed")]),
        ("The column took 300 prisoners at the ford.", [(300, "captured")]),
    ],
)  # fmt: skip
def test_prisoners_take_their_own_verbs_outcome(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eleven shoppers were killed, together with the two attackers, and 60 were hurt.",
         [(11, "killed"), (2, "killed"), (60, "injured")]),
        ("Nine villagers died along with their four abductors, and 14 were wounded.",
         [(9, "killed"), (4, "killed"), (14, "injured")]),
        ("Seven guests were killed in addition to the three gunmen, and dozens were hurt.",
         [(7, "killed"), (3, "killed"), ((None, None), "injured")]),
    ],
)  # fmt: skip
def test_those_counted_together_with_a_figure_share_its_outcome(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


def test_a_toll_given_as_an_amount_names_it() -> None:
    text = "The ministry gave the number of rebels killed as 412, with 96 wounded."
    assert figures(text) == [(412, "killed"), (96, "injured")]


@pytest.mark.parametrize(
    "text",
    [
        "How many villagers died that night is still disputed.",
        "Nobody could say how many pupils were missing after the raid.",
    ],
)
def test_the_many_of_a_question_is_no_figure(text: str) -> None:
    assert figures(text) == []


def test_every_part_listed_after_among_them_keeps_the_figures_outcome() -> None:
    text = "The shelling killed 90 people, among them 31 women and 40 children, and 120 were hurt."
    assert figures(text) == [(90, "killed"), (31, "killed"), (40, "killed"), (120, "injured")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Among the dead were 14 members of the choir.", [(14, "killed")]),
        ("Among the victims were seven elderly men.", [(7, "killed")]),
    ],
)  # fmt: skip
def test_a_tolls_figure_of_people_the_vocabulary_does_not_know_is_kept(
    text: str, expected: list[tuple[object, str]]
) -> None:
    found = read_figures(text, guess=FigureGuess(text, 0, len(text), 0.9))
    assert [(f.quantity.value, f.outcome) for f in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A tribunal in the capital sentenced nine militants to death in 2019.", []),
        ("Four of the plotters were condemned to death and eleven to long prison terms.", []),
        ("The judges handed down three death sentences, all later commuted.", []),
        ("Two guards were beaten to death at the gate.", [(2, "killed")]),
    ],
)  # fmt: skip
def test_a_sentence_to_death_is_no_death(text: str, expected: list[tuple[object, str]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Harlow raid was the killing of 31 farm workers by a militia.", [(31, "killed")]),
        ("It ended with the abduction of 12 engineers from the dam site.", [(12, "captured")]),
        ("Police announced the arrest of 40 suspects after the riot.", [(40, "arrested")]),
        ("The talks secured the release of 13 aid workers.", []),
    ],
)  # fmt: skip
def test_a_noun_naming_what_was_done_gives_its_of_phrase_that_outcome(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Of some 300 men on the ferry, 112 died.", [(112, "killed")]),
        ("Of the 60 passengers aboard, 17 were hurt and 4 died.", [(17, "injured"), (4, "killed")]),
        ("Of the 40 dead, 12 were children.", [(40, "killed"), (12, "killed")]),
    ],
)  # fmt: skip
def test_those_a_clause_with_of_draws_a_part_from_take_no_outcome_of_theirs(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


def test_an_outcome_verb_inside_a_longer_word_counts_nobody() -> None:
    assert figures("The bombing changed the way the city guarded its markets.") == []


def test_those_who_drowned_died() -> None:
    assert figures("The boat overturned and 23 of the fishermen drowned.") == [(23, "killed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Under the deal the government released 400 prisoners held since the war.", []),
        ("The raiders stormed the jail, freeing some 90 prisoners.", []),
        ("Eleven prisoners escaped through a tunnel during the night.", []),
        ("By nightfall the rebels had taken 60 prisoners.", [(60, "captured")]),
    ],
)  # fmt: skip
def test_prisoners_let_go_are_no_captives(text: str, expected: list[tuple[object, str]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Captain Jan Roos was killed when his Fouga was shot down.", [(1, "killed")]),
        ("A Soviet MiG-21 patrolling the border was shot down by a missile.", []),
    ],
)  # fmt: skip
def test_an_aircraft_shot_down_is_nobody_hurt(
    text: str, expected: list[tuple[object, str]]
) -> None:
    found = read_figures(text, guess=FigureGuess(text, 0, len(text), 0.9))
    assert [(f.quantity.value, f.outcome) for f in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three guards were killed and four armoured lorries were set alight.", [(3, "killed")]),
        ("Nine pilgrims died and two minibuses overturned in the ravine.", [(9, "killed")]),
        ("The mortars killed six soldiers and two interpreters.", [(6, "killed"), (2, "killed")]),
    ],
)  # fmt: skip
def test_things_listed_after_a_figure_take_no_outcome_of_people(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The registry lists 212 villagers killed or missing after the raid.",
         [(212, "killed-or-injured")]),
        ("Officers said 48 conscripts were dead or missing by dawn.", [(48, "killed-or-injured")]),
        ("The rebels claimed to have killed or captured some 900 militiamen.",
         [(900, "killed-or-injured")]),
        ("An inquiry counted 70 people killed or disappeared and 15 wounded.",
         [(70, "killed-or-injured"), (15, "injured")]),
        ("None of the porters was killed or captured.", [(0, "killed"), (0, "captured")]),
    ],
)  # fmt: skip
def test_two_outcomes_offered_as_alternatives_are_one_combined_figure(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The soldiers lined the men up, shot them one by one and dumped the bodies in the canal.",
        "Soldiers executed the captives one after another at the wall.",
        "The guards took the prisoners out one at a time and killed them.",
    ],
)
def test_one_by_one_is_a_manner_not_one_person(text: str) -> None:
    found = read_figures(text, guess=FigureGuess(text, 0, len(text), 0.9))
    assert [f.quantity.value for f in found] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Local clergy gave estimates of between 300 and 450 dead.", [((300, 450), "killed")]),
        ("Exile groups cite higher figures of around 8,000 to 12,000 killed.",
         [((8000, 12000), "killed")]),
    ],
)  # fmt: skip
def test_an_estimate_of_an_amount_states_the_amount(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


def test_a_people_a_verb_acts_on_is_no_person() -> None:
    text = "Colonial officers put the Ottoman dead at 1,200 and the wounded at 3,000."
    found = read_figures(text, guess=FigureGuess(text, 0, len(text), 0.9))
    assert [(f.quantity.value, f.outcome) for f in found] == [(1200, "killed"), (3000, "injured")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nine walkers died: seven students, a hiking instructor and a cook.",
         [(9, "killed"), (7, "killed"), (1, "killed"), (1, "killed")]),
        ("A mortar round killed a sentry and a cook.", [(1, "killed"), (1, "killed")]),
        ("The shell killed a farmer, a nurse and a driver.",
         [(1, "killed"), (1, "killed"), (1, "killed")]),
    ],
)  # fmt: skip
def test_each_person_listed_with_an_article_counts_one(
    text: str, expected: list[tuple[object, str]]
) -> None:
    found = read_figures(text)
    assert figures(text) == expected
    assert [f.quantity.text for f in found if f.quantity.value == 1][-1] == "a"


def test_a_person_named_and_then_described_counts_once() -> None:
    text = "Militia members shot dead Ivo Marek, a retired teacher, at the gate."
    assert figures(text) == [(1, "killed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some pilgrims were shot dead, and others were wounded.",
         [((None, None), "killed"), ((None, None), "injured")]),
        ("Most of the outpost's defenders were captured.", [((None, None), "captured")]),
        ("Some of those hiding in the barn were burned to death.", [((None, None), "killed")]),
    ],
)  # fmt: skip
def test_some_others_and_most_as_the_subject_of_a_casualty_verb_are_vague(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected
    assert all(f.quantity.approximate for f in read_figures(text))


@pytest.mark.parametrize(
    "text",
    [
        "Some 40 porters were killed on the pass.",
        "Some said the porters were killed on the pass.",
        "Most of the huts were burned.",
        "The toll rose to 30 as some of the injured died.",
        "Nine porters were killed and 14 others were wounded.",
        "Most of the defenders were killed or wounded.",
    ],
)
def test_some_others_and_most_count_nobody_vague_elsewhere(text: str) -> None:
    assert all(
        f.quantity.text.lower() not in ("some", "others", "most") for f in read_figures(text)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The finance minister was gravely wounded and died in hospital in March.",
         [(1, "killed")]),
        ("A sentry was badly hurt when he fell from the wall and later died.", [(1, "killed")]),
        ("A guard was wounded and two of the raiders died.", [(1, "injured"), (2, "killed")]),
    ],
)  # fmt: skip
def test_one_person_hurt_who_dies_in_the_same_clause_is_killed(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The youngest victim, Lena Dorsch, was four years old.", [(1, "killed")]),
        ("The youngest of those killed, Piet Alma, was 17; the oldest, Rosa Lind, was 81.",
         [(1, "killed"), (1, "killed")]),
        ("The youngest victim was nine years old.", []),
        ("The youngest of the gunmen, Omar Tell, was 19.", []),
        ("Clinics treated 30 people for burns; the youngest, Ida Roos, was six.", []),
    ],
)  # fmt: skip
def test_the_youngest_or_oldest_of_the_dead_named_counts_one(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her cousin, Mara Jovic, 35, died of her wounds two days later.", [(1, "killed")]),
        ("His grandmother, who was 91, died of her burns a week later.", []),
        ("A bomb killed a guard, Tomas Berg, 52, and a cook.", [(1, "killed"), (1, "killed")]),
        ("They killed two men: Aldo Reyes, 61, and his nephew.", [(2, "killed")]),
        ("The gunman killed a nurse (Lena Ortiz, 19) and wounded a porter.",
         [(1, "killed"), (1, "injured")]),
        ("In Tarsa, 12 people died; 4,300 died at Oberg and 2,600 at Dunmere.",
         [(12, "killed"), (4300, "killed"), (2600, "killed")]),
    ],
)  # fmt: skip
def test_an_age_set_off_after_a_name_is_no_figure(
    text: str, expected: list[tuple[object, str]]
) -> None:
    assert figures(text) == expected
