"""The read pipeline on real Arabic sentences from the dev split, and hostile input."""

from __future__ import annotations

import json
from datetime import date

import pytest

from wiqaya.language.arabic import clitic_variants, normalise
from wiqaya.read.actors import load_actors
from wiqaya.read.cli import extract_records
from wiqaya.read.phrases import tokenize
from wiqaya.read.pipeline import DocumentInput, read_document, read_documents
from wiqaya.read.places import load_gazetteer
from wiqaya.sift.export import safe_cell as escape_cell

# Sentences quoted from arabic_event_gsr/*_detection.dev.csv (label "yes").
PROTEST_AR = (
    "وفي بغداد أحرق متظاهرون أعلام اسرائيل وأطلقوا نيران البنادق من طراز(ايه كيه – 47) "
    "في الهواء في احتجاجات عمت العراق امس، مطالبين برد أقوى من الدول العربية على الهجوم "
    "الإسرائيلي في غزة."
)
ASSAULT_AR = (
    "اعلنت مصادر امنية وأخرى طبية عراقية مقتل اربعة اشخاص وإصابة سبعة آخرين بجروح في "
    "انفجار سيارة مفخخة وسط بغداد أمس."
)


def _types(text: str, **kw) -> list[str]:
    return [e.event_type for e in read_document(DocumentInput("t", text, **kw)).events]


def test_protest_sentence_is_coded_with_place_and_date() -> None:
    res = read_document(DocumentInput("p", PROTEST_AR, date=date(2009, 1, 2)))
    ev = next(e for e in res.events if e.event_type == "PROTEST")
    assert ev.cameo == "14"
    assert ev.location is not None and ev.location.country == "IRQ"
    assert ev.date == date(2009, 1, 1)  # «امس»
    assert ev.evidence in PROTEST_AR[ev.span_start - ev.sentence_start :]


def test_assault_sentence_is_coded() -> None:
    res = read_document(DocumentInput("a", ASSAULT_AR, date=date(2008, 5, 10)))
    ev = next(e for e in res.events if e.event_type == "ASSAULT")
    assert ev.cameo == "18"
    assert ev.location.place.name == "Baghdad"
    assert ASSAULT_AR[ev.span_start : ev.span_end] == ev.evidence


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("اتهم وزير الخارجية الأمريكي الحكومة السورية بدعم الإرهاب.", "ACCUSE"),
        ("اعتقلت الشرطة المصرية عشرين ناشطا في القاهرة.", "COERCE"),
        ("التقى الرئيس اللبناني وزير الخارجية الفرنسي في بيروت.", "CONSULT"),
        ("هدد الحوثيون باستهداف السفن في البحر الأحمر.", "THREATEN"),
        ("رفضت الحكومة السودانية المبادرة.", "REJECT"),
        ("Police arrested 20 protesters in Khartoum on Tuesday.", "COERCE"),
    ],
)
def test_trigger_types(text: str, etype: str) -> None:
    assert etype in _types(text)


@pytest.mark.parametrize(
    ("surface", "country", "sector"),
    [
        ("للحكومة العراقية", "IRQ", "GOV"),  # «لل» + article
        ("القوات الإسرائيلية", "ISR", "MIL"),  # article + feminine adjective
        ("الرئيسُ السوريّ", "SYR", "GOV"),  # diacritics
        ("وبغداد", "IRQ", None),  # attached conjunction
        ("حركة حماس", "PSE", "REB"),
        ("Israeli army", "ISR", "MIL"),
    ],
)
def test_actor_forms(surface: str, country: str, sector: str | None) -> None:
    text = f"قال {surface} كلاما" if not surface.isascii() else f"The {surface} said"
    ms = load_actors().mentions(tokenize(text), text)
    assert any(m.country == country and m.sector == sector and m.text == surface for m in ms), ms


