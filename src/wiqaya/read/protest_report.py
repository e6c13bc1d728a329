"""Reports of protests and of violence that is not military force: acts that happened.

The Arabic gold (news of 2007-2008) has few of the forms that current news uses
for protests and for terrorism and crime, and the detector trained on it says
no to them: «قطع محتجون طرقاً بالإطارات المشتعلة», «أضرب موظفو القطاع العام عن
العمل», «نظم ناشطون سلسلة بشرية», the headline «مئات المتظاهرين يحتشدون أمام
السفارة», «اغتيل مسؤول محلي برصاص مجهولين», «اختطفت جماعة بوكو حرام عشرات
التلميذات», «تبنى تنظيم الدولة تفجير كنيسة». As :mod:`wiqaya.read.force` does
for shelling and air strikes, :func:`protest_report` and :func:`violence_report`
accept such a sentence on its form when the detector says no:

* a past verb of protesting with the protesters right after it («اعتصم مئات
  المعلمين», «أضرب عمال الميناء»; blocking and burning only by a crowd named as
  protesters, farmers or residents: an army also closes roads);
* a protest named after a past verb of doing with nothing between that opens
  another clause («خرج آلاف … في مظاهرة», «نظمت نقابة المحامين وقفة احتجاجية»,
  «دخل الصحفي في إضراب مفتوح عن الطعام»; a hunger strike also after «أعلن»
  or «خاض»: «أعلن معتقلون فلسطينيون … إضرابا عن الطعام»);
* a headline that opens with the protesters before a present-tense verb
  («محتجون يقطعون الطريق», «طلاب جامعة الخرطوم يعتصمون»);
* a car bomb or an IED that went off («انفجرت سيارة مفخخة»), a bomber who blew
  himself up, an assassination in the passive («اغتيل»), a killing, kidnapping,
  stabbing, shooting or bombing whose doer (gunmen, unknown men, an armed group)
  follows the verb, or a bombing claimed by a group;

never negated, planned, demanded, threatened, conditional or denied
(:func:`wiqaya.read.clause.governor`), never foiled or defused, and never a
noun alone («بعد أسابيع من الاحتجاجات», «اعتصام رابعة عام 2013»), which names a
background, a memory or a plan more often than an act.
"""

from __future__ import annotations

import re

from wiqaya.read.actors import ActorMention
from wiqaya.read.events import Trigger
from wiqaya.read.force import BOUNDARY, clause_end, happened
from wiqaya.read.phrases import NORM_OF, Token

