"""A root extractor after the ISRI Arabic stemmer (Taghva, Elkhoury and Coombs, 2005).

"Arabic stemming without a root dictionary" (ITCC 2005): strip the longest
listed prefix and suffix, then read the root off the word's length and
pattern (افتعل → فعل, مستفعل → فعل, فعالل → فعلل...), falling back to one
more one-letter affix when no pattern matches. It has no root dictionary, so
it is a few tables and a dozen comparisons per word.

Written here from the paper's description so that
``evaluation.detector_variants`` can measure the "ISRI root" feature without
NLTK (whose ``ISRIStemmer`` implements the same algorithm and was used for
the first measurement). The affix and pattern tables follow the paper; the
function-word list is our own (words left as they are). Input is a word in
the pipeline's normalised form (``wiqaya.language.arabic.normalise``), though
diacritics and initial hamza are handled as the algorithm says.
"""

from __future__ import annotations

import re

_SHORT_VOWELS = re.compile("[\u064b-\u0652]")
_INITIAL_HAMZA = re.compile("^[\u0622\u0623\u0625]")

PREFIXES_3 = ("كال", "بال", "ولل", "وال")
PREFIXES_2 = ("ال", "لل")
PREFIXES_1 = frozenset("لبفسويتنا")
SUFFIXES_3 = ("تمل", "همل", "تان", "تين", "كمل")
SUFFIXES_2 = (
    "ون",
    "ات",
    "ان",
    "ين",
    "تن",
    "كم",
    "هن",
    "نا",
    "يا",
    "ها",
    "تم",
    "كن",
    "ني",
    "وا",
    "ما",
    "هم",
)
SUFFIXES_1 = frozenset("ةهيكتان")

# A pattern: the letters required at some positions of the word, and the
# positions the root is read from. Tried in order; the first match wins.
Pattern = tuple[dict[int, str], tuple[int, ...]]

# Four letters, three-letter root.
_W4: tuple[Pattern, ...] = (
    ({0: "م"}, (1, 2, 3)),  # مفعل
    ({1: "ا"}, (0, 2, 3)),  # فاعل
    ({2: "اوي"}, (0, 1, 3)),  # فعال فعول فعيل
    ({3: "ة"}, (0, 1, 2)),  # فعلة
)
# Five letters, three-letter root.
_W5_3: tuple[Pattern, ...] = (
    ({0: "ا", 2: "ات"}, (1, 3, 4)),  # افتعل افاعل
    ({0: "م", 3: "ايو"}, (1, 2, 4)),  # مفعال مفعيل مفعول
    ({0: "اتم", 4: "ة"}, (1, 2, 3)),  # افعلة تفعلة مفعلة
    ({0: "ميت", 2: "ت"}, (1, 3, 4)),  # مفتعل يفتعل تفتعل
    ({0: "مت", 2: "ا"}, (1, 3, 4)),  # مفاعل تفاعل
    ({2: "او", 4: "ة"}, (0, 1, 3)),  # فعالة فعولة
    ({0: "ام", 1: "ن"}, (2, 3, 4)),  # انفعل منفعل
    ({0: "ا", 3: "ا"}, (1, 2, 4)),  # افعال
    ({3: "ا", 4: "ن"}, (0, 1, 2)),  # فعلان
    ({0: "ت", 3: "ي"}, (1, 2, 4)),  # تفعيل
    ({1: "ا", 3: "و"}, (0, 2, 4)),  # فاعول
    ({1: "و", 2: "ا"}, (0, 3, 4)),  # فواعل
    ({2: "ا", 3: "ئ"}, (0, 1, 4)),  # فعائل
    ({1: "ا", 4: "ة"}, (0, 2, 3)),  # فاعلة
    ({2: "ا", 4: "ي"}, (0, 1, 3)),  # فعالي
)
# Five letters, four-letter root (after the three-letter patterns failed).
_W5_4: tuple[Pattern, ...] = (
    ({0: "اتم"}, (1, 2, 3, 4)),  # افعلل تفعلل مفعلل
    ({4: "ة"}, (0, 1, 2, 3)),  # فعللة
    ({2: "ا"}, (0, 1, 3, 4)),  # فعالل
)
# Six letters, three-letter root. افعوعل (the middle root letter doubled
# around «و») is checked in :func:`_w6_3`.
_W6_3: tuple[Pattern, ...] = (
    ({0: "ام", 1: "س", 2: "ت"}, (3, 4, 5)),  # استفعل مستفعل
    ({0: "م", 3: "ا", 5: "ة"}, (1, 2, 4)),  # مفعالة
    ({0: "ا", 2: "ت", 4: "ا"}, (1, 3, 5)),  # افتعال
)
_W6_3_LATE: tuple[Pattern, ...] = (({0: "ت", 2: "ا", 4: "ي"}, (1, 3, 5)),)  # تفاعيل
# Six letters, four-letter root.
_W6_4: tuple[Pattern, ...] = (
    ({0: "ا", 4: "ا"}, (1, 2, 3, 5)),  # افعلال
    ({0: "م", 1: "ت"}, (2, 3, 4, 5)),  # متفعلل
)

