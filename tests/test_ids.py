"""User-typed ids: ASCII digits that fit a 64-bit column, nothing else."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wiqaya.ids import ascii_int


def test_ids() -> None:
    assert ascii_int("2120") == 2120 and ascii_int("0") == 0
    for bad in ("", None, "¹", "٣", "-1", "1.5", " 7", "9" * 19, "9" * 5000):
        assert ascii_int(bad) is None


@given(st.text(max_size=30))
def test_any_text_is_an_id_or_none_never_an_error(text: str) -> None:
    value = ascii_int(text)
    assert value is None or (0 <= value < 2**63 and text.isascii() and int(text) == value)