# Protesters as the verb's subject: a crowd, a trade, a count of people.
_PROTESTERS = re.compile(
    r"^[وف]?(ال)?(متظاهر|محتج|مشيع|طلاب|طلبه|عمال|موظف|معلم|مدرس|سايق|اطباء|ممرض|ناشط"
    r"|اهالي|سكان|انصار|مزارع|عايلات|اسر|اسري|معتقل|صحفي|محام|قضاه|تجار|جماهير|حشود"
    r"|الاف|الوف|مييات|ميات|عشرات|مييه|الف|شبان|غاضب|نساء|لاجي|نازح|متقاعد|عدد|مجموعات)"
)
# Blocking roads, burning tyres, throwing stones: only these name the crowd well
# enough («قطعت قوات الأمن الطرق» is no protest), and only new to the text: «وأحرق
# المتظاهرون …», «ورشق المتظاهرون …» tell what a protest already reported did
# (of 14 such dev sentences the rule took, the gold labels 10 no); «قطع محتجون
# طرقا» and «رشق مئات المتظاهرين» report one.
_CROWD = re.compile(
    r"^[وف]?(متظاهر|محتج|مزارع|سكان|اهالي|شبان|غاضب|طلاب|عمال|سايق|الاف|مييات|ميات|عشرات)"
)
_NUMBER = re.compile(r"^\d+$")
_NEGATIONS = frozenset({"لم", "ولم", "لا", "ولا", "لن", "ولن", "ما", "وما"})
_PREPS = frozenset({"امام", "قرب", "ضد", "عند", "الي", "علي", "في", "من", "مع", "حول", "وسط"})
# Forces do not organise protests: «خرج العشرات من مناوئي الانقلاب العسكري».
_FORCES = frozenset({"MIL", "COP", "SPY"})
# Past verbs of protesting, with their conjunction. Not «هتف»: «وهتف المتظاهرون
# …» tells what a protest already reported chanted (the 15 the rule took in the
# detection files are all labelled no).
_PROTEST_VERB = re.compile(
    r"^[وف]?(تظاهر|تظاهرت|تظاهروا|اعتصم|اعتصمت|اعتصموا|اضرب|اضربت|اضربوا|احتشد|احتشدت"
    r"|احتشدوا|تجمهر|تجمهرت|تجمهروا|احتج|احتجت|احتجوا|انطلق|انطلقوا"
    r"|تجمع|تجمعت|تجمعوا)$"
)
_SET_OFF = re.compile(r"^[وف]?(انطلق|انطلقوا)$")
_BLOCK_VERB = re.compile(
    r"^[وف]?(قطع|قطعت|قطعوا|اغلق|اغلقت|اغلقوا|احرق|احرقت|احرقوا|رشق|رشقت|رشقوا)$"
)
# Present-tense verbs a headline puts after its protesters.
_HEADLINE_PROTEST = re.compile(
    r"^(يتظاهر|تتظاهر|يتظاهرون|يعتصم|تعتصم|يعتصمون|يضرب|تضرب|يضربون|يحتشد|تحتشد|يحتشدون"
    r"|يقطع|تقطع|يقطعون|يغلق|تغلق|يغلقون|يحتج|تحتج|يحتجون|يتجمع|تتجمع|يتجمعون|يرشق|يرشقون)$"
)
# A protest named after a verb of doing: «خرج … في مظاهرة», «نظم وقفة».
_PROTEST_NOUN = re.compile(
    r"^[وف]?(ب|ل)?(ال)?(مظاهره|مظاهرات|تظاهره|تظاهرات|مسيره|مسيرات|وقفه|وقفات|اعتصام"
    r"|اعتصاما|اضراب|اضرابا|سلسله|احتجاجات)$"
)
_DOING = re.compile(
    r"^[وف]?(خرج|خرجت|خرجوا|نظم|نظمت|نظموا|نفذ|نفذت|نفذوا|شارك|شاركت|شاركوا|دخل|دخلت|دخلوا"
    r"|بدا|بدات|بداوا|اقام|اقامت|اقاموا|انطلقت|جابت|عمت|شهدت|شهد)$"
)
# «أعلن معتقلون فلسطينيون إضرابا عن الطعام»: a hunger strike declared has begun
# (a general strike announced may be set for a later day).
_DECLARED = re.compile(r"^[وف]?(اعلن|اعلنت|اعلنوا|خاض|خاضت|خاضوا)$")
# «وقفة» is a pause unless it protests: «وقفة احتجاجية», «وقفة تضامنية».
_VIGIL = re.compile(r"^[وف]?(ال)?وقف")
_VIGIL_KIND = re.compile(r"^(ال)?(احتجاجيه|تضامنيه|صامته|احتجاج)")
_DOING_REACH = 7
_SUBJECT_REACH = 3

