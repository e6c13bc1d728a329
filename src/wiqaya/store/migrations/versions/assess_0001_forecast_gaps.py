"""assess: forecast_gaps, the countries a model could not score and why

Revision ID: assess_0001
Revises: 0001_foundation
Create Date: 2026-11-23 09:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "assess_0001"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "forecast_gaps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("model_name", sa.String(length=80), nullable=False),
        sa.Column("model_version", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=60), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=False),
        sa.Column("freq", sa.String(length=8), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forecast_gaps")),
        sa.UniqueConstraint(
            "model_name",
            "model_version",
            "target",
            "country",
            "freq",
            "period",
            name="uq_forecast_gaps_key",
        ),
    )
    with op.batch_alter_table("forecast_gaps", schema=None) as batch_op:
        batch_op.create_index("ix_forecast_gaps_target_period", ["target", "period"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("forecast_gaps", schema=None) as batch_op:
        batch_op.drop_index("ix_forecast_gaps_target_period")
    op.drop_table("forecast_gaps")
