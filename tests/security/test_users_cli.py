"""``wiqaya users``, ``wiqaya sources`` and the demo accounts, through the real CLI."""

from __future__ import annotations

import os
import stat
import threading

from sqlalchemy import select
from typer.testing import CliRunner

from wiqaya.cli.main import app as cli
from wiqaya.security import passwords
from wiqaya.security.demo import seed_demo_users
from wiqaya.store import audit
from wiqaya.store.engine import transaction
from wiqaya.store.models.security import ApiToken, User
from wiqaya.store.security import DEMO_CREDENTIALS_FILE


def test_users_lifecycle_through_the_cli(runtime, cli_env) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    added = runner.invoke(
        cli,
        ["users", "add", "layla", "--role", "analyst", "--password-stdin"],
        input="كلمة مرور طويلة بما يكفي\n",
    )
    assert added.exit_code == 0, added.output
    with runtime.sessions() as session:
        user = session.execute(select(User).where(User.username == "layla")).scalar_one()
    assert user.role == "analyst"
    assert passwords.verify_password(user.password_hash, "كلمة مرور طويلة بما يكفي")

    generated = runner.invoke(cli, ["users", "add", "omar", "--generate-password"])
    assert generated.exit_code == 0 and "shown once" in generated.output

    duplicate = runner.invoke(cli, ["users", "add", "omar", "--generate-password"])
    assert duplicate.exit_code != 0

    token = runner.invoke(cli, ["users", "token", "layla", "--name", "ci", "--days", "30"])
    assert token.exit_code == 0
    secret = token.output.strip().splitlines()[-1]
    assert secret.startswith("wqy_")
    listed = runner.invoke(cli, ["users", "tokens"])
    assert listed.exit_code == 0 and "ci" in listed.output and secret not in listed.output

    assert runner.invoke(cli, ["users", "set-role", "layla", "admin"]).exit_code == 0
    bad_role = runner.invoke(cli, ["users", "set-role", "layla", "root"])
    assert bad_role.exit_code != 0
    assert runner.invoke(cli, ["users", "revoke", "1"]).exit_code == 0
    assert runner.invoke(cli, ["users", "disable", "omar"]).exit_code == 0
    table = runner.invoke(cli, ["users", "list"])
    assert table.exit_code == 0
    assert "layla" in table.output and "admin" in table.output and "disabled" in table.output
    with runtime.sessions() as session:
        assert session.execute(select(ApiToken.revoked_at)).scalar_one() is not None
        report = audit.verify(session, runtime.keys)
    assert report.ok and report.entries >= 6


def test_demo_users_are_examples_with_random_private_passwords(runtime) -> None:  # type: ignore[no-untyped-def]
    created = seed_demo_users(runtime)
    assert [(u, r) for u, r, _ in created] == [
        ("example-viewer", "viewer"),
        ("example-analyst", "analyst"),
        ("example-admin", "admin"),
    ]
    assert len({p for _, _, p in created}) == 3
    path = runtime.settings.home / DEMO_CREDENTIALS_FILE
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    text = path.read_text()
    assert "Not real people" in text and all(p in text for _, _, p in created)
    with runtime.sessions() as session:
        users = session.execute(select(User)).scalars().all()
    assert all(u.is_example for u in users)
    for username, _role, password in created:
        hashed = next(u.password_hash for u in users if u.username == username)
        assert passwords.verify_password(hashed, password)
    assert seed_demo_users(runtime) == []  # idempotent: existing accounts keep passwords


def test_another_install_gets_other_demo_passwords(runtime, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = {p for _, _, p in seed_demo_users(runtime)}
    with transaction(runtime.sessions) as session:
        for user in session.execute(select(User)).scalars():
            session.delete(user)
    second = {p for _, _, p in seed_demo_users(runtime)}
    assert first and second and not first & second


def test_concurrent_writers_keep_one_unbroken_chain(runtime) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []

    def write(i: int) -> None:
        try:
            with transaction(runtime.sessions) as session:
                audit.record(session, f"user:w{i}", "thing.do", f"thing:{i}", {"i": i})
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with runtime.sessions() as session:
        report = audit.verify(session, runtime.keys)
    assert report.ok and report.entries == 12


def test_concurrent_unaudited_writes_are_all_summarised_in_order(runtime) -> None:  # type: ignore[no-untyped-def]
    from wiqaya.store.models.sift import Source

    errors: list[BaseException] = []

    def write(i: int) -> None:
        try:
            with transaction(runtime.sessions) as session:
                session.add(Source(name=f"feed-{i}", kind="feed"))
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with runtime.sessions() as session:
        report = audit.verify(session, runtime.keys)
    assert report.ok and report.entries == 10
