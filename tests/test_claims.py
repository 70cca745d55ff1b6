"""Claims read from prose written for these tests: who says it, which outcome, which
group or subgroup, how many. Every sentence is our own wording (issue 8's causes),
none comes from an evaluation corpus.
"""

from __future__ import annotations

import pytest

from attackgraph.extract import extract
from attackgraph.model import Extraction, Rank
from attackgraph.parse import parse

Fact = tuple[str | None, str, object, str | None]
"""(source name or None, outcome, amount, subgroup qualifier)."""


def read(body: str, infobox: str = "") -> Extraction:
    box = f"Infobox\n{infobox}\n\n" if infobox else ""
    return extract(parse(f"= Raid on Tamba =\n\n{box}{body}\n".encode(), "tamba.txt"))


def facts(body: str, infobox: str = "") -> list[Fact]:
    """The prose figures of ``body`` as (source, outcome, amount, qualifier)."""
    found: list[Fact] = []
    for claim in read(body, infobox).claims:
        if any(e.text.startswith(("Deaths", "Injuries")) for e in claim.evidence):
            continue
        for f in claim.figures:
            q = f.quantity
            amount: object = q.value if q.value is not None else (q.minimum, q.maximum)
            found.append(
                (claim.source.name if claim.source else None, f.outcome, amount, f.qualifier)
            )
    return found


# -- subgroups: a part of the dead, never the total -------------------------------------


def test_a_nationality_among_the_dead_is_a_subgroup() -> None:
    assert facts("The bombing killed 52 people, thirty of them British.") == [
        (None, "killed", 52, None),
        (None, "killed", 30, "British"),
    ]


def test_a_sources_subgroup_never_demotes_the_documents_total() -> None:
    body = (
        "Gunmen killed 52 people at the port. According to the Foreign Office, thirty of "
        "the dead were British citizens."
    )
    x = read(body)
    assert facts(body) == [(None, "killed", 52, None), ("Foreign Office", "killed", 30, "British")]
    (total,) = [c for c in x.claims if c.source is None]
    assert total.rank is Rank.PREFERRED


def test_its_crew_is_the_speakers_subgroup() -> None:
    body = "The airline Skyways said that six of its crew had been killed in the blast."
    assert facts(body) == [("Skyways", "killed", 6, "Skyways")]


def test_a_nationality_in_a_list_of_victims_is_a_subgroup() -> None:
    found = facts("Four Danish tourists and two Germans were also killed.")
    assert [(f[2], f[3]) for f in found] == [(4, "Danish"), (2, "Germans")]


def groups(body: str) -> list[tuple[object, str, str | None]]:
    """The prose figures of ``body`` as (amount, population group, qualifier)."""
    return [
        (f.quantity.value, f.group, f.qualifier)
        for c in read(body).claims
        for f in c.figures
        if not any(e.text.startswith(("Deaths", "Injuries")) for e in c.evidence)
    ]


def test_a_subgroup_takes_the_group_of_the_people_it_is_drawn_from() -> None:
    """Issue 8: a subgroup is never ``total``; with a head that names its people
    ("hikers" are civilians) every nationality of the breakdown takes that group."""
    body = "The bandits killed 41 tourists, twenty of them Swedish, four Belgians and two Germans."
    assert groups(body) == [
        (41, "civilians", None),
        (20, "civilians", "Swedish"),
        (4, "civilians", "Belgians"),
        (2, "civilians", "Germans"),
    ]


def test_a_subgroup_of_people_the_text_gives_no_group_for_is_other_group() -> None:
    """Of "52 people", a group the text does not name, the British are ``other-group``, as a
    nationality named with a noun ("Irish citizens") already was - never ``total``."""
    assert groups("The bombing killed 52 people, thirty of them British.") == [
        (52, "total", None),
        (30, "other-group", "British"),
    ]
    body = "Two Austrians and three Irish citizens were also among the dead."
    assert [g for _, g, _ in groups(body)] == ["other-group", "other-group"]
    # its own words give a group: kept ("Swiss sailors" are soldiers, whatever the head)
    body = "The fire killed 30 people, including four Swiss sailors."
    assert groups(body)[1] == (4, "soldiers", "Swiss")


