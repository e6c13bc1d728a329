"""Argon2id password hashing with the library's current recommended parameters."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from wiqaya.errors import InputError

MIN_PASSWORD_CHARS = 12
MAX_PASSWORD_CHARS = 1024  # bounds the hashing work an attacker can ask for
_HASHER = PasswordHasher()
# Verified against when the user does not exist, so both paths cost the same time.
_DUMMY_HASH = _HASHER.hash("wiqaya-timing-equaliser-not-a-password")


def check_password_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise InputError(
            f"password too short: use at least {MIN_PASSWORD_CHARS} characters",
            code="E-INP-SEC-002",
        )
    if len(password) > MAX_PASSWORD_CHARS:
        raise InputError(
            f"password too long: at most {MAX_PASSWORD_CHARS} characters", code="E-INP-SEC-002"
        )


def hash_password(password: str) -> str:
    check_password_policy(password)
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    if len(password) > MAX_PASSWORD_CHARS:
        return False
    try:
        return _HASHER.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _HASHER.check_needs_rehash(stored_hash)