def test_clitic_variants_keep_full_form_first() -> None:
    assert clitic_variants(normalise("وبغداد"))[:2] == ["وبغداد", "بغداد"]
    assert "الحكومه" in clitic_variants(normalise("للحكومة"))


@pytest.mark.parametrize(
    ("text", "surface", "country", "status"),
    [
        ("اشتباكات في طرابلس بين باب التبانة وجبل محسن", "طرابلس", "LBN", "resolved"),
        ("قصف جوي على طرابلس الليبية", "طرابلس", "LBY", "resolved"),
        ("وصل الوزير إلى طرابلس", "طرابلس", None, "ambiguous"),
        ("أعلنت سلطنة عمان عن وساطة", "عمان", "OMN", "resolved"),
        ("استقبل الملك في عمان الحكومة الأردنية", "عمان", "JOR", "resolved"),
        ("وصل الوزير إلى عمان", "عمان", None, "ambiguous"),
        ("خرجت مظاهرة في تونس العاصمة", "تونس", "TUN", "resolved"),
        ("أعلنت الجزائر إغلاق حدودها", "الجزائر", "DZA", "resolved"),
        ("وصل الأمير إلى الكويت", "الكويت", "KWT", "resolved"),
    ],
)
def test_ambiguous_places(text: str, surface: str, country: str | None, status: str) -> None:
    ms = load_gazetteer().mentions(tokenize(text), text)
    m = next(m for m in ms if m.surface == surface)
    assert (m.status, m.country) == (status, country)
    if status == "ambiguous":
        assert len({c.country for c in m.candidates}) >= 2


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        # Self-written: towns under 50,000 people that the gazetteer lists by name.
        ("تظاهر مئات الفلسطينيين في رام الله تضامنا مع الأسرى", "رام الله", "PSE"),
        ("قتل ثلاثة مسلحين في اشتباك مع قوات الاحتلال في جنين", "جنين", "PSE"),
        ("انفجرت سيارة مفخخة في تكريت شمال بغداد", "تكريت", "IRQ"),
        ("وسقطت قذائف على بيت حانون شمال قطاع غزة", "بيت حانون", "PSE"),
        ("Fighting resumed near Kidal in northern Mali", "Kidal", "MLI"),
    ],
)
def test_listed_small_towns_resolve(text: str, surface: str, country: str) -> None:
    ms = load_gazetteer().mentions(tokenize(text), text)
    assert any(m.surface == surface and m.country == country for m in ms), ms


@pytest.mark.parametrize(
    "text",
    [
        # Common words that are also names of small towns: never places.
        "وأكد في حديثه أن اللجنة طالبت بوقف إطلاق النار خلال الأشهر المقبلة",
        "شارك عدد كبير من الطلاب في مسيرة كبيرة بالأسلحة الحديثة",
        "قال إن البلد بحاجة إلى الحزم ضد الفساد في البيضاء",
    ],
)
def test_common_words_named_like_towns_are_not_places(text: str) -> None:
    assert load_gazetteer().mentions(tokenize(text), text) == []


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        # Press names of countries beside CLDR's formal one (dev sentences).
        ("إن إسرائيل نفذت بالفعل ضربة جوية في سورية", "سورية", "SYR"),
        ("وسط غضب متزايد من قرار بريطانيا تكريم سلمان رشدي", "بريطانيا", "GBR"),
        ("وصور القتل في العراق وفلسطين", "وفلسطين", "PSE"),
        ("هتافات «لنسحق اميركا»", "اميركا", "USA"),
    ],
)
def test_press_country_names(text: str, surface: str, country: str) -> None:
    ms = load_gazetteer().mentions(tokenize(text), text)
    assert [(m.surface, m.country) for m in ms if m.surface == surface] == [(surface, country)]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("وخرج المتظاهرون الى الشوارع", "وخرج"),  # "went out", not Al Kharj (SAU)
        ("فجر انتحاري نفسه خارج منزله", "منزله"),  # "his house", not El Manzala (EGY)
    ],
)
def test_common_words_are_not_places(text: str, surface: str) -> None:
    assert all(m.surface != surface for m in load_gazetteer().mentions(tokenize(text), text))


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("ودعا إلى التحريض على العنف ضد الطائفة الأخرى", "hate_speech_incitement"),
        ("تعرض المعتقلون للتعذيب وسوء المعاملة", "human_rights_violations"),
        ("اتهمت المعارضة الحكومة بتزوير الانتخابات", "election_dispute_violence"),
        ("أعلن الجيش الانقلاب وتعليق الدستور", "unconstitutional_change"),
        ("تجدد النزاع الحدودي بين البلدين", "border_territorial_dispute"),
        ("هاجمت ميليشيات مسلحة القرية", "armed_group_activity"),
        ("ضبطت السلطات شبكة لتهريب المخدرات", "trafficking_organised_crime"),
    ],
)
def test_indicators(text: str, indicator: str) -> None:
    hits = read_document(DocumentInput("i", text)).indicators
    hit = next(h for h in hits if h.indicator == indicator)
    assert text[hit.start : hit.end] == hit.evidence
    assert hit.lexicon_version.startswith("indicators-")