def test_a_named_person_or_an_increment_is_never_the_total() -> None:
    assert groups("Tomas Varga and Ada Obi were later killed in the crossfire.") == [
        (2, "other-group", "Tomas Varga and Ada Obi")
    ]
    assert all(g != "total" for _, g, q in groups("A further twelve died later.") if q)


def test_the_whole_a_part_is_taken_from_is_no_figure() -> None:
    assert facts("Nine of the 14 rebels were killed in the assault.") == [(None, "killed", 9, None)]


def test_a_named_leader_killed_with_other_militants_counts_one_militant() -> None:
    x = read("Police said the cell's leader, Omar Dadi, had been killed with other militants.")
    (claim,) = [c for c in x.claims if c.figures]
    (figure,) = claim.figures
    assert (figure.quantity.value, figure.group, figure.outcome) == (1, "militants", "killed")
    assert figure.span.text.startswith("Omar Dadi")


# -- who said it ------------------------------------------------------------------------


def sources(body: str) -> list[tuple[str | None, object]]:
    return [(f[0], f[2]) for f in facts(body)]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("At dawn the army said that nine soldiers had been killed.", "army"),
        ("By nightfall the interior minister said five officers had died.", "interior minister"),
        ("On 3 March Tomas Varga said that eight people had been wounded.", "Tomas Varga"),
        ("Later that week the Red Cross reported that 12 civilians were killed.", "Red Cross"),
        ("By nightfall Okafor put the toll at 12.", "Okafor"),
        ("On the morning of 4 May Ilse Marten, a spokeswoman for the regional council, told "
         "reporters that nine people had died.", "Ilse Marten"),
        ("Ilse Marten, Zembla's deputy consul in Tamba, said that 14 people had died.",
         "Ilse Marten"),
    ],
)  # fmt: skip
def test_an_opening_adverbial_is_not_the_speaker(body: str, source: str) -> None:
    ((found, _),) = sources(body)
    assert found == source


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("The Red Crescent counted 14 dead. The organisation said that 22 more were injured.",
         "Red Crescent"),
        ("The Ministry of the Interior of Zembla gave no toll. The ministry said 40 people died.",
         "Ministry of the Interior of Zembla"),
        ("Governor Amos Tate visited the town. The governor said six police officers were killed.",
         "Amos Tate"),
        ("The interior minister, Ada Obi, visited the site. Later the interior minister said "
         "that nine people had died.", "Ada Obi"),
        ("Ian Lowe, a doctor at the town clinic, described the scene. The doctor said four "
         "children had died.", "Ian Lowe"),
        ("Inspector-General of Police Ada Obi told a news conference that the raid had begun. "
         "Two officers were killed, she said.", "Ada Obi"),
    ],
)  # fmt: skip
def test_an_anaphor_names_the_nearest_fitting_full_name(body: str, source: str) -> None:
    assert {s for s, _ in sources(body)} == {source}


def test_a_second_speaker_after_while_with_a_relative_clause() -> None:
    body = (
        "The mayor first put the toll at 30, while parents who kept their own list put the "
        "figure much higher, at 41."
    )
    assert sources(body) == [("mayor", 30), ("parents", 41)]
    assert sources("The ministry cut the toll to about 25.") == [("ministry", 25)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Ada Obi, an aide to the regional governor Tomas Varga, repeatedly told reporters "
         "that 40 people were being held.", [("Ada Obi", 40)]),
        ("A commission set up by President Tomas Varga reported that 12 girls had escaped and "
         "that 30 remained in captivity.", [("commission", 30)]),
        ("When the army declared the town secure on 3 May, 60 fighters and nine civilians had "
         "died, according to the Red Cross.", [("Red Cross", 60), ("Red Cross", 9)]),
        ("The ministry's final toll listed 52 soldiers killed and 90 wounded.",
         [("ministry", 52), ("ministry", 90)]),
    ],
)  # fmt: skip
def test_who_states_a_figure_in_longer_clauses(body: str, expected: list[object]) -> None:
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The historian Ada Obi has written that most of the 46 people injured were clerks.",
         [("Ada Obi", "injured", 46, None)]),
        ("The ministry said that one Danish soldier had been killed and 12 wounded.",
         [("ministry", "killed", 1, None), ("ministry", "injured", 12, None)]),
        ("The governor told reporters that the toll would stand at 171.",
         [("governor", "killed", 171, None)]),
    ],
)  # fmt: skip
def test_more_ways_of_stating_a_figure(body: str, expected: list[Fact]) -> None:
    assert facts(body) == expected