# Function words are not stemmed (our own list, in normalised spelling; words
# of three letters or fewer are never changed by the algorithm anyway).
_FUNCTION_WORDS_TEXT = """
    الذي التي الذين اللذين اللذان اللتان اللتين اللواتي اللاتي والذي والتي والذين
    هذا هذه هذان هاتان هؤلاء هولاء ذلك تلك اولئك اوليك لذلك كذلك وهذا وهذه بهذا لهذا
    هناك هنالك هنا عندما بينما حينما كلما طالما ريثما لاسيما سيما حيث حيثما اينما
    كيفما مهما لكن لكنه لكنها ولكن وانما انما لان لانه لانها كانه كانها كانت كان
    وكان وكانت يكون تكون ستكون سيكون ليست وليس ليسوا ليس ليسا مازال مايزال لايزال
    لازال ولايزال مابرح ماانفك مافتي اصبح اصبحت امسى اضحى بات صار ظل عليه عليها
    عليهم عليهما عليكم علينا اليه اليها اليهم اليهما اليكم الينا منه منها منهم منهما
    عنه عنها عنهم عنهما فيه فيها فيهم فيهما لديه لديها لديهم معه معها معهم بينه بينها
    بينهم حول حوالي نحو ضمن خلال اثناء بعد قبل امام وراء فوق تحت عند عندئذ عندي
    حتى الى على وعلى والى وفي ومن ومع وبين وقد فقد فان وان وانه فانه انه انها انهم
    اما واما او ام اذا اذ اذن لولا لوما كيف متى ماذا لماذا ايضا فقط جدا كل كلا كلتا
    بعض جميع غير سوى سوف قد لقد هل يمكن يجب اليوم امس غدا الان الحالي دون بدون بدلا
    منذ مذ لدى وهو وهي وهم فهو فهي هو هي هم هما هن انا نحن انت انتم انتما انتن
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())


def _match(word: str, patterns: tuple[Pattern, ...]) -> str | None:
    for letters, root in patterns:
        if all(word[i] in allowed for i, allowed in letters.items()):
            return "".join(word[i] for i in root)
    return None


def _strip_suffix_1(word: str) -> str:
    return word[:-1] if word[-1:] in SUFFIXES_1 else word


def _strip_prefix_1(word: str) -> str:
    return word[1:] if word[:1] in PREFIXES_1 else word


def _one_more_affix(word: str) -> str:
    """No pattern matched: one suffix letter, else one prefix letter."""
    n = len(word)
    word = _strip_suffix_1(word)
    return _strip_prefix_1(word) if len(word) == n else word


def _w4(word: str) -> str:
    return _match(word, _W4) or _one_more_affix(word)


def _w5_3(word: str) -> str:
    return _match(word, _W5_3) or _one_more_affix(word)


def _w5_end(word: str) -> str:
    """After the five-letter patterns: a word still of four or five letters."""
    if len(word) == 4:
        return _w4(word)
    if len(word) == 5:
        return _match(word, _W5_4) or word
    return word


def _w6_3(word: str) -> str:
    root = _match(word, _W6_3)
    if root is not None:
        return root
    if word[0] == "ا" and word[3] == "و" and word[2] == word[4]:  # افعوعل
        return word[1] + word[4:]
    return _match(word, _W6_3_LATE) or _one_more_affix(word)


def _w6_end(word: str) -> str:
    """After the six-letter patterns: a word still of five or six letters."""
    if len(word) == 5:
        return _w5_end(_w5_3(word))
    if len(word) == 6:
        return _match(word, _W6_4) or word
    return word


def _w6(word: str) -> str:
    return _w6_end(_w6_3(word))


def isri_root(word: str) -> str:
    """The ISRI root (or the stripped stem when no pattern applies) of one Arabic word."""
    word = _SHORT_VOWELS.sub("", word)
    if word in FUNCTION_WORDS:
        return word
    n = len(word)
    # The longest prefix, then the longest suffix, keeping at least three letters.
    if n >= 6 and word.startswith(PREFIXES_3):
        word = word[3:]
    elif n >= 5 and word.startswith(PREFIXES_2):
        word = word[2:]
    n = len(word)
    if n >= 6 and word.endswith(SUFFIXES_3):
        word = word[:-3]
    elif n >= 5 and word.endswith(SUFFIXES_2):
        word = word[:-2]
    # «و» the conjunction before a word that starts with «و».
    if len(word) >= 4 and word.startswith("وو"):
        word = word[1:]
    word = _INITIAL_HAMZA.sub("ا", word)
    n = len(word)
    if n == 4:
        return _w4(word)
    if n == 5:
        return _w5_end(_w5_3(word))
    if n == 6:
        return _w6(word)
    if n == 7:
        word = _one_more_affix(word)
        return _w6(word) if len(word) == 6 else word
    return word
