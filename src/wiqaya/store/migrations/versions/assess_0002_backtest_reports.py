"""assess: backtest_reports, the measured figures shown on the backtest page

Revision ID: assess_0002
Revises: assess_0001
Create Date: 2026-11-23 09:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "assess_0002"
down_revision = "assess_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "backtest_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(length=60), nullable=False),
        sa.Column("model", sa.String(length=120), nullable=False),
        sa.Column("first_year", sa.Integer(), nullable=False),
        sa.Column("last_year", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_backtest_reports")),
    )
    with op.batch_alter_table("backtest_reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_backtest_reports_target"), ["target"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("backtest_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_backtest_reports_target"))
    op.drop_table("backtest_reports")
