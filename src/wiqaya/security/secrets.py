"""The per-install secret and the keys derived from it.

The secret is 32 random bytes written on first use to ``WIQAYA_HOME/secret.key``
with mode 0600 (created with O_EXCL, so two workers starting together agree on
one file). There is no default: without the file nothing can be signed,
sealed, pseudonymised or decrypted. It is kept out of the database on purpose:
a copy of the database alone must not reveal confidential source identities.

Each use gets its own key by HKDF with a distinct label, so a leak of one
derived key (say, the session signer) tells nothing about the others.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import secrets
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from wiqaya.errors import ConfigError

log = logging.getLogger(__name__)

SECRET_FILE = "secret.key"
SECRET_BYTES = 32
# Pseudonyms look like ``src-k3v9…``: recognisable as a pseudonym, never as a name.
PSEUDONYM_PREFIX = "src-"
PSEUDONYM_CHARS = 20


def secret_path(home: Path) -> Path:
    override = os.environ.get("WIQAYA_SECRET_FILE", "").strip()
    return Path(override).expanduser() if override else home / SECRET_FILE


def _write_new_secret(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    value = base64.urlsafe_b64encode(secrets.token_bytes(SECRET_BYTES))
    # Written in full to a private temporary file, then linked into place: a
    # concurrent first run never reads a half-written secret, and link() fails
    # rather than replaces when another process got there first.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(value + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            return  # another process won the race; read theirs
    finally:
        tmp.unlink(missing_ok=True)
    log.info("generated a new install secret at %s", path)


def load_secret(home: Path) -> bytes:
    """Read the install secret, generating it on first use; refuse unsafe permissions."""
    path = secret_path(home)
    if not path.exists():
        _write_new_secret(path)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise ConfigError(
            f"the install secret {path} is readable by other users (mode {mode:o}); "
            f"run `chmod 600 {path}`",
            code="E-CFG-010",
        )
    raw = path.read_bytes().strip()
    try:
        secret = base64.urlsafe_b64decode(raw)
    except ValueError as exc:
        raise ConfigError(f"the install secret {path} is not valid", code="E-CFG-011") from exc
    if len(secret) < SECRET_BYTES:
        raise ConfigError(
            f"the install secret {path} is too short ({len(secret)} bytes, need "
            f"{SECRET_BYTES}); move it away to generate a new one (this logs everyone out "
            "and makes encrypted source identities unreadable)",
            code="E-CFG-011",
        )
    return secret


def _derive(secret: bytes, label: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=f"wiqaya/{label}".encode()
    ).derive(secret)


@dataclass(frozen=True)
class Keys:
    """Purpose-specific keys derived from one install secret."""

    secret: bytes

    @cached_property
    def session(self) -> bytes:
        return _derive(self.secret, "session-cookie/v1")

    @cached_property
    def audit(self) -> bytes:
        return _derive(self.secret, "audit-seal/v1")

    @cached_property
    def pseudonym(self) -> bytes:
        return _derive(self.secret, "source-pseudonym/v1")

    @cached_property
    def _fernet(self) -> Fernet:
        return Fernet(base64.urlsafe_b64encode(_derive(self.secret, "source-identity/v1")))

    def seal(self, digest: str) -> str:
        return hmac.new(self.audit, digest.encode(), hashlib.sha256).hexdigest()

    def pseudonym_for(self, identity: str) -> str:
        """A stable keyed pseudonym: same identity, same install → same pseudonym."""
        canonical = " ".join(identity.split()).casefold().encode()
        digest = hmac.new(self.pseudonym, canonical, hashlib.sha256).digest()
        text = base64.b32encode(digest).decode().lower().rstrip("=")
        return PSEUDONYM_PREFIX + text[:PSEUDONYM_CHARS]

    def encrypt_identity(self, identity: str) -> bytes:
        return self._fernet.encrypt(identity.encode())

    def decrypt_identity(self, token: bytes) -> str:
        try:
            return self._fernet.decrypt(token).decode()
        except InvalidToken as exc:
            raise ConfigError(
                "cannot decrypt this source identity: the install secret differs from the "
                "one it was encrypted with",
                code="E-CFG-012",
            ) from exc


def load_keys(home: Path) -> Keys:
    return Keys(load_secret(home))
