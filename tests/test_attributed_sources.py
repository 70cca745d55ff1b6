"""Who states a figure: speakers the word rules used to miss or misname. Every sentence
is our own wording (issue 8), none comes from an evaluation corpus.
"""

from __future__ import annotations

import pytest

from attackgraph.extract import extract
from attackgraph.parse import parse


def sources(body: str) -> list[tuple[str | None, object]]:
    """(source name or None, amount) of each prose figure of ``body``."""
    doc = parse(f"= Raid on Tamba =\n\n{body}\n".encode(), "tamba.txt")
    return [
        (claim.source.name if claim.source else None, f.quantity.value)
        for claim in extract(doc).claims
        for f in claim.figures
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("NAIROBI, 4 March — Police said nine people had been killed.", [("Police", 9)]),
        (
            "KANO, Nigeria, May 2 — The Red Cross reported that 14 people died in the blast.",
            [("Red Cross", 14)],
        ),
        ("ADEN — Officials confirmed that six guards were wounded.", [("Officials", 6)]),
    ],
)
def test_a_dateline_is_not_part_of_the_speaker(body: str, expected: list[object]) -> None:
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The death toll climbed to 31 on Sunday as the rubble was cleared, said Ana "
            "Ruiz, a spokeswoman for the city hospital.",
            [("Ana Ruiz", 31)],
        ),
        (
            "Four guards were wounded near the gate, said a police officer, speaking on "
            "condition of anonymity.",
            [("police officer", 4)],
        ),
        ("Twelve miners died in the collapse, said Omar Diallo.", [("Omar Diallo", 12)]),
    ],
)
def test_a_speaker_after_said_and_a_comma_is_the_speaker(body: str, expected: list[object]) -> None:
    """ ", said X" puts the speaker after the verb, whatever clause precedes the comma."""
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("By one count, 212 villagers were killed.", [(None, 212)]),
        ("By most estimates, about 90 people died in the fire.", [(None, 90)]),
        (
            "A count kept by local monitors lists 17 dead, while other accounts say 20 died.",
            [("local monitors", 17), (None, 20)],
        ),
        ("Several accounts gave 40 dead and said 11 were wounded.", [(None, 40), (None, 11)]),
        ("Most later accounts give 41 dead.", [(None, 41)]),
        ("Early reports said 26 people had died.", [(None, 26)]),
        ("According to the official toll, 33 people died.", [(None, 33)]),
    ],
)
def test_a_source_that_is_only_another_count_is_unattributed(
    body: str, expected: list[object]
) -> None:
    """CONVENTIONS rule 2: accounts, counts, estimates and reports that name no one who
    made them are the document's own figures, never a source called "other accounts"
    (the words that say whose a count is keep it a source: "kept by local monitors")."""
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Hospital records list 69 people as injured.", [("Hospital records", 69)]),
        ("The ministry's figures put the dead at 44.", [("ministry", 44)]),
        ("A later hospital count put the number of wounded at 212.", [("hospital count", 212)]),
    ],
)
def test_a_count_whose_words_say_whose_it_is_stays_a_source(
    body: str, expected: list[object]
) -> None:
    """A noun or a possessive before the count names who made it; the source keeps its
    noun, never the determiner alone ("A")."""
    assert sources(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Later tallies put the number of dead at 64.",
        "Some later lists put the death toll at 64.",
    ],
)
def test_a_tally_or_a_list_is_the_documents_own(body: str) -> None:
    assert sources(body) == [(None, 64)]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("According to official Kenyan figures, 67 people were killed.", "Kenyan authorities"),
        ("The official Malian toll listed 23 dead.", "Malian authorities"),
    ],
)
def test_official_figures_of_a_country_are_its_authorities(body: str, source: str) -> None:
    assert sources(body)[0] == (source, sources(body)[0][1])
    assert sources(body)[0][0] == source


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "A nurse was killed in the blast, the charity Medics First, which employed her, said.",
            [("Medics First", 1)],
        ),
        (
            "Nine guards were wounded, the company, for whom they worked, said on Monday.",
            [("company", 9)],
        ),
    ],
)
def test_a_relative_clause_before_the_verb_is_not_the_speaker(
    body: str, expected: list[object]
) -> None:
    assert sources(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "The regional governor, Ada Obi, put the toll at 30 and said that 12 were wounded.",
        "On Monday the army chief, Ada Obi, raised the toll to 30, blaming the rain, and "
        "said that 12 people were wounded.",
    ],
)
def test_a_second_verb_shares_the_named_speaker(body: str) -> None:
    """The parse gives a coordinated verb the head noun ("the governor"); the speaker
    is the name the apposition gives it, as for the first verb."""
    assert sources(body) == [("Ada Obi", 30), ("Ada Obi", 12)]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("The tribunal ruled that 14 villagers had been unlawfully killed.", "tribunal"),
        ("A survivor, Ana Ruiz, testified that seven guards had been shot dead.", "Ana Ruiz"),
        ("The coroner's office recognised 22 people as victims of the fire.", "coroner's office"),
    ],
)
def test_verbs_of_findings_and_testimony_report(body: str, source: str) -> None:
    assert [s for s, _ in sources(body)] == [source]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "A teacher, Omar Diallo, was among the dead, his family said.",
            "Omar Diallo's family",
        ),
        (
            "The Kano police commissioner, Ada Obi, gave a toll of 30. On Tuesday her office "
            "raised the toll to 34.",
            "Kano police commissioner's office",
        ),
    ],
)
def test_his_or_her_office_or_family_is_the_persons(body: str, source: str) -> None:
    assert sources(body)[-1][0] == source


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The death toll stood at 17, a hospital director told reporters.",
            [("hospital director", 17)],
        ),
        ("Five guards were wounded, the mayor told a news conference on Monday.", [("mayor", 5)]),
        ("The mayor told journalists that eight people had been killed.", [("mayor", 8)]),
    ],
)
def test_a_closing_told_with_its_audience_states_what_comes_before(
    body: str, expected: list[object]
) -> None:
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "The Red Crescent sent ambulances to the valley. The organisation said 14 bodies "
            "had been recovered.",
            "Red Crescent",
        ),
        (
            "A man who said he spoke for the Kivu Liberation Front called a radio station in "
            "Goma. The group said its fighters had killed 20 soldiers.",
            "Kivu Liberation Front",
        ),
    ],
)
def test_the_organisation_is_the_last_one_named_when_none_was_quoted(
    body: str, source: str
) -> None:
    """With no organisation quoted yet, "the organisation" / "the group" is the first
    organisation of the latest sentence naming one (its subject before its objects)."""
    assert [s for s, _ in sources(body)] == [source]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("The army's spokesman said seven soldiers died.", "army"),
        ("The ministry's figures showed 61 civilians dead.", "ministry"),
    ],
)
def test_a_spokesman_or_figures_of_someone_are_theirs(body: str, source: str) -> None:
    assert [s for s, _ in sources(body)] == [source]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Police said 12 people died. They added that 30 were wounded.",
            [("Police", 12), ("Police", 30)],
        ),
        (
            "Local officials reported nine deaths. They later said 14 people were hurt.",
            [("Local officials", 9), ("Local officials", 14)],
        ),
    ],
)
def test_they_is_the_last_plural_source(body: str, expected: list[object]) -> None:
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ('"We counted 12 bodies," said the police chief, Ali Noor.', "Ali Noor"),
        ('"Nine people were killed," a witness, Ana Ruiz, told reporters.', "Ana Ruiz"),
        ("Nine soldiers died, said the army spokesman, Colonel Issa Bako.", "Issa Bako"),
    ],
)
def test_the_speaker_of_a_quotation_is_named_after_it(body: str, source: str) -> None:
    """A first person inside a quotation is its speaker, named after it; a role with a
    name in apposition after "said" is the name."""
    assert [s for s, _ in sources(body)] == [source]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Six people died, according to the army, and two were hurt.",
            [("army", 6), ("army", 2)],
        ),
        (
            "Fourteen guards, according to the regional police, were killed in the raid.",
            [("regional police", 14)],
        ),
    ],
)
def test_an_inserted_according_to_states_the_whole_sentence(
    body: str, expected: list[object]
) -> None:
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("Human rights groups said that 31 detainees had been executed.", "Human rights groups"),
        ("The forensic team reported that 17 people had been shot dead.", "forensic team"),
        (
            "On Sunday the veteran broadcaster Ines Garcia said that 12 people had died.",
            "Ines Garcia",
        ),
    ],
)
def test_plural_and_collective_speakers_and_a_close_apposition(body: str, source: str) -> None:
    """A plural of a source noun names a speaker too ("rights groups"), so does a team;
    a name right after its role without a comma is the speaker."""
    assert [s for s, _ in sources(body)] == [source]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "Kivu province governor Ali Noor visited the town. The governor later said that "
            "16 people had been killed.",
            "Ali Noor",
        ),
        (
            "At least 30 people died in the blast, a toll confirmed by the city hospital.",
            "city hospital",
        ),
        ("Nine guards were killed, a figure later given by the army.", "army"),
    ],
)
def test_a_role_without_commas_and_a_toll_confirmed_by(body: str, source: str) -> None:
    assert [s for s, _ in sources(body)][-1] == source


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("Its commander, Ali Noor, said the unit had not fired on civilians.", "Ali Noor"),
        ("The rebel leader, Jean Kabila, said the rebels had lost 12 men.", "Jean Kabila"),
    ],
)
def test_a_clause_after_said_is_not_its_speaker(body: str, source: str) -> None:
    """A comma before "said" inverts the speaker only where the parse puts the subject
    after the verb; "X, a role, said the group ..." keeps X."""
    doc = parse(f"= Raid on Tamba =\n\n{body}\n".encode(), "tamba.txt")
    assert [c.source.name for c in extract(doc).claims if c.source] == [source]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "Premier Ivan Petrov, in a letter to President Ada Obi, said that 40 soldiers "
            "had been killed.",
            "Ivan Petrov",
        ),
        ("Several of his officers later said that nine men had been killed.", "officers"),
        ("One of the survivors said that 12 people were killed.", "survivors"),
        (
            "The ombudsman, Ines Garcia, examined the files. Her report found that 29 people "
            "had died.",
            "Ines Garcia",
        ),
    ],
)
def test_inserted_phrases_partitives_and_her_report(body: str, source: str) -> None:
    assert [s for s, _ in sources(body)] == [source]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "Police chief Omar Diallo said the gunmen had fled. Sarah Mitchell, a nurse, hid "
            "in the cellar for a day. She later said that 11 patients had been shot dead.",
            "Sarah Mitchell",
        ),
        (
            "The minister, Ines Garcia, spoke first. Then Paul Mensah, the mayor, visited the "
            "market. He said that 15 traders had been killed.",
            "Paul Mensah",
        ),
    ],
)
def test_he_or_she_is_the_last_person_named(body: str, source: str) -> None:
    """ "He" / "she" is the last person named before it (a PERSON entity of its sentence
    or the two before), not only the last person quoted."""
    assert sources(body)[-1][0] == source


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Defence Minister Ana Ruiz told reporters that nine soldiers had died. A day "
            "later her ministry raised the toll to 12.",
            [("Ana Ruiz", 9), ("defence ministry", 12)],
        ),
        (
            "The interior minister, Omar Lindqvist, said four guards were killed. His "
            "ministry later said five guards were killed.",
            [("Omar Lindqvist", 4), ("interior ministry", 5)],
        ),
    ],
)
def test_his_ministry_is_the_ministry_the_minister_heads(body: str, expected: list[object]) -> None:
    assert sources(body) == expected


