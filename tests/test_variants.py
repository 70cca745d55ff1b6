"""Actor names within a document: short spellings joined to the full name (resolve/variants.py)
and names that describe rather than name (resolve/actor_names.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from attackgraph.model import ActorRef
from attackgraph.pipeline import Converter
from attackgraph.resolve.variants import (
    join_acronyms,
    join_aliases,
    join_described,
    join_known,
    join_possessors,
    merge_variants,
)


def refs(*names: str, person: str = "") -> dict[str, ActorRef]:
    return {
        name: ActorRef(
            name.lower().replace(" ", "-"), name, "Person" if name == person else "Actor"
        )
        for name in names
    }


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("Liberation Front of Amadou Keita", "Amadou Keita"),
        ("Embassy of Northern Dorland", "Northern Dorland"),
        ("Support Committee for Ines Varga", "Ines Varga"),
    ],
)
def test_a_name_after_of_or_for_is_another_party(full: str, short: str) -> None:
    merged = merge_variants(refs(full, short, person=short), {full, short})
    assert merged[short].slug != merged[full].slug


@pytest.mark.parametrize(
    ("full", "short"),
    [("Amadou Keita", "Keita"), ("Northern Republic Army", "Northern Republic")],
)
def test_a_name_a_longer_one_starts_or_ends_with_is_the_same_party(full: str, short: str) -> None:
    merged = merge_variants(refs(full, short), {full, short})
    assert merged[short].slug == merged[full].slug


@pytest.mark.parametrize(
    ("full", "short", "other"),
    [
        ("Odile Marchetti", "Marchetti", "Marchetti's Union for Renewal"),
        ("Harald Ivo Brenner", "Harald Brenner", "Brenner Logistics Group"),
        ("Harald Ivo Brenner", "Harald I. Brenner", "Anna Brenner Foundation"),
    ],
)
def test_a_surname_or_a_name_without_its_middle_is_the_person(
    full: str, short: str, other: str
) -> None:
    # the surname also opens an organisation's name; the person's name ends with it
    merged = merge_variants(refs(full, short, other, person=full), {full, short, other})
    assert merged[short].slug == merged[full].slug != merged[other].slug


@pytest.mark.parametrize("name", ["Kisumu Police", "Riverside Police", "Lamu Council"])
def test_a_title_case_name_with_a_generic_head_names_a_body(name: str) -> None:
    from attackgraph.resolve.actor_names import is_generic

    assert not is_generic(name)


@pytest.mark.parametrize("name", ["Kenyan Police", "Local police", "Unofficial Somali sources"])
def test_a_demonym_or_a_sentence_capital_before_a_generic_head_describes(name: str) -> None:
    from attackgraph.resolve.actor_names import is_generic

    assert is_generic(name)


@pytest.mark.parametrize(
    ("text", "common"),
    [
        ("Gunmen raided the depot. Critics said the guards had been warned.", True),
        ("Gunmen raided the depot. Chroniclers put the dead at 40 men.", True),
        ("Gunmen raided the depot. Oxfam said the guards had been warned.", False),
        ("Gunmen raided the depot. Later Oxfam said the guards had been warned.", False),
    ],
)
def test_a_word_capitalised_only_to_open_a_sentence_is_a_common_noun(
    text: str, common: bool
) -> None:
    """A word the text capitalises only where a sentence starts, with no named entity
    there, is a common noun even when the text never writes it in lower case: "Critics
    said" names nobody; "Oxfam said" is a name."""
    from attackgraph.resolve.actor_names import is_common_word

    word = text.split(". ")[1].split()[0]
    word = "Oxfam" if word == "Later" else word
    assert is_common_word(word, text) is common


DEPOT = """= Port Selwyn depot bombing =

Infobox
- Location: Port Selwyn, Kenya
- Date: 4 June 2011
- Deaths: 3

A bomb exploded at the Port Selwyn fuel depot on 4 June 2011. The Coastal Freedom Movement, \
a separatist group, planted the device, investigators said. The CFM said three guards had \
been killed. Years later the Harbour Truth Commission heard the families; the HTC said in its \
report that the guards had been unarmed.
"""


