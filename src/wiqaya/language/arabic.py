"""Arabic normalisation for matching and hashing only: never applied to stored text.

One function, :func:`normalise`, is the single definition used by dedupe,
search, actor and place lookup, so «الحكومة», «الحكومه» and «الحُكومة» meet.
It is idempotent (``normalise(normalise(s)) == normalise(s)``), and it never
touches non-Arabic letters except to fold case and collapse whitespace.
"""

from __future__ import annotations

import re
import unicodedata

# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks. Public, with
# LETTER_FOLDS, for the database search that folds alike (wiqaya.store.search_fold).
MARKS = "".join(
    chr(c)
    for first, last in ((0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED))
    for c in range(first, last + 1)
)
_DIACRITICS = re.compile(f"[{MARKS}]")
_TATWEEL = "\u0640"
# Invisible formatting marks that split words for matching: ZWJ/ZWNJ, LRM/RLM,
# the bidi embeddings/overrides/isolates and the BOM.
_FORMAT_MARKS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c]")
# Hamza written on the line after yeh («الطوارىء», «شيء») is a spelling of the
# hamza-on-yeh form («الطوارئ»): after folding both read as a plain yeh.
_YEH_HAMZA = re.compile("(?<=ي)ء+")

LETTER_FOLDS: dict[str, str] = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ی": "ي",  # Persian yeh, common in mixed-keyboard text
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    "ک": "ك",  # Persian kaf
    # Arabic-Indic and Eastern Arabic-Indic digits to ASCII.
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    "٫": ".",
    "٬": ",",
    "،": ",",
    "؛": ";",
    "؟": "?",
}
_FOLD = str.maketrans(LETTER_FOLDS)

# The same mapping as a list indexed by code point up to the Arabic block: str.translate
# with a dict raises and catches a KeyError for every unmapped character, which made
# folding the slowest step of ingest. Characters past the list are left unchanged.
_FOLD_TABLE: list[int | str] = list(range(0x0700))
for _code, _target in _FOLD.items():
    _FOLD_TABLE[_code] = _target


# Plain Arabic letters (hamza to ghain, feh to yeh): NFKC leaves them as they
# are (none has a compatibility decomposition, and only marks compose with
# them), they carry no marks, formatting or case, and folding keeps them in
# the set. A word of these alone needs the fold and the yeh-hamza rule only.
_PLAIN_ARABIC = re.compile("[\u0621-\u063a\u0641-\u064a]+")


def normalise(text: str) -> str:
    """Return the matching form of ``text``: folded letters, no marks, single spaces."""
    if not text:
        return ""
    if _PLAIN_ARABIC.fullmatch(text):
        # Most words of Arabic text: the steps below would change nothing else.
        text = text.translate(_FOLD_TABLE)
        return _YEH_HAMZA.sub("", text) if "ء" in text else text
    if text.isascii():
        # NFKC, marks and folding leave ASCII alone; casefold and spaces remain.
        return " ".join(text.casefold().split())
    # NFKC first turns presentation forms (ﻻ, ﺍ) into base letters before folding.
    text = unicodedata.normalize("NFKC", text)
    text = _FORMAT_MARKS.sub("", text)
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "")
    text = text.translate(_FOLD_TABLE)
    text = _YEH_HAMZA.sub("", text)
    # Folding can expose new combining sequences only in exotic input; a second
    # NFKC pass keeps the function idempotent on them.
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text)
    text = text.casefold()
    # Same as collapsing r"\s+" to one space and stripping, several times faster.
    return " ".join(text.split())


_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")


# Runs of letters: their lengths sum to the count of letters, and findall
# builds a string per run instead of one per letter (this runs on every
# sentence read; about 45% faster on the Arabic dev sentences).
_ARABIC_RUN = re.compile(_ARABIC_LETTER.pattern + "+")
_LATIN_RUN = re.compile(_LATIN_LETTER.pattern + "+")


def arabic_share(text: str) -> float:
    """Share of letters that are Arabic script (0.0 when the text has no letters)."""
    arabic = sum(map(len, _ARABIC_RUN.findall(text)))
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    total = arabic + latin
    return arabic / total if total else 0.0


_TOKEN = re.compile(r"[\w\u0600-\u06ff]+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Word tokens of the normalised text."""
    return _TOKEN.findall(normalise(text))


# Attached conjunctions and prepositions that precede a noun in running text
# («وبغداد», «للحكومة», «فالجيش»), in the normalised alphabet. Order matters:
# longest first so «وبال» is tried before «و».
_PROCLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
_SINGLE = ("و", "ف", "ب", "ل", "ك")
# The letters a clitic or the article can start with: a word starting with
# none of them is its own only variant.
CLITIC_FIRST = frozenset(p[0] for p in _PROCLITICS + _SINGLE)
# _PROCLITICS by length, longest first as listed: one slice and one set lookup
# per length find the clitic the ordered startswith loop found (a word starts
# with at most one clitic of each length). Every new word of a read goes here.
_PROCLITIC_SETS = tuple(
    (n, frozenset(p for p in _PROCLITICS if len(p) == n))
    for n in sorted({len(p) for p in _PROCLITICS}, reverse=True)
)


def clitic_variants(word: str) -> list[str]:
    """Forms of a normalised word with attached clitics and the article removed.

    The word itself comes first, so a dictionary hit on the full form («بغداد»)
    wins over a stripped one («غداد»). «لل» + noun yields the noun with its
    article («للحكومه» → «الحكومه», «حكومه»). Pure and idempotent on its input.
    """
    if word[:1] not in CLITIC_FIRST:
        return [word]  # most words: no clitic or article can start here
    out = [word]
    for n, clitics in _PROCLITIC_SETS:
        if len(word) - n >= 2 and word[:n] in clitics:
            rest = word[n:]
            if word[n - 2 : n] == "لل":
                out.append("ال" + rest)
            out.append(rest)
            break
    if word[:1] in _SINGLE and len(word) >= 4:
        rest = word[1:]
        out.append(rest)
        if rest.startswith("ال") and len(rest) >= 4:
            out.append(rest[2:])
        elif rest[:1] in _SINGLE and rest[1:3] == "ال" and len(rest) >= 5:
            out.append(rest[1:])
            out.append(rest[3:])
    return list(dict.fromkeys(out))  # first occurrences, in order


# Proclitics fused with the article, longest first: «وال» and, «بال» with the,
# «كال» like the, «فال» so the, «لل» for the, «ال» the.
_ARTICLE_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_PLURAL_SUFFIXES = ("ات", "ون", "ين")


def light_stems(token: str) -> tuple[str, ...]:
    """Matching stems of one normalised Arabic token, the main one first.

    Light stemming for search, not morphology: the article and the proclitics
    fused with it are removed («والسلام», «بالسلام», «السلام» all give «سلام»).
    A single leading «و» (and) and a sound-plural ending are removed only as
    extra stems, because in short words they are often part of the root
    («وقف», «بيروت»). Non-Arabic tokens come back unchanged.
    """
    if not token or not _ARABIC_LETTER.match(token[0]):
        return (token,)
    base = token
    for prefix in _ARTICLE_PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            base = token[len(prefix) :]
            break
    stems = [base]
    if base is token and token[0] == "و" and len(token) >= 5:
        stems.append(token[1:])
    if len(base) >= 6 and base.endswith(_PLURAL_SUFFIXES):
        stems.append(base[:-2])
    return tuple(stems)