def test_his_ministry_with_no_minister_is_no_ministry_of_his() -> None:
    """No ministry's topic is ever a pronoun ("Ministry of His")."""
    from attackgraph.resolve.state_actors import state_body_of

    assert state_body_of("his ministry", "MA") is None
    assert state_body_of("their ministry", "KE") is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Figures from the Red Cross gave 14 dead.", [("Red Cross", 14)]),
        ("Estimates from the United Nations put the toll at 40 dead.", [("United Nations", 40)]),
    ],
)
def test_figures_from_x_are_x_s_figures(body: str, expected: list[object]) -> None:
    """A document noun opening the sentence is no name: its maker after "from" speaks."""
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("According to the navy's revised count, 17 sailors died.", "navy"),
        (
            "The regional coroner's draft report stated that 23 people were killed.",
            "regional coroner",
        ),
        ("The charity's list gave 31 dead.", "charity"),
    ],
)
def test_a_document_with_a_possessor_is_the_possessors(body: str, source: str) -> None:
    """ "the navy's revised count" is the navy's, not a source named "navy's revised"."""
    assert [name for name, _ in sources(body)] == [source]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("Early reports on Tuesday evening had put the toll at nine.", "Early reports"),
        ("A count from the ministry on Friday night gave 14 dead.", "ministry"),
        ("The mayor's office that morning said six had died.", "mayor's office"),
    ],
)
def test_a_time_after_the_speaker_is_no_part_of_its_name(body: str, source: str) -> None:
    assert [name for name, _ in sources(body)] == [source]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("A Harbour Authority spokesman said 11 people were killed.", "Harbour Authority"),
        ("An ANC official said 14 marchers had died.", "ANC"),
        ("A military spokesman said four attackers were shot dead.", "military spokesman"),
        ("A Coast Guard spokeswoman said seven sailors were wounded.", "Coast Guard"),
        ("Police commanders said seven officers were wounded.", "Police"),
        ("A Zembian official said three guards died.", "Zembian official"),
        ("Army spokesman Colonel Ade Musa said five soldiers died.", "Ade Musa"),
    ],
)
def test_a_spokesman_named_with_his_body_is_the_bodys(body: str, source: str) -> None:
    """The body a spokesman or an official speaks for, written before the role by its
    proper name, is the source; a common noun ("military", "army", "police") or a
    nationality alone names no body (the spokesman is the source, as the text names him),
    and a named officer is himself."""
    assert [name for name, _ in sources(body)] == [source]


