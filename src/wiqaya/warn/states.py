"""The alert life cycle: new -> acknowledged -> escalated | dismissed (with a reason).

Escalated and dismissed are final. Anything else is a conflict with the
alert's current state, reported with what *is* allowed from there.
"""

from __future__ import annotations

from wiqaya.errors import ConflictError, InputError

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("acknowledged",),
    "acknowledged": ("escalated", "dismissed"),
    "escalated": (),
    "dismissed": (),
}
VERBS = {"acknowledged": "ack", "escalated": "escalate", "dismissed": "dismiss"}
MAX_REASON = 2000


def check_transition(current: str, target: str, reason: str | None) -> str | None:
    """Validate a move; return the cleaned reason. Raises ConflictError or InputError."""
    if target not in TRANSITIONS:
        raise InputError(f"unknown alert state {target!r}", code="E-WRN-020")
    if target not in TRANSITIONS.get(current, ()):
        allowed = ", ".join(TRANSITIONS.get(current, ())) or "nothing (final state)"
        raise ConflictError(
            f"an alert that is {current} cannot become {target}; allowed: {allowed}",
            code="E-CON-121",
        )
    cleaned = (reason or "").strip() or None
    if cleaned and len(cleaned) > MAX_REASON:
        raise InputError(f"reason longer than {MAX_REASON} characters", code="E-WRN-023")
    if target == "dismissed" and not cleaned:
        raise InputError("dismissing an alert requires a reason", code="E-WRN-022")
    return cleaned
