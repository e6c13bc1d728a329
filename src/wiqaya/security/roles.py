"""Roles, ordered: each role may do everything the roles below it may."""

from __future__ import annotations

from wiqaya.errors import InputError

VIEWER = "viewer"
ANALYST = "analyst"
ADMIN = "admin"
ROLES = (VIEWER, ANALYST, ADMIN)
_RANK = {role: rank for rank, role in enumerate(ROLES, start=1)}


def check_role(role: str) -> str:
    value = role.strip().lower()
    if value not in _RANK:
        raise InputError(
            f"unknown role {role!r}; choose one of: {', '.join(ROLES)}", code="E-INP-SEC-001"
        )
    return value


def at_least(role: str | None, minimum: str) -> bool:
    """Whether ``role`` may do what needs ``minimum`` (None means not logged in)."""
    return role is not None and _RANK.get(role, 0) >= _RANK[minimum]
