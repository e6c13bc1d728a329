"""Read16's rules for the Arabic types without a detector: each drops or retypes, each keeps.

Every sentence is an Arabic dev sentence (../shared/data) as the pipeline
reads it. The sentences a rule drops come from the first three labelled
samples (``evaluation/arabic_trigger_only_labels*.jsonl``, not the fourth,
held out) or the dev corpus; the ones it keeps show what the rule must not
touch.
"""

from __future__ import annotations

from wiqaya.read.clause import governor, word_kind
from wiqaya.read.phrases import tokenize
from wiqaya.read.pipeline import DocumentInput, read_document


def coded(text: str) -> set[tuple[str, str]]:
    return {
        (e.event_type, e.evidence) for e in read_document(DocumentInput("d", text, "ar")).events
    }


def types(text: str) -> set[str]:
    return {t for t, _ in coded(text)}


def test_an_expected_or_hoped_for_act_is_not_coded() -> None:
    # held-out 1 d4bd2aa02195, dev-topup 1d3c768fc6ca, held-out 2 c8a025978bf6
    assert "RETREAT" not in types(
        "وقال احد مفاوضو حركة طالبان الافغانية ان المحادثات بين طالبان ودبلوماسيين كوريين "
        "جنوبيين بشأن الرهائن الكوريين ومجموعهم 21 كوريا تسير بشكل جيد وان طالبان تتوقع "
        "الافراج عن الرهائن الا أنهم لم يذكروا المزيد من التفاصيل."
    )
    assert "COOPERATE" not in types(
        "وأضاف: لذلك أنطلق من هذا الترشيح لأؤكد أني أتطلع الى تعاون جميع القيادات اللبنانية "
        "لنشكل معا فريق عمل متضامن يخرج البلاد من الأزمة الحادة التي تتخبط بها"
    )
    assert "MOBILIZE" not in types(
        "ورأى «ضرورة استنفار القوى الامنية لكشف منفذي هذا الاغتيال امام الرأي العام"
    )


def test_an_agreement_reported_near_a_need_word_stays() -> None:
    # 033fa0ccd848: «الدعم المطلوب» comes after the agreement, in another clause.
    text = (
        "وأعلن الدكتور لام اكول وزير الخارجية السوداني في مؤتمر صحافي عقده امس ان حكومته "
        "وافقت على «حزمة الدعم الثقيل» بكل تفاصيلها، وأضاف ان الكرة الان في ملعب الامم "
        "المتحدة، ومضى «عليها ان توفر الدعم المطلوب»."
    )
    assert ("AGREE", "وافقت") in coded(text)


def test_a_condition_with_shart_or_fi_hal_is_not_coded() -> None:
    # held-out 1 a40e4b9d3b04; dev-topup 0a925534442c; dev 5e48afa1abd3
    assert "AGREE" not in types(
        "يبقى تكليف شخصية اخرى غير كرامي وبعد استبعاد الحريري، مكسبا للسعودية يؤمن حالة "
        "استقرار انتقالية، بما يرضي كل الاطراف، شرط ان توافق سوريا والمعارضة اللبنانية على "
        "هذا الطرح."
    )
    assert "COERCE" not in types(
        "ويرى محامو أبو قتادة انه في حالة طرده الى الأردن، قد يتعرض الى التعذيب أو سوء المعاملة."
    )
    assert "REJECT" not in types(
        "ومن ناحيتها، قالت أوساط واسعة الإطلاع في المعارضة إن لديها رؤية متكاملة للبدائل "
        "الممكنة في حال رفض الرئيس الحريري التجاوب مع اقتراح المعارضة."
    )


def test_a_state_after_fi_hala_is_no_condition() -> None:
    # «في حالة تأهب», «في حالة الانشقاق» (dev) are states, not «in case of».
    toks = tokenize("ووضعت مدن في باكستان في حالة تأهب قصوى")
    assert governor(toks, 6, "ووضعت مدن في باكستان في حالة تأهب قصوى", 0) is None
    text = "فيما ننظر نحن إلى التهدئة في حالة الانشقاق والانفصال"
    toks = tokenize(text)
    assert governor(toks, len(toks) - 2, text, 0) is None


def test_ghayr_negates_the_next_word_only() -> None:
    # held-out 2 ec898c04f0b2
    assert "SUPPORT" not in types(
        "وعلى مرأى من القوى الأمنية، تجمع نحو مائة متظاهر مساء في وسط سيدني، داعين الى «وقف "
        "الحرب» في العراق وهاتفين ان «بوش غير مرحب به»، حسب ما نقلت وكالة الصحافة الفرنسية."
    )
    # «غير ان» *however* (dev) negates nothing two words on.
    text = "غير ان قوات الشرطة تجنبت الاحتكاك بالمتظاهرين الذين هتفوا بشعارات منددة بمشرف"
    toks = tokenize(text)
    assert governor(toks, 2, text, 0) is None
    assert governor(tokenize("غير مرحب"), 1, "غير مرحب", 0) is not None


