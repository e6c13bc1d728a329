"""Lenient parsing of filter parameters: a bad value is dropped and reported, never a 500.

Pages show what they could not understand next to the filters, in the
user's language, instead of failing the whole page over one typo.
"""

from __future__ import annotations

import re
from datetime import date

from wiqaya.ids import ascii_int

ISO3 = re.compile(r"^[A-Za-z]{3}$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
CODE = re.compile(r"^[A-Za-z_]{1,20}$")
MAX_QUERY = 200


class Params:
    """Collects parsed values and the names of the parameters that were rejected."""

    def __init__(self, query: dict[str, str]) -> None:
        self.query = query
        self.rejected: list[str] = []

    def _raw(self, key: str) -> str | None:
        value = self.query.get(key)
        if value is None:
            return None
        value = value.strip()
        return value or None

    def date(self, key: str) -> date | None:
        raw = self._raw(key)
        if raw is None:
            return None
        try:
            return date.fromisoformat(raw)
        except ValueError:
            self.rejected.append(key)
            return None

    def choice(self, key: str, options: tuple[str, ...] | list[str], default: str) -> str:
        raw = self._raw(key)
        if raw is None:
            return default
        if raw not in options:
            self.rejected.append(key)
            return default
        return raw

    def iso3(self, key: str) -> str | None:
        raw = self._raw(key)
        if raw is None:
            return None
        if not ISO3.match(raw):
            self.rejected.append(key)
            return None
        return raw.upper()

    def code(self, key: str) -> str | None:
        raw = self._raw(key)
        if raw is None:
            return None
        if not CODE.match(raw):
            self.rejected.append(key)
            return None
        return raw

    def month(self, key: str) -> str | None:
        raw = self._raw(key)
        if raw is None:
            return None
        if not MONTH.match(raw):
            self.rejected.append(key)
            return None
        return raw

    def text(self, key: str) -> str | None:
        raw = self._raw(key)
        if raw is None:
            return None
        if len(raw) > MAX_QUERY or "\x00" in raw:
            self.rejected.append(key)
            return None
        return raw

    def positive(self, key: str, default: int, maximum: int) -> int:
        raw = self._raw(key)
        if raw is None:
            return default
        value = ascii_int(raw)
        if value is None or not 1 <= value <= maximum:
            self.rejected.append(key)
            return default
        return value

    def free(self, key: str, maximum: int = 200) -> str | None:
        """A name such as a source: any text, bounded in length."""
        raw = self._raw(key)
        if raw is not None and (len(raw) > maximum or "\x00" in raw):
            self.rejected.append(key)
            return None
        return raw
