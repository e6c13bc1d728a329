"""The hash-chained audit log: every write leaves an entry, and tampering shows.

Each entry hashes the canonical JSON of (seq, time, actor, action, target,
payload, previous hash) and is sealed with an HMAC under a key derived from
the install secret. Editing an entry breaks its hash; deleting or reordering
entries breaks ``seq`` continuity or the link to the previous hash; rebuilding
the whole chain after an edit needs the install secret, which the database
does not hold. What this cannot see: the newest entries being cut off the
end. ``wiqaya audit verify`` prints the head so an operator can keep it
elsewhere and pass it back with ``--expect-head``.

Two ways in:

* :func:`record` — call it inside the transaction of a write, with a precise
  action and payload (``record(session, actor, "fund.allocate", "fund:3", {...})``).
* the session hooks installed by :func:`install_hooks` — a transaction that
  writes without calling :func:`record` still gets one summary entry at commit
  (tables and row counts), so no write is ever missing from the chain.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event, select, text
from sqlalchemy.orm import Session, sessionmaker

from wiqaya.ids import ascii_int
from wiqaya.security.secrets import Keys, load_keys
from wiqaya.store.models.security import AuditEntry

GENESIS = "0" * 64
# Tables whose rows are bookkeeping of security itself, not user-visible writes.
UNAUDITED_TABLES = frozenset({"audit_log", "login_attempts", "web_sessions"})
_HOME_KEY = "wiqaya_home"
_PENDING = "wiqaya_audit_pending"
_PG_LOCK_ID = 0x77697161  # "wiqa": serialises chain appends across PostgreSQL sessions

_actor: ContextVar[str | None] = ContextVar("wiqaya_actor", default=None)
_keys_cache: dict[Path, Keys] = {}


def default_actor() -> str:
    """Who is acting: the web request's user, else the local operating-system user."""
    actor = _actor.get()
    if actor:
        return actor
    try:
        return f"local:{getpass.getuser()}"
    except (KeyError, OSError):
        return "local:unknown"


@contextmanager
def acting_as(actor: str) -> Iterator[None]:
    token = _actor.set(actor)
    try:
        yield
    finally:
        _actor.reset(token)


def set_actor(actor: str | None) -> None:
    """Set the actor for the current context (the web middleware does this per request)."""
    _actor.set(actor)


def keys_for_home(home: Path) -> Keys:
    home = Path(home)
    if home not in _keys_cache:
        _keys_cache[home] = load_keys(home)
    return _keys_cache[home]


def session_keys(session: Session) -> Keys:
    home = session.info.get(_HOME_KEY)
    if home is None:
        raise RuntimeError(
            "this session was not made by the runtime's session factory; "
            "the audit log needs the install secret (open sessions with runtime.sessions())"
        )
    return keys_for_home(home)


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(
    seq: int, at: str, actor: str, action: str, target: str, payload: str, prev_hash: str
) -> str:
    body = canonical_json(
        {
            "seq": seq,
            "at": at,
            "actor": actor,
            "action": action,
            "target": target,
            "payload": payload,
            "prev_hash": prev_hash,
        }
    )
    return hashlib.sha256(body.encode()).hexdigest()


def _lock_chain(session: Session) -> None:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_ID})
    elif dialect == "sqlite":
        # A no-op write takes SQLite's write lock now, so the head read next is current.
        session.execute(text("UPDATE audit_log SET seq = seq WHERE 1 = 0"))


