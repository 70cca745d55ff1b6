"""Actor names without the sentence around them ("on 15 January Le Drian" -> "Le Drian").

Subject words read from a sentence can start with a time or circumstance phrase ("by
nightfall", "during the siege", "at dawn") or a passive verb ("claimed by");
:func:`clean_name` cuts them, so that no actor is named by a sentence fragment.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["clean_name"]

_PREPOSITIONS: Final = (
    "at|by|on|in|during|after|before|within|following|since|until|by|from|throughout|amid"
)
_DATE_WORDS: Final = (
    r"(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}|(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)|\d{4})"
)
_LEADING: Final = re.compile(
    rf"^(?:(?:{_PREPOSITIONS})\s+(?:(?:the|a|an|that|this|its|their)\s+)?"
    rf"(?:{_DATE_WORDS}|[a-z][\w-]*)(?:\s+\d{{4}})?,?\s+"
    rf"|(?:later|earlier|meanwhile|overnight|then|also|however|afterwards|subsequently),?\s+"
    rf"|(?:[a-z]+\s+)*?(?:claimed|reported|stated|announced|issued)\s+by\s+)",
)


def clean_name(name: str) -> str:
    """The name without a leading time or circumstance phrase.

    >>> clean_name("by nightfall the interior minister"), clean_name("on 15 January Le Drian")
    ('the interior minister', 'Le Drian')
    >>> clean_name("During the siege she"), clean_name("claimed by the Islamic State")
    ('she', 'the Islamic State')
    >>> clean_name("Islamic State of Iraq and the Levant")
    'Islamic State of Iraq and the Levant'
    """
    text = " ".join(name.split())
    for _ in range(3):
        found = _LEADING.match(text) or _LEADING.match(text[:1].lower() + text[1:])
        if found is None or found.end() >= len(text):
            break
        text = text[found.end() :]
    return text