def test_two_members_are_no_racism() -> None:
    # AAW_ARB_20080118.0022-5: «عنصرين» (two members) holds «عنصري» (racist);
    # the stem matched inside it and reported hate speech.
    text = (
        "وفي الليلة قبل الماضية اغتال الجيش الإسرائيلي عنصرين من «ألوية الناصر صلاح الدين»، "
        "بقصف السيارة التي كانا يستقلانها بالقرب من مركز شرطة المنطقة الوسطى."
    )
    hits = read_document(DocumentInput("m", text)).indicators
    assert "hate_speech_incitement" not in {h.indicator for h in hits}
    racist = read_document(DocumentInput("r", "وردد المتظاهرون هتافات عنصرية ضد المهاجرين"))
    assert "hate_speech_incitement" in {h.indicator for h in racist.indicators}


def test_mixed_document_codes_both_languages() -> None:
    res = read_document(
        DocumentInput("m", ASSAULT_AR + " Police arrested 20 protesters in Khartoum.")
    )
    kinds = {e.event_type for e in res.events}
    assert {"ASSAULT", "COERCE"} <= kinds


def test_batch_equals_single() -> None:
    docs = [DocumentInput("1", PROTEST_AR), DocumentInput("2", ASSAULT_AR)]
    assert [r.as_dict() for r in read_documents(docs)] == [read_document(d).as_dict() for d in docs]


HOSTILE = [
    b"",
    b"   ",
    b"not json",
    b"[1, 2]",
    b'{"id": 5, "text": "x"}',
    b'{"id": "a", "text": 7}',
    b'{"id": "b", "text": "x", "date": "2024-13-40"}',
    b'{"id": "c", "text": "\xff\xfe"}',
    json.dumps({"id": "d", "text": "\u202e\u200fقتل\u0000 ثلاثة\u2066 في بغداد\u0007"}).encode(),
    json.dumps({"id": "e", "text": "قتل مسلحون ثلاثة في بغداد. " * 20000}).encode(),
    json.dumps({"id": "f", "text": ""}).encode(),
]


def test_extract_hostile_lines_keep_order_and_never_stop() -> None:
    out = list(extract_records(iter(HOSTILE)))
    assert len(out) == len(HOSTILE)
    errors = [("error" in r) for r in out]
    assert errors == [True, True, True, True, True, True, True, True, False, False, False]
    assert [r["id"] for r in out][8:] == ["d", "e", "f"]
    assert any(e["event"] == "ASSAULT" for e in out[8]["events"])
    assert out[9]["events"]  # the huge document is read (events per sentence)
    for r in out:
        assert set(r) >= {"id", "lang", "events", "indicators"}


