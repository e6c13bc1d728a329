"""sift: keep lsh_bands in one B-tree on SQLite (WITHOUT ROWID)

The band index is the largest table ingest writes (16 rows per document) and it is
written at random keys. As a rowid table SQLite kept it twice (the rows, and the
primary-key index); clustered on its primary key it is written once, and look-ups
by band key read the rows directly. PostgreSQL is unchanged.

Revision ID: sift_0002
Revises: sift_0001
Create Date: 2026-11-23 09:50:00
"""

from __future__ import annotations

from alembic import op

revision = "sift_0002"
down_revision = "sift_0001"
branch_labels = None
depends_on = None

_CREATE = """
CREATE TABLE {name} (
    band_key BIGINT NOT NULL,
    document_id INTEGER NOT NULL,
    CONSTRAINT pk_lsh_bands PRIMARY KEY (band_key, document_id),
    CONSTRAINT fk_lsh_bands_document_id_documents FOREIGN KEY (document_id)
        REFERENCES documents (id) ON DELETE CASCADE
){suffix}
"""


def _rebuild(suffix: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(_CREATE.format(name="lsh_bands_rebuilt", suffix=suffix))
    op.execute("INSERT INTO lsh_bands_rebuilt SELECT band_key, document_id FROM lsh_bands")
    op.execute("DROP TABLE lsh_bands")
    op.execute("ALTER TABLE lsh_bands_rebuilt RENAME TO lsh_bands")


def upgrade() -> None:
    _rebuild(" WITHOUT ROWID")


def downgrade() -> None:
    _rebuild("")
