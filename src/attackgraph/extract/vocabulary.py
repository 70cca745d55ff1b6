"""The words casualty figures are read with, shared by the infobox and prose extractors.

The word tables (outcomes, casualty verbs and their forms, population groups,
equipment, notes, ...) are the module constants below, each word stated once;
:mod:`attackgraph.extract.word_match` finds them in text.
"""

from __future__ import annotations

from typing import Final

from attackgraph.concepts import Outcome, PopulationGroup

KILLED_OR_INJURED: Final[Outcome] = "killed-or-injured"

OUTCOME_WORDS: Final[dict[str, Outcome]] = {
    **dict.fromkeys(
        ("killed", "dead", "died", "deaths", "death", "fatalities", "fatality", "kia",
         "killed in action", "slain", "executed", "murdered", "massacred", "perished",
         "lost their lives", "†"),
        "killed",
    ),
    **dict.fromkeys(
        ("wounded", "injured", "hurt", "injuries", "injury", "wia", "wounded in action",
         "non-fatal injuries"),
        "injured",
    ),
    **dict.fromkeys(
        ("captured", "taken prisoner", "prisoners", "prisoner", "prisoners of war", "pows",
         "pow", "abducted", "kidnapped", "taken hostage", "hostages taken", "held hostage",
         "taken captive", "captives"),
        "captured",
    ),
    **dict.fromkeys(
        ("missing", "missing in action", "mia", "unaccounted for", "disappeared"), "missing"
    ),
    **dict.fromkeys(
        ("arrested", "detained", "taken into custody", "apprehended"), "arrested"
    ),
    **dict.fromkeys(
        ("casualties", "killed or wounded", "killed or injured", "dead or wounded",
         "dead or injured", "killed and wounded", "killed and injured", "dead and wounded",
         "dead and injured", "killed/wounded", "killed/injured", "dead/wounded"),
        KILLED_OR_INJURED,
    ),
    **dict.fromkeys(
        (f"{a}, {b}{comma} {c} {d}" for a in ("killed", "dead") for b in ("wounded", "injured")
         for comma in ("", ",") for c in ("and", "or") for d in ("missing", "captured")),
        KILLED_OR_INJURED,
    ),  # "4,064 killed, wounded and missing": one combined figure
}  # fmt: skip
"""Outcome words -> outcome concept local name."""

CASUALTY_VERBS: Final[dict[str, Outcome]] = {
    **dict.fromkeys(
        ("kill", "murder", "execute", "assassinate", "massacre", "slaughter", "slay", "behead",
         "decapitate", "hang", "lynch", "shoot dead", "gun down", "stab to death",
         "beat to death", "burn to death"),
        "killed",
    ),
    **dict.fromkeys(("wound", "injure", "hurt", "maim"), "injured"),
    **dict.fromkeys(
        ("capture", "abduct", "kidnap", "take prisoner", "take hostage", "take captive",
         "take alive", "hold hostage", "hold captive"),
        "captured",
    ),
    **dict.fromkeys(
        ("arrest", "detain", "apprehend", "take into custody", "hold in custody"), "arrested"
    ),
}  # fmt: skip
"""The casualty outcome verbs, by lemma (a phrase's first word is the verb): the one
lexicon every prose reader takes its verb forms from (:func:`verb_forms`)."""

_IRREGULAR: Final[dict[str, tuple[str, str]]] = {
    "slay": ("slain", "slaying"), "shoot": ("shot", "shooting"), "take": ("taken", "taking"),
    "hold": ("held", "holding"), "beat": ("beaten", "beating"), "gun": ("gunned", "gunning"),
    "stab": ("stabbed", "stabbing"), "kidnap": ("kidnapped", "kidnapping"),
    "hurt": ("hurt", "hurting"), "burn": ("burned", "burning"),
}  # fmt: skip


def verb_forms(lemma: str) -> tuple[str, str]:
    """(past participle, present participle) of a verb or verb phrase of
    :data:`CASUALTY_VERBS`; the participle is also the simple past of these verbs.

    >>> verb_forms("kill"), verb_forms("take hostage"), verb_forms("execute")
    (('killed', 'killing'), ('taken hostage', 'taking hostage'), ('executed', 'executing'))
    """
    verb, _, rest = lemma.partition(" ")
    if verb in _IRREGULAR:
        past, ing = _IRREGULAR[verb]
    elif verb.endswith("e"):
        past, ing = verb + "d", verb[:-1] + "ing"
    else:
        past, ing = verb + "ed", verb + "ing"
    tail = f" {rest}" if rest else ""
    return past + tail, ing + tail


PASSIVE_OUTCOMES: Final[dict[str, Outcome]] = {
    verb_forms(lemma)[0]: outcome for lemma, outcome in CASUALTY_VERBS.items()
}
"""Past participles of the casualty verbs -> outcome ("shot dead", "taken hostage")."""
GERUND_OUTCOMES: Final[dict[str, Outcome]] = {
    verb_forms(lemma)[1]: outcome for lemma, outcome in CASUALTY_VERBS.items()
}
"""Present participles of the casualty verbs -> outcome ("killing", "taking hostage")."""
DEATH_STATES: Final[dict[str, Outcome]] = {"found dead": "killed", "pronounced dead": "killed"}
"""Participles that state a death without a verb of violence (no -ing form)."""