def test_its_bulletin_is_the_organisation_quoted_last() -> None:
    body = (
        "The Zembla Health Ministry gave a first toll of 40 dead. Its bulletin on the "
        "evening of 3 May spoke of 140 dead across the country."
    )
    assert sources(body) == [("Zembla Health Ministry", 40), ("Zembla Health Ministry", 140)]


def test_a_count_after_according_to_x_without_a_comma_is_not_part_of_x() -> None:
    body = (
        "Three police officers died in the raid, and according to the interior ministry "
        "eleven gunmen were killed."
    )
    assert ("interior ministry", 11) in sources(body)


def test_its_later_tally_is_the_organisation_quoted_last() -> None:
    """ "its later tally" says whose tally it is: no document without author."""
    body = (
        "The Zembian command counted 12 bodies in the square; its later tally put the "
        "number of hostages killed at 14."
    )
    assert sources(body) == [("Zembian command", 12), ("Zembian command", 14)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The ministry first reported 38 dead, a figure officials later lowered to 35.",
            [("ministry", 38), ("officials", 35)],
        ),
    ],
)
def test_a_figure_officials_gave_is_the_officials(body: str, expected: list[object]) -> None:
    """A figure named before a reduced relative clause ("a figure officials lowered") is
    the officials'."""
    assert sources(body) == expected


