"""follows and favourites

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
    )
    op.create_table(
        "follows",
        sa.Column("follower_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("following_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    )
    op.create_primary_key("pk_follows", "follows", ["follower_id", "following_id"])
    op.create_table(
        "favorites",
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("post_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "post_id"),
    )
    op.create_index("ix_favorites_post_id", "favorites", ["post_id"])


def downgrade() -> None:
    op.drop_table("favorites")
    op.drop_table("follows")
    op.drop_table("users")
