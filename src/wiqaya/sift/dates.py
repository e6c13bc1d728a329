"""Parse the dates found in documents and feeds into naive UTC datetimes.

Accepts ISO 8601 (date or date-time, with ``Z`` or an offset), RFC 2822 (feeds),
``YYYY/MM/DD``, ``17 May 2024`` (ACLED exports) and Arabic-Indic digits.
Anything else, or a year outside 1900..next year, is :class:`InvalidDate`:
the record is quarantined, not guessed.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_DIGITS = str.maketrans(
    {**{chr(0x660 + i): str(i) for i in range(10)}, **{chr(0x6F0 + i): str(i) for i in range(10)}}
)
_SLASHED = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
MIN_YEAR = 1900


class InvalidDate(ValueError):
    pass


def parse_date(raw: str | None) -> datetime | None:
    """``None`` for a blank value; a naive UTC datetime; or :class:`InvalidDate`."""
    if raw is None:
        return None
    value = str(raw).strip().translate(_DIGITS)
    if not value:
        return None
    parsed = _parse(value)
    if parsed is None:
        raise InvalidDate(f"unreadable date {raw!r} (use ISO 8601, e.g. 2024-05-17)")
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    if not MIN_YEAR <= parsed.year <= datetime.now(UTC).year + 1:
        raise InvalidDate(f"date {raw!r} is out of range ({MIN_YEAR} to next year)")
    return parsed


def _parse(value: str) -> datetime | None:
    iso = value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    match = _SLASHED.match(value)
    if match:
        try:
            return datetime(*(int(g) for g in match.groups()))
        except ValueError:
            return None
    for fmt in ("%d %B %Y", "%d %b %Y", "%d-%B-%Y", "%d-%b-%Y"):
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


# LDC newswire document ids (Gigaword and the corpora built on it, such as the
# OEDA Arabic gold standard) carry the story's date: AAW_ARB_20080913.0007 is
# Asharq Al-Awsat, 13 September 2008, story 7.
_NEWSWIRE_ID = re.compile(r"^[A-Z]{3}_[A-Z]{3}_(\d{4})(\d{2})(\d{2})\.\d{4}")


def date_from_newswire_id(external_id: str | None) -> datetime | None:
    """The date encoded in an LDC newswire document id, else ``None`` (never raises)."""
    if not external_id:
        return None
    match = _NEWSWIRE_ID.match(external_id.strip())
    if not match:
        return None
    try:
        found = datetime(*(int(g) for g in match.groups()))
    except ValueError:
        return None
    return found if MIN_YEAR <= found.year <= datetime.now(UTC).year + 1 else None