def test_formula_cells_are_escaped() -> None:
    assert escape_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert escape_cell("-1+2") == "'-1+2"
    assert escape_cell("@x") == "'@x"
    assert escape_cell("قتل") == "قتل"
    assert escape_cell(3) == 3


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # Active voice: subject before the verb is the source.
        ("Israeli army attacked Syrian forces near the border.", "ISR", "SYR"),
        # Passive voice: the subject is the target, the "by" agent the source.
        ("Syrian forces were attacked by Israeli army near the border.", "ISR", "SYR"),
        ("Syrian forces were heavily attacked near the border.", None, "SYR"),
    ],
)
def test_english_source_target_follow_voice(text: str, source: str | None, target: str) -> None:
    ev = next(
        e for e in read_document(DocumentInput("e", text, "en")).events if e.event_type == "ASSAULT"
    )
    assert (ev.source.country, ev.target.country) == (source, target)


# Sentences quoted from arabic_event_gsr/assault_coding.dev.xml; the gold
# target country is the victims' (demonym, accusative «عراقياً», «مصورا فرنسيا»).
@pytest.mark.parametrize(
    ("text", "target", "word_order_target"),
    [
        (
            "قتل 13 عراقياً واصيب 22، في انفجارين متتاليين قرب محطة للوقود في حي المنصور "
            "الراقي في العاصمة العراقية أمس.",
            "IRQ",
            None,
        ),
        (
            "وكان 42 جنديا باكستانيا قد قتلوا في الثالث من الشهر الحالي في هجوم انتحاري "
            "على مركز تجنيد للجيش شمال غربي البلاد.",
            "PAK",
            None,
        ),
    ],
)
def test_victims_demonym_gives_the_target(
    text: str, target: str, word_order_target: str | None
) -> None:
    def coded(roles: bool) -> str | None:
        res = read_documents([DocumentInput("v", text, "ar")], detector=False, roles=roles)
        return next(e for e in res[0].events if e.event_type == "ASSAULT").target.country

    assert coded(True) == target
    assert coded(False) == word_order_target  # what word order alone gave


# assault_coding.dev.xml sentences and their gold (source, target) countries.
@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # A faith is no country: «مسجدا سنيا» was MUS, now the place's country.
        (
            "من جهة أخرى، قالت الشرطة ان مسلحين هاجموا مسجدا سنيا جنوب بغداد، أمس، وأضرموا "
            "فيه النار في هجوم انتقامي بعد يوم من هجوم انتحاري بشاحنة ملغومة قرب مسجد شيعي "
            "بنفس المنطقة.",
            None,
            "IRQ",
        ),
        # An armed group after «من» is an actor, not a place («من تنظيم «القاعدة»»).
        (
            "الى ذلك اعلنت الشرطة العراقية امس، ان القوات الأميركية قتلت 11 مسلحا من تنظيم "
            "«القاعدة» بينهم سبعة يحملون جنسيات عربية مختلفة، في منطقة عين الفرس تقع غرب "
            "مدينة تكريت.",
            "USA",
            "IMG",
        ),
        # The news agency that reports it is neither side (was FRA).
        (
            "وقال مصدر امني ان «شخصين قتلا وأصيب خمسة آخرون بجروح في هجوم انتحاري بسيارة "
            "مفخخة»، مشيرا الى ان «الهجوم استهدف نقطة للتفتيش في منطقة الحارثية (غرب بغداد) "
            "بعيد الظهر»، حسبما أفادت وكالة الصحافة الفرنسية.",
            None,
            "IRQ",
        ),
        # «حي الحسينية» is a Baghdad district, not PETRARCH's Egyptian «الحسينية».
        (
            "وفي بغداد ايضا، افاد مصدر امني ان «ثلاثة عراقيين قتلوا وأصيب 13 آخرون بانفجار "
            "سيارة مفخخة وسط سوق الاولى في حي الحسينية ضواحي بغداد الشرقية».",
            None,
            "IRQ",
        ),
    ],
)
def test_ranker_countries_on_dev_sentences(text: str, source: str | None, target: str) -> None:
    res = read_documents([DocumentInput("a", text, "ar")], detector=False)
    ev = next(e for e in res[0].events if e.event_type == "ASSAULT")
    assert ev.target.country == target
    if source is not None:
        assert ev.source.country == source