def test_a_contrasted_second_speaker_keeps_its_own_figure() -> None:
    body = "The army put the toll at 12, while a local union put the toll higher, at 19."
    assert sources(body) == [("army", 12), ("local union", 19)]


def test_a_reporting_clause_set_off_by_commas_covers_both_sides() -> None:
    body = "Seven guards were killed at the gate, the agency said, and two more died later."
    assert sources(body) == [("agency", 7), ("agency", 2)]
    body = "Five people were badly hurt, officials said, and three had died, according to medics."
    assert sources(body) == [("officials", 5), ("medics", 3)]


def test_a_list_before_the_speaker_is_no_apposition_of_it() -> None:
    body = (
        "The dead included four Danes, two Poles and a guide from Oslo and Turku, a port "
        "official told the Tamba Herald on condition of anonymity."
    )
    assert [(s, a) for s, a in sources(body)][:2] == [("port official", 4), ("port official", 2)]


def test_attackers_who_blew_themselves_up_are_dead() -> None:
    body = "Two gunmen were captured and three others had blown themselves up."
    assert [(f[1], f[2]) for f in facts(body)] == [("captured", 2), ("killed", 3)]


def test_a_count_reported_inside_a_statement_is_the_speakers() -> None:
    body = "Ilse Marten said nurses had counted 31 dead, while the mayor said 20 had died."
    assert sources(body) == [("Ilse Marten", 31), ("mayor", 20)]


def test_a_trailing_reported_clause_keeps_its_speaker() -> None:
    body = "The police said that four civilians were killed and that one guard had been hurt."
    assert facts(body) == [("police", "killed", 4, None), ("police", "injured", 1, None)]


# -- outcomes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "outcome"),
    [
        ("Eleven people were in hospital on Monday.", "injured"),
        ("Three were still being treated for burns.", "injured"),
        ("Two suspects were held in custody.", "arrested"),
        ("Four police officers were among the dead.", "killed"),
    ],
)
def test_outcome_phrases(body: str, outcome: str) -> None:
    ((_, found, _, _),) = facts(body)
    assert found == outcome


def test_each_number_of_a_breakdown_keeps_its_own_outcome() -> None:
    body = "Gunmen killed 12 people and injured 30, including three killed and five injured here."
    assert [(f[1], f[2]) for f in facts(body)] == [
        ("killed", 12), ("injured", 30), ("killed", 3), ("injured", 5)
    ]  # fmt: skip


# -- amounts written without a number, zero, parts ----------------------------------------


@pytest.mark.parametrize(
    ("body", "outcome", "stated"),
    [
        ("The commander of the unit was killed in the fighting.", "killed", "The commander"),
        ("Police arrested the driver on Friday.", "arrested", "arrested the driver"),
        ("He was killed by a sniper two days later.", "killed", "He was killed"),
    ],
)  # fmt: skip
def test_one_person_is_a_count_of_one_stated_with_its_article(
    body: str, outcome: str, stated: str
) -> None:
    (claim,) = [c for c in read(body).claims if c.figures]
    (figure,) = claim.figures
    assert (figure.quantity.value, figure.outcome) == (1, outcome)
    assert figure.span.text.startswith(stated)
    assert figure.quantity.text in figure.span.text


