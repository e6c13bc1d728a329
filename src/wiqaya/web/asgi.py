"""ASGI factory for multi-process serving: each uvicorn worker opens its own runtime.

``uvicorn --factory wiqaya.web.asgi:create_from_env --workers 4`` (or
``wiqaya serve --workers 4``) uses it; settings come from the environment
(``WIQAYA_DATABASE_URL``), and every worker has its own connection pool.
"""

from __future__ import annotations

from fastapi import FastAPI


def create_from_env() -> FastAPI:
    from wiqaya.config import SERVER_DB_POOL_SIZE
    from wiqaya.logsafe import install
    from wiqaya.remember.service import warm_index
    from wiqaya.runtime import open_runtime
    from wiqaya.web.app import create_app

    install()
    runtime = open_runtime(migrate=False, pool_size=SERVER_DB_POOL_SIZE)
    warm_index(runtime)
    return create_app(runtime)
