"""Event dates: each kind of expression on real Arabic sentences, and properties."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiqaya.read.dates import resolve_date
from wiqaya.read.pipeline import DocumentInput, read_document

# Real sentences from arabic_event_gsr (dev split, MIT; see evaluation/dates_eval.jsonl).
NIGHT_BEFORE = (
    "وعلمت «السفير» ان اجتماعاً آخر عقد ليل امس في منزل النائب علي حسن خليل ضم عدداً من "
    "قيادات المعارضة"
)
TWO_DAYS_AGO = (
    "قال الناطق باسم حلف شمال الاطلسي دونالد كوربي في خوست امس ان 60 عنصرا من حركة طالبان "
    "قتلوا ليلة اول من امس في ضربات جوية للحلف في جنوب شرقي افغانستان"
)
LAST_SATURDAY = (
    "واستقبل كل منهما وفداً من المعارضة يوم السبت الفائت، قبل أن يتّجه الخيار للتوافق على "
    "اسم الرئيس ميقاتي الذي كان يشارك ظهر أمس في اجتماع «رباعي طرابلس»"
)
MASSACRE = (
    "حتى مساء أمس استمر وليد عبد الحميد، مدير نيابة مركز بنها (شمال القاهرة) في التحقق في "
    "مذبحة وقعت قبل يومين في منطقة تسمى «عزبة الكلافين»."
)
SEPTEMBER_LAST = (
    "واحتل حزب العدالة والتنمية المغربي الاصولي المعارض، المرتبة الاولى من حيث عدد الأصوات "
    "المعبر عنها من قبل الناخبين يوم 7 سبتمبر (ايلول) الماضي"
)
KARADZIC = (
    "ووجهت المحكمة الدولية، ومقرها لاهاي، اتهامات لكراديتش يوم 24 يوليو (تموز) من العام 1995 "
    "أي بعد أسبوعين من مذبحة سربرينتسا."
)
MARCH_14 = "واعتبرت مصادر 8 آذار «ان ما يحصل هو في إطار اللعبة الديموقراطية»"
SUMMIT = (
    "وأعلن أمس عن قمة ثلاثية تستضيفها العاصمة السورية اليوم، وتجمع الرئيس السوري بشار الأسد "
    "إلى أمير قطر"
)
SEMINAR = (
    "أما الندوة الثالثة ستقام في الدار البيضاء خلال الفترة من 10 إلى 13 يوليو القادم ويدور "
    "محورها الرئيسي"
)

D = date(2011, 1, 25)  # a Tuesday


def at(text: str, word: str) -> int:
    i = text.find(word)
    assert i >= 0
    return i


@pytest.mark.parametrize(
    ("text", "doc", "want"),
    [
        (NIGHT_BEFORE, D, date(2011, 1, 24)),
        ("اعتقلت السلطات المصرية أول أمس عشرات الناشطين.", D, date(2011, 1, 23)),
        ("خرج مئات المحتجين البارحة إلى شوارع صفاقس.", D, date(2011, 1, 24)),
        ("شنت الطائرات الحربية فجر اليوم غارات على ريف إدلب.", D, D),
        ("تظاهر الآلاف يوم الثلاثاء في ساحة التحرير.", D, D),
        ("نظم المعلمون الأربعاء وقفة احتجاجية.", D, date(2011, 1, 19)),
        ("خرجت تظاهرات حاشدة الثلاثاء الماضي في حمص.", D, date(2011, 1, 18)),
        ("سيلتقي الوزير نظيره يوم الثلاثاء المقبل.", D, date(2011, 2, 1)),
        ("اعتقلت الشرطة قبل ٤ أيام ناشطا حقوقيا.", D, date(2011, 1, 21)),
        ("أضرب عمال الميناء منذ يومين.", D, date(2011, 1, 23)),
        ("قبل أسبوعين تظاهر الطلاب في العاصمة.", D, date(2011, 1, 11)),
        ("شهدت العاصمة الأسبوع الماضي مظاهرات حاشدة.", D, date(2011, 1, 18)),
        ("اعتقل الأمن الشهر الفائت عشرات المعارضين.", D, date(2010, 12, 26)),
        ("دعت المعارضة إلى التظاهر غداً في ساحة الشهداء.", D, date(2011, 1, 26)),
        ("يعتزم المعلمون تنظيم إضراب عام الأسبوع المقبل.", D, date(2011, 2, 1)),
        (SEPTEMBER_LAST, date(2007, 10, 10), date(2007, 9, 7)),
        (KARADZIC, date(2008, 7, 22), date(1995, 7, 24)),
        (SEMINAR, date(2009, 3, 1), date(2009, 7, 10)),
        ("قتل ١٢ شخصا في ١٥ آذار/مارس ٢٠١٢ في حمص.", D, date(2012, 3, 15)),
        ("اقتحمت القوات المبنى في 12 كانون الثاني.", date(2012, 2, 5), date(2012, 1, 12)),
        ("أعلنت السلطات يوم 5 جويلية 2019 الإفراج عن معتقلين.", date(2019, 7, 8), date(2019, 7, 5)),
        ("خرج الآلاف في 5 أوت إلى شوارع تيزي وزو.", date(2019, 8, 20), date(2019, 8, 5)),
        ("اقتحم المحتجون البرلمان في 20 ديسمبر.", date(2020, 1, 15), date(2019, 12, 20)),
        ("وقعت المجزرة بتاريخ 21/8/2013 في الغوطة.", D, date(2013, 8, 21)),
        ("سقطت قذائف على الحي في ٣/٥/٢٠١٦.", D, date(2016, 5, 3)),
        ("تظاهر السكان يوم 12 من الشهر الجاري.", D, date(2011, 1, 12)),
        # Dev GSR: «قدم وزير داخلية كوسوفو فاطمير رجبي استقالته الليلة قبل الماضية».
        ("قدم الوزير استقالته الليلة قبل الماضية إثر وفاة متظاهرين.", D, date(2011, 1, 23)),
        ("أغلق المحتجون الطريق الليلة الماضية.", D, date(2011, 1, 24)),
        # Dev GSR: «سيقوم انصار التيار بنصب خيمة ... اعتبارا من صباح اليوم الأربعاء».
        ("نصب انصار التيار خيمة اعتبارا من صباح اليوم الأربعاء.", D, D),
        ("شهدت سيدي إفني يومي السبت والأحد الماضيين مسيرات.", D, date(2011, 1, 22)),
    ],
)
def test_arabic_expressions(text: str, doc: date, want: date) -> None:
    assert resolve_date(text, doc)[0] == want


@pytest.mark.parametrize(
    "text",
    [
        MARCH_14,
        "أحيا المصريون الذكرى الأولى لثورة 25 يناير بتظاهرات في ميدان التحرير.",
        "اعتقلت الشرطة أعضاء من حركة 6 أبريل في القاهرة.",
        "طالب المحتجون بتطبيق قرار مجلس الأمن 2254 فورا.",
        "أفادت التقارير بأن الهجوم وقع في 31 شباط.",
        "شهدت المدينة في الأيام الأخيرة احتجاجات.",
        "وقال السائق إنه في اليوم التالي علم من الصحف بالمذبحة.",
        "ما زالت الاحتجاجات مستمرة حتى اليوم.",
        "بدأت التجمعات في بلدة كترمايا عند الخامسة والنصف.",
    ],
)
def test_names_numbers_and_invalid_dates_leave_the_document_date(text: str) -> None:
    assert resolve_date(text, D) == (D, None)


def test_the_trigger_clause_chooses_between_two_expressions() -> None:
    assert resolve_date(TWO_DAYS_AGO, D, at(TWO_DAYS_AGO, "ضربات"))[0] == D - timedelta(days=2)
    assert resolve_date(TWO_DAYS_AGO, D, at(TWO_DAYS_AGO, "قال"))[0] == D - timedelta(days=1)
    assert resolve_date(LAST_SATURDAY, D, at(LAST_SATURDAY, "واستقبل"))[0] == date(2011, 1, 22)
    assert resolve_date(MASSACRE, D, at(MASSACRE, "مذبحة"))[0] == D - timedelta(days=2)
    # The summit is today; the announcement was yesterday.
    assert resolve_date(SUMMIT, D, at(SUMMIT, "قمة"))[0] == D
    # Without a trigger, the first expression.
    assert resolve_date(SUMMIT, D)[0] == D - timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Opponents of Rwanda's Senate protested yesterday in the city's capital",
            date(2011, 1, 24),
        ),
        ("Police dispersed protesters in Algiers last Tuesday.", date(2011, 1, 18)),
        ("Thousands marched through central Cairo Friday.", date(2011, 1, 21)),
        ("Gunmen abducted two aid workers two days ago near Kidal.", date(2011, 1, 23)),
        ("Ministers are due to meet next Monday in Cairo.", date(2011, 1, 31)),
        ("The uprising began on March 15, 2011, in Daraa.", date(2011, 3, 15)),
        ("Militias clashed in Tripoli on Dec. 29.", date(2010, 12, 29)),
        ("Soldiers opened fire on mourners on the 12th, the report said.", date(2011, 1, 12)),
        ("The Sunday Times reported that troops shelled the town.", D),
        ("Protesters demanded that Resolution 1973 be enforced.", D),
        ("The March 14 alliance boycotted the session.", D),
        ("The vote was held on February 30, officials claimed.", D),
    ],
)
def test_english_expressions(text: str, want: date) -> None:
    assert resolve_date(text, D)[0] == want


def test_english_said_clause_does_not_date_the_event() -> None:
    text = (
        "Salaheddine Sidhoum staged a 24-hour hunger strike in prison on Sunday, "
        "his lawyer said on Tuesday."
    )
    assert resolve_date(text, D, at(text, "hunger"))[0] == date(2011, 1, 23)
    assert resolve_date(text, D, at(text, "said"))[0] == D


def test_the_pipeline_dates_each_event_by_its_own_clause() -> None:
    res = read_document(DocumentInput("n", TWO_DAYS_AGO + ".", "ar", D))
    dates = {e.evidence: e.date for e in res.events}
    assert any(d == D - timedelta(days=2) for d in dates.values()), dates


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("اندلعت الاحتجاجات في درعا في 15 آذار 2011.", date(2011, 3, 15)),
        ("وقعت المجزرة بتاريخ 21/8/2013 في الغوطة.", date(2013, 8, 21)),
        ("The uprising began on March 15, 2011, in Daraa.", date(2011, 3, 15)),
        (NIGHT_BEFORE, None),
        ("اقتحم المحتجون البرلمان في 20 ديسمبر.", None),
        ("Police dispersed protesters in Algiers last Friday.", None),
    ],
)
def test_without_a_document_date_only_a_full_date_counts(text: str, want: date | None) -> None:
    assert resolve_date(text, None)[0] == want


# ---- properties --------------------------------------------------------------

DOCS = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))
WORDS = st.sampled_from(
    [
        "أمس",
        "اليوم",
        "غدا",
        "منذ",
        "قبل",
        "يومين",
        "أيام",
        "ثلاثة",
        "الأسبوع",
        "الماضي",
        "المقبل",
        "الجمعة",
        "يوم",
        "في",
        "15",
        "٣١",
        "2011",
        "آذار",
        "شباط",
        "جوان",
        "أوت",
        "كانون",
        "الثاني",
        "/",
        "-",
        ".",
        "،",
        "on",
        "last",
        "next",
        "Friday",
        "March",
        "the",
        "12th",
        "ago",
        "two",
        "2013",
        "99",
        "0",
        "31",
        "Feb",
        "yesterday",
        "حتى",
        "من",
        "إلى",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(WORDS, max_size=25).map(" ".join),
)


@given(TEXTS, DOCS, st.one_of(st.none(), st.integers(-10, 400)))
@settings(max_examples=400, deadline=None)
def test_never_raises_and_stays_near_the_document(text: str, doc: date, trig: int | None) -> None:
    when, expr = resolve_date(text, doc, trig)
    assert isinstance(when, date)
    if expr is None:
        assert when == doc
    # Relative expressions move a few months at most; explicit years stay in a
    # sane window around the document.
    assert abs((when - doc).days) <= 366 or 1900 <= when.year <= doc.year + 5


# News words that name no time: any sentence made of them leaves the date alone.
# (An alphabet without «ا» was not enough: «بعد غد», «قبل يومين», «منتصف دجنبر»
# need none.)
_TIMELESS = [
    "قتل",
    "جنود",
    "في",
    "هجوم",
    "على",
    "قاعدة",
    "عسكرية",
    "شمال",
    "البلاد",
    "وقال",
    "مسؤول",
    "ان",
    "المسلحين",
    "فروا",
    "الى",
    "الجبال",
    "بعد",
    "تبادل",
    "لاطلاق",
    "النار",
    "مع",
    "قوات",
    "الامن",
    "وطالب",
    "المحتجون",
    "بالافراج",
    "عن",
    "المعتقلين",
    "من",
]


@given(
    st.lists(st.sampled_from(_TIMELESS), max_size=40).map(" ".join),
    DOCS,
    st.one_of(st.none(), st.integers(0, 300)),
)
@settings(max_examples=200, deadline=None)
def test_text_without_time_words_keeps_the_document_date(
    text: str, doc: date, at: int | None
) -> None:
    assert resolve_date(text, doc, at) == (doc, None)


_MONTHS = [
    ("كانون الثاني", "يناير", "جانفي"),
    ("شباط", "فبراير", "فيفري"),
    ("آذار", "مارس", "مارس"),
    ("نيسان", "أبريل", "أفريل"),
    ("أيار", "مايو", "ماي"),
    ("حزيران", "يونيو", "جوان"),
    ("تموز", "يوليو", "جويلية"),
    ("آب", "أغسطس", "أوت"),
    ("أيلول", "سبتمبر", "سبتمبر"),
    ("تشرين الأول", "أكتوبر", "أكتوبر"),
    ("تشرين الثاني", "نوفمبر", "نوفمبر"),
    ("كانون الأول", "ديسمبر", "ديسمبر"),
]
_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@given(
    st.integers(1, 31),
    st.integers(1, 12),
    st.integers(1950, 2030),
    st.integers(0, 2),
    st.booleans(),
)
@settings(max_examples=300, deadline=None)
def test_any_written_date_reads_back_or_is_refused(
    d: int, m: int, y: int, region: int, indic: bool
) -> None:
    doc = date(2031, 6, 1)
    text = f"تظاهر الآلاف في {d} {_MONTHS[m - 1][region]} {y} أمام البرلمان."
    if indic:
        text = text.translate(_INDIC)
    try:
        want = date(y, m, d)
    except ValueError:
        want = doc  # «31 شباط»: no such day, so the document's date
    assert resolve_date(text, doc)[0] == want


@given(st.integers(1, 31), st.integers(1, 12), DOCS)
@settings(max_examples=200, deadline=None)
def test_a_year_less_date_is_the_latest_on_or_before_the_document(
    d: int, m: int, doc: date
) -> None:
    when, expr = resolve_date(f"هاجم مسلحون الحاجز في {d} {_MONTHS[m - 1][1]}.", doc)
    try:
        date(2000, m, d)  # a day some year has (2000 is a leap year)
    except ValueError:
        assert when == doc  # «31 نوفمبر»
        return
    if (m, d) == (2, 29) and expr is None:
        # No 29 February this year or last on or before the document.
        assert when == doc
        assert not any(
            calendar.isleap(y) and date(y, 2, 29) <= doc for y in (doc.year, doc.year - 1)
        )
        return
    assert expr is not None
    assert (when.month, when.day) == (m, d)
    assert when <= doc
    assert (doc - when).days < 366 * 2  # this year or the last (the next leap year for 29 Feb)


def test_a_long_run_of_dates_is_read_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # Hostile input: thousands of dates in one unpunctuated "sentence". The
    # clause count between the trigger and each candidate used to rescan the
    # text per candidate (4,000 candidates took seconds). Checked by behaviour,
    # not timing: the date at the trigger wins, and the break pattern is
    # scanned once, not once per candidate.
    from wiqaya.read import dates

    scans = 0
    real = dates._BREAK_EN

    class Counting:
        def finditer(self, *args: object) -> object:
            nonlocal scans
            scans += 1
            return real.finditer(*args)

    monkeypatch.setattr(dates, "_BREAK_EN", Counting())
    text = "on March 15, " * 2000 + "troops stormed the town on April 2, " + "on March 15, " * 2000
    when, expr = resolve_date(text, date(2011, 5, 1), text.index("troops"))
    assert when == date(2011, 4, 2) and expr is not None and "April 2" in expr
    assert scans == 1


# ---- round three: future weekdays, ordinal days, months, years ago, Hijri ----

# Real dev sentences (arabic_event_gsr/assault_detection.dev.csv).
FALLUJA = (
    "وتعرضت الشرطة في الفلوجة مطلع الشهر الحالي الى تفجيرين بواسطة شاحنتين مفخختين ما ادى "
    "الى مقتل 19 شخصا واصابة العشرات"
)
BASRA = (
    "عاد الهدوء الحذر إلى شوارع مدينة البصرة بعد مواجهات ساخنة شهدتها المحافظة يوم الأول من "
    "امس بين مسلحين من جيش المهدي والقوات البريطانية"
)


@pytest.mark.parametrize(
    ("sentence", "doc", "expected"),
    [
        (FALLUJA, date(2007, 3, 20), date(2007, 3, 1)),
        (BASRA, date(2007, 5, 10), date(2007, 5, 8)),
        # 8 February 2012 is a Wednesday: the coming Sunday, not the last one.
        (
            "وقال المتحدث إن الوزراء سيجتمعون يوم الأحد في القاهرة.",
            date(2012, 2, 8),
            date(2012, 2, 12),
        ),
        ("وتظاهر الآلاف يوم الأحد في القاهرة.", date(2012, 2, 8), date(2012, 2, 5)),
        ("The ministers will meet on Sunday in Cairo.", date(2012, 2, 8), date(2012, 2, 12)),
        ("واندلعت التظاهرات في الأول من أيار في عدة مدن.", date(2012, 5, 20), date(2012, 5, 1)),
        ("وبدأ الإضراب في العاشر من نيسان الماضي.", date(2012, 6, 2), date(2012, 4, 10)),
        ("وأعلنت الطوارئ في الحادي والعشرين من يناير.", date(2012, 2, 2), date(2012, 1, 21)),
        ("Workers struck on the first of May.", date(2012, 5, 20), date(2012, 5, 1)),
        ("وكانت الاشتباكات قد بدأت في آذار الماضي في درعا.", date(2011, 6, 10), date(2011, 3, 1)),
        # «آذار الماضي» said in March is last year's.
        ("وبدأت الاشتباكات في آذار الماضي.", date(2012, 3, 20), date(2011, 3, 1)),
        ("وقتل عشرة في اشتباكات منتصف الشهر الماضي.", date(2008, 4, 25), date(2008, 3, 15)),
        ("واندلعت المواجهات أواخر الشهر الماضي.", date(2012, 3, 5), date(2012, 2, 29)),
        ("The protests began in March in Deraa.", date(2011, 6, 10), date(2011, 3, 1)),
        # The document's own month keeps the document date.
        ("The protests began in June in Deraa.", date(2011, 6, 10), date(2011, 6, 10)),
        ("The militants seized the town early last month.", date(2012, 5, 4), date(2012, 4, 1)),
        ("وقتل شقيقه قبل ثلاث سنوات في غارة جوية.", date(2013, 7, 9), date(2010, 7, 9)),
        ("The town was hit two years ago.", date(2012, 2, 29), date(2010, 2, 28)),
        ("Sunday's bombing killed 12 people.", date(2013, 7, 9), date(2013, 7, 7)),
        # «مارس» is also a verb and «أب» a father: a month alone needs a cue.
        ("ومارس الضغط على الحكومة في الأسبوع الماضي.", date(2012, 6, 8), date(2012, 6, 1)),
        ("وقال إن في مارس القوة خطرا.", date(2012, 6, 8), date(2012, 6, 8)),
        # Year-less Hijri days are not placed.
        ("ووقع الانفجار في العاشر من رمضان في سوق شعبي.", date(2012, 8, 20), date(2012, 8, 20)),
    ],
)
def test_round_three_expressions(sentence: str, doc: date, expected: date) -> None:
    assert resolve_date(sentence, doc)[0] == expected


@pytest.mark.parametrize(
    ("hijri", "umm_al_qura"),
    [
        # Known dates (Umm al-Qura): 1 Ramadan 1432, Eid al-Fitr 1432, Eid
        # al-Adha 1431, 1 Ramadan 1433, Eid al-Fitr 1434, Eid al-Adha 1436.
        ("1 رمضان 1432 هـ", date(2011, 8, 1)),
        ("1 شوال 1432 هـ", date(2011, 8, 30)),
        ("10 ذي الحجة 1431 هـ", date(2010, 11, 16)),
        ("1 رمضان 1433 هـ", date(2012, 7, 20)),
        ("1 شوال 1434 هـ", date(2013, 8, 8)),
        ("10 ذو الحجة 1436 هـ", date(2015, 9, 23)),
        ("١٥ رمضان ١٤٣٢ هـ", date(2011, 8, 15)),
    ],
)
def test_hijri_dates_follow_umm_al_qura(hijri: str, umm_al_qura: date) -> None:
    # The Umm al-Qura tables (hijridate), so the day is exact.
    got, text = resolve_date(f"ووقع الهجوم في {hijri} في المدينة.", date(2016, 1, 1))
    assert text is not None
    assert got == umm_al_qura


def test_a_day_the_table_lacks_falls_back_to_arithmetic() -> None:
    # Ramadan 1432 has 29 days by Umm al-Qura (Eid al-Fitr on 30 August 2011);
    # a country that began it by sighting can report a 30th, read arithmetically.
    got = resolve_date("ووقع الانفجار في 30 رمضان 1432 هـ.", date(2016, 1, 1))[0]
    assert got is not None and abs((got - date(2011, 8, 30)).days) <= 1


def test_hijri_date_needs_no_document_date_and_a_gregorian_one_wins() -> None:
    got = resolve_date("ووقع الهجوم في 1 رمضان 1432 هـ.", None)[0]
    assert got == date(2011, 8, 1)
    both = "واعتقلوا في 10 ذي الحجة 1431 هـ الموافق 16 نوفمبر 2010."
    assert resolve_date(both, date(2010, 11, 30))[0] == date(2010, 11, 16)


def test_an_adjunct_expression_does_not_date_the_event() -> None:
    sentence = (
        "Security forces strengthened their presence following the discovery of a weapons "
        "cache last week, a police spokesman said today."
    )
    doc = date(2013, 9, 12)
    assert resolve_date(sentence, doc, sentence.find("strengthened"))[0] == doc


def test_a_background_expression_yields_to_the_reporting_day() -> None:
    # A real English dev sentence (PETR2 GSR): "three years ago" dates the slaying.
    sentence = (
        "A court in Guyana has issued arrest warrants for two Brazilian men sought in the "
        "slaying of two American missionaries three years ago, a police officer said Wednesday."
    )
    got = resolve_date(sentence, date(2008, 8, 14), sentence.find("issued"))[0]
    assert got == date(2008, 8, 13)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("هددت إيران بإغلاق مضيق هرمز إذا فرضت واشنطن عقوبات جديدة الشهر المقبل.", "THREATEN"),
        (
            "Iran threatened to close the Strait of Hormuz if new sanctions come next month.",
            "THREATEN",
        ),
    ],
)
def test_a_threat_is_dated_by_the_report_not_by_what_it_threatens(text: str, kind: str) -> None:
    # The future expression dates the threatened act; users filtering events by
    # date must find the threat on the day it was made.
    res = read_document(DocumentInput("t", text, None, D))
    dated = [e.date for e in res.events if e.event_type == kind]
    assert dated and all(d == D for d in dated), [(e.event_type, e.date) for e in res.events]


def test_a_planned_meeting_keeps_its_future_date() -> None:
    res = read_document(
        DocumentInput(
            "m",
            "Egypt's foreign minister will meet his Sudanese counterpart in Cairo next Sunday.",
            "en",
            D,
        )
    )
    assert any(e.date is not None and e.date > D for e in res.events), [
        (e.event_type, e.date) for e in res.events
    ]