# Explosives that go off: «انفجرت سيارة مفخخة», «انفجرت عبوة ناسفة».
_EXPLODED = re.compile(r"^[وف]?(انفجر|انفجرت)$")
_EXPLOSION = re.compile(r"^[وف]?(ب|ل)?(ال)?انفجار$")
_EXPLOSIVE = re.compile(r"^[وف]?(ب|ل)?(ال)?(عبوه|عبوات|قنبله|قنابل|حزام|لغم|الغام|مفخخ|ناسف)")
# A vehicle only when rigged: «انفجار السيارة المحملة بالمتفجرات بالصدفة» was
# a cell's accident.
_VEHICLE = re.compile(r"^[وف]?(ب|ل)?(ال)?(سياره|سيارتين|سيارات|دراجه|شاحنه|حافله)")
_RIGGED = re.compile(r"^(ال)?مفخخ")
# Blown up: «فجر انتحاري نفسه», «فجر مسلحون خط أنابيب»; «فجر» alone is also dawn.
_BLEW_UP = re.compile(r"^[وف]?(فجر|فجرت|فجروا|فجرا)$")
_SELF = re.compile(r"^(نفسه|نفسها|انفسهم|نفسيهما)$")
_PASSIVE_KILLING = re.compile(r"^[وف]?(اغتيل|اغتيلت)$")
# Killing, kidnapping, stabbing: the doer must follow the verb.
_DOER_VERB = re.compile(
    # Not the bare «خطف», as often the verbal noun («متورطا في خطف الطيار»).
    r"^[وف]?(اغتال|اغتالت|اغتالوا|اختطف|اختطفت|اختطفوا|خطفت|خطفوا|طعن|طعنت|طعنوا"
    r"|اطلق|اطلقت|اطلقوا|فتح|فتحت|فتحوا)$"
)
_FIRE = re.compile(r"^(النار|نيران|النيران|الرصاص|رصاص)$")
_DOER = re.compile(
    r"^[وف]?(ال)?(مسلح|مجهول|انتحاري|مستوطن|متطرف|ارهابي|عناصر|مقاتل|جماعه|تنظيم|عصابه"
    r"|قراصنه|خاطف|ملثم)"
)
_DOER_SECTORS = frozenset({"REB", "UAF", "MIL", "COP", "SPY", "IMG", "CRM", "INS"})
# Kidnappers are gunmen, unknown men or armed groups: «اختطف جندي» is a soldier
# kidnapped (the passive is written the same), not a soldier who kidnaps.
_KIDNAP = re.compile(r"^[وف]?(اختطف|خطف)")
_ARMED_SECTORS = frozenset({"REB", "UAF", "IMG", "CRM", "INS"})
# Fire into the air is a warning, not an attack.
_AIR = frozenset({"الهواء", "الهوا", "الجو"})
# «الذي اغتيل عام 1999», «التي انطلقت منها الاحتجاجات», «عندما اغتيل»: a
# background clause about a known act.
_BACKGROUND = frozenset({"الذي", "التي", "الذين", "اللذين", "عندما", "حين", "حينما", "منذ", "لدي"})
_YEAR = re.compile(r"^(19|20)\d\d$")
# «مسيرة التنمية», «مسيرة 14 آذار»: a path or a movement, unless an adjective
# follows that makes it a march («المسيرة السلمية»).
_MARCH = re.compile(r"^[وف]?(ب|ل)?(ال)?(مسيره|مسيرات)$")
_HEADLINE_VIOLENCE = re.compile(
    r"^(يفجر|تفجر|يفجرون|يختطف|تختطف|يختطفون|يخطف|يخطفون|يغتال|تغتال|يغتالون|يطعن|يطعنون)$"
)
# «تبنى تنظيم الدولة تفجير كنيسة», «أعلنت حركة الشباب مسؤوليتها عن الهجوم».
_CLAIM = re.compile(r"^[وف]?(تبني|تبنت|تبنوا|اعلن|اعلنت|اعلنوا)$")
_CLAIMED = re.compile(r"^[وف]?(ال)?(تفجير|هجوم|اغتيال|اختطاف|خطف|الهجوم)$")
_CLAIM_REACH = 5
# «أحبطت قوات الأمن محاولة لتفجير», «تفكيك عبوة ناسفة قبل انفجارها».
_FOILED = re.compile(r"^[وف]?(ب|ل)?(ال)?(احبط|احباط|تفكيك|فكك|ابطال|ابطل|محاوله|مخطط|خطط)")


def _happened(tokens: list[Token], k: int, text: str, offset: int, etype: str) -> bool:
    if k > 0 and tokens[k - 1].norm in _BACKGROUND:
        return False
    return happened(tokens, k, text, offset, etype)


def _gap(tokens: list[Token], a: int, b: int, text: str, offset: int) -> bool:
    """Punctuation between the words ``a`` and ``b`` (``a`` < ``b``)."""
    return bool(BOUNDARY.search(text[tokens[a].end - offset : tokens[b].start - offset]))


def _actor_from(actors: list[ActorMention], i: int) -> ActorMention | None:
    return next((a for a in actors if a.start == i), None)