@pytest.mark.parametrize(
    ("body", "outcome", "amount", "stated"),
    [
        ("Tomas Varga and Ada Obi were later killed in the crossfire.", "killed", 2,
         "Tomas Varga and Ada Obi"),
        ("Jonas Peltz, a ferry mechanic, was arrested at the border in June.", "arrested", 1,
         "Jonas Peltz"),
        ("On Monday police detained Ilse Marten at her flat.", "arrested", 1, "Ilse Marten"),
        ("Its deputy, Omar Sall, was taken alive.", "captured", 1, "Omar Sall"),
        ("The governor said that Pia Lund had died in the second blast.", "killed", 1,
         "Pia Lund"),
        ("Jon Ek, a ferry pilot, was hit by shrapnel at the quay and died in the night.",
         "killed", 1, "Jon Ek"),
        ("Corporal Ian Lowe was fatally wounded by a sniper.", "killed", 1, "Ian Lowe"),
        ("Rafael Ortiz led the cell. Ortiz was executed in 1999.", "killed", 1, "Ortiz"),
        ("Ana Ruiz, Lena Holm and Piet Kaas were wounded.", "injured", 3,
         "Ana Ruiz, Lena Holm and Piet Kaas"),
        ("He was held in custody until the trial.", "arrested", 1, "He"),
    ],
)  # fmt: skip
def test_named_people_are_counted_one_each(
    body: str, outcome: str, amount: int, stated: str
) -> None:
    (claim,) = [c for c in read(body).claims if c.figures]
    (figure,) = claim.figures
    assert (figure.outcome, figure.quantity.value, figure.quantity.text) == (
        outcome,
        amount,
        stated,
    )
    assert figure.qualifier == stated or stated == "He"  # a subgroup, never the total


@pytest.mark.parametrize(
    "body",
    [
        "Three friends of Tomas Varga were arrested in May.",  # counted by the number
        "Two engineers of the state-owned Zembla Rail Company were among the dead.",
        "Kenyan troops captured Lake Town and Fort Hill.",  # places, not people
        "One guard, Sergeant Ana Ruiz, was killed at the gate.",  # the guard, once
        "Varga was arrested on Friday.",  # one word never written as a surname before
    ],
)
def test_names_that_are_no_victims_are_not_counted(body: str) -> None:
    assert sum(f[2] == 1 and f[3] is not None for f in facts(body)) == 0


def test_none_of_is_a_zero_count_but_a_negation_is_no_figure() -> None:
    assert facts("None of the troops died.") == [(None, "killed", 0, None)]
    assert facts("The soldiers did not die.") == []
    assert facts("None of the captives was hurt.") == [(None, "injured", 0, None)]
    assert facts("Nobody on the second bus was hurt.") == [(None, "injured", 0, None)]
    assert facts("No one was in custody by nightfall.") == [(None, "arrested", 0, None)]


def test_one_person_killed_by_a_blast_or_their_own_bomb() -> None:
    body = "A bomber who had been turned back blew himself up at the gate, killing a passer-by."
    assert [(f[1], f[2]) for f in facts(body)] == [("killed", 1), ("killed", 1)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("One hostage, two guards and all nine raiders died in the assault.",
         [("killed", 1), ("killed", 2), ("killed", 9)]),
        ("At least one more captive was killed that night.", [("killed", (1, None))]),
        ("The raiders shot dead two Danes and took four more hostage.",
         [("killed", 2), ("captured", 4)]),
        ("About 900 people were watching the band Songs of Death that night.", []),
        ("Nine people died and about 300 sought hospital treatment.",
         [("killed", 9), ("injured", 300)]),
        ("The farmer lost two of his five sons.", [("killed", 2)]),
        ("Of the 80 pupils taken, 61 were still being held in May.",
         [("captured", 80), ("captured", 61)]),
    ],
)  # fmt: skip
def test_outcome_words_inside_a_noun_phrase(body: str, expected: list[object]) -> None:
    assert [(f[1], f[2]) for f in facts(body)] == expected


