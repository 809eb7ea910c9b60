"""add total"""
from alembic import op
import sqlalchemy as sa

revision = "4d5e6f"
down_revision = "1a2b3c"


def upgrade():
    op.add_column("orders", sa.Column("total", sa.Integer))


def downgrade():
    """Not needed."""
    pass
