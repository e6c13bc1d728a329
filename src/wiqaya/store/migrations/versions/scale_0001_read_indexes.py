"""scale: indexes chosen from the load benchmark's slow-query log (decision 088)

- series_points (variable, country): the API's list of variables groups all
  points by variable and country; 1.0-1.5 s per call under load, ~80 ms as an
  index-only scan.
- documents (coalesce(published_at, fetched_at), id): the documents browser and
  CSV export order by it; the first page no longer sorts every document.

Revision ID: scale_0001
Revises: 0001_foundation
Create Date: 2026-11-23 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "scale_0001"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_series_points_variable_country", "series_points", ["variable", "country"])
    op.create_index(
        "ix_documents_recent",
        "documents",
        [sa.text("coalesce(published_at, fetched_at)"), "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_documents_recent", table_name="documents")
    op.drop_index("ix_series_points_variable_country", table_name="series_points")
