"""Claims from the prose: figures, sources, kinds, what they are about, ranks.

The sentences here are written for these tests (and the project's own sample
documents); none comes from the evaluation corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attackgraph.extract import extract
from attackgraph.extract.prose import ProseContext, ProseFacts, assign_ranks, read_prose
from attackgraph.extract.prose_figures import read_figures
from attackgraph.extract.speakers import Speakers, find_acronyms
from attackgraph.model import (
    ActorMention,
    ClaimKind,
    ClaimRecord,
    DatePrecision,
    DateRange,
    DateValue,
    Document,
    EventKind,
    Figure,
    Quantity,
    Rank,
    Span,
)
from attackgraph.parse import parse, parse_file

ROOT = Path(__file__).parents[1]
SAMPLE = ROOT / "data" / "documents" / "000_6de047e5428871d9.txt"
SAMPLES = sorted((ROOT / "data" / "documents").glob("*.txt"))
FIXTURES = Path(__file__).parent / "fixtures" / "prose"
MAY_2019 = DateRange(DateValue("2019-05-12", DatePrecision.DAY))


def context_of(doc: Document) -> ProseContext:
    """The context the pipeline gives read_prose, built from the infobox extraction."""
    x = extract(doc)
    return ProseContext(
        main_key=x.event.key,
        main_name=x.event.name,
        sites={e.places[0]: e.key for e in x.events if e.kind is EventKind.SITE},
        actors=tuple(a for side in x.sides for a in side.actors) + x.event.perpetrators,
        main_date=x.event.date,
        perpetrators=x.event.perpetrators,
    )


def read_text(body: str, **context: object) -> ProseFacts:
    """read_prose on a document made of ``body`` (title "Raid on Tamba", no infobox)."""
    doc = parse(f"= Raid on Tamba =\n\n{body}\n".encode(), "tamba.txt")
    settings: dict[str, object] = {"main_date": MAY_2019, "sites": {}, "actors": ()}
    settings.update(context)
    return read_prose(doc, ProseContext("main", "Raid on Tamba", **settings))  # type: ignore[arg-type]


def figures(text: str) -> list[tuple[object, str, str]]:
    """(amount, group, outcome) of each figure; the amount is the value, (min, max) or
    "vague". Also checks every figure's words hold its number."""
    found = []
    for f in read_figures(text):
        assert f.quantity.text in text[f.begin : f.end]
        q = f.quantity
        amount: object = q.value if q.value is not None else (q.minimum, q.maximum)
        if amount == (None, None):
            amount = "vague"
        found.append((amount, f.group, f.outcome))
    return found


def check_facts(doc: Document, facts: ProseFacts) -> None:
    """Every span is exact, every figure lies inside its claim's evidence."""
    for claim in facts.claims:
        assert claim.evidence
        for span in claim.evidence:
            assert doc.text[span.begin : span.end] == span.text
        for figure in claim.figures:
            s = figure.span
            assert doc.text[s.begin : s.end] == s.text
            assert any(e.begin <= s.begin and s.end <= e.end for e in claim.evidence)
            assert figure.quantity.text in s.text
        for mention in (claim.source, claim.via):
            if mention is not None:
                assert doc.text[mention.span.begin : mention.span.end] == mention.span.text


