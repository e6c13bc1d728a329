"""Arabic trigger words in another sense, told apart by the words around them.

The 14 Arabic types without a detector are coded from the trigger lexicon
alone, and three hand-labelled samples of the coder's output
(``evaluation/arabic_trigger_only.py``) showed words that hold a trigger stem
but mean something else in context, which no blocked spelling can tell apart:

- «حشد» and «تعبئة» name a build-up of forces (CAMEO 15, MOBILIZE) only with a
  force word after them («وحشد مزيد من القوات», «التعبئة العامة»); without one
  they are a crowd («حشد من المتظاهرين», «وسط حشد للشرطة») or rallying people
  or support («لحشد التأييد», «التعبئة حول هذا الملف»), which is no force
  posture.
- «تهديد», «يهدد» name a threat (CAMEO 13) made by someone; a danger to an
  abstract good is no threat: «تهدد السلم والأمن الدوليين», «يهدد الوحدة
  الوطنية», «وتهديد أمنها», and so is being a danger («تشكل تهديدا», «مصدر
  تهديد»).
- «مقاطع» alone is clips or sections («مقاطع الفيديو», «مقاطع الطرق»),
  «قاطعين طريق» blocking a road, and «مقاطعة» after an administrative head
  noun a province or county («سجن مقاطعة رامسي», «رئيس شرطة المقاطعة»,
  «رئيس وزراء مقاطعة كيب تاون»), not a boycott.
- «التعاون», «التضامن», «التنسيق» right after a body's head noun name the
  body, not an act (read16): «مجلس التعاون» (the Gulf Cooperation Council),
  «حزب التضامن الأردني».
- «مسيرة», «مسيرات» are marches (PROTEST) and, in news since about 2015, drones:
  «طائرة مسيرة», «مسيرة مفخخة», «أسقطت ... مسيرتين», «هجوم بمسيرات»,
  «استهدفت مسيرات أوكرانية مصفاة». The 2007–2008 gold has no drone, so the
  detector learned the word as a march; the coder refuses the drone sense.
- «احتجاجا» (in protest) after a state's diplomatic act («استدعت الخارجية
  السفير احتجاجاً على», «سحبت سفيرها احتجاجاً») is an official protest, not a
  demonstration: the PROTEST reading is refused.

:func:`wrong_sense` is the ``reject`` of
:meth:`wiqaya.read.detector.StemMatcher.find` for the coder: a match it refuses
is skipped and the type's next match in the sentence is tried. The detector
(PROTEST, ASSAULT) keeps the plain match it was trained on.
"""

from __future__ import annotations

import re

# A force word after «حشد»/«تعبئة»: troops, the army, units, warships, reserves,
# militias, and «العامة» of a general mobilisation.
_FORCE = re.compile(
    r"(قوات|جنود|جيش|عسكري|دبابات|مدرعات|وحدات|بحري|مقاتل|احتياط|ميليشي|مليشي|كتايب|العامه$)"
)
_MOBILIZE_WORD = re.compile(r"^[وف]?(ب|ل|بال|لل|ال)?(حشد|تعبيه)")
_FORCE_REACH = 3
# The threat word itself: «هدد», «يهدد», «تهديد», «وتهديد», «لتهديد».
_THREAT_WORD = re.compile(r"^[وف]?(ب|ل|بال|لل|ال)?([يتن]?هدد|تهديد)")
# Abstract goods a danger is to («امن سوريه», «السلم», «الوحده الوطنيه»,
# «حياتهم», «لاستقرارها»), as the object: not after «ب», which gives what a
# threat threatens with («هددهم بوجود متفجرات»).
_ABSTRACT = re.compile(
    r"^[وف]?(ل|لل|ال)?"
    r"(امن(ها|هم|ه|نا)?$|استقرار|سلم$|سلام$|سلامه|وحده|حيا[هت]|وجود|مستقبل|نفوذ|مصالح|مصير|سياده|استقلال|"
    r"اقتصاد|بقاء)"
)
# «تشكل تهديدا», «يشكلون تهديدا», «مصدر تهديد», «خطرا يهدد»: being a danger.
_BEING_A_DANGER = re.compile(r"^[وف]?([يت]?شكل(ت|ون|ان|وا)?|مصدر|خطرا?)$")
# «مقاطع» as a whole word (with «و»/«ال»): clips, sections, junctions.
_CLIPS = re.compile(r"^[وف]?(ال)?مقاطع$")
_BOYCOTT_WORD = re.compile(r"^[وف]?(ب|ل|بال|لل|ال)?(مقاطع|قاطع|يقاطع|تقاطع)")
_ROAD = re.compile(r"^[وف]?(ال)?(طريق|طرق)$")
_PROVINCE = re.compile(r"^[وف]?(ب|ل|بال|لل|ال)?مقاطعه$")
# Head nouns before «مقاطعة» the province: a jail, police, a premier, a governor.
_ADMIN_HEAD = frozenset(
    {"سجن", "شرطه", "وزراء", "حاكم", "محافظ", "عاصمه", "سكان", "مدينه", "رييس", "برلمان"}
)


