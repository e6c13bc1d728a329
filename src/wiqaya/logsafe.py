"""Log-injection and Trojan-Source neutralisation for logs and for display.

User-controlled text (file names, document titles, request paths) reaches the
logs. Unescaped, a newline forges a whole log line, an ANSI escape rewrites the
operator's terminal, and bidirectional controls (U+202E and friends) make a line
read differently from what it holds. :func:`neutralise` turns all of them into
visible, inert escapes (``\\n``, ``\\x1b``, ``<U+202E>``) so one record stays
one line and reads as it is.

:class:`SafeLogFilter` applies it to every record passing a handler;
:func:`configure_logging` (the CLI) and :func:`uvicorn_log_config` (serving)
install it. For the web UI, :func:`display_safe` makes the direction-changing
controls visible while keeping the marks Arabic typing uses legitimately.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from wiqaya.errors import from_interrupt

# Embeddings, overrides and isolates: they reorder whole runs of text.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Direction marks: invisible, legitimate in Arabic text, but still hide things in logs.
BIDI_MARKS = "\u200e\u200f\u061c"
_BIDI_NAMES = {
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u061c": "ALM",
}
_NAMED = {"\r": "\\r", "\n": "\\n", "\t": "\\t"}

# C0 and C1 control characters (ESC starts ANSI sequences; CSI U+009B does too),
# DEL, line/paragraph separators that some viewers break on, and all bidi controls.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u0085" + BIDI_CONTROLS + BIDI_MARKS + "]")
_DISPLAY_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]")


def _escape(match: re.Match[str]) -> str:
    ch = match.group(0)
    if ch in _NAMED:
        return _NAMED[ch]
    if ch in _BIDI_NAMES:
        return f"<U+{ord(ch):04X}>"
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def neutralise(text: str) -> str:
    """One inert, visible line: controls and bidi characters become escapes.

    Idempotent: the escapes themselves are plain ASCII.
    """
    return _UNSAFE.sub(_escape, text)


def _display_escape(match: re.Match[str]) -> str:
    ch = match.group(0)
    name = _BIDI_NAMES.get(ch)
    return f"⟨{name}⟩" if name else "\ufffd"


def display_safe(text: object) -> str:
    """Text for the UI: bidi embeddings/overrides/isolates shown as ⟨RLO⟩ etc.

    Control characters become U+FFFD. Newlines and tabs stay (the page lays them
    out), and so do LRM/RLM/ALM, which Arabic typing uses legitimately and which
    cannot reorder text on their own. HTML escaping is Jinja's autoescape.
    """
    if text is None:
        return ""
    return _DISPLAY_UNSAFE.sub(_display_escape, str(text))


def _safe_arg(value: Any) -> Any:
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, int | float) or value is None:
        return value
    # Objects are formatted now, so their str() cannot smuggle a newline later.
    return neutralise(str(value))


class SafeLogFilter(logging.Filter):
    """Neutralise the message and its arguments of every record (never drops one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_wiqaya_safe", False):
            return True
        if isinstance(record.msg, str):
            record.msg = neutralise(record.msg)
        else:
            record.msg = neutralise(str(record.msg))
        if isinstance(record.args, tuple):
            record.args = tuple(_safe_arg(a) for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: _safe_arg(v) for k, v in record.args.items()}
        record._wiqaya_safe = True
        return True


def install(logger: logging.Logger | None = None) -> None:
    """Add the filter to every handler of ``logger`` (the root logger by default)."""
    logger = logger or logging.getLogger()
    for handler in logger.handlers:
        if not any(isinstance(f, SafeLogFilter) for f in handler.filters):
            handler.addFilter(SafeLogFilter())


class InterruptedResetFilter(logging.Filter):
    """Drop the pool's traceback for a connection a Ctrl-C left busy.

    The pool discards such a connection by itself (the server rolls its
    transaction back) and the CLI reports the interrupt: the traceback would
    only make a deliberate stop look like a crash.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not (
            record.name.startswith("sqlalchemy.pool") and exc is not None and from_interrupt(exc)
        )


def configure_logging(level: int = logging.WARNING) -> None:
    """The CLI's logging: one line per record, user text neutralised."""
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    install()
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, InterruptedResetFilter) for f in handler.filters):
            handler.addFilter(InterruptedResetFilter())


def uvicorn_log_config(level: str = "warning") -> dict[str, Any]:
    """A uvicorn ``log_config`` whose handlers neutralise records (access paths included)."""
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = {
        **LOGGING_CONFIG,
        "filters": {"wiqaya_safe": {"()": "wiqaya.logsafe.SafeLogFilter"}},
        "handlers": {
            name: {**handler, "filters": ["wiqaya_safe"]}
            for name, handler in LOGGING_CONFIG["handlers"].items()
        },
        "loggers": {
            name: {**logger, "level": level.upper()}
            for name, logger in LOGGING_CONFIG["loggers"].items()
        },
    }
    # Wiqaya's own loggers (the web app's "unhandled error" included) go through too.
    config["root"] = {"handlers": ["default"], "level": level.upper()}
    return config
