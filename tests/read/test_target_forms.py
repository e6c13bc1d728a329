"""Artarget2: targets that are no dictionary name, in current Arabic news.

Capitals for their governments, partitive and construct objects, a count of a
group's people, envoys summoned or recalled, offices written with a hamza. The
current-news sentences are from helper artarget2's probes
(``evaluation/arabic_targets_probe*.jsonl``); the others are from the Arabic
event GSR dev split and the shipped place sets.
"""

from __future__ import annotations

from read_lookups import events_of as _events
from read_lookups import one_event as _one


def test_capitals_stand_for_their_governments() -> None:
    ev = _one("اتهمت طهران واشنطن بالوقوف وراء الاحتجاجات.", "ACCUSE")
    assert (ev.source.text, ev.source.country) == ("طهران", "IRN")
    assert (ev.target.text, ev.target.country) == ("واشنطن", "USA")
    ev = _one("طالبت أنقرة واشنطن بوقف دعم المقاتلين الأكراد.", "REQUEST")
    assert (ev.source.country, ev.target.country) == ("TUR", "USA")


def test_tel_aviv_stands_for_israel() -> None:
    ev = _one("اتهمت حركة حماس تل أبيب بعرقلة المفاوضات.", "ACCUSE")
    assert (ev.target.text, ev.target.country) == ("تل أبيب", "ISR")


def test_a_capital_after_its_preposition_is_the_object() -> None:
    # Signing an accord is SUPPORT (CAMEO 057, read37).
    ev = _one("وقعت الحكومة الصومالية اتفاقية دفاعية مع أنقرة.", "SUPPORT")
    assert (ev.source.country, ev.target.country) == ("SOM", "TUR")
    # «باماكو» begins with its own «ب», not «in».
    ev = _one("رفضت الجزائر اتهامات باماكو بدعم الجماعات المسلحة.", "REJECT")
    assert ev.target.country == "MLI"


def test_a_capital_in_a_dateline_a_place_phrase_or_an_accord_name_acts_for_no_one() -> None:
    # Dev: the dateline is where the news was filed; the second «موسكو» acts.
    ev = _one(
        "موسكو ـ ا.ف.ب: هددت موسكو امس بالانسحاب من المعاهدة الاميركية ـ السوفياتية حول ازالة "
        "الصواريخ المتوسطة والقصيرة المدى اذا ما ركزت واشنطن على عناصر لدروعها المضادة "
        "للصواريخ في اوروبا الوسطى.",
        "THREATEN",
    )
    assert (ev.source.text, ev.source.country) == ("موسكو", "RUS")
    ev = _one(
        "نيقوسيا - ا ف بدعت مجموعة لم تكشف هويتها على موقع التواصل الاجتماعي فيسبوك ، الى يوم "
        "غضب بعد صلاة الجمعة في كافة المدن السورية.",
        "REQUEST",
    )
    assert ev.source.country != "CYP"
    # Dev: «اتفاق الدوحة» is an accord's name, not Qatar agreeing.
    ev = _one(
        "واعتبر الحريري أنه لا يمكن الركون للتفاهمات مع فريق المعارضة بدليل انقلابهم على "
        "اتفاق الدوحة باستقالتهم الجماعية من الحكومة.",
        "AGREE",
    )
    assert ev.source.country != "QAT"
    ev = _one("اجتمع وزير الخارجية الإيراني في بغداد مع نظيره العراقي.", "CONSULT")
    assert ev.source.country == "IRN" and ev.source.text != "بغداد"


def test_a_partitive_with_fi_is_the_object() -> None:
    ev = _one("اعتقلت السلطات قادة في الجيش السوداني بتهمة التخطيط لانقلاب.", "COERCE")
    assert (ev.target.text, ev.target.country) == ("قادة في الجيش السوداني", "SDN")
    ev = _one("فرضت واشنطن عقوبات على قادة في قوات الدعم السريع.", "COERCE")
    assert (ev.source.country, ev.target.country) == ("USA", "SDN")


def test_a_count_and_a_groups_people_lead_to_the_group() -> None:
    ev = _one("أفرجت السلطات الجزائرية عن عشرات من معتقلي الحراك.", "RETREAT")
    assert (ev.target.text, ev.target.country) == ("الحراك", "DZA")
    ev = _one("أفرجت حركة حماس عن أربع مجندات إسرائيليات في غزة.", "RETREAT")
    assert ev.target.country == "ISR"


def test_a_partitives_own_min_governs_no_object() -> None:
    # Dev: Interpol is asked; the rebels are whom it should arrest.
    ev = _one(
        "من جهة ثانية قالت مصادر سودانية أمس ان الخرطوم ستطلب من الانتربول توقيف 20 من قادة "
        "المتمردين في دارفور متهمين بالضلوع في هجوم مسلح ضد العاصمة السودانية في 10 مايو (أيار).",
        "REQUEST",
    )
    assert ev.source.text == "الخرطوم"
    assert ev.target.text != "المتمردين"


def test_whom_a_threatened_act_falls_on_is_the_target() -> None:
    # Dev.
    ev = _one(
        "* هددت صربيا بفرض حصار اقتصادي على كوسوفو في حال اعلان استقلالها، ثم تراجعت عن ذلك.",
        "THREATEN",
    )
    assert (ev.source.country, ev.target.country) == ("SRB", "XKX")


def test_where_an_envoy_is_sent_is_part_of_his_title() -> None:
    ev = _one("التقى المبعوث الأممي إلى اليمن وزير الخارجية العماني في مسقط.", "CONSULT")
    assert (ev.source.country, ev.target.country) == ("IGO", "OMN")


def test_a_foreign_envoy_summoned_is_accused() -> None:
    ev = _one("استدعت وزارة الخارجية المغربية السفير الفرنسي لدى الرباط.", "ACCUSE")
    assert (ev.source.country, ev.target.country) == ("MAR", "FRA")
    ev = _one("المغرب يستدعي السفير الجزائري بعد حادث حدودي.", "ACCUSE")
    assert (ev.source.country, ev.target.country) == ("MAR", "DZA")
    # Dev: the subject before the verb inside a «أن» clause, not the ambassador.
    ev = _one(
        "وقالت انها صدمت عندما علمت ان وزارة الخارجية الفرنسية استدعت السفير الاسرائيلي في "
        "باريس الى جلسة توبيخ بسبب هذه المذبحة.",
        "ACCUSE",
    )
    assert (ev.source.country, ev.target.country) == ("FRA", "ISR")


def test_ones_own_ambassador_recalled_is_a_sanction_on_where_he_served() -> None:
    # Shipped place set (places_eval6).
    ev = _one("استدعت الجزائر سفيرها لدى باريس للتشاور", "SANCTION")
    assert (ev.source.country, ev.target.country) == ("DZA", "FRA")
    assert not _events("استدعت الجزائر سفيرها لدى باريس للتشاور", "ACCUSE")
    ev = _one(
        "سحبت السعودية سفيرها من بيروت احتجاجا على تصريحات وزير الإعلام اللبناني.", "SANCTION"
    )
    assert ev.target.country == "LBN"


def test_an_office_written_with_a_hamza_opens_the_object() -> None:
    # «رئيس» is «رييس» as a token norm: the word lists are folded the same way.
    ev = _one("اعتقلت السلطات التركية رئيس بلدية إسطنبول أكرم إمام أوغلو.", "COERCE")
    assert ev.source.text == "السلطات التركية"
    assert ev.target.country == "TUR" and ev.target.text.startswith("رئيس بلدية")