def test_its_bulletin_is_the_organisation_named_since_the_last_quoted() -> None:
    """ "Its" after an organisation only named (not quoted) is that organisation's."""
    body = (
        "Nurses at the camp said 30 had died. The Zembla Health Ministry issued its first "
        "numbers in the afternoon. Its bulletin that evening spoke of 149 dead."
    )
    assert sources(body)[-1] == ("Zembla Health Ministry", 149)


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("Omar Sy, a guard, later recalled that ten raiders had been killed by noon.", "Omar Sy"),
        ("The tribunal heard that two miners were shot dead at the gate.", "tribunal"),
        (
            "The regional authorities have always held that 504 villagers died.",
            "regional authorities",
        ),
        ("The judiciary later put the number of people held in custody at 35.", "judiciary"),
    ],
)
def test_recalled_heard_held_that_and_the_judiciary_state_figures(body: str, source: str) -> None:
    """ "X recalled (heard, held) that ..." reports what X says; the judiciary can speak."""
    assert [name for name, _ in sources(body)] == [source]


def test_a_verb_held_of_hostages_is_no_statement() -> None:
    assert sources("Gunmen held 30 people hostage in the school.") == [(None, 30)]


def test_a_clause_inside_an_apposition_is_not_the_speaker() -> None:
    """ "X, a guard who ... before the rebels took it, recalled": X, as the parse says."""
    body = (
        "Ali Musa, a constable who had manned the gun before the rebels took it, later "
        "recalled that ten rebels had been killed by then."
    )
    assert sources(body) == [("Ali Musa", 10)]


def test_it_is_the_organisation_named_since_the_last_quoted() -> None:
    """ "It concluded" after a sentence naming an organisation is that organisation's,
    not the source quoted before it."""
    body = (
        "The district council said 12 people were hurt. In May, the Coastal Press Agency "
        "published an investigation based on interviews with survivors. It concluded that "
        "about 60 people had died."
    )
    assert sources(body) == [("district council", 12), ("Coastal Press Agency", 60)]


def test_a_one_word_name_of_a_person_written_in_full_is_he() -> None:
    """ "Tate reported ..., and ... he raised the figure": the colonel named in full
    earlier, not the last person quoted before him."""
    body = (
        "Colonel Amos R. Tate commanded the column. Fr Lucas Brandt said 30 people had "
        "died. In his first dispatch, Tate reported that 120 fighters had been killed, and "
        "in later letters he raised the figure to as many as 300."
    )
    assert sources(body) == [("Fr Lucas Brandt", 30), ("Tate", 120), ("Tate", None)]


def test_a_named_body_under_a_judge_is_the_body() -> None:
    """ "A Special Commission under Judge X": the commission; "an inquiry under Judge X"
    (a body without a name) stays the judge's."""
    body = (
        "A Special Commission under Judge Hanna Berg, which sat in the capital for a "
        "month, put the number killed at 61 and the wounded at about 140. An inquiry under "
        "Justice Ivo Marek later found that about 30 people had died in the riots."
    )
    assert sources(body) == [
        ("Special Commission", 61),
        ("Special Commission", 140),
        ("Ivo Marek", 30),
    ]


def test_later_histories_state_figures() -> None:
    body = (
        "The army said four soldiers had been killed and about 30 wounded; later "
        "regimental histories give up to 35 wounded."
    )
    assert sources(body) == [("army", 4), ("army", 30), ("regimental histories", None)]


def test_it_after_the_organisation_is_that_organisation() -> None:
    """ "the organisation documented ... It said": the organisation "the organisation"
    named, not the source quoted by name before it."""
    body = (
        "Sahel Rights Watch later counted 40 dead in the town. The Interior Ministry said "
        "12 had died. The most careful count came from Sahel Rights Watch. In a report "
        "published a year later, the organisation documented 75 deaths. It said that the "
        "real toll was probably 90."
    )
    assert sources(body) == [
        ("Sahel Rights Watch", 40),
        ("Interior Ministry", 12),
        ("Sahel Rights Watch", 75),
        ("Sahel Rights Watch", 90),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Sahel Front claimed the bombing. Among the foreigners killed were two Danes "
            "and a Swede, according to their governments.",
            [("governments", 2), ("governments", 1)],
        ),
        (
            "The Sahel Front claimed the bombing. Two of the dead were teachers, their "
            "families said.",
            [("families", 2)],
        ),
        (
            "The Sahel Front claimed the bombing. Its spokesman said 30 soldiers died.",
            [("Sahel Front", 30)],
        ),
    ],
)
def test_their_governments_are_not_the_armed_group_s(body: str, expected: list[object]) -> None:
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Some press accounts at the time put the dead at 32.", [("press accounts", 32)]),
        (
            "Several aid workers in the camp said 12 children had died.",
            [("aid workers in the camp", 12)],
        ),
    ],
)
def test_a_quantifier_opening_the_subject_is_no_name(body: str, expected: list[object]) -> None:
    """ "Some press accounts put": not a name "Some" followed by a verb "press"."""
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Tamba emergency medical centre said 12 people had died. At least five of "
            "the dead were foreigners, the centre said.",
            [("Tamba emergency medical centre", 12), ("Tamba emergency medical centre", None)],
        ),
        (
            "The Human Rights Center in Tamba said 12 people had died. The center later said "
            "15 had died.",
            [("Human Rights Center in Tamba", 12), ("Human Rights Center", 15)],
        ),
    ],
)
def test_the_centre_is_the_centre_named_before(body: str, expected: list[object]) -> None:
    assert sources(body) == expected


