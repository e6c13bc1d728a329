"""Event dates: the document date moved by expressions such as «أمس» or "on Tuesday".

Pure: needs the document date (or none). Returns None when nothing anchors
the date, rather than guessing today's date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from wiqaya.language.arabic import normalise

# Normalised Arabic (ة→ه, أ→ا, ى→ي) and lower-case English.
_DAYS_AR = {
    "الاثنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}
_DAYS_EN = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_RELATIVE = [
    (re.compile(r"(?<!\S)(?:[وف])?(?:امس الاول|اول امس|اول من امس)(?!\S)"), -2),
    (re.compile(r"(?<!\S)(?:[وفب]|بال|وبال)?(?:امس|البارحه)(?!\S)"), -1),
    (re.compile(r"(?<!\S)(?:[وف])?(?:اليوم|الليله)(?!\S)"), 0),
    (re.compile(r"(?<!\S)(?:[وف])?(?:الاسبوع الماضي)(?!\S)"), -7),
    (re.compile(r"(?<!\S)(?:[وف])?(?:الشهر الماضي)(?!\S)"), -30),
    (re.compile(r"\bday before yesterday\b"), -2),
    (re.compile(r"\byesterday\b"), -1),
    (re.compile(r"\b(?:today|tonight)\b"), 0),
    (re.compile(r"\blast week\b"), -7),
    (re.compile(r"\blast month\b"), -30),
]
_DAY_AR = re.compile(
    r"(?<!\S)(?:[وف])?(?:يوم )?(" + "|".join(_DAYS_AR) + r")(?: الماضي| الفايت)?(?!\S)"
)
_WORDS = re.compile(r"\w+")
_DAY_EN = re.compile(r"\bon (" + "|".join(_DAYS_EN) + r")\b")


def resolve_date(sentence: str, doc_date: date | None) -> tuple[date | None, str | None]:
    """The event date for ``sentence`` and the expression that set it (or None)."""
    if doc_date is None:
        return None, None
    # Punctuation becomes space so «أمس.» and "Tuesday," match as words.
    norm = " ".join(_WORDS.findall(normalise(sentence)))
    for rx, days in _RELATIVE:
        m = rx.search(norm)
        if m:
            return doc_date + timedelta(days=days), m.group().strip()
    for rx, table in ((_DAY_AR, _DAYS_AR), (_DAY_EN, _DAYS_EN)):
        m = rx.search(norm)
        if m:
            # The last such weekday on or before the document date: news
            # reports past events.
            back = (doc_date.weekday() - table[m.group(1)]) % 7
            return doc_date - timedelta(days=back), m.group().strip()
    return doc_date, None