def test_an_acronym_is_the_party_whose_initials_it_is(tmp_path: Path, converter: Converter) -> None:
    """A source written as an acronym ("the CFM said") and the name it abbreviates in the
    prose are one party, published once with both names."""
    from attackgraph.evaluate import read_document

    path = tmp_path / "depot.txt"
    path.write_text(DEPOT, encoding="utf-8")
    result = converter.convert(path)
    assert result.skipped is None
    actors = set(read_document(result.quads).actors)
    assert ("Coastal Freedom Movement", "CFM") in actors
    assert ("Harbour Truth Commission", "HTC") in actors
    assert not {("CFM",), ("HTC",)} & actors


def test_an_acronym_joins_no_name_when_two_fit_or_both_are_known() -> None:
    two = refs("NDA", "National Defence Army", "Northern Democratic Alliance")
    assert join_acronyms(two, set(two), "The NDA denied it.")["NDA"].slug == "nda"
    known = refs("NDA", "National Defence Army")  # both identities of the registry
    assert join_acronyms(known, set(), "The NDA denied it.")["NDA"].slug == "nda"


MARKET = """= Kessel market attack =

Infobox
- Location: Kessel, Kenya
- Date: 9 March 2014
- Deaths: 14

Gunmen opened fire in the Kessel market on 9 March 2014. The Lumen Foundation, a rights group \
based in Nairobi, sent a team to the town a week later. The Lumen Foundation's researchers said \
14 people had died, among them four children.
"""


def test_what_a_party_owns_and_speaks_through_is_that_party(
    tmp_path: Path, converter: Converter
) -> None:
    """ "X's researchers said" is X speaking: one party, X, the claim's source."""
    from attackgraph.evaluate import read_document

    path = tmp_path / "market.txt"
    path.write_text(MARKET, encoding="utf-8")
    result = converter.convert(path)
    assert result.skipped is None
    published = read_document(result.quads)
    assert published.actors == (("Lumen Foundation",),)
    assert any(claim.source == ("Lumen Foundation",) for claim in published.claims)


def test_an_office_a_family_or_a_body_of_a_party_is_a_party_of_its_own() -> None:
    names = refs("Ada Moreno", "Ada Moreno's office", "Ada Moreno's family", "Ada Moreno's lawyers")
    joined = join_possessors(names, set(names))
    assert joined["Ada Moreno's lawyers"].slug == "ada-moreno"
    assert joined["Ada Moreno's office"].slug != "ada-moreno"
    assert joined["Ada Moreno's family"].slug != "ada-moreno"


def test_a_party_s_members_are_that_party_but_a_nation_s_people_are_not_the_state() -> None:
    names = refs("Ruvo Front", "Ruvo Front fighters", "Ruvo Front radio", "Tessian doctors")
    names["Tessia"] = ActorRef("tessia", "Tessia", "StateActor", None, state="ts")
    names["Tessian"] = names["Tessia"]
    joined = join_possessors(names, set(names) - {"Tessia", "Tessian"})
    assert joined["Ruvo Front fighters"].slug == "ruvo-front"
    assert joined["Ruvo Front radio"].slug != "ruvo-front"  # a medium of its own
    assert joined["Tessian doctors"].slug != "tessia"


COUNCIL = """= Dorvan market bombing =

Infobox
- Location: Dorvan, Kenya
- Date: 2 May 2015
- Deaths: 9

A bomb killed nine people at the Dorvan market on 2 May 2015. The United Nations Security \
Council condemned the attack the same evening. A week later the Security Council said that the \
bombers had crossed from the north.
"""


def test_a_name_cut_short_is_the_known_party_whose_name_holds_it(
    tmp_path: Path, converter: Converter
) -> None:
    """ "The Security Council said" after "the United Nations Security Council": the
    registry's party, named once, with the document's short spelling as an alias."""
    from attackgraph.evaluate import read_document

    path = tmp_path / "council.txt"
    path.write_text(COUNCIL, encoding="utf-8")
    result = converter.convert(path)
    assert result.skipped is None
    [names] = read_document(result.quads).actors
    assert names[0] == "United Nations Security Council"
    assert "Security Council" in names