def test_a_figure_a_named_body_established_is_that_body_s() -> None:
    """ "The official figure established by X is ...": X, although no reporting verb
    stands in the sentence."""
    body = (
        "The official figure established by the Military Prosecutor's Office in 1992 is 31 "
        "people killed and 70 wounded."
    )
    assert sources(body) == [
        ("Military Prosecutor's Office", 31),
        ("Military Prosecutor's Office", 70),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "When the scouts swept the hill on 9 May they counted 40 enemy dead.",
            [("scouts", 40)],
        ),
        (
            "At the ford the column beat off an attack; the British lost 12 killed, and they "
            "counted some 300 enemy dead around their camp.",
            [(None, 12), ("United Kingdom", 300)],
        ),
        ("Police said the gunmen had fled, and they said 12 people died.", [("Police", 12)]),
        (
            "When the Australians swept the ridge on 9 May they counted 40 enemy dead.",
            [("Australia", 40)],
        ),
    ],
)
def test_they_is_the_plural_subject_of_an_earlier_clause(body: str, expected: list[object]) -> None:
    """ "they" speaking after a clause whose subject names several is that subject (one
    inside a reported clause is what was said, not who said it); a people's name is its
    country."""
    assert sorted(sources(body), key=str) == sorted(expected, key=str)


def test_a_participle_set_off_inside_the_subject_is_no_part_of_it() -> None:
    """ "The Annual Report on the Coastal Crisis, published in June, stated": the report; the
    participle hangs on "Crisis" in the parse, not on the subject's head."""
    body = (
        "The Annual Report on the Coastal Crisis, published in June 2003, stated that 50 "
        "soldiers had been killed."
    )
    assert sources(body) == [("Annual Report on the Coastal Crisis", 50)]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("The organisers said 30 marchers had been hurt.", "organisers"),
        ("In May 2011 the jury found that the 14 victims had been unlawfully killed.", "jury"),
        (
            "The medical examiner concluded that both men had died of gunshot wounds.",
            "medical examiner",
        ),
    ],
)
def test_people_named_by_what_they_do_and_a_jury_state_figures(body: str, source: str) -> None:
    """Plural nouns of people by an agent's ending ("organisers", "refugees"), a jury and
    a medical examiner can speak."""
    assert [name for name, _ in sources(body)] == [source]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "The siege ended at noon, when commandos shot the gunman dead, according to the "
            "police chief, General Ada Obi.",
            "Ada Obi",
        ),
        (
            "The inquest was led by the Regional Coroner, Ian Lowe, and heard 40 witnesses. "
            "The coroner found that two of the hostages had been killed by police fire.",
            "Ian Lowe",
        ),
    ],
)
def test_a_role_named_by_an_apposition_after_it_or_with_a_capital_is_the_person(
    body: str, source: str
) -> None:
    """ "according to the police chief, General Ada Obi": Ada Obi; "the Regional Coroner,
    Ian Lowe ... The coroner found": Ian Lowe."""
    assert [name for name, _ in sources(body)] == [source]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The remaining 40, according to the medical evidence, had suffered injuries.",
            [("medical evidence", 40)],
        ),
        (
            "The identified dead numbered 13, according to the most careful reconstruction.",
            [("careful reconstruction", 13)],
        ),
        ("Everything went according to plan and 12 rebels were captured.", [(None, 12)]),
    ],
)
def test_what_according_to_names_is_the_source(body: str, expected: list[object]) -> None:
    """ "according to the medical evidence": the evidence states it, though its words
    name no speaker; "according to plan" names none."""
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "In May 2009 a court in Tamba ruled, in a post-mortem inquest, that the 78 "
            "detainees had died of suffocation.",
            [("court", 78)],
        ),
        (
            "At the trial the officers in the dock accepted that about 5,000 people had been "
            "killed.",
            [("officers", 5000)],
        ),
        ("Rescuers found 12 bodies in the rubble.", [(None, 12)]),
    ],
)
def test_a_finding_states_the_clause_it_finds(body: str, expected: list[object]) -> None:
    """ "X ruled (accepted, found) that ...": X states the clause; "found 12 bodies" states
    nothing."""
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Initial reports on state radio, citing the head of the regional fire service, "
            "put the dead at 30.",
            [("head of the regional fire service", 30)],
        ),
        (
            "Two days later the Sahel Rights League, citing hospital records, said that 45 "
            "people had been killed.",
            [("Sahel Rights League", 45)],
        ),
        (
            "By the afternoon, regional security officials were quoting a figure of 54 dead, "
            "37 of them children.",
            [("regional security officials", 54), ("regional security officials", 37)],
        ),
    ],
)
def test_reports_citing_someone_are_that_ones_and_quoting_reports(
    body: str, expected: list[object]
) -> None:
    """Reports or media "citing X" relay X's figures; a body citing records states its
    own; "were quoting a figure of 54" states it."""
    assert sources(body) == expected


