"""Example accounts for the demo: labelled as examples, random passwords, never fixed ones."""

from __future__ import annotations

from wiqaya.runtime import Runtime
from wiqaya.store.engine import transaction
from wiqaya.store.security import DEMO_CREDENTIALS_FILE
from wiqaya.store.security import seed_demo_users as _seed


def seed_demo_users(runtime: Runtime) -> list[tuple[str, str, str]]:
    """Create ``example-viewer``, ``example-analyst`` and ``example-admin`` if missing.

    Returns ``[(username, role, password)]`` for the accounts created now; their
    passwords are also appended to ``WIQAYA_HOME/demo-credentials.txt`` (0600).
    Accounts that already exist keep their passwords and are not returned.
    """
    with transaction(runtime.sessions) as session:
        return _seed(session, runtime.settings.home)


def credentials_path(runtime: Runtime) -> str:
    return str(runtime.settings.home / DEMO_CREDENTIALS_FILE)
