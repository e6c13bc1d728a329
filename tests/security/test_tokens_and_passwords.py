"""API bearer tokens (stored hashed, revocable, expiring) and Argon2 passwords."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from wiqaya.errors import ConflictError, InputError, NotFoundError
from wiqaya.security import passwords
from wiqaya.security.roles import ANALYST, VIEWER, check_role
from wiqaya.store.engine import transaction
from wiqaya.store.models.security import ApiToken, User
from wiqaya.store.security import (
    add_user,
    create_token,
    list_tokens,
    revoke_token,
    set_active,
)


def test_token_works_until_revoked_and_is_stored_only_hashed(
    runtime, app_client, make_user
) -> None:  # type: ignore[no-untyped-def]
    username, _ = make_user(ANALYST)
    with transaction(runtime.sessions) as session:
        token, view = create_token(session, username, "ci")
    client = app_client(None)
    auth = {"Authorization": f"Bearer {token}"}
    me = client.get("/api/v1/me", headers=auth)
    assert me.status_code == 200 and me.json() == {
        "username": username,
        "role": ANALYST,
        "via": "token",
        "csrf_token": None,
    }
    with runtime.sessions() as session:
        stored = session.execute(select(ApiToken)).scalar_one()
    assert token not in (stored.token_sha256, stored.prefix)
    assert token.startswith(stored.prefix)
    with transaction(runtime.sessions) as session:
        revoke_token(session, view.id)
    assert client.get("/api/v1/me", headers=auth).status_code == 401
    with runtime.sessions() as session:
        assert list_tokens(session, username)[0].revoked_at is not None


def test_expired_token_and_disabled_user_are_refused(runtime, app_client, make_user) -> None:  # type: ignore[no-untyped-def]
    username, _ = make_user(VIEWER)
    with transaction(runtime.sessions) as session:
        token, view = create_token(session, username, "short", days=1)
    client = app_client(None)
    auth = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/me", headers=auth).status_code == 200
    with transaction(runtime.sessions) as session:
        row = session.get(ApiToken, view.id)
        row.expires_at = row.created_at - timedelta(seconds=1)
    assert client.get("/api/v1/me", headers=auth).status_code == 401
    with transaction(runtime.sessions) as session:
        token2, _ = create_token(session, username, "other")
    assert (
        client.get("/api/v1/me", headers={"Authorization": f"Bearer {token2}"}).status_code == 200
    )
    with transaction(runtime.sessions) as session:
        set_active(session, username, False)
    assert (
        client.get("/api/v1/me", headers={"Authorization": f"Bearer {token2}"}).status_code == 401
    )
    with runtime.sessions() as session, pytest.raises(ConflictError):
        create_token(session, username, "after-disable")


def test_passwords_are_argon2_hashed_and_checked(runtime) -> None:  # type: ignore[no-untyped-def]
    with transaction(runtime.sessions) as session:
        add_user(session, "hashed-user", VIEWER, "a long enough secret")
    with runtime.sessions() as session:
        user = session.execute(select(User).where(User.username == "hashed-user")).scalar_one()
    assert user.password_hash.startswith("$argon2id$")
    assert "a long enough secret" not in user.password_hash
    assert passwords.verify_password(user.password_hash, "a long enough secret")
    assert not passwords.verify_password(user.password_hash, "a long enough secreT")
    assert not passwords.verify_password(None, "a long enough secret")


def test_user_input_mistakes_are_clear_errors(runtime) -> None:  # type: ignore[no-untyped-def]
    with runtime.sessions() as session:
        with pytest.raises(InputError, match="too short"):
            add_user(session, "shorty", VIEWER, "short")
        with pytest.raises(InputError, match="unknown role"):
            add_user(session, "roleless", "superuser", "a long enough secret")
        with pytest.raises(InputError, match="invalid user name"):
            add_user(session, "bad name;drop", VIEWER, "a long enough secret")
        with pytest.raises(NotFoundError):
            revoke_token(session, 999)
    with transaction(runtime.sessions) as session:
        add_user(session, "twice", VIEWER, "a long enough secret")
    with runtime.sessions() as session, pytest.raises(ConflictError):
        add_user(session, "twice", VIEWER, "a long enough secret")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30))
def test_check_role_accepts_only_the_three_roles(value: str) -> None:
    if value.strip().lower() in {"viewer", "analyst", "admin"}:
        assert check_role(value) == value.strip().lower()
    else:
        with pytest.raises(InputError):
            check_role(value)
