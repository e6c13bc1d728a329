"""Whole numbers typed by users: page numbers, record ids, audit sequence numbers.

``str.isdigit`` is true for «¹», «٣» and every other Unicode digit, which
``int`` then may refuse (a superscript) or read (Arabic-Indic), and for a
5,000-digit string that ``int`` refuses and no database column holds. Ids here
are ASCII digits that fit a signed 64-bit column.
"""

from __future__ import annotations

_MAX_DIGITS = 18  # every 18-digit number fits a signed 64-bit integer


def ascii_int(text: str | None) -> int | None:
    """``text`` as a non-negative int if it is 1–18 ASCII digits, else None."""
    if not text or len(text) > _MAX_DIGITS or not text.isascii() or not text.isdigit():
        return None
    return int(text)