GROUP_WORDS: Final[dict[str, tuple[PopulationGroup, bool]]] = {
    # word: (population-group concept, keep the words as the group label)
    **dict.fromkeys(("soldiers", "soldier", "troops", "servicemen", "serviceman",
        "service members", "servicemembers", "military personnel", "personnel", "military",
        "army"), ("soldiers", False)),
    **dict.fromkeys(("marines", "marine", "paratroopers", "sailors", "airmen", "peacekeepers",
        "peacekeeper", "commandos", "special forces", "troopers", "rangers"),
        ("soldiers", True)),
    **dict.fromkeys(("security forces", "security personnel", "security force members"),
        ("security-forces", False)),
    **dict.fromkeys(("gendarmes", "gendarme", "gendarmerie", "coast guard", "coast guards",
        "coastguard", "coastguards", "guards", "guard", "security guards", "border guards",
        "national guard", "guardsmen", "national guardsmen"), ("security-forces", True)),
    **dict.fromkeys(("police", "policemen", "policeman", "police officers", "police officer",
        "officers", "officer", "policewomen", "cops"), ("police", False)),
    **dict.fromkeys(("militants", "militant", "jihadists", "jihadist", "insurgents",
        "insurgent", "rebels", "rebel", "terrorists", "terrorist", "extremists", "islamists"),
        ("militants", False)),
    **dict.fromkeys(("fighters", "fighter", "guerrillas", "guerrilla", "mujahideen",
        "combatants", "militiamen", "militia"), ("militants", True)),
    **dict.fromkeys(("attackers", "attacker", "gunmen", "gunman", "perpetrators",
        "perpetrator", "assailants", "assailant", "bombers", "bomber", "suicide bombers",
        "suicide bomber", "shooters", "shooter", "hijackers", "hijacker", "hostage-takers",
        "hostage-taker", "hostage takers", "hostage taker", "kidnappers", "kidnapper",
        "snipers", "sniper", "knifeman"), ("attackers", False)),
    **dict.fromkeys(("civilians", "civilian"), ("civilians", False)),
    **dict.fromkeys(("villagers", "worshippers", "worshipers", "residents", "passengers",
        "bystanders", "pilgrims", "shoppers", "tourists", "spectators", "concertgoers",
        "guests", "patients", "refugees", "farmers", "fishermen", "herders", "displaced people"),
        ("civilians", True)),
    **dict.fromkeys(("people", "persons", "person", "individuals", "victims", "total"),
        ("total", False)),
    **dict.fromkeys(("children", "child", "kids", "minors"), ("children", False)),
    **dict.fromkeys(("schoolchildren", "infants", "babies", "boys", "girls"),
        ("children", True)),
    **dict.fromkeys(("students", "student"), ("students", False)),
    **dict.fromkeys(("pupils", "schoolboys", "schoolgirls", "cadets"), ("students", True)),
    **dict.fromkeys(("staff", "staff members", "staff member"), ("staff", False)),
    **dict.fromkeys(("teachers", "teacher", "employees", "employee", "school staff"),
        ("staff", True)),
    **dict.fromkeys(("hostages", "hostage"), ("hostages", False)),
}  # fmt: skip
"""Group words -> (population-group concept local name, keep the words as label)."""
SINGULAR_GROUP_WORDS: Final = (
    "attacker", "gunman", "perpetrator", "assailant", "bomber", "suicide bomber", "shooter",
    "hijacker", "soldier", "serviceman", "officer", "policeman", "police officer", "guard",
    "gendarme", "civilian", "child", "student", "teacher", "hostage", "militant", "fighter",
    "jihadist", "insurgent", "rebel", "person", "suspect", "hostage-taker", "hostage taker",
    "kidnapper", "sniper", "knifeman",
)  # fmt: skip
"""Group words that make a group of one ("23 (including the attacker)")."""
EQUIPMENT_WORDS: Final = (
    "helicopter", "helicopters", "aircraft", "airplane", "airplanes", "plane", "planes",
    "jet", "jets", "fighter jet", "fighter jets", "drone", "drones", "uav", "uavs", "tank",
    "tanks", "vehicle", "vehicles", "armoured vehicles", "armored vehicles", "truck",
    "trucks", "apc", "apcs", "ifv", "ifvs", "humvee", "humvees", "mrap", "mraps",
    "technical", "technicals", "boat", "boats", "ship", "ships", "vessel", "vessels",
    "artillery", "artillery pieces", "howitzer", "howitzers", "gun", "guns", "mortar",
    "mortars", "rocket launcher", "rocket launchers", "weapon", "weapons", "rifles",
    "ammunition", "equipment", "car", "cars", "motorcycle", "motorcycles", "building",
    "buildings", "house", "houses", "homes", "base", "bases", "outpost", "outposts",
)  # fmt: skip
"""Equipment and property: a fragment about these alone is no casualty figure."""
TOLL_VERBS: Final = (
    "put", "place", "set", "fix", "settle", "raise", "lower", "revise", "rise", "climb",
    "reach", "increase", "grow", "jump", "fall", "drop", "stand", "pass", "exceed", "top",
    "bring", "give", "estimate", "number", "total", "stay", "remain", "go", "correct",
    "update", "adjust", "confirm",
)  # fmt: skip
"""Verbs that set or change a toll ("the toll was later settled at 20", "rose to 51"),
by lemma; :data:`TOLL_VERB_FORMS` holds their inflected forms."""
_TOLL_IRREGULAR: Final[dict[str, tuple[str, ...]]] = {
    "put": ("put", "puts", "putting"), "set": ("set", "sets", "setting"),
    "rise": ("rose", "risen", "rises", "rising"), "grow": ("grew", "grown", "grows", "growing"),
    "fall": ("fell", "fallen", "falls", "falling"), "stand": ("stood", "stands", "standing"),
    "bring": ("brought", "brings", "bringing"), "give": ("gave", "given", "gives", "giving"),
    "go": ("went", "gone", "goes", "going"), "drop": ("dropped", "drops", "dropping"),
    "top": ("topped", "tops", "topping"), "jump": ("jumped", "jumps", "jumping"),
}  # fmt: skip