# A body's head noun before a cooperative noun makes a name (read16).
_BODY = re.compile(r"^[وف]?(ب|ل|بال|لل|ال)?(مجلس|حزب|مكتب|جبهه|منظمه|لجنه|هييه|تجمع|جمعيه|كتله)$")
_NAMED_TYPES = frozenset({"SUPPORT", "COOPERATE", "AGREE"})

# «مسيرة» and its forms, normalised (ة → ه): a march, or a drone.
_MARCH_WORD = re.compile(r"^[وف]?(ب|ل|بال|لل|ال)?مسير(ه|ات|تين|تان|تي)$")
# «طائرة», «الطائرات», «بطائرتين» (ئ → ي): the noun a drone adjective follows.
_AIRCRAFT = re.compile(r"^[وف]?(ب|ل|بال|لل|ال)?طاير(ه|ات|تين|تان|تي)$")
# Adjectives only a weapon takes: suicide, booby-trapped, attack, armed, combat.
_WEAPON_ADJ = re.compile(r"^(ال)?(انتحاري|مفخخ|هجومي|مسلح|قتالي|ملغوم)(ه|ات|تين|تان)?$")
# Shooting down or intercepting: what is done to a drone, never to a march.
_DOWNING = re.compile(
    r"^[وف]?(ب|ل|بال|لل|ال)?((ا|[يتن])?سقط|اسقاط|(ا|[يتن])?عترض|اعتراض|[يت]?تصد(ت|ي|وا)?$|تدمير)"
)
_DOWNING_REACH = 3
# Striking: «هجوم بمسيرة», «قصف بالمسيرات», «استهدفت مسيرات ... مصفاة».
_STRIKE = re.compile(r"^[وف]?(ب|ل|بال|لل|ال)?([يتن]?(استهدف|قصف|هاجم|ضرب)|هجوم|هجمات|غار)")
# What a march is: «مسيرة سلمية», «مسيرات حاشدة»; after a strike verb these
# keep the march sense («استهدفت قوات الأمن مسيرة سلمية» is not a drone).
_MARCH_ADJ = re.compile(
    r"^(ال)?(سلمي|احتجاجي|حاشد|شعبي|طلابي|نسايي|جماهيري|تضامني|مليوني|راجل)(ه|ات|تين|تان)?$"
)


def _drone(words: list[str], start: int) -> bool:
    """Whether «مسيرة» at ``start`` is a drone (see the module note)."""
    nxt = words[start + 1] if start + 1 < len(words) else ""
    if _MARCH_ADJ.match(nxt):
        return False
    if start > 0 and _AIRCRAFT.match(words[start - 1]):
        return True
    if _WEAPON_ADJ.match(nxt):
        return True
    if any(_DOWNING.match(w) for w in words[max(0, start - _DOWNING_REACH) : start]):
        return True
    # «هجوم بمسيرة» / «بالمسيرات»: with «ب» right after a strike word; or a
    # strike verb right before the word («استهدفت مسيرات»): the drone strikes.
    prev = words[start - 1] if start > 0 else ""
    return bool(_STRIKE.match(prev)) and (
        words[start].startswith(("ب", "وب")) or not prev.startswith(("ال", "وال"))
    )


# «احتجاجا» (in protest) as the adverb of a state's diplomatic act: «استدعت
# الخارجية السفير الفرنسي احتجاجاً على تصريحات ماكرون» is an official protest
# (CAMEO 11, criticism), not a demonstration.
# Also the noun handed over: «استدعت … السفير الفرنسي لإبلاغه احتجاج المملكة»,
# «سلمته مذكرة احتجاج».
_IN_PROTEST = re.compile(r"^[وف]?(ب|ل|لل|بال|ال)?احتجاج(ا|ها|ه)?$")
_DIPLOMATIC_ACT = re.compile(
    r"^[وف]?(ل|ال)?([يت]?(استدع|سحب|علق|جمد|قطع)|سفير|سفيرها|سفيره|سفراء|القايم|سفار"
    r"|مذكره|ابلاغ|لابلاغ|ابلغ)"
)
_DIPLOMATIC_REACH = 8


