"""Interface strings in Arabic (default) and English, and locale-aware formatting.

Each page module registers its own strings with :func:`register`, so pages
stay self-contained; a missing key shows the key itself, never an error.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import NumberPattern, parse_pattern

from wiqaya.ids import ascii_int

LANGS = ("ar", "en")
DEFAULT_LANG = "ar"
DIRECTION = {"ar": "rtl", "en": "ltr"}
# Arabic as used across the region, with Arabic-Indic digits off: analysts
# copy figures into spreadsheets, and Latin digits paste cleanly.
_BABEL_LOCALE = {"ar": "ar_EG", "en": "en_GB"}

_STRINGS: dict[str, dict[str, str]] = {"ar": {}, "en": {}}


def register(strings: dict[str, tuple[str, str]]) -> None:
    """Add ``{key: (arabic, english)}`` strings."""
    for key, (ar, en) in strings.items():
        _STRINGS["ar"][key] = ar
        _STRINGS["en"][key] = en


def pick_lang(value: str | None) -> str:
    return value if value in LANGS else DEFAULT_LANG


def translator(lang: str):  # type: ignore[no-untyped-def]
    table = _STRINGS[pick_lang(lang)]

    def t(key: str, **kwargs: object) -> str:
        text = table.get(key, key)
        return text.format(**kwargs) if kwargs else text

    return t


@lru_cache(maxsize=16)
def _number_format(lang: str, digits: int) -> tuple[NumberPattern, Locale]:
    # What format_decimal parses on every call; pages format hundreds of numbers.
    pattern = parse_pattern("#,##0" + ("." + "0" * digits if digits else ""))
    return pattern, Locale.parse("en_GB" if lang == "en" else "ar_EG")


def fmt_number(value: float | int | None, lang: str, digits: int = 0) -> str:
    if value is None:
        return "—"
    pattern, locale = _number_format("en" if lang == "en" else "ar", digits)
    text = pattern.apply(value, locale, numbering_system="latn")
    # In right-to-left text a leading minus would drift to the number's right
    # ("0.02-"): a left-to-right mark keeps the sign where readers expect it.
    if lang != "en" and text.startswith("-"):
        text = "\u200e" + text
    return text


def fmt_month(period: str | None, lang: str) -> str:
    """``2024-05`` -> «مايو 2024» / "May 2024"; a year stays as it is."""
    if not period:
        return "—"
    if len(period) == 7 and period[4] == "-":
        try:
            first = date(int(period[:4]), int(period[5:7]), 1)
        except ValueError:
            return period
        return format_date(first, "LLLL y", locale=_BABEL_LOCALE[pick_lang(lang)])
    return period


def label(prefix: str, key: str | None, lang: str) -> str:
    """A registered label like ``plover.ASSAULT``, else the key made readable."""
    if not key:
        return "—"
    table = _STRINGS[pick_lang(lang)]
    found = table.get(f"{prefix}.{key}")
    return found if found is not None else key.replace("_", " ")


def phrase(text: str | None, lang: str) -> str:
    """A recorded free-text phrase (a partner's role, an actor's role) in ``lang``.

    Analysts type these in their own language, and they are shown as typed; the
    common ones of the seeded demo and the toolbox vocabulary are registered
    under ``phrase.<english text>`` so an Arabic page does not show English.
    """
    if not text:
        return ""
    found = _STRINGS[pick_lang(lang)].get(f"phrase.{text.strip().casefold()}")
    return found if found is not None else text


def variable_label(variable: str, lang: str) -> str:
    """Name a stored series variable such as ``events.ASSAULT`` or ``ucdp.bd_best``."""
    table = _STRINGS[pick_lang(lang)]
    if variable in table:
        return table[variable]
    head, _, tail = variable.partition(".")
    if head == "events" and tail:
        return f"{table.get('var.events', 'events')}: {label('plover', tail, lang)}"
    if head == "indicators" and tail:
        return f"{table.get('var.indicators', 'indicators')}: {label('indicator', tail, lang)}"
    return variable


def language_name(code: str, lang: str) -> str:
    """An ISO 639-1 code as a word in ``lang`` («ar» → «العربية»); unknown codes as given."""
    return _language_names(pick_lang(lang)).get(code.strip().lower(), code)


@lru_cache(maxsize=len(LANGS))
def _language_names(lang: str) -> dict[str, str]:
    return dict(Locale.parse(_BABEL_LOCALE[lang]).languages)


def driver_label(driver: dict, lang: str) -> str:
    """A forecast driver named for a reader: ``events.MOBILIZE@-1`` is «أحداث: تعبئة
    (تأخير 1)», not the «أحداث MOBILIZE» stored with the score."""
    feature = str(driver.get("feature") or "")
    base, _, lag = feature.partition("@")
    if base.partition(".")[0] in ("events", "indicators"):
        name = variable_label(base, lang)
        name = name[:1].upper() + name[1:]  # "Events: Mobilize" at the start of a line
    else:
        name = str(driver.get(f"label_{pick_lang(lang)}") or feature)
    if ascii_int(lag.lstrip("-")) is not None:
        name += " " + _STRINGS[pick_lang(lang)]["driver.lag"].format(n=lag.lstrip("-"))
    return name


def alert_summary(text_ar: str, text_en: str, variable: str | None, lang: str) -> str:
    """An alert's stored summary in ``lang`` with its series named for a reader.

    Summaries are stored as written at detection («ارتفاع مفاجئ في ucdp.bd_best»);
    the page names the variable («وفيات المعارك (أفضل تقدير)») and leaves the
    stored text as it was.
    """
    text = (text_ar if pick_lang(lang) == "ar" else text_en) or ""
    if not variable or variable not in text:
        return text
    name = variable_label(variable, lang)
    if name == variable:
        name = _STRINGS[pick_lang(lang)].get(f"target.{variable}", variable)
    before = text[: text.index(variable)].rstrip()
    if pick_lang(lang) == "en" and before and not before.endswith(":"):
        name = name[:1].lower() + name[1:]  # "abrupt rise in battle deaths"
    return text.replace(variable, name)


def fmt_date(value: date | datetime | None, lang: str) -> str:
    if value is None:
        return "—"
    locale = _BABEL_LOCALE[pick_lang(lang)]
    if isinstance(value, datetime):
        return format_datetime(value, "d MMM y HH:mm", locale=locale)
    return format_date(value, "d MMM y", locale=locale)


register(
    {
        "app.name": ("وقاية", "Wiqaya"),
        "app.tagline": (
            "الإنذار المبكر والدبلوماسية الوقائية",
            "Early warning and preventive diplomacy",
        ),
        "nav.home": ("ما جُمع", "Ingested"),
        "nav.map": ("الخريطة", "Map"),
        "nav.watchlist": ("قائمة المراقبة", "Watchlist"),
        "nav.events": ("الأحداث", "Events"),
        "nav.documents": ("الوثائق", "Documents"),
        "nav.brief": ("الموجز الشهري", "Monthly brief"),
        "nav.label": ("التنقل الرئيسي", "Main navigation"),
        "map.country": ("الدولة", "Country"),
        "map.value": ("القيمة", "Value"),
        "map.change": ("التغيّر", "Change"),
        "watch.rank": ("الترتيب", "Rank"),
        "map.legend": ("مفتاح الألوان", "Colour key"),
        "map.nodata": ("لا بيانات", "No data"),
        "map.and_above": ("فأكثر", "and above"),
        "watch.trend": ("الاتجاه", "Trend"),
        "nav.switch": ("English", "العربية"),
        "nav.skip": ("انتقل إلى المحتوى", "Skip to content"),
        "empty": ("لا توجد بيانات بعد.", "No data yet."),
        "foot.boundaries": (
            "الحدود: Natural Earth عبر world-atlas (ترخيص ISC)؛ أسماء الدول: i18n-iso-countries "
            "(ترخيص MIT). لا تعني الحدود والأسماء المعروضة أي موقف رسمي.",
            "Boundaries: Natural Earth via world-atlas (ISC); country names: i18n-iso-countries "
            "(MIT). The boundaries and names shown do not imply any official position.",
        ),
    }
)


# The PLOVER event types, the warning signs of the UN report and the stored
# series variables, named once for every page, chart and the brief.
register(
    {
        "plover.AGREE": ("اتفاق", "Agree"),
        "plover.CONSULT": ("تشاور", "Consult"),
        "plover.SUPPORT": ("دعم", "Support"),
        "plover.CONCEDE": ("تنازل", "Concede"),
        "plover.COOPERATE": ("تعاون", "Cooperate"),
        "plover.AID": ("مساعدة", "Aid"),
        "plover.RETREAT": ("انسحاب", "Retreat"),
        "plover.REQUEST": ("طلب", "Request"),
        "plover.ACCUSE": ("اتهام", "Accuse"),
        "plover.REJECT": ("رفض", "Reject"),
        "plover.THREATEN": ("تهديد", "Threaten"),
        "plover.PROTEST": ("احتجاج", "Protest"),
        "plover.SANCTION": ("عقوبات", "Sanction"),
        "plover.MOBILIZE": ("تعبئة", "Mobilize"),
        "plover.COERCE": ("إكراه", "Coerce"),
        "plover.ASSAULT": ("اعتداء", "Assault"),
        "indicator.hate_speech": ("خطاب الكراهية والتحريض", "Hate speech and incitement"),
        "indicator.incitement": ("التحريض", "Incitement"),
        "indicator.human_rights_violations": (
            "انتهاكات حقوق الإنسان",
            "Human-rights violations",
        ),
        "indicator.election_dispute": ("نزاعات وعنف انتخابي", "Election disputes and violence"),
        "indicator.election_disputes": ("نزاعات وعنف انتخابي", "Election disputes and violence"),
        "indicator.unconstitutional_change": (
            "تغيير غير دستوري للحكومة",
            "Unconstitutional change of government",
        ),
        "indicator.border_dispute": ("نزاعات حدودية وإقليمية", "Border and territorial disputes"),
        "indicator.border_disputes": ("نزاعات حدودية وإقليمية", "Border and territorial disputes"),
        "indicator.armed_groups": ("نشاط الجماعات المسلحة", "Armed-group activity"),
        "indicator.armed_group_activity": ("نشاط الجماعات المسلحة", "Armed-group activity"),
        "indicator.trafficking": ("الاتجار والجريمة المنظمة", "Trafficking and organised crime"),
        "indicator.hate_speech_incitement": (
            "خطاب الكراهية والتحريض",
            "Hate speech and incitement",
        ),
        "indicator.election_dispute_violence": (
            "نزاعات وعنف انتخابي",
            "Election disputes and violence",
        ),
        "indicator.border_territorial_dispute": (
            "نزاعات حدودية وإقليمية",
            "Border and territorial disputes",
        ),
        "indicator.trafficking_organised_crime": (
            "الاتجار والجريمة المنظمة",
            "Trafficking and organised crime",
        ),
        "events.total": ("كل الأحداث", "All events"),
        "indicators.total": ("كل المؤشرات", "All indicators"),
        "target.escalation": ("خطر التصعيد", "Escalation risk"),
        "target.protest_wave": ("موجة احتجاجات", "Protest wave"),
        "target.mass_killing_onset": ("بدء القتل الجماعي", "Onset of mass killing"),
        "target.mk_onset": ("بدء القتل الجماعي", "Onset of mass killing"),
        "target.battle_deaths": ("وفيات المعارك المتوقّعة", "Battle deaths forecast"),
        "var.events": ("أحداث", "events"),
        "driver.lag": ("(تأخير {n})", "(lag {n})"),
        "var.indicators": ("مؤشرات", "indicators"),
        "ucdp.bd_best": ("وفيات المعارك (أفضل تقدير)", "Battle deaths (best estimate)"),
        "ucdp.bd_low": ("وفيات المعارك (الحد الأدنى)", "Battle deaths (low)"),
        "ucdp.bd_high": ("وفيات المعارك (الحد الأعلى)", "Battle deaths (high)"),
    }
)
