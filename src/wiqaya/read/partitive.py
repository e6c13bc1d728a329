"""Arabic partitive actors: «مسلحون من حركة الشباب» is one actor, the group.

Current news names an armed group's or a party's people by a head noun and
the group after «من»: «مسلحون من حركة الشباب», «عناصر من الحشد الشعبي»,
«مقاتلون من قوات الدعم السريع», «وفد من حماس»; or a body's members after
«في»: «قادة في الجيش السوداني», «أعضاء في حركة النهضة». The actor dictionary finds
the head («مسلحون», REB with no country) and the group as two mentions, or
the group alone («وفد» is no actor). The roles then took them as two sides
(the gunmen as the target of their own attack), or dropped the group as a
place of origin after «من» and named no subject at all.

:func:`join_partitives` makes the head, «من» and the group one mention: the
group's country, the group's sector, or the head's when the group has none
(«مسلحون من حركة الشباب» is IMG REB). It runs after the detector has read the
sentence (the detector's view of actors is left as it was trained) and before
the roles. It never touches the actor dictionary and never adds a country
the group does not carry.
"""

from __future__ import annotations

from wiqaya.read.actors import ActorMention
from wiqaya.read.phrases import Token

# Head nouns (normalised, without «و»/«ف» or a «ب»/«ل» clitic) that name
# some of a group's people. Not quantities («عدد من», «مجموعة من»: the
# dictionary finds the people after them as mentions of their own), and not
# single persons named by a title («رئيس», «وزير»), which take the group
# as a genitive, not after «من».
_HEADS: dict[str, str | None] = {
    "مسلح": "REB",
    "مسلحا": "REB",
    "مسلحون": "REB",
    "مسلحين": "REB",
    "مقاتل": "REB",
    "مقاتلا": "REB",
    "مقاتلون": "REB",
    "مقاتلين": "REB",
    "عناصر": None,
    "عنصر": None,
    "عنصرا": None,
    "افراد": None,
    "اعضاء": None,
    "عضو": None,
    "عضوا": None,
    "قاده": None,
    "قيادات": None,
    "قيادي": None,
    "قياديا": None,
    "قياديون": None,
    "قياديين": None,
    "وفد": None,
    "وفدا": None,
    "وفود": None,
    "ممثلون": None,
    "ممثلين": None,
    "ممثلو": None,
    "جنود": "MIL",
    "ضباط": "MIL",
    "ضابط": "MIL",
    "ضابطا": "MIL",
    "ضباطا": "MIL",
    # «فجر انتحاري من حركة الشباب نفسه», «خلية من تنظيم داعش»: the bomber and
    # the cell were the group's victims and the group their target.
    "انتحاري": "REB",
    "انتحاريا": "REB",
    "انتحاريون": "REB",
    "انتحاريين": "REB",
    "خليه": None,
    "موظفين": None,
    "موظفون": None,
    "موظفا": None,
    "انصار": None,
    "ناشطون": None,
    "ناشطين": None,
}
# Words that join a thing or people to whom they belong, the owner after «لـ»:
# «قوات تابعة للأمم المتحدة», «سفينة مملوكة لشركة إسرائيلية», «طائرة مسيرة تابعة
# لقوات الدعم السريع». Normalised (ة as ه).
BELONGING = frozenset(
    {"تابعه", "التابعه", "تابع", "التابع", "تابعا", "التابعين"}
    | {"مملوكه", "المملوكه", "مملوك", "المملوك"}
)
# Words for a body that the dictionary leaves out of a group's name.
_BODIES = frozenset(
    {"تنظيم", "حركه", "جماعه", "حزب", "ميليشيا", "ميليشيات", "مليشيا", "فصايل", "نقابه"}
)
# Punctuation that separates the head from «من» or «من» from the group.
_BREAKS = frozenset('.,،;؛:?؟!()[]«»"')


def head_word(norm: str) -> str | None:
    """The partitive head a word is, without «و»/«ف» and a «ب»/«ل» clitic, or None."""
    cands = [norm]
    if norm[:1] in "وف" and len(norm) > 3:
        cands.append(norm[1:])
    for w in list(cands):
        if w[:1] in "بل" and len(w) > 3:
            cands.append(w[1:])
    return next((w for w in cands if w in _HEADS), None)


def attacker_head(norm: str) -> bool:
    """The word is a head naming armed people («انتحاريا», «مسلحون»)."""
    head = head_word(norm)
    return head is not None and _HEADS[head] == "REB"


def join_partitives(
    actors: list[ActorMention], tokens: list[Token], sentence: str, offset: int
) -> list[ActorMention]:
    """``actors`` with each «head من group» made one mention of the group.

    ``sentence`` is the sentence text and ``offset`` its start in the
    document (token offsets are the document's).
    """
    if not actors:
        return actors
    by_start = {a.start: a for a in actors}
    drop: set[int] = set()
    joined: dict[int, ActorMention] = {}
    for a in actors:
        h = a.start - 2
        body = by_start.get(a.start - 1)
        if a.start >= 3 and tokens[a.start - 1].norm in _BODIES:
            # «عناصر من تنظيم داعش», «مسلحون من جماعة الحوثي»: the dictionary
            # names the group without its body word (or the word alone, «جماعة»
            # BUS).
            h = a.start - 3
            if body is not None and (body.end != a.start or body.country is not None):
                continue
        if h < 0 or (a.country is None and a.sector is None):
            continue
        link = tokens[h + 1].norm
        # «قادة في الجيش السوداني», «أعضاء في حركة النهضة»: «في» joins a head
        # to a body it serves in; after a bare country («مسلحون في العراق») it
        # says where they are.
        if link != "من" and not (link == "في" and a.sector is not None):
            continue
        head = head_word(tokens[h].norm)
        if head is None:
            continue
        gap = sentence[tokens[h].end - offset : tokens[a.start].start - offset]
        # «مسلحا من تنظيم «القاعدة»»: a quote may open the name.
        if not _BREAKS.isdisjoint(gap.replace("«", "")):
            continue
        own = by_start.get(h)
        if own is not None and (own.end != h + 1 or own.country is not None):
            # The head is part of a longer name, or a name of its own.
            continue
        sector = a.sector or (own.sector if own is not None else None) or _HEADS[head]
        text = sentence[tokens[h].start - offset : tokens[a.end - 1].end - offset]
        joined[a.start] = ActorMention(text, h, a.end, a.country, sector)
        for m in (own, body if h == a.start - 3 else None):
            if m is not None:
                drop.add(id(m))
    if not joined:
        return actors
    return [joined.get(a.start, a) for a in actors if id(a) not in drop]