def test_urging_is_a_request_and_discussing_is_not() -> None:
    # held-out 2 bfc39e5b966e: the urged boycott becomes the REQUEST.
    assert coded(
        "لكن رئيس البرلمان الاوروبي هانز جيرت بوتيرينج حث السياسيين على التفكير في مقاطعة "
        "الدورة الاولمبية في بكين احتجاجا على حملتها على المتظاهرين في التبت."
    ) >= {("REQUEST", "حث")}
    assert "COERCE" not in types(
        "لكن رئيس البرلمان الاوروبي هانز جيرت بوتيرينج حث السياسيين على التفكير في مقاطعة "
        "الدورة الاولمبية في بكين."
    )
    # «بحث» *discussed* holds «حث» after «ب»: no demand (dev).
    assert word_kind("بحث") is None and word_kind("وبحث") is None
    assert word_kind("وحث") == "request"
    assert "REQUEST" not in types(
        "بينما تنشغل وزارات خارجية عربية منذ عام واكثر، في بحث كيفية الافراج عن الجندي "
        "الاسرائيلي الاسير جلعاد شاليط"
    )


def test_an_agreement_as_background_of_its_breach_or_terms_is_not_coded() -> None:
    # dev 27529f24c689, held-out 2 a76f168adfc1, dev 077a5d928954
    assert "AGREE" not in types("وهم يعتمدون على الجيش الأميركي لتطبيق الاتفاقيات ومنع خرق الهدنة.")
    assert "AGREE" not in types(
        "تريد فرض سيطرة كاملة على شط العرب بين العراق وإيران، وبالتالي تنتهك اتفاقية "
        "الجزائر لعام 1975، التي حددت خط التالوك"
    )
    assert "AGREE" not in types(
        "اتهمت مصادر حكومية يمنية الحوثيين بالتسبب في خرق الهدنة المتفق عليها منذ اشهر"
    )


def test_an_agreement_reached_stays_and_other_types_ignore_the_head() -> None:
    # dev 0a458d61e450 (labelled right)
    assert "AGREE" in types(
        "وعلم ان اللقاء بين الطرفين جرى الاتفاق على طرح مرشح توافقي لرئاسة الحكومة"
    )
    # An implemented withdrawal is a withdrawal: the head governs AGREE and COOPERATE only.
    text = "تنفيذ الانسحاب"
    toks = tokenize(text)
    assert governor(toks, 1, text, 0, "RETREAT") is None
    assert governor(toks, 1, text, 0, "AGREE") is not None


def test_a_time_adverb_does_not_end_the_demand() -> None:
    # held-out 2 0ce86e435773: the demanded release is the REQUEST, no RETREAT.
    text = (
        "وطالبت الحركة قبل اسبوع بالافراج عن ناشطيها من السجون الافغانية مقابل اطلاق سراح "
        "الرهائن الخمسة."
    )
    assert "RETREAT" not in types(text)
    assert ("REQUEST", "وطالبت") in coded(text)


def test_before_a_clause_still_ends_the_walk() -> None:
    # «قبل ان» opens a clause, a duration does not (constructed from held-out 2
    # 0ce86e435773, whose demand verb stands before «قبل اسبوع»).
    text = "طالب النواب قبل ان يفرج عن المعتقلين"
    toks = tokenize(text)
    assert governor(toks, 4, text, 0, "RETREAT") is None
    text = "طالب النواب قبل اسبوع بالافراج عن المعتقلين"
    toks = tokenize(text)
    assert governor(toks, 4, text, 0, "RETREAT") is not None


def test_a_material_act_in_a_slogan_is_not_coded() -> None:
    # dev dc7c3e9488e7, held-out 1 594105157ea0
    assert "COERCE" not in types(
        "ودعت حانات ومطاعم في مدينة هانوفر الألمانية بالتظاهر احتجاجا على تطبيق قانون حماية "
        "غير المدخنين في ولاية سكسونيا السفلى، وحمل المتظاهرون لافتات كتب عليها «أوقفوا "
        "احتضار الحانات»."
    )
    assert "COERCE" not in types(
        "وتم بالاتفاق مع المتظاهرين لاحقا رفع الشعار الضوئي «أوقفوا ثاني اوكسيد الكربون» على "
        "جدار المحطة."
    )


def test_a_speech_act_in_a_slogan_stays() -> None:
    # dev 5fa0f702d316: the banner condemns and demands; those acts are made.
    found = types(
        "ورفع المتظاهرون صورا للرئيس العراقي السابق ولافتات كتب عليها «صدام حسين عاش كبيرا "
        "ومات كبيرا» و«نندد بإعدام صدام حسين على يد عصابة الصفويين المجوس ونطالب الحكومة "
        "بإغلاق سفارة الفرس في عمان»."
    )
    assert {"ACCUSE", "REQUEST"} <= found


def test_a_body_named_for_cooperation_is_no_act() -> None:
    # held-out 2 b03007d502a3, b1c21b84c74f
    assert "COOPERATE" not in types(
        "استقبلت ثلاثة وفود صحفية أخرى ضمت صحفيين من دول مجلس التعاون لدول الخليج العربية "
        "ومصر والأردن"
    )
    assert "SUPPORT" not in types('14 - حزب التضامن الأردني "تأسس في 24 ـ 3 ـ 1933م".')
    # dev b2c30d78fa05 (labelled right): cooperation with no body before it.
    assert "COOPERATE" in types(
        "وكان القضاء الإسباني قد اهتم بموضوع اعتقال الحسيني، وأجرى إنابة قضائية للاستماع "
        "اليه، في إطار التعاون القضائي القائم بين البلدين"
    )


def test_the_imminent_is_no_raid() -> None:
    # held-out 2 d51262069abc; the raids demanded stopped (dev) stay COERCE.
    assert "COERCE" not in types("وبين الداهم والمؤجل، في حين تجنح الأقليات لتحالفات «انتحارية»")
    assert "COERCE" in types(
        "كما طالب المتظاهرون بوقف المداهمات التي تستهدف اتباع رجل الدين الشاب مقتدى الصدر."
    )
