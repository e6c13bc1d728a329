"""assess: battle_deaths.gwno_battle, where a UCDP dyad-year's battles were fought

Battle-death series count deaths in the country where they happened. UCDP's
``gwno_loc`` names the governments in the conflict, so foreign interventions
(the US and UK in Yemen, 2024) put deaths on countries that saw none. Nullable:
rows imported before this column fall back to ``gwno_loc`` until the same file
is imported again, which fills it in.

Revision ID: assess_0003
Revises: assess_0002
Create Date: 2026-11-24 03:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "assess_0003"
down_revision = "assess_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("battle_deaths", schema=None) as batch_op:
        batch_op.add_column(sa.Column("gwno_battle", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("battle_deaths", schema=None) as batch_op:
        batch_op.drop_column("gwno_battle")
