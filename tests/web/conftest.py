"""Fixtures for page tests: an app over a fresh database, empty or seeded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.dashboard_seed import Seeded, seed_dashboard
from tests.helpers import logged_in_client

from wiqaya.runtime import Runtime


@pytest.fixture
def client(runtime: Runtime) -> Iterator[TestClient]:
    with logged_in_client(runtime) as c:
        yield c


@pytest.fixture
def seeded(runtime: Runtime) -> Seeded:
    with runtime.sessions() as session:
        return seed_dashboard(session)