def test_a_ministry_abroad_is_no_person_with_a_title() -> None:
    assert sources("The Foreign Office in Paris said two French citizens had died.") == [
        ("Foreign Office in Paris", 2)
    ]


def test_an_apposition_breaks_a_total_down() -> None:
    body = "The blast killed 40 people, those of 38 police officers and two civilians."
    assert [(f[1], f[2]) for f in facts(body)] == [("killed", 40), ("killed", 38), ("killed", 2)]


def test_a_verbless_breakdown_takes_the_outcome_before_it() -> None:
    body = "The bombing killed 17 people. Among them were four children."
    assert [(f[1], f[2]) for f in facts(body)] == [("killed", 17), ("killed", 4)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("A car bomb killed 26 people. Among them 9 schoolchildren.",
         [("killed", 26), ("killed", 9)]),
        ("A car bomb killed 26 people. Among them, nine pupils of the nearby school.",
         [("killed", 26), ("killed", 9)]),
        ("The raid left 26 dead. Of those, 20 were farmhands and six were traders.",
         [("killed", 26), ("killed", 20), ("killed", 6)]),
        ("Militiamen shot 26 people dead. Of the dead, nine were women.",
         [("killed", 26), ("killed", 9)]),
    ],
)  # fmt: skip
def test_a_breakdown_opening_with_those_counted_takes_the_outcome_before_it(
    body: str, expected: list[tuple[str, int]]
) -> None:
    assert [(f[1], f[2]) for f in facts(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The blast killed 12 and wounded 40. Of the dead, seven were pilgrims.",
         [("killed", 12), ("injured", 40), ("killed", 7)]),
        ("Eight died and 35 were hurt. Among the wounded, 11 were police cadets.",
         [("killed", 8), ("injured", 35), ("injured", 11)]),
    ],
)  # fmt: skip
def test_a_breakdown_of_the_dead_or_the_wounded_takes_the_outcome_its_words_name(
    body: str, expected: list[tuple[str, int]]
) -> None:
    assert [(f[1], f[2]) for f in facts(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The governor put the number killed at 57 and the wounded at 140.",
         [("killed", 57), ("injured", 140)]),
        ("The coroner raised the number of dead to 19 and the number of injured to 33.",
         [("killed", 19), ("injured", 33)]),
        ("The inquiry estimated the dead at 2,300 and the wounded at about 4,000.",
         [("killed", 2300), ("injured", 4000)]),
    ],
)  # fmt: skip
def test_each_toll_of_a_coordinated_pair_keeps_its_own_outcome(
    body: str, expected: list[tuple[str, int]]
) -> None:
    assert [(f[1], f[2]) for f in facts(body)] == expected


def test_reports_and_tallies_that_name_no_one_are_the_documents_own() -> None:
    """CONVENTIONS rule 2: a source that is only another count is no source."""
    assert sources("Early reports said that 14 people had died.") == [(None, 14)]
    assert sources("Later tallies put the number of dead at 19.") == [(None, 19)]


def test_the_agent_of_a_figure_adopted_by_someone_is_its_source() -> None:
    body = "The figures finally adopted by the regional court were 61 victims and 140 injured."
    assert facts(body) == [
        ("regional court", "killed", 61, None),
        ("regional court", "injured", 140, None),
    ]


def test_a_vague_part_of_the_counted_takes_its_own_verb() -> None:
    body = "Several of the wounded later died in hospital. Many of the bodies lay in the road."
    assert [(f[1], f[2]) for f in facts(body)] == [("killed", (None, None))]


def test_a_gapped_list_of_places_shares_the_outcome() -> None:
    body = "Medics said 20 people had died at the market, six at the depot and one in hospital."
    assert [(f[1], f[2]) for f in facts(body)] == [("killed", 20), ("killed", 6), ("killed", 1)]


@pytest.mark.parametrize(
    "body",
    [
        "The health ministry said 30 people had died. Among them were six children.",
        "Police said 14 people had been killed in the blast. Among the dead were four officers.",
        "The health ministry said 30 people had died. Six children were hurt.",
    ],
)
def test_a_sentence_without_a_speaker_is_the_documents_own(body: str) -> None:
    """Attribution is read per sentence (the corpus convention): a breakdown that names
    no speaker of its own is not credited to the speaker of the sentence before."""
    assert [s for s, _ in sources(body)] == [sources(body)[0][0], None]
    assert sources(body)[0][0] is not None