def test_ranker_keeps_actor_text_and_sector() -> None:
    # protest_coding.dev.xml: gold target ISR; the army is the named target.
    text = "واشتبك متظاهرون فلسطينيون واجانب مع الجيش الإسرائيلي في قرية نعلين قرب رام الله."
    res = read_documents([DocumentInput("p", text, "ar")], detector=False)
    ev = next(e for e in res[0].events if e.event_type == "PROTEST")
    assert (ev.source.country, ev.source.sector) == ("PSE", "CVL")
    assert ev.target.as_dict() == {"text": "الجيش الإسرائيلي", "country": "ISR", "sector": "MIL"}


@pytest.mark.parametrize(
    ("surface", "country"),
    [
        ("الصدامات", None),  # clashes, not an inflection of «صدام» (Saddam)
        ("المالية", None),  # financial, not Mali
        ("عبوة ناسفة", None),  # a bomb, not a Chilean actor
        ("جورجيتين", "GEO"),  # feminine dual of a nationality
        ("البيشمركة", "KUR"),
        ("كبرى مدن", None),  # "largest", not a Lebanese actor
        ("فتح النار", None),  # "opened fire", not Fatah
        ("حركة فتح", "PSE"),  # the movement, named as such
        ("سرايا القدس", "PSE"),
    ],
)
def test_common_words_are_not_actors(surface: str, country: str | None) -> None:
    found = load_actors().mentions(tokenize(surface), surface)
    assert [m.country for m in found if m.country] == ([country] if country else [])


# Phrases from *_coding.dev.xml sentences whose gold actor the dictionaries
# missed or miscoded (actors-add-2026.11.5).
@pytest.mark.parametrize(
    ("text", "surface", "country", "sector"),
    [
        # PETRARCH codes «كردستاني» as Kyrgyzstan; the gold codes Kurdish bodies KUR.
        ("لرفعها الى البرلمان الكردستاني.", "البرلمان الكردستاني", "KUR", "LEG"),
        (
            "قرب مقر حزبنا (بزعامة رئيس اقليم كردستان مسعود بارزاني)",
            "رئيس اقليم كردستان",
            "KUR",
            "GOV",
        ),
        ("لمواجهة حزب العمال الكردستاني الذي", "حزب العمال الكردستاني", "KUR", "REB"),
        # Broken plural «ضباط» (officers) and a Darfur faction leader.
        ("تم اغتصابها من قبل عدة ضباط عراقيين.", "ضباط عراقيين", "IRQ", "MIL"),
        ("ان قوات مناوي تتعدى على السكان بالضرب", "مناوي", "SDN", "REB"),
        ("وكانت «دولة العراق الاسلامية»، وهي تحالف", "دولة العراق الاسلامية", "IMG", None),
        # «ألماني» starts with «ال» once normalised: its feminine with the article.
        ("في مدينة هانوفر الألمانية بالتظاهر", "الألمانية", "DEU", None),
    ],
)
def test_dev_actor_codes(text: str, surface: str, country: str, sector: str | None) -> None:
    ms = load_actors().mentions(tokenize(text), text)
    assert any(m.text == surface and (m.country, m.sector) == (country, sector) for m in ms), ms


@pytest.mark.parametrize(
    "text",
    [
        "وقال مصدر امني ان",  # «مصدر» (a source) was BUS
        "وجرح 37 شخصا",  # «جرح» (wounded) was HLH
        "وتجمع عشرات الفلسطينيين",  # «تجمع» (gathered) was BUS; the demonym stays
        "على الاوضاع في البلاد",  # «الاوضاع» (the situation) was CHN REB
        "افضل من ذلك",  # «افضل» (better) was USA GOV
        "في التهديد الذي",  # «التهديد» (the threat) was CHN GOV
    ],
)
def test_common_words_petrarch_codes_are_stopped(text: str) -> None:
    ms = load_actors().mentions(tokenize(text), text)
    assert all(m.text in ("الفلسطينيين",) for m in ms), ms