# ---------------------------------------------------------------------------
# figures: one test per phrasing and number pattern


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # passive and adjectival outcomes, elided groups carried forward
        ("Six soldiers were killed and fifteen were injured.",
         [(6, "soldiers", "killed"), (15, "soldiers", "injured")]),
        ("Militants killed 12 soldiers and wounded 30 others.",
         [(12, "soldiers", "killed"), (30, "soldiers", "injured")]),
        ("The ambush left 27 dead and 40 wounded.",
         [(27, "total", "killed"), (40, "total", "injured")]),
        # active verbs before the amount; the agent is no victim
        ("Five gunmen killed 30 people at the market.", [(30, "total", "killed")]),
        ("Two bombs exploded, killing nine.", [(9, "total", "killed")]),
        ("The strikes killed a total of eleven fighters.", [(11, "militants", "killed")]),
        ("The relief column lost one soldier.", [(1, "soldiers", "killed")]),
        # number words, separators, bounds, approximations, ranges
        ("Twenty-one worshippers died.", [(21, "civilians", "killed")]),
        ("The blast killed 1,200 people.", [(1200, "total", "killed")]),
        ("At least 40 people died and more than 100 were injured.",
         [((40, None), "total", "killed"), ((100, None), "total", "injured")]),
        ("Up to 20 students were taken hostage.", [((None, 20), "students", "captured")]),
        ("Some 30 police officers were wounded.", [(30, "police", "injured")]),
        ("Between 40 and 50 civilians were killed.", [((40, 50), "civilians", "killed")]),
        ("40–50 villagers were killed.", [((40, 50), "civilians", "killed")]),
        ("A dozen guards were abducted.", [(12, "security-forces", "captured")]),
        ("Estimates of the dead ranged from 30 to more than 60.", [((30, 60), "total", "killed")]),
        # vague amounts keep no number
        ("Dozens of villagers were kidnapped.", [("vague", "civilians", "captured")]),
        ("Hundreds of people were hurt.", [("vague", "total", "injured")]),
        # tolls named before the amount
        ("The death toll rose to 57.", [(57, "total", "killed")]),
        ("Officials put the number of injured at 1,300.", [(1300, "total", "injured")]),
        ("The Malian dead numbered in the hundreds.", [("vague", "total", "killed")]),
        # a toll's later values, named without the toll; a clause after it is no group
        ("The toll reached 9 on Friday, and to 11 once the last wards were checked.",
         [(9, "total", "killed"), (11, "total", "killed")]),
        ("The toll had climbed to 30, and after a further search of the hull it stood at 34.",
         [(30, "total", "killed"), (34, "total", "killed")]),
        ("By noon the tally had grown to 16; as more bodies were dug out it reached 21.",
         [(16, "total", "killed"), (21, "total", "killed")]),
        ("The count rose to 45 once the cellar was searched.", [(45, "total", "killed")]),
        ("By Sunday it stood at 28, as several of the gravely wounded died.",
         [(28, "total", "killed"), ("vague", "total", "killed")]),
        # parts of a figure and lists sharing one outcome
        ("Twenty-one worshippers died, including four children.",
         [(21, "civilians", "killed"), (4, "children", "killed")]),
        ("90 people were killed, 30 of them police officers.",
         [(90, "total", "killed"), (30, "police", "killed")]),
        ("Eight teachers and 40 pupils had been killed.",
         [(8, "staff", "killed"), (40, "students", "killed")]),
        ("The toll was 14: ten fishermen and four herdsmen.",
         [(14, "total", "killed"), (10, "civilians", "killed"), (4, "other-group", "killed")]),
        ("The toll was 12: nine soldiers, two police officers and a child.",
         [(12, "total", "killed"), (9, "soldiers", "killed"), (2, "police", "killed"),
          (1, "children", "killed")]),
        ("Four gendarmes and an interpreter were among the dead.",
         [(4, "security-forces", "killed"), (1, "other-group", "killed")]),
        ("Both attackers were shot dead.", [(2, "attackers", "killed")]),
        ("The militants seized 20 hostages, of whom 8 were later killed.",
         [(20, "hostages", "captured"), (8, "hostages", "killed")]),
        ("Three men were arrested and two soldiers remain missing.",
         [(3, "other-group", "arrested"), (2, "soldiers", "missing")]),
        # one more person of the verb before: "as was", "as did"
        ("Eleven pilgrims were killed, as was the bus driver, Musa Keita.",
         [(11, "civilians", "killed"), (1, "total", "killed")]),
        ("Three wardens were wounded in the crossfire, as was one nurse.",
         [(3, "other-group", "injured"), (1, "total", "injured")]),
        ("The depot was destroyed, as was the case at Kiri.", []),
        ("Nineteen pupils died, as did the two teachers.",
         [(19, "students", "killed"), (2, "staff", "killed")]),
        # one person hurt without a casualty verb, or given up to the police
        ("Dlamini was hit twice in the crossfire and survived.", [(1, "total", "injured")]),
        ("The cook, Ada Mensah, escaped with severe burns.", [(1, "total", "injured")]),
        ("Her nephew suffered minor burns.", [(1, "total", "injured")]),
        ("Late that night Varga surrendered to police.", [(1, "total", "arrested")]),
        ("The tanker Orlof was hit by a shell.", []),
        ("The porter was struck by a beam and died in hospital.", []),
        ("The porter was struck by a beam; he died in hospital.", []),
        # one person after an active "shot dead" / "gunned down"
        ("Troops shot dead a gunman who had taken a hostage.", [(1, "attackers", "killed")]),
        ("Soldiers gunned down a farmer near the well.", [(1, "total", "killed")]),
        # a negated verb counts nobody: 0, never 1
        ("The headman was not hurt.", [(0, "total", "injured")]),
        ("Neither the cook nor her nephew was hurt.", [(0, "total", "injured")]),
        ("Ilse Brandt and Jonas Weil were never arrested.", [(0, "total", "arrested")]),
        ("The third device killed no one but its carrier.", [(0, "total", "killed")]),
        ("No Icelanders died in the crash.", [(0, "total", "killed")]),
        ("The ferry was not hit.", []),
        ("The courier was not arrested until 2011.", []),
        # no figure: not a casualty, not a count of people
        ("A dozen hostages were freed when troops stormed the hotel.", []),
        ("The siege lasted 3 hours and about 2.5 tonnes of explosives were used.", []),
        ("Flight 17 was hit on 12 May 2019, aged 35 years.", []),
        ("Two helicopters were destroyed.", []),
        ("Residents buried the dead in four mass graves.", []),
    ],
)  # fmt: skip
def test_figures_by_pattern(text: str, expected: list[tuple[object, str, str]]) -> None:
    assert figures(text) == expected