def _protesters_at(
    tokens: list[Token], i: int, actors: list[ActorMention], strict: bool, bodies: bool = True
) -> bool:
    """A crowd at ``i``: strictly one new to the text; else any protesters, and
    (``bodies``) a union, a party or a movement."""
    if i >= len(tokens):
        return False
    word = tokens[i].norm
    if strict:
        return bool(_CROWD.match(word))
    if _PROTESTERS.match(word) or _NUMBER.match(word):
        return True
    if not bodies:
        return False
    a = _actor_from(actors, i)
    # A body that protests: a union, a party, a movement (not forces).
    return a is not None and a.sector not in _DOER_SECTORS and a.sector != "GOV"


def _protest_forms(
    tokens: list[Token], actors: list[ActorMention], text: str, offset: int
) -> list[int]:
    """Word indices of the protest forms of the sentence (the verb of each)."""
    out = []
    for k, t in enumerate(tokens):
        w = t.norm
        if _PROTEST_VERB.match(w) or _BLOCK_VERB.match(w):
            strict = bool(_BLOCK_VERB.match(w))
            # «انطلق مئات المتظاهرين»; a team or a summit also sets off.
            bodies = not _SET_OFF.match(w)
            for i in range(k + 1, min(len(tokens), k + 1 + _SUBJECT_REACH)):
                # «أحرقت ولم يسقط متظاهر»: the protester of another clause.
                word = tokens[i].norm
                if _gap(tokens, i - 1, i, text, offset) or word in _NEGATIONS:
                    break
                if word in _PREPS:
                    # «تجمعوا امام مكتب السيستاني» names where, not who; «عدد من
                    # الشبان» still names a crowd.
                    bodies = False
                    continue
                if _protesters_at(tokens, i, actors, strict, bodies):
                    out.append(k)
                    break
            else:
                # «مجموعات من اسر المتهمين ومناصريهم احتشدوا امام المحكمة»: the
                # crowd before a plural verb.
                if w.endswith("وا") and any(
                    _protesters_at(tokens, i, actors, strict, False)
                    and not _gap(tokens, i, k, text, offset)
                    for i in range(max(0, k - _SUBJECT_REACH - 1), k)
                ):
                    out.append(k)
        elif _HEADLINE_PROTEST.match(w) and 0 < k <= 4:
            if not any(_gap(tokens, i - 1, i, text, offset) for i in range(1, k + 1)) and any(
                _protesters_at(tokens, i, actors, False) for i in range(k)
            ):
                out.append(k)
        elif _PROTEST_NOUN.match(w):
            if _VIGIL.match(w) and not (
                k + 1 < len(tokens) and _VIGIL_KIND.match(tokens[k + 1].norm)
            ):
                continue
            nxt = tokens[k + 1].norm if k + 1 < len(tokens) else ""
            if _MARCH.match(w) and (
                _NUMBER.match(nxt) or (nxt.startswith("ال") and not nxt.endswith("يه"))
            ):
                continue
            hunger = [x.norm for x in tokens[k + 1 : k + 3]] == ["عن", "الطعام"]
            for v in range(k - 1, max(k - 1 - _DOING_REACH, -1), -1):
                if _gap(tokens, v, v + 1, text, offset):
                    break
                if _DOING.match(tokens[v].norm) or (hunger and _DECLARED.match(tokens[v].norm)):
                    out.append(v)
                    break
    return out


def protest_report(
    tokens: list[Token], trig: Trigger, actors: list[ActorMention], text: str, offset: int
) -> bool:
    """The sentence of a PROTEST trigger reports a protest done (see the module doc)."""
    if any(_YEAR.match(t.norm) for t in tokens):
        # «نظموا مظاهرة عام 2004»: a dated act is background in current news.
        return False
    if not _happened(tokens, trig.tok_start, text, offset, "PROTEST"):
        return False
    return any(
        _happened(tokens, k, text, offset, "PROTEST")
        for k in _protest_forms(tokens, actors, text, offset)
    )