# Coded sentences of *_coding.dev.xml where no trigger of the coded type fired
# before triggers-2026.11.6 (verb and noun families of CAMEO 14 and 18).
@pytest.mark.parametrize(
    ("text", "etype"),
    [
        (
            "وانضم حوالى ستة آلاف مواطن مصري (من المسلمين) «إلى الوقوف في اليوم السابع "
            "من كانون الثاني/ يناير، وحددت أماكن الوقفة الصامتة، تضامناً مع ضحايا حادثة "
            "الكنيستين».",
            "PROTEST",
        ),
        (
            "وقام المتظاهرون من ممثلي الاحزاب المعارضة للسلطة الرسمية بنصب خيامهم على "
            "مقربة من مقر البرلمان.",
            "PROTEST",
        ),
        (
            "وظهرت السيدة المعنية في ما بعد على قناة «الجزيرة» الفضائية واكدت انه تم "
            "اغتصابها من قبل عدة ضباط عراقيين.",
            "ASSAULT",
        ),
        (
            "فيما أكد وزير الزراعة في الحكومة المقالة ان تل ابيب تفرض حصاراً بحرياً على "
            "القطاع وتنكل بالصياديين الفلسطينيين.",
            "ASSAULT",
        ),
        (
            "اعلنت وزارة الدفاع الروسية ان القوات الروسية أسقطت طائرتي تجسس جورجيتين "
            "تعملان بدون طيار فوق تسخينفالي.",
            "ASSAULT",
        ),
        (
            "ولكن خلال شهر واحد اغتيل كرامي في متفجرة زرعت في طائرة هليكوبتر.",
            "ASSAULT",
        ),
    ],
)
def test_new_trigger_families_fire_on_dev_sentences(text: str, etype: str) -> None:
    from wiqaya.read.events import find_triggers

    assert etype in {t.event_type for t in find_triggers(tokenize(text), "ar")}


@pytest.mark.parametrize(
    "text",
    [
        "استقبل القنصل الفرنسي وفدا من انكلترا",  # «قنصل», «انكلترا» hold no trigger
        "وقفه امام الباب",  # a bare «وقفة» (a stop) is no protest
    ],
)
def test_new_trigger_stems_do_not_fire_inside_other_words(text: str) -> None:
    from wiqaya.read.events import find_triggers

    found = {t.event_type for t in find_triggers(tokenize(text), "ar")}
    assert not found & {"PROTEST", "ASSAULT"}, found


def test_seat_and_slogan_cues_mark_the_addressee() -> None:
    from wiqaya.read.event_roles import role_candidates
    from wiqaya.read.pipeline import pending_events
    from wiqaya.read.roles import FEATURES

    # protest_coding.dev.xml: gold source RUS, target EST (the embassy).
    text = (
        "وفي نفس الوقت، تجمع متظاهرون من حركة «الحرس الفتي» الموالية للكرملين منذ صباح "
        "امس حول مقر سفارة استونيا في موسكو احتجاجا على رفع نصب «الجندي البرونزي»."
    )
    _, events = pending_events([DocumentInput("p", text, "ar")], detector=False)
    p, trig, _ = next(e for e in events if e[1].event_type == "PROTEST")
    cands = role_candidates(p, trig, "target")
    seat = FEATURES.index("seat")
    assert {c.mention.country for c in cands if c.features[seat]} == {"EST"}
    # «يسقط بوش»: the slogan names whom the protest is against.
    text = "وخرج المتظاهرون المسلمون الى الشوارع مرددين هتافات منها «يسقط بوش»."
    _, events = pending_events([DocumentInput("p", text, "ar")], detector=False)
    p, trig, _ = next(e for e in events if e[1].event_type == "PROTEST")
    against = FEATURES.index("marked_against")
    cands = role_candidates(p, trig, "target")
    assert [c.mention.country for c in cands if c.features[against]] == ["USA"]


