"""Event dates: the document date moved by expressions such as «أمس» or "on Tuesday".

Pure: needs the document date (or none). Returns None when nothing anchors
the date, rather than guessing today's date; returns the document date when
the sentence names no day (news reports the day's events).

Every expression in the sentence becomes a candidate date; with the trigger's
position the one in the trigger's clause wins (see :func:`_pick`). Arabic is
matched on the normalised text (ة→ه, أ→ا, ى→ي, Arabic-Indic digits → ASCII),
English on the original so that capitals can tell "the Sunday Times" apart.
Year-less Hijri dates («١٥ رمضان») are not read; a Hijri date with its year
(«١٥ رمضان ١٤٣٢ هـ») is converted by the Umm al-Qura tables (see :func:`_hijri`). A month without a
day («في آذار الماضي», "in March") dates the event to the month's first day,
«منتصف الشهر الماضي» / "mid-March" to its 15th, «أواخر الشهر» to its last:
the output has day precision only, and the named month is closer than the
document date.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from hijridate import Hijri

from wiqaya.language.arabic import normalise


class _Cand(NamedTuple):
    start: int
    end: int
    when: date
    text: str
    # A full day-month-year: it dates the event even without a document date.
    absolute: bool = False
    # Converted from the Hijri calendar: a Gregorian date in the sentence wins.
    hijri: bool = False
    # Coarse or background («قبل عامين», "late last month", "Sunday's
    # elections"): it dates a noun more often than the event, so any other
    # expression in the sentence wins.
    weak: bool = False


# ---- shared tables ---------------------------------------------------------

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
# Normalised spellings: Egypt and the Gulf, the Levant and Iraq («كانون الثاني»),
# Tunisia and Algeria («جانفي», «جوان», «أوت»), Morocco («يوليوز», «غشت», «دجنبر»).
_MONTHS_AR = {
    "يناير": 1,
    "جانفي": 1,
    "كانون الثاني": 1,
    "فبراير": 2,
    "فيفري": 2,
    "شباط": 2,
    "مارس": 3,
    "اذار": 3,
    "ابريل": 4,
    "افريل": 4,
    "نيسان": 4,
    "مايو": 5,
    "ماي": 5,
    "ايار": 5,
    "يونيو": 6,
    "يونيه": 6,
    "جوان": 6,
    "حزيران": 6,
    "يوليو": 7,
    "يوليه": 7,
    "يوليوز": 7,
    "جويليه": 7,
    "تموز": 7,
    "اغسطس": 8,
    "اوت": 8,
    "غشت": 8,
    "اب": 8,
    "سبتمبر": 9,
    "شتنبر": 9,
    "ايلول": 9,
    "اكتوبر": 10,
    "تشرين الاول": 10,
    "نوفمبر": 11,
    "نونبر": 11,
    "تشرين الثاني": 11,
    "ديسمبر": 12,
    "دجنبر": 12,
    "كانون الاول": 12,
}
_MONTHS_EN = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_NUM_AR = {
    "واحد": 1,
    "اثنين": 2,
    "ثلاث": 3,
    "ثلاثه": 3,
    "اربع": 4,
    "اربعه": 4,
    "خمس": 5,
    "خمسه": 5,
    "ست": 6,
    "سته": 6,
    "سبع": 7,
    "سبعه": 7,
    "ثماني": 8,
    "ثمانيه": 8,
    "تسع": 9,
    "تسعه": 9,
    "عشر": 10,
    "عشره": 10,
}
_ORD_AR_UNITS = {
    "الاول": 1,
    "الحادي": 1,
    "الثاني": 2,
    "الثالث": 3,
    "الرابع": 4,
    "الخامس": 5,
    "السادس": 6,
    "السابع": 7,
    "الثامن": 8,
    "التاسع": 9,
}
# «الأول» .. «التاسع», «العاشر», «الحادي عشر» .. «التاسع عشر», «العشرين»,
# «الحادي والعشرين» .. «الثلاثين», «الحادي والثلاثين».
_ORD_AR: dict[str, int] = {"العاشر": 10, "العشرين": 20, "الثلاثين": 30}
for _w, _n in _ORD_AR_UNITS.items():
    if _w != "الحادي":
        _ORD_AR[_w] = _n
    _ORD_AR[_w + " عشر"] = 10 + _n
    _ORD_AR[_w + " والعشرين"] = 20 + _n
    if _n == 1:
        _ORD_AR[_w + " والثلاثين"] = 31
_ORD_EN = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty-second": 22,
    "twenty-third": 23,
    "twenty-fourth": 24,
    "twenty-fifth": 25,
    "twenty-sixth": 26,
    "twenty-seventh": 27,
    "twenty-eighth": 28,
    "twenty-ninth": 29,
    "thirtieth": 30,
    "thirty-first": 31,
}
# Normalised; «ذو/ذي» both ways.
_HIJRI_MONTHS = {
    "محرم": 1,
    "صفر": 2,
    "ربيع الاول": 3,
    "ربيع الثاني": 4,
    "ربيع الاخر": 4,
    "جمادي الاولي": 5,
    "جمادي الاول": 5,
    "جمادي الثانيه": 6,
    "جمادي الاخره": 6,
    "جمادي الاخر": 6,
    "رجب": 7,
    "شعبان": 8,
    "رمضان": 9,
    "شوال": 10,
    "ذو القعده": 11,
    "ذي القعده": 11,
    "ذو الحجه": 12,
    "ذي الحجه": 12,
}
_NUM_EN = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
# "N days ago" beyond this is read as a typo or a count, not a date.
_MAX_AGO_DAYS = 120
# Explicit years outside this window around the document are numbers, not years.
_MIN_YEAR = 1900
_MAX_YEARS_AHEAD = 5


def _alt(words: Iterable[str]) -> str:
    # Longest first so «كانون الثاني» wins over a shorter prefix.
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# ---- Arabic ----------------------------------------------------------------

# Attached conjunctions and prepositions: «وأمس», «فاليوم», «بالأمس».
_C = r"(?<![\w])(?:[وف]?(?:ب|ل)?)"
_E = r"(?![\w])"
_PAST_AR = r"(?:الماضي|الماضيه|الماضيين|الفايت|الفايته|الفايتين|المنصرم|المنصرمه|السابق|المنقضي)"
_NEXT_AR = r"(?:المقبل|المقبله|القادم|القادمه)"
_THIS_AR = r"(?:الحالي|الجاري)"
_YEAR_AR = r"(?:\s*(?:من\s+)?(?:عام|العام|سنه|السنه)?\s*(?P<y>\d{4}))?"
# A date needs a word that introduces it: «قوى 14 آذار», «ثورة 25 يناير» and
# «حركة 6 أبريل» are names, «في 14 آذار» and «يوم 25 يناير» are dates.
_INTRO_AR = (
    r"(?:(?<![\w])[وف]?(?:في|يوم|منذ|بتاريخ|حتي|من|الي|تاريخ|صباح|مساء|ليل|ليله|فجر|ظهر)\s+"
    r"|^|[،,:(]\s*)"
)

# Each pattern runs only when one of its words is in the sentence: a
# substring test costs a fraction of a regex scan, and most sentences name no day.
_REL_AR: list[tuple[tuple[str, ...], re.Pattern[str], int]] = [
    (("امس",), re.compile(_C + r"(?:امس الاول|اول امس|اول من امس|الاول من امس)" + _E), -2),
    (("بعد غد",), re.compile(_C + r"(?:بعد غد)" + _E), 2),
    (("امس", "البارحه"), re.compile(_C + r"(?:امس|البارحه)" + _E), -1),
    (
        ("الامس",),
        re.compile(r"(?<![\w])[وف]?(?:بالامس|(?:صباح|مساء|ليل|ليله|فجر|ظهر|عصر|يوم) الامس)" + _E),
        -1,
    ),
    # «الليلة الماضية» is last night, «الليلة قبل الماضية» the night before.
    (("الليله",), re.compile(_C + r"الليله (?:قبل الماضيه|قبل البارحه)" + _E), -2),
    (("الليله",), re.compile(_C + r"الليله " + _PAST_AR + _E), -1),
    # «اليوم التالي» (the next day) and «اليوم الثالث» are not today, nor
    # «حتى اليوم» (to this day), which dates nothing; «اليوم الأربعاء» is today,
    # weekday included so that it is not read again as last Wednesday.
    (
        ("اليوم", "الليله"),
        re.compile(
            r"(?<!حتي )(?<!الي )(?<!لحد )" + _C + r"(?:اليوم|الليله)(?![\w])"
            r"(?:(?: (?:" + _alt(_DAYS_AR) + r"))(?![\w])|(?! ال)(?! نفسه))"
        ),
        0,
    ),
    (("غد",), re.compile(_C + r"(?:غدا|الغد)" + _E), 1),
    (("الاسبوع",), re.compile(_C + r"الاسبوع " + _PAST_AR + _E), -7),
    (("الشهر",), re.compile(_C + r"الشهر " + _PAST_AR + _E), -30),
    (("الاسبوع",), re.compile(_C + r"الاسبوع " + _NEXT_AR + _E), 7),
    (("الشهر",), re.compile(_C + r"الشهر " + _NEXT_AR + _E), 30),
]
_AGO_AR = re.compile(
    r"(?<![\w])[وف]?(?:منذ|قبل) (?:حوالي |نحو )?"
    r"(?:(?P<n>\d{1,3}|" + _alt(_NUM_AR) + r") )?"
    r"(?P<unit>يوم|يومين|ايام|اسبوع|اسبوعين|اسابيع)(?: واحد)?" + _E + r"(?! من)(?! ال)"
)
_DAY_AR = re.compile(
    _C
    + r"(?:يوم )?(?P<d>"
    + _alt(_DAYS_AR)
    + r")(?: (?P<q>"
    + _PAST_AR
    + "|"
    + _NEXT_AR
    + r"))?"
    + _E
)
_MONTH_AR = _alt(_MONTHS_AR)
_DMY_AR = re.compile(
    r"(?:" + _INTRO_AR + r")(?:(?P<d0>\d{1,2})\s*(?:-|الي|و)\s*)?"
    r"(?P<d>\d{1,2})\s*(?:من\s+)?(?:شهر\s+)?(?P<m>"
    + _MONTH_AR
    + r")"
    + _E
    +
    # «15 آذار/مارس», «7 سبتمبر (أيلول)»: the same month twice.
    r"(?:\s*[/(]\s*(?:"
    + _MONTH_AR
    + r")\s*\)?)?"
    r"(?:\s*(?P<q>" + _PAST_AR + "|" + _NEXT_AR + "|" + _THIS_AR + r")" + _E + r")?" + _YEAR_AR
)
# A day number next to a month name: the cheap test before the full pattern.
_DAY_MONTH_HINT_AR = re.compile(r"\d\s*(?:من\s+)?(?:شهر\s+)?(?:" + _MONTH_AR + r")(?![\w])")
_HIJRI_AR = _alt(_HIJRI_MONTHS)
_PART_AR = {
    "مطلع": 1,
    "بدايه": 1,
    "اوائل": 1,
    "منتصف": 15,
    "اواسط": 15,
    "اواخر": 31,
    "نهايه": 31,
    "اخر": 31,
}
# «في آذار الماضي», «في شهر فبراير», «في أكتوبر 2010», «منتصف الشهر الماضي»,
# «مطلع أيار»: a bare «في مارس» is left alone («مارس» is also "practised",
# «أب» "father"), so a month alone needs «شهر», a qualifier or a year.
_MONTH_ONLY_AR = re.compile(
    r"(?<![\w])[وف]?(?:ب|في\s+)?(?:(?P<part>" + _alt(_PART_AR) + r")\s+"
    r"|(?:في|خلال|منذ|حتي)\s+)(?P<shahr>شهر\s+)?(?:(?P<m>"
    + _MONTH_AR
    + r")|(?P<cur>الشهر))"
    + _E
    + r"(?:\s*[/(]\s*(?:"
    + _MONTH_AR
    + r")\s*\)?)?"
    r"(?:\s*(?P<q>" + _PAST_AR + "|" + _NEXT_AR + "|" + _THIS_AR + r")" + _E + r")?"
    r"(?:\s*(?:من\s+)?(?:عام|العام|سنه)?\s*(?P<y>\d{4}))?(?!\s*\d)"
)
# A month alone is read only with «شهر», a part, a qualifier or a year: these
# substrings gate the pattern (about 5 µs a sentence otherwise).
_MONTH_ONLY_GATE_AR = (
    "شهر",
    *_PART_AR,
    "الماضي",
    "الفايت",
    "المنصرم",
    "السابق",
    "المنقضي",
    "المقبل",
    "القادم",
    "الجاري",
    "الحالي",
    "19",
    "20",
)
_MONTH_ONLY_HINT_AR = re.compile(
    r"(?:" + _alt(_PART_AR) + r"|في|خلال|منذ|حتي)\s+(?:شهر\s+)?(?:" + _MONTH_AR + r"|الشهر)(?![\w])"
)
# «الأول من أيار», «العاشر من نيسان الماضي», «١٥ رمضان ١٤٣٢ هـ».
_ORD_DATE_AR = re.compile(
    r"(?<![\w])[وف]?(?:في\s+|يوم\s+|منذ\s+|حتي\s+)?(?P<o>" + _alt(_ORD_AR) + r") من\s+"
    r"(?:شهر\s+)?(?:(?P<m>"
    + _MONTH_AR
    + r")|(?P<h>"
    + _HIJRI_AR
    + r"))"
    + _E
    + r"(?:\s*[/(]\s*(?:"
    + _MONTH_AR
    + r")\s*\)?)?"
    + r"(?:\s*(?P<q>"
    + _PAST_AR
    + "|"
    + _NEXT_AR
    + "|"
    + _THIS_AR
    + r")"
    + _E
    + r")?"
    + _YEAR_AR
)
_ORD_HINT_AR = re.compile(r" من (?:شهر )?(?:" + _MONTH_AR + "|" + _HIJRI_AR + r")(?![\w])")
# Hijri years of the news are 14xx («١٤٣٢ هـ» folds to 1432).
_HIJRI_GATE = ("رمضان", "شوال", "محرم", "صفر", "ربيع", "جمادي", "رجب", "شعبان", "ذو ال", "ذي ال")
_HIJRI_DATE_AR = re.compile(
    r"(?<![\w\d])(?P<d>\d{1,2})\s*(?:من\s+)?(?:شهر\s+)?(?P<h>" + _HIJRI_AR + r")\s*"
    r"(?:(?:من\s+)?(?:عام|العام|سنه)\s*)?(?P<y>14\d\d)(?!\d)"
)
_YEARS_AGO_AR = re.compile(
    r"(?<![\w])[وف]?قبل (?:حوالي |نحو )?(?:(?P<n>\d{1,2}|" + _alt(_NUM_AR) + r") )?"
    r"(?P<unit>عام|عامين|سنه|سنتين|سنوات|اعوام)(?: واحد)?" + _E + r"(?! من)(?! ال)(?!\s*\d)"
)
# A bare weekday after one of these in its clause is the coming one.
_FUTURE_AR = re.compile(
    r"(?<![\w])[وف]?(?:سوف|من المقرر|من المنتظر|من المتوقع|المقرر|يعتزم|تعتزم|يعتزمون|ينوي|تنوي"
    r"|س[يتن](?:جتمع|عقد|نظم|لتقي|زور|توجه|صل|بدا|شارك|قوم|جري|خرج|تظاهر|عود|طلق|نطلق|صوت|"
    r"علن|ستانف|حتفل|عتصم|ضرب|نفذ|كون|تم|سلم|عرض|بحث|ناقش))"
)
_DAY_ONLY_AR = re.compile(
    r"(?<![\w])[وف]?(?:في|يوم) (?P<d>\d{1,2}) (?:من )?(?:الشهر )?(?:" + _THIS_AR + r")" + _E
)

# ---- English and numbers ---------------------------------------------------

_REL_EN: list[tuple[re.Pattern[str], int]] = [
    (re.compile(r"\bday before yesterday\b", re.I), -2),
    (re.compile(r"\bday after tomorrow\b", re.I), 2),
    (re.compile(r"\b(?:yesterday|last night)\b", re.I), -1),
    (
        re.compile(
            r"(?<!until )(?<!to )\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I
        ),
        0,
    ),
    (re.compile(r"\btomorrow\b", re.I), 1),
    (re.compile(r"\b(?:last|past) week\b", re.I), -7),
    (re.compile(r"\blast month\b", re.I), -30),
    (re.compile(r"\bnext week\b", re.I), 7),
    (re.compile(r"\bnext month\b", re.I), 30),
]
_AGO_EN = re.compile(r"\b(?P<n>\d{1,3}|" + _alt(_NUM_EN) + r") (?P<unit>days?|weeks?) ago\b", re.I)
_DAY_EN = re.compile(
    r"(?<!the )(?<!The )\b(?:(?P<q>last|next|this past|this coming|on) )?(?P<d>"
    + _alt(_DAYS_EN)
    + r")\b(?! Times| Telegraph| Express| Mirror| Post| Herald)",
    re.I,
)
_MONTH_EN = r"(?:" + _alt(_MONTHS_EN) + r")\.?"
_INTRO_EN = r"(?:\b(?:on|since|from|until|till|by|of|between|dated)\s+|^|[,;(]\s*)"
_DMY_EN = re.compile(
    _INTRO_EN
    + r"(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>"
    + _MONTH_EN
    + r")(?![\w])(?:,?\s+(?P<y>\d{4}))?",
    re.I,
)
_MDY_EN = re.compile(
    _INTRO_EN + r"(?P<m>" + _MONTH_EN + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?![\w])"
    r"(?:,?\s+(?P<y>\d{4}))?",
    re.I,
)
_ORD_DATE_EN = re.compile(
    r"\bthe\s+(?P<o>" + _alt(_ORD_EN) + r")\s+of\s+(?P<m>" + _MONTH_EN + r")(?![\w])"
    r"(?:,?\s+(?P<y>\d{4}))?",
    re.I,
)
_FULL_MONTHS_EN = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
# "in March", "since October 2010", "in mid-March", "early last month". Capitals
# only, so that "in may" stays a verb.
_MONTH_ONLY_EN = re.compile(
    r"\b(?:(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y)\s+(?:(?P<part>early|mid|late)[- ])?"
    r"|(?P<part2>[Mm]id|[Ee]arly|[Ll]ate)[- ])(?P<m>" + _FULL_MONTHS_EN + r")\b"
    r"(?:,?\s+(?P<y>\d{4})\b)?(?!,?\s+\d)"
)
_MONTH_PART_EN = re.compile(
    r"\b(?P<part>early|mid|late|end of)[- ]?(?P<q>last|this|next) month\b", re.I
)
_PART_EN = {"early": 1, "mid": 15, "late": 31, "end of": 31}
_YEARS_AGO_EN = re.compile(r"\b(?P<n>\d{1,2}|" + _alt(_NUM_EN) + r") years? ago\b", re.I)
_FUTURE_EN = re.compile(
    r"\b(?:will|shall|would|(?:is|are|was|were) (?:expected|due|scheduled|set|planned|slated|"
    r"to)|plans? to|planning to|intends? to|to be held)\b",
    re.I,
)
_DAY_ONLY_EN = re.compile(r"\bon the (?P<d>\d{1,2})(?:st|nd|rd|th)\b(?!\s+\w)", re.I)
# 21/8/2013, 2019/04/11, 2019-04-11 (four-digit years only: 3/4 is a ratio).
_NUMERIC = re.compile(
    r"(?<![\d/.-])(?:(?P<y1>\d{4})[/.-](?P<m1>\d{1,2})[/.-](?P<d1>\d{1,2})"
    r"|(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y2>\d{4}))(?![\d/-])(?!\.\d)"
)

_NUMERIC_HINT = re.compile(r"\d[/.-]\d")

# What separates the trigger's clause from another one: punctuation,
# complementisers («أن/إن»), relatives and reporting verbs.
_BREAK_AR = re.compile(
    r"[،,؛;:.!?]|(?<![\w])[وف]?(?:ان|الذي|التي|الذين|حيث|عندما|بينما|فيما|قال|قالت|اضاف|"
    r"ذكر|ذكرت|اعلن|اعلنت|حسب|بحسب|وفق|وفقا)(?![\w])"
)
_BREAK_EN = re.compile(
    r"[,;:!?]|\.(?:\s|$)|\b(?:that|said|says|told|after|following|since|when|where|which|who|"
    r"while|before|as)\b",
    re.I,
)
# An expression after one of these dates the adjunct's noun («إثر العثور على
# مخزن الأسبوع الماضي», "following the discovery ... last week"), not the event.
_ADJUNCT_AR = re.compile(r"(?<![\w])[وف]?(?:اثر|عقب|خلفيه|اعقاب)(?![\w])")
_ADJUNCT_EN = re.compile(r"\b(?:following|in the wake of|amid)\b", re.I)
_ARABIC = re.compile("[\u0621-\u064a]")
# Every full date holds a four-digit year (\d also matches Arabic-Indic digits).
_YEAR_DIGITS = re.compile(r"\d{4}")
_LATIN = re.compile("[A-Za-z]")


def _safe(y: int, m: int, d: int) -> date | None:
    """The date, or None for «31 شباط» and other days that do not exist."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year_less(doc: date, m: int, d: int, q: str | None) -> date | None:
    """A day and month without a year.

    News reports what happened, so the most recent such day on or before the
    document date; «المقبل/القادم» or "next" ask for the first one after it,
    and «الحالي/الجاري» for the document's year.
    """
    if q and q in {"المقبل", "المقبله", "القادم", "القادمه"}:
        for y in (doc.year, doc.year + 1):
            when = _safe(y, m, d)
            if when and when >= doc:
                return when
        return None
    if q in {"الحالي", "الجاري"}:
        return _safe(doc.year, m, d)
    for y in (doc.year, doc.year - 1):
        when = _safe(y, m, d)
        if when and when <= doc:
            return when
    return None


