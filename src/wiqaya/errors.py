"""The exception tree users can catch, each with a stable, searchable code.

    WiqayaError                  base; ``code`` like ``E-ING-003``, ``message`` for people
    ├── ConfigError              bad settings or environment
    ├── DatabaseError            the database cannot be reached or is not migrated
    ├── InputError               a user-supplied file, option or record is wrong
    │   └── QuarantineReason     (not raised) reasons a single input is set aside
    ├── NotFoundError            a requested record does not exist
    ├── ConflictError            a write would break an invariant (double booking, overspend)
    └── PermissionDenied         the caller may not do this

The CLI prints ``[code] message`` and exits non-zero; the API returns
``{"error": {"code", "message"}}``. Neither shows a traceback for these.
"""

from __future__ import annotations


class WiqayaError(Exception):
    code = "E-GEN-000"
    exit_code = 1

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ConfigError(WiqayaError):
    code = "E-CFG-001"
    exit_code = 2


class DatabaseError(WiqayaError):
    code = "E-DB-001"
    exit_code = 3


class InputError(WiqayaError):
    code = "E-INP-001"
    exit_code = 2


class NotFoundError(WiqayaError):
    code = "E-NF-001"
    exit_code = 4


class ConflictError(WiqayaError):
    code = "E-CON-001"
    exit_code = 5


class PermissionDenied(WiqayaError):
    code = "E-AUTH-001"
    exit_code = 6


__all__ = [
    "ConfigError",
    "ConflictError",
    "DatabaseError",
    "InputError",
    "NotFoundError",
    "PermissionDenied",
    "WiqayaError",
]


def from_interrupt(exc: BaseException) -> bool:
    """True when a Ctrl-C is somewhere in ``exc``'s chain of causes.

    An interrupt that lands inside a database driver often surfaces as the
    driver's own error (psycopg turns it into "cannot exit pipeline mode while
    busy"), or as the error of a clean-up that failed after it: either way the
    user pressed Ctrl-C, and that is what must be reported.
    """
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        if isinstance(cur, KeyboardInterrupt):
            return True
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return False