def _doer_at(tokens: list[Token], i: int, actors: list[ActorMention], armed: bool = False) -> bool:
    if _DOER.match(tokens[i].norm):
        return True
    a = next((a for a in actors if a.start <= i < a.end), None)
    return a is not None and a.sector in (_ARMED_SECTORS if armed else _DOER_SECTORS)


_FORM_CACHE: dict[str, str | None] = {}
_FORM_CACHE_MAX = 200_000


def _form_of(w: str) -> str | None:
    """Which form of violence the word can open, in the order they are tried.

    Cached per word: the detector rejects an ASSAULT trigger in a third of the
    Arabic news sentences, and each is scanned word by word.
    """
    form = _FORM_CACHE.get(w, "")
    if form != "":
        return form
    if _EXPLODED.match(w) or _EXPLOSION.match(w):
        form = "exploded"
    elif _BLEW_UP.match(w):
        form = "blew_up"
    elif _PASSIVE_KILLING.match(w):
        form = "passive"
    elif _DOER_VERB.match(w):
        form = "doer"
    elif _HEADLINE_VIOLENCE.match(w):
        form = "headline"
    elif _CLAIM.match(w):
        form = "claim"
    else:
        form = None
    if len(_FORM_CACHE) < _FORM_CACHE_MAX:
        _FORM_CACHE[w] = form
    return form


def _violence_forms(
    tokens: list[Token], actors: list[ActorMention], text: str, offset: int
) -> list[int]:
    """Word indices of the forms of violence the sentence reports as done."""
    out = []
    n = len(tokens)
    for k, t in enumerate(tokens):
        w = t.norm
        form = _form_of(w)
        if form is None:
            continue
        if form == "exploded":
            # «انفجار» only right before what exploded: «في انفجار لغم».
            reach = 3 if _EXPLODED.match(w) else 1
            for i in range(k + 1, min(n, k + 1 + reach)):
                x = tokens[i].norm
                rigged = _VEHICLE.match(x) and any(
                    _RIGGED.match(y.norm) for y in tokens[i + 1 : i + 3]
                )
                if _EXPLOSIVE.match(x) or rigged:
                    out.append(k)
                    break
        elif form == "blew_up":
            near = range(k + 1, min(n, k + 4))
            if (k + 1 < n and _doer_at(tokens, k + 1, actors)) or any(
                _SELF.match(tokens[i].norm) for i in near
            ):
                out.append(k)
        elif form == "passive":
            out.append(k)
        elif form == "doer":
            fire = re.match(r"^[وف]?(اطلق|فتح)", w) is not None
            for i in range(k + 1, min(n, k + 1 + _SUBJECT_REACH)):
                armed = bool(_KIDNAP.match(w))
                if _gap(tokens, i - 1, i, text, offset) or not _doer_at(tokens, i, actors, armed):
                    continue
                after = tokens[i + 1 : i + 4]
                if fire:
                    at = next((j for j, x in enumerate(after) if _FIRE.match(x.norm)), None)
                    if at is None or any(x.norm in _AIR for x in after[at + 1 : at + 3]):
                        break
                # «طعن المحامي في الحكم» appeals a ruling.
                if w.lstrip("وف").startswith("طعن") and after and after[0].norm in ("في", "ب"):
                    break
                out.append(k)
                break
        elif form == "headline" and 0 < k <= 3:
            if any(_doer_at(tokens, i, actors) for i in range(k)):
                out.append(k)
        elif form == "claim":
            for j in range(k + 1, min(n, k + 1 + _CLAIM_REACH)):
                if _CLAIMED.match(tokens[j].norm):
                    if any(_doer_at(tokens, i, actors) for i in range(k + 1, j)):
                        out.append(k)
                    break
    return out


def violence_report(
    tokens: list[Token], trig: Trigger, actors: list[ActorMention], text: str, offset: int
) -> bool:
    """The sentence of an ASSAULT trigger reports a bombing, an assassination,
    a kidnapping or a shooting done (see the module doc)."""
    if not any(map(_form_of, map(NORM_OF, tokens))):
        return False
    if any(_FOILED.match(t.norm) or _YEAR.match(t.norm) for t in tokens):
        return False
    if not _happened(tokens, trig.tok_start, text, offset, "ASSAULT"):
        return False
    return any(
        _happened(tokens, k, text, offset, "ASSAULT")
        for k in _violence_forms(tokens, actors, text, offset)
    )


