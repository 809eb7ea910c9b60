from fastapi import FastAPI
from pydantic import BaseModel

from app.models import User, UserUpdate
from app.security import get_password_hash

app = FastAPI()

class NewPassword(BaseModel):
    token: str
    new_password: str

def update_user(db_user: User, user_in: UserUpdate) -> User:
    data = user_in.model_dump(exclude_unset=True)
    if "password" in data:
        db_user.hashed_password = get_password_hash(data.pop("password"))
    return db_user

@app.post("/reset-password/")
def reset_password(body: NewPassword) -> dict:
    user = User(email="someone@example.com", hashed_password="")
    user_in_update = UserUpdate(password=body.new_password)
    update_user(user, user_in_update)
    return {"message": "Password updated"}