def test_figure_group_label_keeps_narrower_words() -> None:
    (figure,) = read_figures("Nine gendarmes were killed.")
    assert (figure.group, figure.group_label) == ("security-forces", "gendarmes")


def test_a_bare_figure_takes_the_last_outcome_read() -> None:
    found = read_figures("It then raised the official figure to 80.", last_outcome="injured")
    assert [(f.quantity.value, f.outcome) for f in found] == [(80, "injured")]


# ---------------------------------------------------------------------------
# attribution: one test per form


def attributed(body: str, **context: object) -> list[tuple[str, str | None, str | None]]:
    facts = read_text(body, **context)
    return [
        (c.kind.value, c.source.name if c.source else None, c.via.name if c.via else None)
        for c in facts.claims
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The police said that six people were killed.", [("casualties", "police", None)]),
        ("Six people were killed, police said.", [("casualties", "police", None)]),
        ("According to the army, six soldiers died.", [("casualties", "army", None)]),
        ("Six soldiers died, according to the army.", [("casualties", "army", None)]),
        ("A nurse told Reuters that nine children were wounded.",
         [("casualties", "nurse", "Reuters")]),
        ("The mayor told reporters that nine people died.", [("casualties", "mayor", None)]),
        ("Reuters, citing a hospital source, said 9 people died.",
         [("casualties", "Reuters", None)]),
        ("Three policemen were among those killed, a government spokesman said on Monday.",
         [("casualties", "government spokesman", None)]),
        ("Local officials estimated that about 70 people had died.",
         [("estimate", "Local officials", None)]),
        ("The governor put the death toll at 31.", [("casualties", "governor", None)]),
        ("The health ministry later confirmed that 14 people had died.",
         [("casualties", "health ministry", None)]),
        ("The town was shelled, with the army stating that 4 soldiers were killed.",
         [("casualties", "army", None)]),
        ("In a statement released by the Red Crescent, it said 8 people had died.",
         [("casualties", "Red Crescent", None)]),
        ("Interior minister Amadou Kane said that 9 soldiers died.",
         [("casualties", "Amadou Kane", None)]),
        ("Colonel Issa Bako, a spokesman for the army, said that 5 soldiers died.",
         [("casualties", "Issa Bako", None)]),
        ("The ministry said 40 people died, while the Red Cross said 55 had died.",
         [("casualties", "ministry", None), ("casualties", "Red Cross", None)]),
        # responsibility, denial, condemnation
        ("The Sahel Brigade claimed responsibility in a video obtained by AFP.",
         [("responsibility", "Sahel Brigade", "AFP")]),
        ("The Sahel Brigade denied any involvement in the attack.",
         [("denial", "Sahel Brigade", None)]),
        ("President Ali Mahdi condemned the attack.", [("condemnation", "Ali Mahdi", None)]),
        ("The African Union said it condemned the killings.",
         [("condemnation", "African Union", None)]),
        ("Both Chad and the European Union condemned the massacre.",
         [("condemnation", "Chad", None), ("condemnation", "European Union", None)]),
        ("Chad and Niger released statements condemning the attack.",
         [("condemnation", "Chad", None), ("condemnation", "Niger", None)]),
        # no source: nothing, or a claim of the document
        ("No group claimed responsibility for the attack.", []),
        ("The raid was widely reported in the press.", []),
        ("Nine people were killed.", [("casualties", None, None)]),
    ],
)  # fmt: skip
def test_attribution_forms(body: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(body) == expected


def test_responsibility_and_denial_carry_statements() -> None:
    facts = read_text(
        "The Sahel Brigade claimed responsibility. The government blamed the Kano Front for"
        " the raid. The Kano Front denied any involvement."
    )
    statements = [(c.kind, c.source and c.source.name, c.statement) for c in facts.claims]
    assert [(k, s, st.predicate, st.obj) for k, s, st in statements if st] == [
        (ClaimKind.RESPONSIBILITY, "Sahel Brigade", "perpetrator", "Sahel Brigade"),
        (ClaimKind.RESPONSIBILITY, "government", "perpetrator", "Kano Front"),
        (ClaimKind.DENIAL, "Kano Front", "perpetrator", "Kano Front"),
    ]


def test_coreference_the_group_he_it_and_acronyms() -> None:
    perpetrator = ActorMention("Sahel Liberation Front", Span(0, 0, "", 1))
    facts = read_text(
        "Fighters of the Sahel Liberation Front (SLF) raided Tamba. The SLF claimed the attack."
        " The group said it had killed 12 soldiers.\n\n"
        "Army spokesman Colonel Issa Bako said that 8 soldiers had died. He added that 3 were"
        " missing. The ministry said that 10 soldiers died. It later said that 11 had died.",
        actors=(perpetrator,),
        perpetrators=(perpetrator,),
    )
    sources = [(c.source.name, c.source.span.text) for c in facts.claims if c.source]
    assert sources == [
        ("Sahel Liberation Front", "SLF"),
        ("Sahel Liberation Front", "The group"),
        ("Issa Bako", "Issa Bako"),
        ("Issa Bako", "He"),
        ("ministry", "ministry"),
        ("ministry", "It"),
    ]


def test_titles_and_acronyms() -> None:
    text = "The Movement for Unity (MU) and President Ali Mahdi spoke. President Mahdi left."
    speakers = Speakers(text)
    assert find_acronyms(text) == {"MU": "Movement for Unity"}
    (first,) = speakers.resolve(text.index("President Ali"), text.index(" spoke"), 1)
    (second,) = speakers.resolve(text.index("President Mahdi"), text.index(" left"), 1)
    assert (first.name, second.name, second.span.text) == ("Ali Mahdi", "Ali Mahdi", "Mahdi")


def test_an_unresolved_pronoun_source_is_warned_not_guessed() -> None:
    facts = read_text("They said that 40 people died.")
    assert facts.claims == ()
    assert [w.rule for w in facts.warnings] == ["prose/unresolved-source"]


# ---------------------------------------------------------------------------
# what a claim is about


def test_sample_document_claims() -> None:
    doc = parse_file(SAMPLE)
    facts = read_prose(doc, context_of(doc))
    check_facts(doc, facts)
    by_text = {
        (c.evidence[0].text[:40], c.source.name if c.source else None): c for c in facts.claims
    }

    sevare = by_text["The first attack occurred in Sevare, wit", "Malian government"]
    assert sevare.about == "Sévaré" and sevare.kind is ClaimKind.CASUALTIES
    assert [(f.quantity.value, f.group, f.outcome) for f in sevare.figures] == [
        (6, "soldiers", "killed"),
        (15, "soldiers", "injured"),
    ]
    segou = by_text["In a statement released by Katibat Macin", "Katibat Macina"]
    assert segou.kind is ClaimKind.ATTACK and segou.rank is Rank.NORMAL
    assert segou.statement is not None
    assert (segou.statement.predicate, segou.statement.obj) == ("location", "Ségou")
    assert ("Ségou", "place") == (segou.statement.obj, segou.statement.object_kind)
    claimed = by_text["Katibat Macina declared responsibility f", "Katibat Macina"]
    assert claimed.kind is ClaimKind.RESPONSIBILITY and claimed.via is not None
    assert claimed.via.name == "AFP" and claimed.statement is not None
    assert (claimed.statement.subject, claimed.statement.predicate) == ("main", "perpetrator")
    condemned = [
        c.source.name for c in facts.claims if c.kind is ClaimKind.CONDEMNATION and c.source
    ]
    assert condemned == ["MINUSMA", "United States"]
    un = by_text["In the siege, Malian and Wagner forces d", "UN"]
    assert un.kind is ClaimKind.ESTIMATE
    assert [(f.quantity.value, f.group) for f in un.figures] == [(300, "civilians")]
    lead = by_text["The attacks killed fifteen soldiers and ", None]
    assert lead.about == "main" and lead.rank is Rank.PREFERRED
    events = {e.key: e for e in facts.events}
    assert events[un.about].kind is EventKind.INCIDENT
    assert events[un.about].name == "Siege of Moura"
    assert events[un.about].date == DateRange(DateValue("2022-03", DatePrecision.MONTH))
    main_figures = [f for c in facts.claims if c.about == "main" for f in c.figures]
    assert 300 not in [f.quantity.value for f in main_figures]
    strikes = by_text["In response to the attacks, Malian force", None]
    assert events[strikes.about].name == "Airstrikes in Douentza and Ténenkou"


def test_fixture_document_sites_incidents_and_ranks() -> None:
    doc = parse_file(FIXTURES / "raid-on-kotala.txt")
    facts = read_prose(doc, context_of(doc))
    check_facts(doc, facts)
    about = {(c.source.name if c.source else None, c.about) for c in facts.claims if c.figures}
    assert about == {
        (None, "main"),
        (None, "ambush-near-gaya"),
        ("nurse", "Beré"),
        ("interior ministry", "main"),
        ("local officials", "main"),
        ("defence ministry", "air-strikes-near-tiloa"),
    }
    names = {e.key: (e.name, e.event_types) for e in facts.events}
    assert {e.kind for e in facts.events} == {EventKind.INCIDENT}
    assert names["ambush-near-gaya"] == ("Ambush near Gaya", ("ambush",))
    assert names["air-strikes-near-tiloa"] == ("Air strikes near Tiloa", ("airstrike",))
    assert ("air-strikes-near-tiloa", "follow-up", "main") in facts.relations
    lead = next(c for c in facts.claims if c.source is None and c.about == "main")
    assert lead.rank is Rank.NORMAL  # local officials say 25-30, not 23
    gaya = next(c for c in facts.claims if c.about == "ambush-near-gaya" and c.figures)
    assert gaya.rank is Rank.PREFERRED
    flf = [c for c in facts.claims if c.source and c.source.name.startswith("Front for")]
    assert [c.kind for c in flf][:1] == [ClaimKind.RESPONSIBILITY]
    assert flf[0].via is not None and flf[0].via.name == "AFP"


@pytest.mark.parametrize(
    ("body", "about"),
    [
        ("In March 2019, gunmen killed 5 people in Doro.", "incident"),
        ("Hours before the raid, gunmen killed 5 people in Doro.", "incident"),
        ("In a separate incident, 5 soldiers were killed in Doro.", "incident"),
        ("In June 2019, 5 soldiers were killed in a retaliatory air strike.", "incident"),
        ("In retaliation, air strikes killed 5 militants.", "main"),  # not in an aftermath
        ("On 12 May 2019, 5 soldiers were killed.", "main"),
        ("In June 2019, the army said that 5 soldiers had died in the raid.", "main"),
    ],
)
def test_aboutness_cues(body: str, about: str) -> None:
    facts = read_text(body)
    (claim,) = facts.claims
    kinds = {e.key: e.kind for e in facts.events}
    assert kinds.get(claim.about, claim.about) == about


def test_follow_up_needs_an_aftermath_section_or_a_later_date() -> None:
    facts = read_text("== Aftermath ==\nIn retaliation, air strikes killed 5 militants.")
    (claim,) = facts.claims
    assert claim.about == facts.events[0].key and facts.events[0].kind is EventKind.INCIDENT
    assert facts.events[0].name.startswith("Raid on")


def test_a_site_named_in_the_sentence_or_after_the_figure() -> None:
    sites = {"Tamba": "Tamba", "Doro": "Doro"}
    facts = read_text(
        "Gunmen struck Tamba and Doro, wounding four in Tamba and two in Doro.", sites=sites
    )
    assert [(c.about, c.figures[0].quantity.value) for c in facts.claims] == [
        ("Tamba", 4),
        ("Doro", 2),
    ]
    (claim,) = read_text("In Tamba (spelt TAMBA locally), 3 soldiers died.", sites=sites).claims
    assert claim.about == "Tamba"


# ---------------------------------------------------------------------------
# ranks


def _claim(value: int | None, source: str | None, *, minimum: int | None = None) -> ClaimRecord:
    span = Span(0, 4, "text", 1)
    figure = Figure(Quantity(value, minimum, None, False, "n"), "total", "killed", span)
    mention = ActorMention(source, span) if source else None
    return ClaimRecord(ClaimKind.CASUALTIES, "main", (span,), mention, figures=(figure,))


def test_ranks_document_claims_preferred_unless_contradicted() -> None:
    ranks = [c.rank for c in assign_ranks([_claim(20, None), _claim(None, "army", minimum=18)])]
    assert ranks == [Rank.PREFERRED, Rank.NORMAL]  # "at least 18" agrees with 20
    ranks = [c.rank for c in assign_ranks([_claim(20, None), _claim(31, "army")])]
    assert ranks == [Rank.NORMAL, Rank.NORMAL]
    deprecated = assign_ranks([_claim(20, None)])[0].__class__
    kept = assign_ranks([ClaimRecord(ClaimKind.OTHER, "main", (), rank=Rank.DEPRECATED)])
    assert deprecated is ClaimRecord and kept[0].rank is Rank.DEPRECATED


# ---------------------------------------------------------------------------
# robustness


@pytest.mark.parametrize("path", [*SAMPLES, *sorted(FIXTURES.glob("*.txt"))], ids=lambda p: p.stem)
def test_documents_give_exact_spans(path: Path) -> None:
    doc = parse_file(path)
    context = context_of(doc)
    facts = read_prose(doc, context)
    check_facts(doc, facts)
    keys = {e.key for e in facts.events} | {context.main_key, *context.sites.values()}
    assert all(c.about in keys for c in facts.claims)


WORDS = st.sampled_from(
    "the army police said that six 14 1,200 at least about between and killed wounded "
    "died according to , . ; : told AFP claimed responsibility condemned denied the group "
    "He It In March 2019 hours before in response airstrikes dozens of villagers soldiers "
    "were was had been including of them a an interpreter both Mr. U.S. “ ” ( ) –".split()
)


@given(st.lists(st.lists(WORDS, min_size=1, max_size=30).map(" ".join), min_size=1, max_size=4))
@settings(max_examples=150, deadline=None)
def test_any_prose_gives_exact_spans_and_figures_inside_evidence(paragraphs: list[str]) -> None:
    body = "\n\n".join(p.strip() for p in paragraphs if p.strip() and not p.startswith(("-", "=")))
    doc = parse(f"= Raid on Tamba =\n\n{body or 'Nothing.'}\n".encode(), "tamba.txt")
    check_facts(doc, read_prose(doc, ProseContext("main", "Raid on Tamba", {}, ())))


@pytest.mark.parametrize(
    ("body", "increments"),
    [
        ("Nine guards were killed at the gate, and a further victim died in hospital.", [1]),
        ("Gunmen shot dead eleven villagers. Another four people died of burns overnight.", [4]),
        ("Six soldiers were killed on Monday and two more soldiers were killed on Tuesday.", [2]),
        ("Fourteen people were killed in the market.", []),
    ],
)
def test_a_figure_beyond_another_count_is_a_part_never_a_total(
    body: str, increments: list[int]
) -> None:
    facts = read_text(body)
    figures = [f for c in facts.claims for f in c.figures]
    assert figures, "no figure read"
    further = [f.quantity.value for f in figures if f.qualifier == "further"]
    assert further == increments
    assert all(f.qualifier is None for f in figures if f.quantity.value not in increments)