def test_a_name_after_of_is_not_the_known_party_that_holds_it() -> None:
    names = refs("Army of Ostrava Republic", "Ostrava Republic", "Kessel Defence Force")
    names["Defence Force"] = ActorRef("defence-force", "Defence Force", "Actor")
    joined = join_known(names, {"Ostrava Republic", "Defence Force"})
    assert joined["Ostrava Republic"].slug == "ostrava-republic"  # after "of": another party
    assert joined["Defence Force"].slug == "kessel-defence-force"


def test_a_description_before_a_person_s_full_name_is_that_person() -> None:
    """A source written with a description before the full name the document gives
    elsewhere ("Ruvian President Ines Varga said") is that person, not a second actor;
    a body named after the person ("Friends of Ines Varga") is not."""
    names = refs(
        "Ines Varga",
        "Ruvian President Ines Varga",
        "Friends of Ines Varga",
        "Ines Varga Foundation",
        person="Ines Varga",
    )
    joined = join_described(names, set(names) - {"Ines Varga"})
    assert joined["Ruvian President Ines Varga"].slug == "ines-varga"
    assert joined["Friends of Ines Varga"].slug != "ines-varga"
    assert joined["Ines Varga Foundation"].slug != "ines-varga"


QUARRY = """= Telvik quarry attack =

Infobox
- Location: Telvik, Kenya
- Date: 9 March 2014
- Deaths: 4

Four workers were shot dead at the Telvik quarry on 9 March 2014. Police said the raid had \
been ordered by Daniel Otieno, a former foreman better known as Simba. In April Simba told \
a radio station that the quarry owners had cheated his men. The Provisional Coastal Relief \
League (CRL) paid for the funerals, and the Provisional CRL later said it would pay the widows.
"""


def test_a_name_the_text_gives_as_another_name_of_a_person_is_that_person(
    tmp_path: Path, converter: Converter
) -> None:
    """ "X, a former foreman better known as Y": X and Y are one person, published once
    with both names; a name holding an acronym the text defines ("Provisional CRL") is
    the name it spells out ("Provisional Coastal Relief League") when the document names
    that too."""
    from attackgraph.evaluate import read_document

    path = tmp_path / "quarry.txt"
    path.write_text(QUARRY, encoding="utf-8")
    result = converter.convert(path)
    assert result.skipped is None
    actors = read_document(result.quads).actors
    [otieno] = [names for names in actors if "Daniel Otieno" in names]
    assert "Simba" in otieno
    [league] = [names for names in actors if "Provisional CRL" in names]
    assert "Provisional Coastal Relief League" in league
    assert not [names for names in actors if names in (("Simba",), ("Provisional CRL",))]


@pytest.mark.parametrize(
    "text",
    [
        "Omondi Baraka Keter, better known as Simba, fled.",
        "Omondi Baraka Keter, a former foreman known as Simba, fled.",
        "Simba, whose real name is Omondi Baraka Keter, fled.",
        "Omondi Baraka Keter alias Simba fled.",
    ],
)
def test_another_name_of_a_person_joins_the_person(text: str) -> None:
    names = refs("Omondi Baraka Keter", "Simba", person="Omondi Baraka Keter")
    joined = join_aliases(names, set(names), text)
    assert joined["Simba"].slug == joined["Omondi Baraka Keter"].slug


@pytest.mark.parametrize(
    "text",
    [
        "Omondi Baraka Keter met Simba in May.",
        "Omondi Baraka Keter, the head of a cell known as Simba, fled.",  # another party
    ],
)
def test_a_name_beside_a_person_or_known_by_another_party_stays_apart(text: str) -> None:
    names = refs("Omondi Baraka Keter", "Simba", person="Omondi Baraka Keter")
    joined = join_aliases(names, set(names), text)
    assert joined["Simba"].slug != joined["Omondi Baraka Keter"].slug


def test_a_name_holding_a_defined_acronym_is_the_name_it_spells_out() -> None:
    names = refs("Provisional Coastal Relief League", "Provisional CRL", "Coastal Relief League")
    text = "The Coastal Relief League (CRL) paid. The Provisional CRL said so."
    joined = join_acronyms(names, set(names), text)
    assert joined["Provisional CRL"].slug == "provisional-coastal-relief-league"
    assert joined["Coastal Relief League"].slug == "coastal-relief-league"