def _with_year(doc: date, y: int, m: int, d: int) -> date | None:
    if not _MIN_YEAR <= y <= doc.year + _MAX_YEARS_AHEAD:
        return None
    return _safe(y, m, d)


def _month_date(
    doc: date, mon: int | None, y: str | None, q: str | None, part: int | None
) -> date | None:
    """A month without a day: its first day, or its 1st/15th/last for a part.

    ``mon`` None is «الشهر» / "month" itself, moved by ``q``. A year-less month
    is the most recent one (the coming one with «المقبل»/"next"); the
    document's own month without a part keeps the document date.
    """
    q = (q or "").lower()
    future = q in {"next"} or q.startswith(("المقبل", "القادم"))
    past = q in {"last"} or bool(re.match(_PAST_AR, q))
    if mon is None:
        step = -1 if past else 1 if future else 0
        k = doc.year * 12 + doc.month - 1 + step
        yy, mm = divmod(k, 12)
        yy, mm = yy, mm + 1
    elif y:
        yy, mm = int(y), mon
        if not _MIN_YEAR <= yy <= doc.year + _MAX_YEARS_AHEAD:
            return None
    elif q in {"الحالي", "الجاري"}:
        yy, mm = doc.year, mon
    elif future:
        yy, mm = (doc.year if mon > doc.month else doc.year + 1), mon
    elif past:
        yy, mm = (doc.year if mon < doc.month else doc.year - 1), mon
    else:
        yy, mm = (doc.year if mon <= doc.month else doc.year - 1), mon
    if part is None:
        return doc if (yy, mm) == (doc.year, doc.month) else date(yy, mm, 1)
    last = (date(yy + mm // 12, mm % 12 + 1, 1) - timedelta(days=1)).day
    return date(yy, mm, min(part, last))


def _hijri(y: int, m: int, d: int) -> date | None:
    """A Hijri date in the Gregorian calendar, by the Umm al-Qura tables.

    ``hijridate`` (MIT) carries the Umm al-Qura calendar for 1343–1500 AH, the
    official one in Saudi Arabia and what most Gulf news dates by. Outside its
    range, or for a 30th in a month the table gives 29 days (a month begun by
    sighting), the tabular (arithmetic) calendar is used: over 1420–1450 AH it
    gives the table's day for 51 % of days, a day early for 44 %, a day late for
    3 %, two days early for 1 % (every day 1–29 compared).
    """
    if not (1 <= m <= 12 and 1 <= d <= 30 and 1300 <= y <= 1500):
        return None
    try:
        return Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        pass
    # Julian day of 1 Muharram 1 AH (15 July 622 Julian, the Thursday epoch, the
    # one of the two usual epochs that agrees with the table more often).
    jd = d + -(-59 * (m - 1) // 2) + (y - 1) * 354 + (3 + 11 * y) // 30 + 1948438
    return date.fromordinal(jd - 1721425)


def _future(text: str, rx: re.Pattern[str], at: int) -> bool:
    """Whether a future cue («سيجتمع», "will meet") leads up to offset ``at`` in its clause."""
    lo = max(0, at - 150)
    return any(not re.search(r"[،,؛;.:!?]", text[m.end() : at]) for m in rx.finditer(text, lo, at))


def _weekday(doc: date, wd: int, q: str | None, future: bool = False) -> date:
    q = (q or "on").lower()
    if q == "on" and future:
        return doc + timedelta(days=(wd - doc.weekday()) % 7 or 7)
    if q in {"next", "this coming"} or q.startswith(("المقبل", "القادم")):
        # Strictly after: «الأحد المقبل» said on a Sunday is a week ahead.
        return doc + timedelta(days=(wd - doc.weekday()) % 7 or 7)
    back = (doc.weekday() - wd) % 7
    if q != "on":
        # «الجمعة الماضية» / "last Friday" said on a Friday is a week back.
        return doc - timedelta(days=back or 7)
    # A bare weekday: the last such day on or before the document, since news
    # reports past events.
    return doc - timedelta(days=back)


def _ago(n: str | None, unit: str, numbers: dict[str, int]) -> int | None:
    """Days back for «منذ يومين», «قبل ثلاثة أيام», "two weeks ago"; None if vague."""
    unit = unit.lower()
    if unit in {"يومين", "اسبوعين"}:
        return 2 if unit == "يومين" else 14
    if n is None:
        # «منذ أيام»: some days, no date; «قبل يوم/أسبوع»: one.
        count = 0 if unit in {"ايام", "اسابيع"} else 1
    else:
        count = int(n) if n.isdigit() else numbers.get(n.lower(), 0)
    days = count * (7 if unit.startswith(("اسبوع", "اسابيع", "week")) else 1)
    return days if 0 < days <= _MAX_AGO_DAYS else None


def _years(n: str | None, unit: str, numbers: dict[str, int]) -> int | None:
    unit = unit.lower()
    if unit in {"عامين", "سنتين"}:
        return 2
    if n is None:
        return 1 if unit in {"عام", "سنه", "year"} else None
    count = int(n) if n.isdigit() else numbers.get(n.lower(), 0)
    return count if 0 < count <= 30 else None


def _back_years(doc: date, n: int) -> date:
    try:
        return doc.replace(year=doc.year - n)
    except ValueError:  # 29 February
        return doc.replace(year=doc.year - n, day=28)


def _arabic(norm: str, doc: date) -> list[_Cand]:
    out: list[_Cand] = []
    for keys, rx, days in _REL_AR:
        if not any(k in norm for k in keys):
            continue
        for m in rx.finditer(norm):
            out.append(_Cand(m.start(), m.end(), doc + timedelta(days=days), m.group()))
    if "منذ" in norm or "قبل" in norm:
        for m in _AGO_AR.finditer(norm):
            days = _ago(m.group("n"), m.group("unit"), _NUM_AR)
            if days is not None:
                out.append(_Cand(m.start(), m.end(), doc - timedelta(days=days), m.group()))
    if "قبل" in norm and any(u in norm for u in ("عام", "سن", "اعوام")):
        for m in _YEARS_AGO_AR.finditer(norm):
            n = _years(m.group("n"), m.group("unit"), _NUM_AR)
            if n:
                out.append(_Cand(m.start(), m.end(), _back_years(doc, n), m.group(), weak=True))
    if any(d in norm for d in _DAYS_AR):
        for m in _DAY_AR.finditer(norm):
            fut = m.group("q") is None and _future(norm, _FUTURE_AR, m.start())
            when = _weekday(doc, _DAYS_AR[m.group("d")], m.group("q"), fut)
            out.append(_Cand(m.start(), m.end(), when, m.group()))
    if any(w in norm for w in _MONTH_ONLY_GATE_AR) and _MONTH_ONLY_HINT_AR.search(norm):
        for m in _MONTH_ONLY_AR.finditer(norm):
            part = _PART_AR[m.group("part")] if m.group("part") else None
            mon = _MONTHS_AR[m.group("m")] if m.group("m") else None
            q, y = m.group("q"), m.group("y")
            if mon is None and part is None:
                continue  # «الشهر الماضي» alone: the relative rule
            if mon is not None and part is None and not (q or y or m.group("shahr")):
                continue
            when = _month_date(doc, mon, y, q, part)
            if when:
                out.append(_Cand(m.start(), m.end(), when, m.group(), bool(y), weak=True))
    if _ORD_HINT_AR.search(norm):
        for m in _ORD_DATE_AR.finditer(norm):
            d, y = _ORD_AR[m.group("o")], m.group("y")
            if m.group("h"):
                # A year-less Hijri day cannot be placed without a calendar table.
                when = _hijri(int(y), _HIJRI_MONTHS[m.group("h")], d) if y else None
            else:
                mon = _MONTHS_AR[m.group("m")]
                when = (
                    _with_year(doc, int(y), mon, d) if y else _year_less(doc, mon, d, m.group("q"))
                )
            if when:
                out.append(_Cand(m.start(), m.end(), when, m.group(), bool(y), bool(m.group("h"))))
    if "14" in norm and any(h in norm for h in _HIJRI_GATE):
        for m in _HIJRI_DATE_AR.finditer(norm):
            when = _hijri(int(m.group("y")), _HIJRI_MONTHS[m.group("h")], int(m.group("d")))
            if when:
                out.append(_Cand(m.start(), m.end(), when, m.group(), True, True))
    if _DAY_MONTH_HINT_AR.search(norm):
        for m in _DMY_AR.finditer(norm):
            d = int(m.group("d0") or m.group("d"))
            mon = _MONTHS_AR[m.group("m")]
            y = m.group("y")
            when = _with_year(doc, int(y), mon, d) if y else _year_less(doc, mon, d, m.group("q"))
            if when:
                out.append(_Cand(m.start(), m.end(), when, m.group(), bool(y)))
    if "الجاري" in norm or "الحالي" in norm:
        for m in _DAY_ONLY_AR.finditer(norm):
            when = _safe(doc.year, doc.month, int(m.group("d")))
            if when:
                out.append(_Cand(m.start(), m.end(), when, m.group()))
    return out


def _english(text: str, doc: date) -> list[_Cand]:
    out: list[_Cand] = []
    for rx, days in _REL_EN:
        for m in rx.finditer(text):
            out.append(_Cand(m.start(), m.end(), doc + timedelta(days=days), m.group()))
    for m in _AGO_EN.finditer(text):
        days = _ago(m.group("n"), m.group("unit"), _NUM_EN)
        if days is not None:
            out.append(_Cand(m.start(), m.end(), doc - timedelta(days=days), m.group()))
    for m in _YEARS_AGO_EN.finditer(text):
        n = _years(m.group("n"), "year", _NUM_EN)
        if n:
            out.append(_Cand(m.start(), m.end(), _back_years(doc, n), m.group(), weak=True))
    for m in _DAY_EN.finditer(text):
        q = m.group("q")
        fut = (q is None or q.lower() == "on") and _future(text, _FUTURE_EN, m.start())
        when = _weekday(doc, _DAYS_EN[m.group("d").lower()], q, fut)
        weak = text.startswith("'s", m.end()) or text.startswith("’s", m.end())
        out.append(_Cand(m.start(), m.end(), when, m.group(), weak=weak))
    if "onth" in text or any(mo in text for mo in _FULL_MONTHS_EN.split("|")):
        for m in _MONTH_ONLY_EN.finditer(text):
            part = m.group("part") or m.group("part2")
            mon = _MONTHS_EN[m.group("m").lower()]
            when = _month_date(
                doc, mon, m.group("y"), None, _PART_EN[part.lower()] if part else None
            )
            if when:
                out.append(
                    _Cand(m.start(), m.end(), when, m.group(), bool(m.group("y")), weak=True)
                )
        for m in _MONTH_PART_EN.finditer(text):
            q = m.group("q").lower()
            when = _month_date(
                doc, None, None, None if q == "this" else q, _PART_EN[m.group("part").lower()]
            )
            if when:
                out.append(_Cand(m.start(), m.end(), when, m.group(), weak=True))
        for m in _ORD_DATE_EN.finditer(text):
            mon = _MONTHS_EN[m.group("m").rstrip(".").lower()]
            d, y = _ORD_EN[m.group("o").lower()], m.group("y")
            when = _with_year(doc, int(y), mon, d) if y else _year_less(doc, mon, d, None)
            if when:
                out.append(_Cand(m.start(), m.end(), when, m.group(), bool(y)))
    if any(c.isdigit() for c in text):
        for rx in (_DMY_EN, _MDY_EN):
            for m in rx.finditer(text):
                mon = _MONTHS_EN[m.group("m").rstrip(".").lower()]
                d, y = int(m.group("d")), m.group("y")
                when = _with_year(doc, int(y), mon, d) if y else _year_less(doc, mon, d, None)
                if when:
                    text_ = m.group().strip(" ,;(")
                    out.append(_Cand(m.start(), m.end(), when, text_, bool(y)))
        for m in _DAY_ONLY_EN.finditer(text):
            d = int(m.group("d"))
            # The most recent such day of a month on or before the document.
            prev = doc.replace(day=1) - timedelta(days=1)
            when = (
                _safe(doc.year, doc.month, d) if d <= doc.day else _safe(prev.year, prev.month, d)
            )
            if when:
                out.append(_Cand(m.start(), m.end(), when, m.group()))
    return out


def _numeric(text: str, doc: date) -> list[_Cand]:
    out: list[_Cand] = []
    if not _NUMERIC_HINT.search(text):
        return out
    for m in _NUMERIC.finditer(text):
        if m.group("y1"):
            y, mon, d = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
        else:
            a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y2"))
            # Day first, as in Arabic and European news, unless that cannot be.
            d, mon = (b, a) if b > 12 >= a else (a, b)
        when = _with_year(doc, y, mon, d)
        if when:
            out.append(_Cand(m.start(), m.end(), when, m.group(), True))
    return out


def _dedupe(cands: list[_Cand]) -> list[_Cand]:
    """Drop a match inside a longer one («أمس» inside «أول من أمس»)."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[_Cand] = []
    for c in cands:
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return out


def _spans(rx: re.Pattern[str], text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of ``rx``'s matches in ``text``, in order."""
    found = [(m.start(), m.end()) for m in rx.finditer(text)]
    return [a for a, _ in found], [b for _, b in found]


def _pick(
    cands: list[_Cand], text: str, at: int | None, breaks: re.Pattern[str], arabic: bool
) -> _Cand:
    """The candidate in the trigger's clause.

    Fewest clause breaks between the trigger and the expression, then (in
    Arabic, where the time adverb follows the verb: «قتل أمس») one after the
    trigger, then the nearest. Without a trigger, the first that is not weak.
    """
    if len(cands) == 1:
        return cands[0]
    if at is None:
        # The first expression, unless it is coarse or background and another is not.
        return min(cands, key=lambda c: c.weak)
    # Breaks and adjunct openers found once and counted by bisection: a long
    # hostile "sentence" with thousands of dates must not cost candidates ×
    # length. A match counts when it lies wholly between two offsets, as a
    # scan of that slice would find it.
    starts, ends = _spans(breaks, text)
    adj_starts, adj_ends = _spans(_ADJUNCT_AR if arabic else _ADJUNCT_EN, text)

    def key(c: _Cand) -> tuple[int, bool, int, int, int]:
        lo, hi = (at, c.start) if c.start >= at else (c.end, at)
        n = max(0, bisect_right(ends, hi) - bisect_left(starts, lo))
        # After the trigger, behind «إثر» / "following" with no clause break
        # since: the expression dates the adjunct's noun.
        inside = 0
        if c.start >= at:
            k = bisect_right(adj_ends, hi) - 1
            if k >= 0 and adj_starts[k] >= lo:
                since = bisect_right(ends, hi) - bisect_left(starts, adj_ends[k])
                inside = 1 if since <= 0 else 0
        after = 0 if (c.start >= at or not arabic) else 1
        return inside, c.weak, n, after, abs(c.start - at)

    return min(cands, key=key)


# Stands in for a missing document date so that full dates can still be read;
# every date relative to it is dropped.
_NO_DOC = date(2100, 12, 31)


def resolve_date(
    sentence: str, doc_date: date | None, trigger_at: int | None = None
) -> tuple[date | None, str | None]:
    """The event date for ``sentence`` and the expression that set it (or None).

    ``trigger_at``: the offset of the event's trigger in ``sentence``; with two
    date expressions it picks the one in the trigger's clause. Without a
    document date only a full date («15 آذار 2011») dates the event; nothing
    else does, rather than today's date.
    """
    if not sentence:
        return doc_date, None
    if doc_date is None and not _YEAR_DIGITS.search(sentence):
        # Only a full date could date the event, and it needs a year: skip the
        # scan that, in a dateless batch, cost every event about 50 µs.
        return None, None
    doc = doc_date or _NO_DOC
    if trigger_at is not None:
        trigger_at = max(0, min(trigger_at, len(sentence)))
    best: _Cand | None = None
    if _ARABIC.search(sentence):
        norm = normalise(sentence)
        cands = _usable(_arabic(norm, doc) + _numeric(norm, doc), doc_date)
        if cands:
            at = None
            if trigger_at is not None:
                # The trigger's offset in the normalised text (marks and runs of
                # spaces shrink it).
                head = normalise(sentence[:trigger_at])
                at = len(head) + (1 if head and sentence[:trigger_at][-1:].isspace() else 0)
            best = _pick(_dedupe(cands), norm, at, _BREAK_AR, True)
    if best is None and _LATIN.search(sentence):
        cands = _usable(_english(sentence, doc) + _numeric(sentence, doc), doc_date)
        if cands:
            best = _pick(_dedupe(cands), sentence, trigger_at, _BREAK_EN, False)
    if best is None:
        return doc_date, None
    return best.when, best.text.strip()


def _usable(cands: list[_Cand], doc_date: date | None) -> list[_Cand]:
    if any(c.hijri for c in cands) and any(c.absolute and not c.hijri for c in cands):
        # «10 ذي الحجة 1431 هـ الموافق 16 نوفمبر 2010»: the Gregorian date is exact.
        cands = [c for c in cands if not c.hijri]
    return cands if doc_date is not None else [c for c in cands if c.absolute]
