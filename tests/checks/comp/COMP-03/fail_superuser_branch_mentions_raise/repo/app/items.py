# A quota route: any user may ask, but only a superuser's request changes the
# limit. The superuser branch logs a message with the word "raise" in it; it
# refuses nobody, so it is an admin action and must leave an audit record.
import logging

from fastapi import APIRouter, Depends
from sqlmodel import Field, Session, SQLModel

router = APIRouter()
logger = logging.getLogger(__name__)


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    is_superuser: bool = False


class Quota(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    owner_id: int
    limit: int = 100


def get_session() -> Session:
    raise NotImplementedError


def get_current_user() -> User:
    raise NotImplementedError


@router.post("/quotas/{quota_id}/limit")
def set_limit(quota_id: int, limit: int, session: Session = Depends(get_session),
              current_user: User = Depends(get_current_user)):
    quota = session.get(Quota, quota_id)
    if current_user.is_superuser:
        logger.info("superuser %s may raise the limit to %d", current_user.id, limit)
        quota.limit = limit
        session.add(quota)
        session.commit()
    return {"limit": quota.limit}