def test_singles_sharing_one_noun_are_one_count() -> None:
    body = "At least one Irish and one Dutch tourist were among the dead."
    assert [(f[1], f[2]) for f in facts(body)] == [("killed", (2, None))]


def test_people_listed_with_articles_among_the_dead_are_counted_together() -> None:
    body = "Among the dead were a guard, a driver and an interpreter."
    assert [(f[1], f[2]) for f in facts(body)] == [("killed", 3)]
    body = "A nurse and a porter were among the wounded."
    assert [(f[1], f[2]) for f in facts(body)] == [("injured", 2)]
    body = "Her father and her two-year-old son were badly wounded."
    assert [(f[1], f[2]) for f in facts(body)] == [("injured", 2)]
    body = "By May some 40 men were being held in custody."
    assert [(f[1], f[2]) for f in facts(body)] == [("arrested", 40)]


def test_a_composed_count_adds_the_one_named_after_it() -> None:
    ((_, outcome, amount, _),) = facts("Two Belgians and the wife of a third died in the blast.")
    assert (outcome, amount) == ("killed", 3)


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("Nine deaths were confirmed by the regional hospital.", "regional hospital"),
        ("The toll of 31 was reported by the Red Crescent on Sunday.", "Red Crescent"),
        ("Twelve people were killed, as reported by local radio.", "local radio"),
        ("The figure of 40 dead was given by the provincial governor.", "provincial governor"),
        ("A statement from the ministry put the toll at 40.", "ministry"),
        ("According to figures from the health ministry, 40 people died.", "health ministry"),
    ],
)  # fmt: skip
def test_the_agent_or_author_of_a_report_is_the_source(body: str, source: str) -> None:
    assert {s for s, _ in sources(body)} == {source}


def test_they_continue_the_plural_source_before() -> None:
    body = "Local officials said seven were killed. They added that 20 were injured."
    assert sources(body) == [("Local officials", 7), ("Local officials", 20)]


def test_a_bare_number_after_a_second_speaker_keeps_the_outcome() -> None:
    body = "Police said 12 people died; the hospital said 15."
    assert facts(body) == [("Police", "killed", 12, None), ("hospital", "killed", 15, None)]


def test_arrests_are_an_outcome() -> None:
    assert facts("Four arrests were made after the raid.") == [(None, "arrested", 4, None)]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("Five civilians died in the shelling, a hospital source told AFP.", "hospital source"),
        ("The relief mission, which counts the dead, put the death toll at 65.", "relief mission"),
        ("A senior police official, speaking on condition of anonymity, said 14 attackers died.",
         "senior police official"),
        ("The rebels, however, claimed that 40 soldiers had been killed.", "rebels"),
        ("The prefect reported 11 deaths.", "prefect"),
        ("Amnesty International documented 31 killings in the village.",
         "Amnesty International"),
    ],
)  # fmt: skip
def test_the_subject_of_the_reporting_verb_is_the_source(body: str, source: str) -> None:
    assert {s for s, _ in sources(body)} == {source}


def test_an_investigation_published_by_a_mission_is_the_missions() -> None:
    body = "An inquiry published by the UN mission MIRA found that 20 villagers were killed."
    assert {s for s, _ in sources(body)} == {"MIRA"}


def test_a_named_person_among_the_dead_or_taken_counts_one() -> None:
    assert facts("The headmistress, Ana Diaz, was among the staff members killed.") == [
        (None, "killed", 1, "Ana Diaz")
    ]
    taken = facts("The pilot, Tom Reyes, was taken prisoner.")
    assert taken == [(None, "captured", 1, "Tom Reyes")]


