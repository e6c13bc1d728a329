"""The hash-chained audit log: every write is recorded, and any tampering is reported."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, update
from typer.testing import CliRunner

from wiqaya.cli.main import app as cli
from wiqaya.security.secrets import Keys
from wiqaya.store import audit
from wiqaya.store.engine import transaction
from wiqaya.store.models.security import AuditEntry
from wiqaya.store.models.sift import Source


def _write_entries(runtime, n: int) -> None:  # type: ignore[no-untyped-def]
    for i in range(n):
        with transaction(runtime.sessions) as session:
            audit.record(session, "user:tester", "thing.do", f"thing:{i}", {"n": i, "ar": "نص"})


def _verify(runtime, **kw):  # type: ignore[no-untyped-def]
    with runtime.sessions() as session:
        return audit.verify(session, runtime.keys, **kw)


def test_intact_chain_verifies_and_links_every_entry(runtime) -> None:  # type: ignore[no-untyped-def]
    _write_entries(runtime, 5)
    report = _verify(runtime)
    assert report.ok and report.entries == 5 and report.head_seq == 5
    with runtime.sessions() as session:
        rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars().all()
    assert rows[0].prev_hash == audit.GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(rows, rows[1:], strict=False))
    assert rows[2].payload == '{"ar":"نص","n":2}'  # canonical JSON, Arabic kept as is


def test_edited_entry_is_detected(runtime) -> None:  # type: ignore[no-untyped-def]
    _write_entries(runtime, 4)
    with transaction(runtime.sessions) as session:
        session.execute(update(AuditEntry).where(AuditEntry.seq == 2).values(actor="user:someone"))
    report = _verify(runtime)
    assert not report.ok
    assert [(p.seq, p.kind) for p in report.problems] == [(2, "edited")]


def test_deleted_entry_is_detected(runtime) -> None:  # type: ignore[no-untyped-def]
    _write_entries(runtime, 5)
    with transaction(runtime.sessions) as session:
        session.execute(delete(AuditEntry).where(AuditEntry.seq == 3))
    kinds = {(p.seq, p.kind) for p in _verify(runtime).problems}
    assert (3, "missing") in kinds and (4, "broken-link") in kinds


def test_reordered_entries_are_detected(runtime) -> None:  # type: ignore[no-untyped-def]
    _write_entries(runtime, 4)
    with transaction(runtime.sessions) as session:
        a = session.get(AuditEntry, 2)
        b = session.get(AuditEntry, 3)
        fields = ("at", "actor", "action", "target", "payload", "prev_hash", "hash", "seal")
        values_a = {f: getattr(a, f) for f in fields}
        values_b = {f: getattr(b, f) for f in fields}
        session.execute(update(AuditEntry).where(AuditEntry.seq == 2).values(**values_b))
        session.execute(update(AuditEntry).where(AuditEntry.seq == 3).values(**values_a))
    report = _verify(runtime)
    assert {p.seq for p in report.problems} >= {2, 3}


def test_chain_rebuilt_without_the_install_key_is_detected(runtime) -> None:  # type: ignore[no-untyped-def]
    """An attacker with database access edits an entry and recomputes every hash after it."""
    _write_entries(runtime, 4)
    forged_keys = Keys(b"x" * 32)
    with transaction(runtime.sessions) as session:
        rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars().all()
        prev = audit.GENESIS
        for row in rows:
            if row.seq == 2:
                row.payload = '{"n":999}'
            row.prev_hash = prev
            row.hash = audit.entry_hash(
                row.seq, row.at, row.actor, row.action, row.target, row.payload, prev
            )
            row.seal = forged_keys.seal(row.hash)
            prev = row.hash
    report = _verify(runtime)
    assert {p.kind for p in report.problems} == {"unsealed"}
    assert {p.seq for p in report.problems} == {1, 2, 3, 4}


def test_a_log_cut_short_is_detected_against_a_recorded_head(runtime) -> None:  # type: ignore[no-untyped-def]
    _write_entries(runtime, 4)
    head = _verify(runtime).head
    with transaction(runtime.sessions) as session:
        session.execute(delete(AuditEntry).where(AuditEntry.seq == 4))
    assert _verify(runtime).ok  # the chain alone cannot see a cut tail...
    report = _verify(runtime, expect_head=head)
    assert [(p.seq, p.kind) for p in report.problems] == [(4, "missing")]  # ...the head can


def test_writes_without_an_explicit_record_still_get_an_entry(runtime) -> None:  # type: ignore[no-untyped-def]
    with transaction(runtime.sessions) as session:
        session.add(Source(name="plain-feed", kind="feed"))
    with runtime.sessions() as session:
        entry = session.execute(select(AuditEntry)).scalar_one()
    assert entry.action == "write" and entry.target == "sources"
    assert '"sources":{"insert":1}' in entry.payload
    assert entry.actor.startswith("local:")


def test_a_rolled_back_write_leaves_no_entry(runtime) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuntimeError), transaction(runtime.sessions) as session:
        session.add(Source(name="never-kept"))
        audit.record(session, "user:x", "source.add", "source:?", {})
        raise RuntimeError("abort")
    with runtime.sessions() as session:
        assert session.execute(select(AuditEntry)).first() is None
        assert session.execute(select(Source)).first() is None


def test_explicit_record_covers_its_writes_and_later_writes_are_summarised(runtime) -> None:  # type: ignore[no-untyped-def]
    with transaction(runtime.sessions) as session:
        session.add(Source(name="one"))
        audit.record(session, "user:a", "source.add", "source:one", {})
        session.add(Source(name="two"))
    with runtime.sessions() as session:
        actions = session.execute(select(AuditEntry.action).order_by(AuditEntry.seq)).scalars()
        assert list(actions) == ["source.add", "write"]


def test_cli_verify_reports_tampering_and_exits_non_zero(runtime, cli_env) -> None:  # type: ignore[no-untyped-def]
    _write_entries(runtime, 3)
    runner = CliRunner()
    ok = runner.invoke(cli, ["audit", "verify"])
    assert ok.exit_code == 0, ok.output
    assert "intact" in ok.output and "3 entries" in ok.output
    with transaction(runtime.sessions) as session:
        session.execute(update(AuditEntry).where(AuditEntry.seq == 2).values(target="thing:forged"))
    bad = runner.invoke(cli, ["audit", "verify"])
    assert bad.exit_code == 8
    assert "TAMPERED" in bad.output and "edited" in bad.output
    shown = runner.invoke(cli, ["audit", "show", "--limit", "2"])
    assert shown.exit_code == 0 and "thing.do" in shown.output


TAMPERS = st.sampled_from(["edit-payload", "edit-time", "delete", "swap", "insert"])


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(n=st.integers(min_value=2, max_value=6), tamper=TAMPERS, data=st.data())
def test_any_single_tampering_is_detected(runtime, n, tamper, data) -> None:  # type: ignore[no-untyped-def]
    with transaction(runtime.sessions) as session:
        session.execute(delete(AuditEntry))
    _write_entries(runtime, n)
    seq = data.draw(st.integers(min_value=1, max_value=n - 1), label="seq")
    with transaction(runtime.sessions) as session:
        if tamper == "edit-payload":
            session.execute(update(AuditEntry).where(AuditEntry.seq == seq).values(payload="{}"))
        elif tamper == "edit-time":
            session.execute(
                update(AuditEntry).where(AuditEntry.seq == seq).values(at="2001-01-01T00:00:00Z")
            )
        elif tamper == "delete":
            session.execute(delete(AuditEntry).where(AuditEntry.seq == seq))
        elif tamper == "swap":
            first = session.get(AuditEntry, seq)
            second = session.get(AuditEntry, seq + 1)
            payload_a, payload_b = first.payload, second.payload
            first.payload, second.payload = payload_b, payload_a
            if payload_a == payload_b:
                first.action = "other"
        else:  # a forged entry slipped in with a fresh number at the end
            head = session.get(AuditEntry, n)
            digest = hashlib.sha256(b"forged").hexdigest()
            session.add(
                AuditEntry(
                    seq=n + 1,
                    at="2030-01-01T00:00:00.000000Z",
                    actor="user:mallory",
                    action="thing.do",
                    target="x",
                    payload="{}",
                    prev_hash=head.hash,
                    hash=digest,
                    seal="0" * 64,
                )
            )
    assert not _verify(runtime).ok