def record(
    session: Session,
    actor: str | None,
    action: str,
    target: str,
    payload: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry in ``session``'s transaction; it commits or rolls back with the write.

    Never put secrets or confidential identities in ``payload``: the log is
    readable by admins and exported for review.
    """
    keys = session_keys(session)
    session.flush()
    # The writes flushed so far are described by this entry.
    session.info.pop(_PENDING, None)
    _lock_chain(session)
    head = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq = head.seq + 1 if head else 1
    prev = head.hash if head else GENESIS
    at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    actor = actor or default_actor()
    body = canonical_json(payload or {})
    digest = entry_hash(seq, at, actor, action, target, body, prev)
    entry = AuditEntry(
        seq=seq,
        at=at,
        actor=actor[:120],
        action=action[:80],
        target=target[:200],
        payload=body,
        prev_hash=prev,
        hash=digest,
        seal=keys.seal(digest),
    )
    # Hash what is stored: truncation above must not make a valid entry look edited.
    if (entry.actor, entry.action, entry.target) != (actor, action, target):
        entry.hash = entry_hash(seq, at, entry.actor, entry.action, entry.target, body, prev)
        entry.seal = keys.seal(entry.hash)
    session.add(entry)
    session.flush()
    session.info.pop(_PENDING, None)
    return entry


# --- verification ---------------------------------------------------------------


@dataclass
class Problem:
    seq: int
    kind: str  # missing | edited | unsealed | broken-link | out-of-order
    detail: str


@dataclass
class VerifyReport:
    entries: int = 0
    head_seq: int = 0
    head_hash: str = GENESIS
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def head(self) -> str:
        return f"{self.head_seq}:{self.head_hash}"


def verify(session: Session, keys: Keys, *, expect_head: str | None = None) -> VerifyReport:
    """Walk the whole chain; report every entry that was edited, removed or moved."""
    report = VerifyReport()
    expected_seq = 1
    prev = GENESIS
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()
    for row in rows:
        report.entries += 1
        if row.seq != expected_seq:
            if row.seq > expected_seq:
                gap = (
                    f"{expected_seq}"
                    if row.seq == expected_seq + 1
                    else f"{expected_seq}-{row.seq - 1}"
                )
                report.problems.append(
                    Problem(expected_seq, "missing", f"entries {gap} are missing (deleted)")
                )
            expected_seq = row.seq
        recomputed = entry_hash(
            row.seq, row.at, row.actor, row.action, row.target, row.payload, row.prev_hash
        )
        if recomputed != row.hash:
            report.problems.append(
                Problem(row.seq, "edited", "content does not match its hash (entry was edited)")
            )
        elif keys.seal(row.hash) != row.seal:
            report.problems.append(
                Problem(
                    row.seq,
                    "unsealed",
                    "hash is consistent but the seal is wrong (rewritten without the install key)",
                )
            )
        if row.prev_hash != prev:
            report.problems.append(
                Problem(
                    row.seq,
                    "broken-link",
                    "does not follow the previous entry (entries deleted, inserted or reordered)",
                )
            )
        prev = row.hash
        expected_seq = row.seq + 1
        report.head_seq, report.head_hash = row.seq, row.hash
    if expect_head:
        want_seq, _, want_hash = expect_head.partition(":")
        seq = ascii_int(want_seq)
        if seq is None:
            from wiqaya.errors import InputError

            raise InputError(
                f"--expect-head must look like SEQ:HASH, got {expect_head!r}", code="E-INP-SEC-010"
            )
        found = session.get(AuditEntry, seq)
        if found is None:
            report.problems.append(
                Problem(seq, "missing", "the recorded head is gone (the log was cut short)")
            )
        elif want_hash and found.hash != want_hash:
            report.problems.append(
                Problem(seq, "edited", "the recorded head has a different hash now")
            )
    return report


# --- automatic entries for writes that did not call record() ----------------------


def _note(session: Session, table: str, op: str, count: int) -> None:
    if table in UNAUDITED_TABLES:
        return
    pending: dict[str, dict[str, int]] = session.info.setdefault(_PENDING, {})
    ops = pending.setdefault(table, {})
    ops[op] = ops.get(op, 0) + count


def _after_flush(session: Session, _context: Any) -> None:
    for obj in session.new:
        _note(session, obj.__table__.name, "insert", 1)
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            _note(session, obj.__table__.name, "update", 1)
    for obj in session.deleted:
        _note(session, obj.__table__.name, "delete", 1)


def _orm_execute(state: Any) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", None)
    if name is None:
        return
    op = "insert" if state.is_insert else "update" if state.is_update else "delete"
    params = state.parameters
    count = len(params) if isinstance(params, list) else 1
    _note(state.session, name, op, count)


def _before_commit(session: Session) -> None:
    session.flush()
    pending = session.info.get(_PENDING)
    if not pending:
        return
    record(
        session,
        None,
        "write",
        ",".join(sorted(pending))[:200],
        {"tables": pending},
    )


def _clear(session: Session, *_args: Any) -> None:
    session.info.pop(_PENDING, None)


def install_hooks(factory: sessionmaker[Session], home: Path) -> None:
    """Make every session of ``factory`` audit its writes (see the module docstring)."""
    factory.kw.setdefault("info", {})[_HOME_KEY] = Path(home)
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "do_orm_execute", _orm_execute)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_rollback", _clear)