def test_its_investigators_with_no_armed_group_are_the_organisation_named_before() -> None:
    body = (
        "The Coastal Police Inspectorate reached a higher figure of its own. Its "
        "investigators put the dead at the hamlet alone at 347."
    )
    assert sources(body) == [("Coastal Police Inspectorate", 347)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Numbers issued by the river police late on Friday put the drowned at seven.",
            [("river police", 7)],
        ),
        (
            "Totals released by the coast guard after the storm gave 14 dead for the week.",
            [("coast guard", 14)],
        ),
        (
            "A later review by the district attorney's office concluded that 23 miners had died.",
            [("district attorney's office", 23)],
        ),
        (
            "A memo drafted in March by the garrison doctor, Lena Varga, for the regional "
            "governor put the number of wounded at 61.",
            [("Lena Varga", 61)],
        ),
        (
            "Provincial figures published late in May put the number of dead at 212.",
            [("Provincial", 212)],
        ),
    ],
)
def test_the_maker_of_a_document_states_its_figures(body: str, expected: list[object]) -> None:
    """ "Figures released by X", "a review by X", "a memo drafted by X for Y": X states
    the figures, though the word rules' subject holds the document's words too; a
    participle saying when a document was made is no part of its author's name."""
    assert sources(body) == expected


def test_the_figures_a_ministry_released_are_the_ministrys() -> None:
    body = (
        "The interior minister, Omar Haddad, spoke on television. According to the "
        "numbers his ministry released, 48 people were killed."
    )
    assert sources(body) == [("interior ministry", 48)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Lina Okafor, governor of the Delta region, said 19 people had died. Six more "
            "people were wounded, the governor added.",
            [("Lina Okafor", 19), ("Lina Okafor", 6)],
        ),
        (
            "State Fire Commissioner Paul Mendes told reporters the hall was empty. Eleven "
            "people were hurt, the commissioner said.",
            [("Paul Mendes", 11)],
        ),
    ],
)
def test_a_role_refers_to_the_person_introduced_with_it(body: str, expected: list[object]) -> None:
    """ "X, governor of Y" and "Fire Commissioner X" introduce the person that "the
    governor" and "the commissioner" refer to."""
    assert sources(body) == expected


def test_it_is_the_organisation_named_since_a_plural_source() -> None:
    """ "it" never refers to "bystanders": the organisation named in the sentence before
    is, and "the union" makes that organisation the one "it" refers to next."""
    body = (
        "Bystanders said nine people had died. The first counts came from the Harbour "
        "Nurses Union, a group of volunteers. That night it put the toll at 40. By Monday "
        "the union said 52 had died. On Tuesday it raised the count to 61."
    )
    assert sources(body) == [
        ("Bystanders", 9),
        ("Harbour Nurses Union", 40),
        ("Harbour Nurses Union", 52),
        ("Harbour Nurses Union", 61),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Lakeside Trust's annual report, issued in May, was read in parliament. "
            "The report said 40 people were hurt in the fire.",
            [("Lakeside Trust", 40)],
        ),
        (
            "A study, prepared by the Coastal Research Centre, came out in June. The same "
            "study estimated that 75 fishermen had been killed.",
            [("Coastal Research Centre", 75)],
        ),
        (
            "The historian Mara Lind, whose book appeared in 1994, spent years in the "
            "archives. The book listed 212 people killed.",
            [("Mara Lind", 212)],
        ),
    ],
)
def test_the_report_speaks_for_who_made_it(body: str, expected: list[object]) -> None:
    """ "The report", "the same study", "the book" refer back to the document named
    before; its maker or owner, as the parse names it, states its figures."""
    assert sources(body) == expected


def test_a_second_speaker_the_parse_left_without_a_subject_keeps_its_own() -> None:
    """The small model hangs "hospital staff at X" on the total before and makes
    "said" a verb of the first clause: the second figure is still the staff's."""
    body = (
        "The provincial government gave a total of 73 dead, and hospital staff at Kelani "
        "Valley General Hospital said that they had admitted about 40 wounded."
    )
    assert sources(body) == [
        ("hospital staff at Kelani Valley General Hospital", 40),
        ("provincial government", 73),
    ]


