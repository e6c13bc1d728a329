"""sift: store each document's MinHash signature for near-duplicate checks

Revision ID: sift_0001
Revises: 0001_foundation
Create Date: 2026-11-23 09:32:51
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "sift_0001"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable: documents stored before this revision are compared by their text.
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("minhash", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("minhash")
