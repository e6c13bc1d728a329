"""Every act and warn write goes through :func:`record_write`, one call per change.

It hands the change to the hash-chained audit log (``wiqaya.store.audit.record``,
built by the security work). Until that module is merged, writes are logged
at WARNING once so the gap is visible, never silently swallowed.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from sqlalchemy.orm import Session

log = logging.getLogger(__name__)
_warned = False


def record_write(
    session: Session, actor: str | None, action: str, target: str, payload: dict[str, Any]
) -> None:
    global _warned
    try:
        audit = importlib.import_module("wiqaya.store.audit")
    except ModuleNotFoundError as exc:
        if exc.name != "wiqaya.store.audit":
            raise
        if not _warned:
            log.warning("audit log module not installed; %s on %s is not audited", action, target)
            _warned = True
        return
    audit.record(session, actor or "system", action, target, payload)