def _toll_forms(lemma: str) -> tuple[str, ...]:
    if lemma in _TOLL_IRREGULAR:
        return (lemma, *_TOLL_IRREGULAR[lemma])
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    third = lemma + ("es" if lemma.endswith(("s", "x", "sh", "ch")) else "s")
    return lemma, stem + "ed" if lemma.endswith("e") else lemma + "ed", third, stem + "ing"


TOLL_VERB_FORMS: Final = frozenset(f for lemma in TOLL_VERBS for f in _toll_forms(lemma))
"""Every form of the :data:`TOLL_VERBS` ("settled", "rose", "risen", "climbing")."""
PLACE_NOUNS: Final = frozenset(
    "place places site sites location locations address addresses city cities town towns "
    "village villages district districts province provinces region regions country countries "
    "state states street streets neighbourhood neighbourhoods neighborhood neighborhoods area "
    "areas camp camps prison prisons station stations".split()
)
"""Nouns for places: "six addresses", "in eight cities" count no people."""
NON_CASUALTY_WORDS: Final = (
    "destroyed", "damaged", "shot down", "downed", "sunk", "disabled", "displaced",
    "evacuated", "rescued", "freed", "released", "surrendered", "defected", "deserted",
    "fled", "homeless", "burned", "burnt", "looted", "seized", "survived", "survivors",
    "unhurt", "unharmed", "uninjured",
)  # fmt: skip
"""Outcomes that are no casualty outcome: without an outcome word, no figure."""
ESTIMATE_NOTES: Final = (
    "est", "est.", "estimated", "estimate", "estimates", "approx", "approx.",
    "approximately", "approximate", "c.", "ca.", "circa",
)  # fmt: skip
"""Parenthesised notes that make the amount approximate ("(est.)"); never a source."""
INCLUSION_WORDS: Final = (
    "including", "incl.", "incl", "inc.", "among them", "among whom", "of whom", "of which",
    "of them", "plus", "excluding", "not including", "besides", "in addition to",
)  # fmt: skip
"""Words that open figures inside a figure ("149 (including 132 children)")."""
SOURCE_INTROS: Final = (
    "per", "according to", "source:", "sources:", "reported by", "claimed by", "by", "via",
    "as reported by", "as claimed by",
)  # fmt: skip
SOURCE_TAILS: Final = (
    "estimate", "estimates", "claim", "claims", "figure", "figures", "count", "tally",
    "report", "reports", "data", "statement", "estimation",
)  # fmt: skip
"""Words stripped around a stated source: "(per UN)", "(US estimate)" -> "UN", "US"."""
SEVERITY_WORDS: Final = (
    "critically", "critical", "seriously", "serious", "severely", "severe", "lightly",
    "slightly", "minor", "hospitalized", "hospitalised",
)  # fmt: skip
"""How badly: in an infobox, "413 (100 critically)" names 100 injured."""
LABEL_STOPWORDS: Final = frozenset(
    "of the a an in at on by from to were was been being also reportedly allegedly "
    "confirmed unconfirmed all other others more with and or as during after before "
    "later including some many mostly mainly both sides side each per est estimated "
    "approximately about around than least over up not no who which that their its his "
    "her them they it action further additional another own respectively overall "
    "reported official critically critical seriously serious severely severe lightly "
    "slightly minor major condition hospitalized hospitalised treated".split()
)
"""Lower-case words that are neither a group nor a label ("killed in action")."""
NOT_PARTY_WORDS: Final = frozenset(
    "Unknown None Total Including Est Approx Per According Unconfirmed Confirmed Reported "
    "Official Estimated Killed Wounded Dead Injured Missing Captured At Over About Some "
    "Around Up Between".split()
)
"""Capitalised words that never name a party."""
