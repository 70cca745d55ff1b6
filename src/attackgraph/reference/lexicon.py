"""Word lists of the English the documents are written in, stated once for every stage.

>>> MONTH_NUMBERS["sept"], MONTHS[:2], MONTHS[-1], MONTH_NAMES[-1], WEEKDAYS[0]
(9, ('January', 'February'), 'Dec', 'December', 'Monday')
"""

from __future__ import annotations

from typing import Final

MONTH_NUMBERS: Final[dict[str, int]] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
"""Month names and their abbreviations, lower case, with the month's number."""

MONTHS: Final = tuple(name.capitalize() for name in MONTH_NUMBERS)
"""The same names as written in running text: "January" ... "December", "Jan" ... "Dec"."""

MONTH_NAMES: Final = MONTHS[:12]
"""The months' full names only: "January" ... "December"."""

WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
