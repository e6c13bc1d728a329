"""Users, browser sessions, API tokens, login rate limiting and confidential sources.

Every write here calls :func:`wiqaya.store.audit.record` in the same
transaction, with a payload that never holds a password, token or identity.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from wiqaya.errors import ConflictError, InputError, NotFoundError
from wiqaya.security import passwords
from wiqaya.security.roles import ADMIN, ANALYST, VIEWER, check_role
from wiqaya.security.secrets import Keys
from wiqaya.store.audit import record
from wiqaya.store.models.base import utcnow
from wiqaya.store.models.security import ApiToken, LoginAttempt, User, WebSession
from wiqaya.store.models.sift import Source

USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,79}$")
SESSION_LIFETIME = timedelta(hours=12)
TOKEN_PREFIX = "wqy_"
# Rate limits: failures counted over a sliding window, per account and per address.
LOGIN_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_IP = 20
ATTEMPT_RETENTION = timedelta(days=1)


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def check_username(username: str) -> str:
    name = username.strip()
    if not USERNAME_RE.match(name):
        raise InputError(
            f"invalid user name {username!r}: 2-80 characters, letters, digits, '.', '_' or '-'",
            code="E-INP-SEC-003",
        )
    return name


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    role: str
    active: bool
    is_example: bool
    created_at: datetime
    tokens: int = 0


def _view(user: User, tokens: int = 0) -> UserView:
    return UserView(
        user.id, user.username, user.role, user.active, user.is_example, user.created_at, tokens
    )


def get_user(session: Session, username: str) -> User:
    user = session.execute(
        select(User).where(User.username == username.strip())
    ).scalar_one_or_none()
    if user is None:
        raise NotFoundError(f"no user named {username!r}", code="E-NF-SEC-001")
    return user


def add_user(
    session: Session,
    username: str,
    role: str,
    password: str,
    *,
    actor: str | None = None,
    is_example: bool = False,
) -> UserView:
    name = check_username(username)
    role = check_role(role)
    if session.execute(select(User.id).where(User.username == name)).first():
        raise ConflictError(f"user {name!r} already exists", code="E-CON-SEC-001")
    user = User(
        username=name,
        role=role,
        password_hash=passwords.hash_password(password),
        is_example=is_example,
    )
    session.add(user)
    session.flush()
    record(session, actor, "user.add", f"user:{name}", {"role": role, "example": is_example})
    return _view(user)


def list_users(session: Session) -> list[UserView]:
    counts = dict(
        session.execute(
            select(ApiToken.user_id, func.count())
            .where(ApiToken.revoked_at.is_(None))
            .group_by(ApiToken.user_id)
        ).all()
    )
    users = session.execute(select(User).order_by(User.username)).scalars()
    return [_view(u, counts.get(u.id, 0)) for u in users]


def _end_sessions(session: Session, user: User) -> None:
    session.execute(delete(WebSession).where(WebSession.user_id == user.id))


def set_role(session: Session, username: str, role: str, *, actor: str | None = None) -> UserView:
    user = get_user(session, username)
    role = check_role(role)
    old = user.role
    user.role = role
    user.updated_at = utcnow()
    # A changed role takes effect at once: log the user out everywhere.
    _end_sessions(session, user)
    record(session, actor, "user.set-role", f"user:{user.username}", {"from": old, "to": role})
    return _view(user)


def set_active(
    session: Session, username: str, active: bool, *, actor: str | None = None
) -> UserView:
    user = get_user(session, username)
    user.active = active
    user.updated_at = utcnow()
    if not active:
        _end_sessions(session, user)
        for token in session.execute(
            select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
        ).scalars():
            token.revoked_at = utcnow()
    record(session, actor, "user.enable" if active else "user.disable", f"user:{user.username}", {})
    return _view(user)


def set_password(
    session: Session, username: str, password: str, *, actor: str | None = None
) -> None:
    user = get_user(session, username)
    user.password_hash = passwords.hash_password(password)
    user.updated_at = utcnow()
    _end_sessions(session, user)
    record(session, actor, "user.set-password", f"user:{user.username}", {})


# --- API tokens -------------------------------------------------------------------


@dataclass(frozen=True)
class TokenView:
    id: int
    username: str
    name: str
    prefix: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None


def create_token(
    session: Session,
    username: str,
    name: str,
    *,
    days: int | None = None,
    actor: str | None = None,
) -> tuple[str, TokenView]:
    """Return the token (shown once, never stored) and its description."""
    user = get_user(session, username)
    if not user.active:
        raise ConflictError(f"user {username!r} is disabled", code="E-CON-SEC-002")
    label = name.strip()[:80] or "token"
    if days is not None and not 1 <= days <= 3650:
        raise InputError("token lifetime must be 1-3650 days", code="E-INP-SEC-004")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(
        user_id=user.id,
        name=label,
        token_sha256=_sha256(token),
        prefix=token[:12],
        expires_at=utcnow() + timedelta(days=days) if days else None,
    )
    session.add(row)
    session.flush()
    record(
        session,
        actor,
        "token.create",
        f"user:{user.username}",
        {"token_id": row.id, "name": label, "prefix": row.prefix},
    )
    return token, TokenView(
        row.id, user.username, label, row.prefix, row.created_at, row.expires_at, None
    )


def list_tokens(session: Session, username: str | None = None) -> list[TokenView]:
    query = select(ApiToken, User.username).join(User, User.id == ApiToken.user_id)
    if username:
        query = query.where(User.username == username)
    rows = session.execute(query.order_by(ApiToken.id)).all()
    return [
        TokenView(t.id, u, t.name, t.prefix, t.created_at, t.expires_at, t.revoked_at)
        for t, u in rows
    ]


def revoke_token(session: Session, token_id: int, *, actor: str | None = None) -> None:
    token = session.get(ApiToken, token_id)
    if token is None:
        raise NotFoundError(f"no API token with id {token_id}", code="E-NF-SEC-002")
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        record(session, actor, "token.revoke", f"token:{token_id}", {"prefix": token.prefix})


@dataclass(frozen=True)
class Principal:
    """Who is making a request, as the web layer sees it."""

    user_id: int
    username: str
    role: str
    via: str  # session | token
    csrf_token: str | None = None
    session_digest: str | None = None

    @property
    def actor(self) -> str:
        return f"user:{self.username}"


def user_for_token(session: Session, token: str) -> Principal | None:
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = session.execute(
        select(ApiToken, User)
        .join(User, User.id == ApiToken.user_id)
        .where(ApiToken.token_sha256 == _sha256(token))
    ).first()
    if row is None:
        return None
    tok, user = row
    now = utcnow()
    if tok.revoked_at is not None or not user.active or (tok.expires_at and tok.expires_at < now):
        return None
    return Principal(user.id, user.username, user.role, "token")


# --- browser sessions ---------------------------------------------------------------


def open_session(session: Session, user: User) -> tuple[str, str]:
    """Start a browser session; return (session id for the cookie, CSRF token)."""
    sid = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = utcnow()
    session.execute(delete(WebSession).where(WebSession.expires_at < now))
    session.add(
        WebSession(
            id_sha256=_sha256(sid),
            user_id=user.id,
            csrf_token=csrf,
            created_at=now,
            expires_at=now + SESSION_LIFETIME,
        )
    )
    return sid, csrf


def user_for_session(session: Session, sid: str) -> Principal | None:
    digest = _sha256(sid)
    row = session.execute(
        select(WebSession, User)
        .join(User, User.id == WebSession.user_id)
        .where(WebSession.id_sha256 == digest)
    ).first()
    if row is None:
        return None
    web, user = row
    if web.expires_at < utcnow() or not user.active:
        return None
    return Principal(user.id, user.username, user.role, "session", web.csrf_token, digest)


def close_session(session: Session, digest: str) -> None:
    session.execute(delete(WebSession).where(WebSession.id_sha256 == digest))


# --- login with rate limiting -----------------------------------------------------


class LoginResult:
    OK = "ok"
    BAD = "bad"
    LOCKED = "locked"


def _recent_failures(session: Session, column, value: str, since: datetime) -> int:  # type: ignore[no-untyped-def]
    last_ok = session.execute(
        select(func.max(LoginAttempt.at)).where(column == value, LoginAttempt.success.is_(True))
    ).scalar()
    start = max(since, last_ok) if last_ok else since
    return session.execute(
        select(func.count())
        .select_from(LoginAttempt)
        .where(column == value, LoginAttempt.success.is_(False), LoginAttempt.at > start)
    ).scalar_one()


def authenticate(
    session: Session, username: str, password: str, ip: str
) -> tuple[str, User | None]:
    """Check a login; every attempt is stored so limits hold across all web workers.

    Locked out when the account has ``MAX_FAILURES_PER_ACCOUNT`` failures, or the
    address ``MAX_FAILURES_PER_IP``, within ``LOGIN_WINDOW`` since its last success.
    A locked attempt is refused without checking the password at all.
    """
    name = username.strip()[:80]
    ip = ip[:64]
    now = utcnow()
    since = now - LOGIN_WINDOW
    session.execute(delete(LoginAttempt).where(LoginAttempt.at < now - ATTEMPT_RETENTION))
    if (
        _recent_failures(session, LoginAttempt.username, name, since) >= MAX_FAILURES_PER_ACCOUNT
        or _recent_failures(session, LoginAttempt.ip, ip, since) >= MAX_FAILURES_PER_IP
    ):
        session.add(LoginAttempt(username=name, ip=ip, success=False, at=now))
        return LoginResult.LOCKED, None
    user = session.execute(select(User).where(User.username == name)).scalar_one_or_none()
    ok = passwords.verify_password(user.password_hash if user else None, password)
    ok = ok and user is not None and user.active
    session.add(LoginAttempt(username=name, ip=ip, success=ok, at=now))
    if not ok:
        return LoginResult.BAD, None
    assert user is not None
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    record(session, f"user:{user.username}", "user.login", f"user:{user.username}", {"ip": ip})
    return LoginResult.OK, user


# --- confidential sources -----------------------------------------------------------


@dataclass(frozen=True)
class SourceView:
    id: int
    name: str  # the pseudonym when confidential
    kind: str
    confidential: bool
    created: bool


def add_source(
    session: Session,
    keys: Keys,
    identity: str,
    *,
    kind: str = "files",
    confidential: bool = False,
    licence: str | None = None,
    actor: str | None = None,
) -> SourceView:
    """Create a source, or return the existing one. A confidential source is stored
    under its keyed pseudonym with the identity encrypted; the identity itself is
    written nowhere else (not in the audit log, not in logs)."""
    identity = " ".join(identity.split())
    if not identity or len(identity) > 200:
        raise InputError("a source name must have 1-200 characters", code="E-INP-SEC-005")
    name = keys.pseudonym_for(identity) if confidential else identity
    existing = session.execute(select(Source).where(Source.name == name)).scalar_one_or_none()
    if existing is None and not confidential:
        # A plain name that equals an existing confidential identity would expose it.
        pseudo = session.execute(
            select(Source.id).where(Source.name == keys.pseudonym_for(identity))
        ).first()
        if pseudo:
            raise ConflictError(
                "a confidential source with this identity exists; use its pseudonym",
                code="E-CON-SEC-003",
            )
    if existing is not None:
        if existing.confidential != confidential:
            raise ConflictError(
                f"source {name!r} exists and is "
                f"{'confidential' if existing.confidential else 'not confidential'}",
                code="E-CON-SEC-004",
            )
        return SourceView(existing.id, existing.name, existing.kind, existing.confidential, False)
    source = Source(
        name=name,
        kind=kind[:40],
        confidential=confidential,
        identity_encrypted=keys.encrypt_identity(identity) if confidential else None,
        licence=licence,
    )
    session.add(source)
    session.flush()
    record(
        session,
        actor,
        "source.add",
        f"source:{source.id}",
        {"name": name, "kind": source.kind, "confidential": confidential},
    )
    return SourceView(source.id, name, source.kind, confidential, True)


def resolve_source_name(session: Session, keys: Keys, name: str) -> str:
    """The stored name for ``name``: its pseudonym if it is a confidential identity.

    Ingest calls this so ``wiqaya ingest --source "<real identity>"`` files the
    material under the pseudonym instead of creating a plain source that names it.
    """
    clean = " ".join(name.split())
    pseudonym = keys.pseudonym_for(clean)
    found = session.execute(
        select(Source.name).where(Source.name == pseudonym, Source.confidential.is_(True))
    ).first()
    return pseudonym if found else clean


def reveal_source(session: Session, keys: Keys, pseudonym: str, *, actor: str | None = None) -> str:
    source = session.execute(select(Source).where(Source.name == pseudonym)).scalar_one_or_none()
    if source is None or not source.confidential or source.identity_encrypted is None:
        raise NotFoundError(f"no confidential source {pseudonym!r}", code="E-NF-SEC-003")
    identity = keys.decrypt_identity(source.identity_encrypted)
    record(session, actor, "source.reveal", f"source:{source.id}", {"name": pseudonym})
    return identity


# --- demo users ---------------------------------------------------------------------


DEMO_USERS = (("example-viewer", VIEWER), ("example-analyst", ANALYST), ("example-admin", ADMIN))
DEMO_CREDENTIALS_FILE = "demo-credentials.txt"


def seed_demo_users(session: Session, home: Path) -> list[tuple[str, str, str]]:
    """Create the clearly-labelled example users with fresh random passwords.

    Returns ``[(username, role, password)]`` for users created now (existing ones
    keep their passwords and are not returned) and appends them to
    ``home/demo-credentials.txt`` (mode 0600). There is never a fixed password.
    """
    created: list[tuple[str, str, str]] = []
    for username, role in DEMO_USERS:
        if session.execute(select(User.id).where(User.username == username)).first():
            continue
        password = secrets.token_urlsafe(12)
        add_user(session, username, role, password, is_example=True)
        created.append((username, role, password))
    if created:
        path = Path(home) / DEMO_CREDENTIALS_FILE
        path.parent.mkdir(parents=True, exist_ok=True)

        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(path, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write("# Example accounts for the Wiqaya demo. Not real people.\n")
            for username, role, password in created:
                handle.write(f"{username}\t{role}\t{password}\n")
    return created
