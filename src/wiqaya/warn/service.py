"""Alert operations shared by the CLI and the API, each one transaction."""

from __future__ import annotations

from typing import Any

from wiqaya.runtime import Runtime
from wiqaya.store import warn as store
from wiqaya.store.audit_hook import record_write
from wiqaya.store.engine import transaction
from wiqaya.store.writelock import begin_write


def move_alert(
    runtime: Runtime, alert_id: int, target: str, *, reason: str | None, actor: str | None
) -> dict[str, Any]:
    with transaction(runtime.sessions) as session:
        begin_write(session)
        alert = store.transition_alert(session, alert_id, target, reason=reason, actor=actor)
        record_write(
            session,
            actor,
            f"alert.{target}",
            f"alert:{alert_id}",
            {"state": target, "reason": reason},
        )
        return store.alert_dict(alert)
