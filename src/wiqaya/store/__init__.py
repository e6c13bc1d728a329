"""The one layer that talks to the database.

Models (``store.models``), Alembic migrations (``store.migrations``), the
engine and session factory (``store.engine``) and the query functions each
stage calls (``store.<stage>``) live here. Nothing outside this package writes
SQL or opens a connection by itself.
"""