# Where a protest's object is named: «ضد قرارات الرئيس», «أمام السفارة
# الفرنسية», «منددة بالاحتلال», «احتجاجا على قرار الحكومة».
_CLAUSE_STOP = frozenset({"بحسب", "حسب", "وفق", "وفقا", "نقلا", "قالت", "قال", "افادت", "افاد"})


def _named_at(tokens: list[Token], i: int, actors: list[ActorMention]) -> ActorMention:
    """The actor that starts at ``i``, else the crowd word itself (no country)."""
    a = _actor_from(actors, i)
    if a is not None:
        return a
    return ActorMention(tokens[i].text, i, i + 1, None, "CVL")


def _first_after(
    actors: list[ActorMention], start: int, stop: int, skip: ActorMention | None
) -> ActorMention | None:
    hits = [
        a
        for a in actors
        if start <= a.start < stop
        and (skip is None or a.start >= skip.end)
        and (a.country or a.sector in ("GOV", "IGO"))
    ]
    return min(hits, key=lambda a: a.start) if hits else None


def report_roles(
    tokens: list[Token], trig: Trigger, actors: list[ActorMention], text: str, offset: int
) -> tuple[ActorMention | None, ActorMention | None]:
    """(source, target) of a protest or an act of violence accepted on its form.

    The protesters (or the doer) named with the form's verb: after a past verb
    («اعتصم مئات المعلمين»), before a headline's present one («آلاف التونسيين
    يتظاهرون»), between a verb of doing and the protest it names («نظمت نقابة
    المحامين وقفة»), the group that claims a bombing; then the first actor with
    a country or a government after them in the clause («أمام السفارة
    الفرنسية», «ضد قرارات الرئيس»). An explosion and a passive killing name no
    doer; the caller gives their target the place's country, as the gold does.
    """
    protest = trig.event_type == "PROTEST"
    forms = (_protest_forms if protest else _violence_forms)(tokens, actors, text, offset)
    if not forms:
        return None, None
    k = forms[0]
    w = tokens[k].norm
    stop = clause_end(tokens, k, text, offset, _CLAUSE_STOP)
    source: ActorMention | None = None
    if (_HEADLINE_PROTEST if protest else _HEADLINE_VIOLENCE).match(w):
        before = [a for a in actors if a.end <= k]
        source = before[-1] if before else _named_at(tokens, 0, actors)
    elif protest and _DOING.match(w):
        # Whoever went out or organised it: «نظمت حماس مسيرات», «خرج آلاف»;
        # not «جابت مسيرات تأييداً للحكومة», whom it was for.
        noun = next((j for j in range(k + 1, stop) if _PROTEST_NOUN.match(tokens[j].norm)), stop)
        source = next(
            (
                a
                for a in actors
                if k < a.start < noun
                and a.sector not in _FORCES
                and not (tokens[a.start].norm.startswith("ل") and a.start > k + 1)
            ),
            None,
        )
    elif protest or _DOER_VERB.match(w) or _BLEW_UP.match(w) or _CLAIM.match(w):
        for i in range(k + 1, min(len(tokens), k + 1 + _CLAIM_REACH)):
            if protest and tokens[i].norm in _PREPS:
                break
            if (protest and _protesters_at(tokens, i, actors, False)) or (
                not protest and _doer_at(tokens, i, actors)
            ):
                source = next((a for a in actors if a.start <= i < a.end), None)
                source = source or _named_at(tokens, i, actors)
                break
    if source is None and protest and w.endswith("وا"):
        # «المحتجون من البدو تجمعوا»: the crowd before a plural verb.
        for i in range(k - 1, max(-1, k - _SUBJECT_REACH - 2), -1):
            if _protesters_at(tokens, i, actors, False, False):
                found = next((a for a in actors if a.start <= i < a.end), None)
                source = found or _named_at(tokens, i, actors)
                break
    after = source.end if source is not None and source.start > k else k + 1
    target = _first_after(actors, after, stop, source)
    return source, target