def test_a_speaker_described_by_an_apposition_is_named_by_its_name() -> None:
    """ "X, an exile group based in Oslo, put ...": the word rules find the description
    as the subject; the parse names X, whom the description describes."""
    body = (
        "Aid groups estimated that 400 people had been killed, while the Lowland Rights "
        "Committee, an exile group based in Oslo, put the toll at 900."
    )
    assert sources(body) == [("Aid groups", 400), ("Lowland Rights Committee", 900)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The port authority likewise said that nine dockers had died.",
            [("port authority", 9)],
        ),
        (
            "The provincial governor never confirmed that 14 villagers had died.",
            [("provincial governor", 14)],
        ),
    ],
)
def test_an_adverb_or_a_negation_after_the_speaker_is_not_part_of_its_name(
    body: str, expected: list[object]
) -> None:
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Peacekeepers of the African Union mission in Zembla (AMIZ) guarded the bridge. "
            "Three weeks earlier a convoy had lost four drivers, according to the mission.",
            [("AMIZ", 4)],
        ),
        (
            "The inquiry was led by the national human rights commission of Zembla (NHRCZ). "
            "The commission counted 61 dead.",
            [("NHRCZ", 61)],
        ),
        (
            "Peacekeepers of the African Union mission in Zembla (AMIZ) guarded the bridge. "
            "The toll was revised twice: the mission's final figure was 15 soldiers killed.",
            [("AMIZ", 15)],
        ),
        (
            "Ana Ruiz heads the Ministry of Health of Zembla. The ministry's latest count "
            "gave 37 dead.",
            [("Ministry of Health of Zembla", 37)],
        ),
    ],
)
def test_the_noun_of_a_name_defined_by_an_acronym_refers_to_it(
    body: str, expected: list[object]
) -> None:
    """ "the mission" refers back to "the African Union mission in Zembla (AMIZ)" though
    the noun is written in lower case there: the body the acronym names."""
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Tamba Liberation Front had grown since 2015. Rights Watch Asia had recorded "
            "a string of raids on herders in the spring, including an attack near Dorra in "
            "which 23 people died, the organisation said.",
            [("Rights Watch Asia", 23)],
        ),
        (
            "Open Villages had recorded a string of raids on herders in the spring, including "
            "an attack near Dorra in which 23 people died, the organisation said.",
            [("Open Villages", 23)],
        ),
        (
            "The Zembla Red Cross sent teams to the town. Open Villages published a report "
            "in May. The organisation said that 23 people had died.",
            [("Open Villages", 23)],
        ),
    ],
)
def test_the_organisation_is_the_subject_the_recogniser_missed(
    body: str, expected: list[object]
) -> None:
    """ "..., the organisation said" after a clause whose subject is a capitalised name
    the entity recogniser does not label (or labels as no organisation): that name,
    not an organisation named in an earlier sentence."""
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Aid workers counted 30 dead in the first days, while a district hospital's "
            "records suggested that around 80 people had been treated for wounds.",
            [("Aid workers", 30), ("district hospital's records", 80)],
        ),
        (
            "The tribunal settled on a count of 52 civilians killed, and found that soldiers "
            "had shot most of them.",
            [("tribunal", 52)],
        ),
        (
            "Later studies by Dutch historians suggested the dead numbered about 60 in the "
            "town itself.",
            [("Dutch historians", 60)],
        ),
    ],
)
def test_suggesting_and_settling_on_a_figure_state_it(body: str, expected: list[object]) -> None:
    """ "X suggested that ...", "X settled on a count of N", "X mentioned N deaths" state
    the figure as "X said" does: the parse's subject of the verb is its speaker."""
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "In May the Coast Radio announced that rebel units had seized the old fort and "
            "claimed that 300 soldiers had been captured there.",
            [("Coast Radio", 300)],
        ),
        (
            "The agency reported that the army had retaken the town and said that 40 rebels "
            "had died.",
            [("agency", 40)],
        ),
    ],
)
def test_a_second_reporting_verb_is_the_first_speaker_s(body: str, expected: list[object]) -> None:
    """ "X announced that Y had done A and claimed that N ...": the parse coordinates
    "claimed" with Y's act inside what X announced; X claims the figure, not Y."""
    assert sources(body) == expected


def test_a_coordinated_clause_with_its_own_subject_keeps_it() -> None:
    """ ", and a review committee set up under it recognised N": the parse gives the verb
    no subject and climbs to the first clause's; the words name the committee, whose
    participle ("set up under it") is no part of its name."""
    body = (
        "In 2001 the regional council passed a decree on the killings, and a review "
        "committee set up under it recognised 412 people as having been killed."
    )
    assert sources(body) == [("review committee", 412)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The rangers searched the ridge for two days. They reported that 12 poachers had "
            "been killed.",
            [("rangers", 12)],
        ),
        (
            "Aid workers reached the camp on Monday. They said 25 children had died of wounds.",
            [("Aid workers", 25)],
        ),
        ("The British landed at dawn. They counted 40 dead.", [("United Kingdom", 40)]),
    ],
)
def test_they_opening_a_sentence_is_the_plural_subject_of_the_one_before(
    body: str, expected: list[object]
) -> None:
    """ "They" as a reporting verb's subject with no plural source quoted just before:
    the plural subject of the main clause of the sentence before (a people is its
    country), not nobody (the claim was left out)."""
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "A nurse at Saint Luke Clinic, the town's only clinic, said that 40 wounded had "
            "been admitted.",
            [("nurse at Saint Luke Clinic", 40)],
        ),
        (
            "Officials in Tamba, the regional capital, said 12 soldiers had died.",
            [("Officials in Tamba", 12)],
        ),
    ],
)
def test_a_description_of_the_place_after_the_speaker_is_not_the_speaker(
    body: str, expected: list[object]
) -> None:
    """ "A nurse at X, the town's only clinic, said": the description after the comma
    describes the place the speaker's words end with, it does not speak."""
    assert sources(body) == expected