_DEMANDS = re.compile(r"^[وف]?(ل|ب)?(ال)?مطالب")
_MET = re.compile(r"^[وف]?(استجاب|استجابت|استجابوا|استجابه|لبت|لبي|تلبيه|يستجيب|تستجيب)$")
_AID_BODY = re.compile(
    r"^[وف]?(ل|ب|ال|لل)?(عمال|عاملي|عاملين|موظفي|موظفو|منظمات|منظمه|هيئات|هيئه|وكالات|وكاله"
    r"|فرق|طواقم|جمعيات|جمعيه)$"
)
_STUDENT = re.compile(r"^[وف]?طالب$")
_COUNT = re.compile(r"^([0-9]+|[وف]?(الف|الفي|الاف|ميه|مييه|مايه|ميتي|مييات|ميات|عشرات))$")
# Sending verbs: relief teams sent are aid given (CAMEO 07).
_SENT = re.compile(r"^[وف]?[يت]?(ارسل|بعث|اوفد|ترسل|يرسل)")
_SENT_REACH = 5
_TEAMS = re.compile(r"^[وف]?(ب|ل|ال)?فرق$")
_RELIEF = re.compile(r"^[وف]?(لل|ال)?(اغاثه|انقاذ|اسعاف|الدفاع|طبيه|طواري)")
_EXPEL = re.compile(r"^[وف]?[يت]?طرد")
_ENVOY = re.compile(r"^[وف]?(ال)?(سفير|دبلوماسي|القايم|قايم)")
# «لإطلاق سراح شاليط», «بإطلاق سراحه», «لقاء إطلاق سراح الرهينة» and, in lists
# of demands, «وإطلاق سراح المعتقلين»: the release
# named as what is sought or bargained for, not one made.
_SOUGHT_RELEASE = re.compile(r"^([وف]?(ل|ب)|و)اطلاق$")
_IN_EXCHANGE = frozenset({"لقاء", "مقابل", "بمقابل"})


_WITH_FROM = frozenset({"من", "مع"})
_PARTICLE = frozenset({"من", "مع", "منه", "منها", "منهم", "منهما", "معه", "معها", "معهم", "معهما"})


def wrong_sense(words: list[str], start: int, end: int, label: str) -> bool:
    """Whether the trigger ``words[start:end]`` of ``label`` is a word in another sense.

    ``words`` are normalised (:func:`wiqaya.language.arabic.normalise`).
    """
    word = words[start]
    if (
        end - start == 2
        and words[start + 1][:2] in _WITH_FROM
        and words[start + 1] not in _PARTICLE
    ):
        # «حذر من», «بحث مع»: the particle as a word, not a word it begins
        # («حذرت منظمة الصحة العالمية», «بحث معايير»).
        return True
    if label == "COERCE" and _EXPEL.match(word) and end < len(words):
        # «طرد السفير», «طردت مالي السفير الفرنسي»: diplomats expelled are a
        # SANCTION (CAMEO 166), not a deportation.
        return any(_ENVOY.match(w) for w in words[end : end + 4])
    if (
        label == "REQUEST"
        and _DEMANDS.match(word)
        and any(_MET.match(w) for w in words[max(0, start - 4) : start])
    ):
        # «استجابت الحكومة لمطالب المحتجين»: demands met are a concession's.
        return True
    if label == "REQUEST" and start > 0 and _STUDENT.match(word) and _COUNT.match(words[start - 1]):
        # «بمشاركة أكثر من مئة ألف طالب», «تظاهر نحو 400 طالب»: students counted.
        return True
    if label == "AID" and start > 0 and _AID_BODY.match(words[start - 1]):
        # «عمال إغاثة», «منظمات الإغاثة»: aid workers and agencies, not aid given;
        # unless sent («أرسلت الإمارات فرق إغاثة إلى ليبيا»: the teams are the aid).
        return not any(_SENT.match(w) for w in words[max(0, start - _SENT_REACH) : start - 1])
    if label == "COERCE" and _TEAMS.match(word) and end < len(words) and _RELIEF.match(words[end]):
        # «فرق إغاثة», «فرق الإنقاذ»: teams, not «فرّق» *dispersed*.
        return True
    if label == "RETREAT" and word.endswith("اطلاق"):
        return bool(_SOUGHT_RELEASE.match(word)) or (start > 0 and words[start - 1] in _IN_EXCHANGE)
    if label == "PROTEST" and _MARCH_WORD.match(word):
        return _drone(words, start)
    if label == "PROTEST" and _IN_PROTEST.match(word):
        before = words[max(0, start - _DIPLOMATIC_REACH) : start]
        return any(_DIPLOMATIC_ACT.match(w) for w in before)
    if (
        label in _NAMED_TYPES
        and start > 0
        and word.startswith("ال")
        and _BODY.match(words[start - 1])
    ):
        return True
    if label == "MOBILIZE" and _MOBILIZE_WORD.match(word):
        return not any(_FORCE.search(w) for w in words[end : end + _FORCE_REACH])
    if label == "THREATEN" and _THREAT_WORD.match(word):
        if start > 0 and _BEING_A_DANGER.match(words[start - 1]):
            return True
        return end < len(words) and bool(_ABSTRACT.match(words[end]))
    if label in ("SANCTION", "COERCE") and _BOYCOTT_WORD.match(word):
        if _CLIPS.match(word):
            return True
        if end < len(words) and _ROAD.match(words[end]):
            return True
        return bool(_PROVINCE.match(word)) and start > 0 and words[start - 1] in _ADMIN_HEAD
    return False