def test_no_named_group_hurt_is_a_zero_and_so_is_no_one() -> None:
    assert facts("No British personnel were hurt, and one guard was wounded.") == [
        (None, "injured", 0, None),
        (None, "injured", 1, None),
    ]
    assert facts("No one was hurt.") == [(None, "injured", 0, None)]
    assert facts("The guards were not hurt.") == []


def test_one_zero_per_outcome_of_a_negated_pair() -> None:
    assert facts("None of the ferrymen was killed or captured.") == [
        (None, "killed", 0, None),
        (None, "captured", 0, None),
    ]


def test_a_named_person_among_the_militants_killed_is_a_militant() -> None:
    x = read("The cell's leader, Omar Dadi, was among the militants killed in the raid.")
    (claim,) = [c for c in x.claims if c.figures]
    assert [(f.quantity.value, f.group) for f in claim.figures] == [(1, "militants")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Coastal Front claimed responsibility for the attack on the ferry terminal, "
         "which killed 14 people and wounded 40.",
         [(None, "killed", 14, None), (None, "injured", 40, None)]),
        ("Port officials blamed the Coastal Front for a car bombing at a fish market in 2017 "
         "that killed nine traders.",
         [(None, "killed", 9, None)]),
        ("The Coastal Front denied any role in the blast, in which six dockers died.",
         [(None, "killed", 6, None)]),
        ("The Coastal Front said it had killed 30 sailors.",
         [("Coastal Front", "killed", 30, None)]),
    ],
)  # fmt: skip
def test_what_an_attack_did_is_told_inside_a_claim_of_responsibility(
    body: str, expected: list[Fact]
) -> None:
    # issue 8: a cue that only blames, claims, denies or condemns covered its words, so
    # the document's own figures in a relative clause of it were never read
    assert facts(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The raiders overran the stockade and left 23 prisoners dead.", [("killed", 23)]),
        (
            "The shelling left 14 hostages dead and six wounded.",
            [("killed", 14), ("injured", 6)],
        ),
        ("The raiders took 40 prisoners.", [("captured", 40)]),
    ],
)
def test_an_outcome_right_after_a_captive_noun_is_their_outcome(
    body: str, expected: list[tuple[str, int]]
) -> None:
    """CONVENTIONS rule 10: "left 23 prisoners dead" counts the dead, not captives."""
    assert [(f[1], f[2]) for f in facts(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Six miners were killed and 40 hurt. The figure was later raised to 11.",
            [("killed", 6), ("injured", 40), ("killed", 11)],
        ),
        (
            "Five drivers died and 25 were wounded; the figure was later lowered to 19.",
            [("killed", 5), ("injured", 25), ("injured", 19)],
        ),
    ],
)
def test_a_toll_raised_or_lowered_is_the_figure_it_can_have_been(
    body: str, expected: list[tuple[str, int]]
) -> None:
    """A bare "the figure was raised to N" revises a smaller figure read before it (a
    lowered one a larger figure), not the last one whatever its size."""
    assert [(f[1], f[2]) for f in facts(body)] == expected


def test_an_upper_bound_is_not_an_increment() -> None:
    """CONVENTIONS rule 11: "no more than N" is an upper bound of its own, never "N more"
    added to another count (the qualifier "further")."""
    assert facts("No more than 9 porters were wounded.") == [(None, "injured", (None, 9), None)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Officials counted 40 dead, while some local estimates ran well above 200.",
            ("killed", (200, None)),
        ),
        (
            "Officials counted 40 dead, while some later estimates exceeded 300.",
            ("killed", (300, None)),
        ),
        (
            "The first tally counted 40 dead; later surveys put the number as high as 130.",
            ("killed", (None, 130)),
        ),
    ],
)
def test_a_toll_above_or_as_high_as_a_number_is_a_bound(
    body: str, expected: tuple[str, tuple[int | None, int | None]]
) -> None:
    """CONVENTIONS rule 11: "above N", "exceeded N" are lower bounds, "as high as N" an
    upper bound; the classifier still reads the amount the bound words now open."""
    assert [(f[1], f[2]) for f in facts(body)][-1] == expected
