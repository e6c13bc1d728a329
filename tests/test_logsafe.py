"""Log injection and Trojan-Source characters are neutralised in logs and pages."""

from __future__ import annotations

import io
import logging
import logging.config

from hypothesis import given, settings
from hypothesis import strategies as st

from wiqaya.logsafe import (
    BIDI_CONTROLS,
    BIDI_MARKS,
    SafeLogFilter,
    display_safe,
    neutralise,
    uvicorn_log_config,
)
from wiqaya.web.templating import TEMPLATES

DANGEROUS = "\r\n\x1b\x9b\x00\x7f\u2028\u2029\u0085" + BIDI_CONTROLS + BIDI_MARKS
# Text mixing Arabic, Latin, controls and bidi characters, as an attacker would.
hostile = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(DANGEROUS)),
        st.sampled_from(list("بغداد الحكومة مظاهرة ")),
        st.characters(),
    ),
    max_size=200,
)


@given(hostile)
def test_neutralise_leaves_no_dangerous_character(text: str) -> None:
    out = neutralise(text)
    assert not any(ch in out for ch in DANGEROUS)
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in out)


@given(hostile)
def test_neutralise_is_idempotent_and_keeps_plain_text(text: str) -> None:
    once = neutralise(text)
    assert neutralise(once) == once
    plain = "".join(
        ch for ch in text if ch not in DANGEROUS and not (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F)
    )
    if plain == text:
        assert once == text


def test_arabic_survives_unchanged() -> None:
    sentence = "قُتل ثلاثة مدنيين في قصف على حلب، بحسب المرصد."
    assert neutralise(sentence) == sentence


def _log_through_filter(msg: str, *args: object) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(SafeLogFilter())
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("wiqaya.test.logsafe")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        logger.warning(msg, *args)
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


@settings(max_examples=60)
@given(hostile, hostile)
def test_one_record_is_one_line(title: str, path: str) -> None:
    out = _log_through_filter("stored %s from %s", title, path)
    assert out.count("\n") == 1 and out.endswith("\n")
    assert "\x1b" not in out and "\u202e" not in out


def test_forged_line_is_visible() -> None:
    out = _log_through_filter("file %s", "a.txt\nCRITICAL admin logged in\x1b[2J")
    assert out == "WARNING file a.txt\\nCRITICAL admin logged in\\x1b[2J\n"
    # A non-string argument cannot smuggle a newline through its str() either.
    out = _log_through_filter("value %s", ValueError("x\ny"))
    assert out == "WARNING value x\\ny\n"
    # Numbers keep their formatting.
    assert _log_through_filter("%d docs", 3) == "WARNING 3 docs\n"


def test_uvicorn_config_filters_access_log() -> None:
    config = uvicorn_log_config("info")
    assert all("wiqaya_safe" in h["filters"] for h in config["handlers"].values())
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    try:
        logging.config.dictConfig(config)
        access = logging.getLogger("uvicorn.access")
        stream = io.StringIO()
        access.handlers[0].stream = stream  # type: ignore[attr-defined]
        access.info(
            '%s - "%s %s HTTP/%s" %d', "127.0.0.1:1", "GET", "/x\r\nINFO fake\u202e", "1.1", 200
        )
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
    line = stream.getvalue()
    assert line.count("\n") == 1 and "<U+202E>" in line and "\\r\\n" in line


@given(hostile)
def test_display_safe_shows_overrides(text: str) -> None:
    out = display_safe(text)
    assert not any(ch in out for ch in BIDI_CONTROLS)
    assert display_safe(out) == out


def test_pages_render_overrides_visibly_and_escaped() -> None:
    template = TEMPLATES.env.from_string("<p>{{ title }}</p><p>{{ title|safe_text }}</p>")
    html = template.render(title="خبر \u202eevil<script>\u202c عادي\u200f")
    assert "\u202e" not in html and "\u202c" not in html
    assert "⟨RLO⟩" in html and "⟨PDF⟩" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    # Direction marks used in ordinary Arabic typing are kept.
    assert "\u200f" in html