def test_a_name_after_the_role_of_a_place_is_the_speaker() -> None:
    """ "The mayor of X, Ada Obi, believed ... and estimated that N ...": the small model
    hangs the name on X; the role's person states the figure, by her name."""
    body = (
        "The mayor of Tamba, Ada Obi, believed the true figure was far higher and "
        "estimated that about 900 people had died."
    )
    assert sources(body) == [("Ada Obi", 900)]


def test_who_quotes_a_source_is_not_the_source() -> None:
    """ "Police sources quoted by local radio put the toll at 41": the police sources
    state the toll; the radio only passes it on."""
    assert sources("Police sources quoted by local radio put the toll at 41.") == [
        ("Police sources", 41)
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Harbour Board's first statement, carried by a local radio station, said "
            "that 14 people had died.",
            [("Harbour Board", 14)],
        ),
        (
            "The mayor's written statement, relayed by the state news agency, said 9 guards "
            "were wounded.",
            [("mayor", 9)],
        ),
    ],
)
def test_a_document_s_owner_is_its_maker_not_who_passes_it_on(
    body: str, expected: list[object]
) -> None:
    """ "X's statement, carried by a radio station, said": the statement is X's; the
    agent of the participle only passes it on."""
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Later work by the Coastal Peace Institute gave a total of 23 dead.",
            [("Coastal Peace Institute", 23)],
        ),
        (
            "A fresh analysis by the Delta Rights Centre put the toll at 57.",
            [("Delta Rights Centre", 57)],
        ),
    ],
)
def test_a_name_after_by_speaks_for_the_work_it_made(body: str, expected: list[object]) -> None:
    """ "Later work by the X Institute gave": the parse's "by" phrase after a common noun
    that speaks names who made it, whatever the noun."""
    assert sources(body) == expected


def test_a_name_with_its_acronym_before_a_description_is_the_speaker() -> None:
    """ "The X Board (XB), an independent panel chaired by Y, reported": the name, with
    its acronym in brackets, is the speaker; the description after the comma (and the
    chair its participle names) only describes it."""
    body = (
        "The Lakeside Review Board (LRB), an independent panel chaired by the retired "
        "judge Ana Moss, reported in May that 47 people had died."
    )
    assert sources(body) == [("Lakeside Review Board", 47)]


def test_she_opening_a_sentence_is_the_person_the_sentence_before_is_about() -> None:
    """ "In 1991 the writer Ana Moss published a book. She counted ...": the person the
    main clause before names as its subject (a role noun before the name says it is a
    person), not the last person quoted."""
    body = (
        "The police chief, Omar Bello, said 12 died. In 1991 the writer Ana Moss published "
        "The Long Night, based on hospital records and on interviews with survivors. She "
        "counted about 200 people killed that autumn."
    )
    assert ("Ana Moss", 200) in sources(body)
    assert ("Omar Bello", 200) not in sources(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "In its final report the Truth and Reconciliation Commission of Vandoria found "
            "that 14 people had been killed by the police.",
            [("Truth and Reconciliation Commission of Vandoria", 14)],
        ),
        (
            "The Search and Rescue Authority said nine fishermen had drowned.",
            [("Search and Rescue Authority", 9)],
        ),
        (
            "Oxfam and the Vandorian Red Cross said 12 villagers had died.",
            [("Oxfam", 12), ("Vandorian Red Cross", 12)],
        ),
    ],
)
def test_one_name_joined_by_and_is_one_speaker(body: str, expected: list[object]) -> None:
    """A word the text writes only before "and" opens one name with what follows, as the
    recogniser reads it ("Truth and Reconciliation Commission"); two names stay two."""
    assert sources(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The port authority issued a report in March. That report found 17 dockers had "
            "been killed.",
            [("port authority", 17)],
        ),
        (
            "The port authority issued a report in March. The report found 17 dockers had "
            "been killed.",
            [("port authority", 17)],
        ),
        ("That report found 17 dockers had been killed.", [("That report", 17)]),
    ],
)
def test_a_document_referred_back_to_speaks_for_its_maker(
    body: str, expected: list[object]
) -> None:
    """CONVENTIONS rule 1: "that report" and "the report" stand for the report named
    before and state its maker's figures; a demonstrative is never the source ("That")."""
    assert sources(body) == expected
