# Items belong to a user; a superuser may also change anyone's item. These are
# shared routes (owner or superuser), not an admin surface.
from fastapi import APIRouter, Depends, HTTPException
from sqlmodel import Field, Session, SQLModel

router = APIRouter()


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    is_superuser: bool = False


class Item(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str
    owner_id: int


def get_session() -> Session:
    raise NotImplementedError


def get_current_user() -> User:
    raise NotImplementedError


@router.put("/items/{item_id}")
def update_item(item_id: int, title: str, session: Session = Depends(get_session),
                current_user: User = Depends(get_current_user)):
    item = session.get(Item, item_id)
    if not item:
        raise HTTPException(status_code=404, detail="Item not found")
    if not current_user.is_superuser and (item.owner_id != current_user.id):
        raise HTTPException(status_code=400, detail="Not enough permissions")
    item.title = title
    session.add(item)
    session.commit()
    return item


@router.delete("/items/{item_id}")
def delete_item(item_id: int, session: Session = Depends(get_session),
                current_user: User = Depends(get_current_user)):
    item = session.get(Item, item_id)
    if not item:
        raise HTTPException(status_code=404, detail="Item not found")
    if not current_user.is_superuser and (item.owner_id != current_user.id):
        raise HTTPException(status_code=400, detail="Not enough permissions")
    session.delete(item)
    session.commit()
    return {"ok": True}


@router.delete("/users/me")
def delete_user_me(session: Session = Depends(get_session), current_user: User = Depends(get_current_user)):
    if current_user.is_superuser:
        raise HTTPException(status_code=403, detail="Super users are not allowed to delete themselves")
    session.delete(current_user)
    session.commit()
    return {"ok": True}