def test_a_country_inside_an_actor_name_is_not_the_event_location() -> None:
    # protest_coding.dev.xml: the protest is in Moscow, at Estonia's embassy.
    text = (
        "وفي نفس الوقت، تجمع متظاهرون من حركة «الحرس الفتي» الموالية للكرملين منذ صباح "
        "امس حول مقر سفارة استونيا في موسكو احتجاجا على رفع نصب «الجندي البرونزي»."
    )
    res = read_documents([DocumentInput("p", text, "ar")], detector=False)
    ev = next(e for e in res[0].events if e.event_type == "PROTEST")
    assert ev.location is not None and ev.location.country == "RUS"
    assert ev.location.place.name == "Moscow"


def test_arabic_particles_separate_adjacent_mentions() -> None:
    # protest_coding.dev.xml headline: protesters against NATO, not NATO protesters.
    text = "5 آلاف متظاهر ضد «الناتو» وأميركا في بيشاور"
    ms = load_actors().mentions(tokenize(text), text)
    # The count and the crowd are one mention («آلاف متظاهر»), NATO another.
    assert ("آلاف متظاهر", None, "CVL") in [(m.text, m.country, m.sector) for m in ms]
    assert ("الناتو", "IGO") in [(m.text, m.country) for m in ms]


def test_role_feature_columns_cover_every_feature_once() -> None:
    """candidates_by_role writes rows by column: each feature has one column."""
    from wiqaya.read import roles

    cols = [v for k, v in vars(roles).items() if k.startswith("_F_") and isinstance(v, int)]
    cols += [*roles._F_KIND.values(), roles._WORD_ORDER_PICK]
    assert sorted(cols) == list(range(len(roles.FEATURES)))


# Dev sentences where the role ranker picks the same words for both sides:
# the country stays (the gold codes both sides EGY/TUN), the words do not.
@pytest.mark.parametrize(
    ("text", "etype", "country"),
    [
        (
            "ومن أجل ذلك، لم يتورع أحد التونسيين الشباب عن احراق نفسه احتجاجاً على الظلم "
            "وتجاهل المطالب الشعبية المحقة.",
            "PROTEST",
            "TUN",
        ),
        ("تظاهر آلاف المصريين في القاهرة أمس.", "PROTEST", "EGY"),
    ],
)
def test_one_group_is_never_both_source_and_target(text: str, etype: str, country: str) -> None:
    events = [
        e for e in read_document(DocumentInput("x", text, "ar")).events if e.event_type == etype
    ]
    assert events
    for e in events:
        assert e.source.country == country and e.source.text
        assert e.target.country == country
        assert not e.target.text


def test_a_second_mention_of_the_country_becomes_the_target() -> None:
    # A dev sentence where the ranker's target is the protesters themselves;
    # another Palestinian mention is taken. Which one is a near tie for the
    # ranker: the Authority they address (0.17 vs the place -0.19 at
    # roles-ar-2026.11.10) or «رام الله» itself (0.14 vs 0.13 after the refit on
    # the read19 places, roles-ar-2026.11.11); either is the second mention.
    text = (
        "وكان متظاهرون فلسطينيون قد خرجوا الى الشوارع السبت، وسط رام الله في مظاهرات "
        "تطالب السلطة بوقف المفاوضات مع الاسرائيليين."
    )
    doc = DocumentInput("x", text, "ar", date(2010, 9, 1))
    (e,) = [e for e in read_document(doc).events if e.event_type == "PROTEST"]
    assert (e.source.text, e.source.country) == ("متظاهرون فلسطينيون", "PSE")
    assert e.target.country == "PSE"
    assert e.target.text in ("السلطة", None)
