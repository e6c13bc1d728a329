"""Period arithmetic for country-month (``YYYY-MM``) and country-year (``YYYY``) series."""

from __future__ import annotations

import re
from datetime import datetime

from wiqaya.errors import InputError

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def ordinal(period: str, freq: str) -> int:
    """A number that increases by one per period, so adjacency is a subtraction."""
    if freq == "month":
        m = _MONTH.match(period)
        if not m or not 1 <= int(m.group(2)) <= 12:
            raise InputError(f"not a month period (YYYY-MM): {period!r}", code="E-WRN-010")
        return int(m.group(1)) * 12 + int(m.group(2)) - 1
    if freq == "year":
        m = _YEAR.match(period)
        if not m:
            raise InputError(f"not a year period (YYYY): {period!r}", code="E-WRN-010")
        return int(m.group(1))
    raise InputError(f"unknown frequency {freq!r} (expected month or year)", code="E-WRN-011")


def period_close(period: str, freq: str) -> datetime:
    """The instant a period's data is complete: the start of the next period."""
    n = ordinal(period, freq) + 1
    if freq == "month":
        return datetime(n // 12, n % 12 + 1, 1)
    return datetime(n, 1, 1)
