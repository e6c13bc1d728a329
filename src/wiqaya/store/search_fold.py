"""Arabic-tolerant substring search in SQL, the same on SQLite and PostgreSQL.

An Arabic reader treats «إسرائيل» and «اسرائيل», «الحكومة» and «الحكومه», «الحُكومة»
and «الحكومة» as one word; a search should too. The query and the stored text
are both folded with the letter folds of :func:`wiqaya.language.arabic.normalise`
(hamza seats, alef maqsura, ta marbuta, Arabic-Indic digits) and lose their vowel
marks and tatweel.
PostgreSQL folds in one pass with ``translate``; SQLite has no such function,
so each connection gets ``wiqaya_fold``, this module's :func:`fold`.
"""

from __future__ import annotations

from sqlalchemy import func
from sqlalchemy.sql.elements import ColumnElement

from wiqaya.language.arabic import LETTER_FOLDS, MARKS

# Tatweel and the vowel and Quranic marks are dropped.
_DROPPED = "\u0640" + MARKS
# A list indexed by code point, not a dict: str.translate with a dict raises and
# catches a KeyError for every unmapped character, which doubled the cost of a
# search over every stored document. Characters past the list stay as they are.
_TABLE: list[int | str | None] = list(range(0x0700))
for _char, _to in {**LETTER_FOLDS, **dict.fromkeys(_DROPPED)}.items():
    _TABLE[ord(_char)] = _to
# translate(text, from, to) drops the characters of `from` past the end of `to`.
_PG_FROM = "".join(LETTER_FOLDS) + _DROPPED
_PG_TO = "".join(LETTER_FOLDS.values())


def fold(text: str | None) -> str | None:
    """``text`` with Arabic spelling variants and marks folded (None stays None)."""
    return text.translate(_TABLE) if text is not None else None


def is_arabic(query: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in query)


def folded(column: ColumnElement, dialect: str) -> ColumnElement:
    """The SQL expression of ``column`` folded as :func:`fold` folds Python text."""
    if dialect == "sqlite":
        return func.wiqaya_fold(column)
    return func.translate(column, _PG_FROM, _PG_TO)


def register_sqlite(dbapi_connection) -> None:  # type: ignore[no-untyped-def]
    dbapi_connection.create_function("wiqaya_fold", 1, fold, deterministic=True)
