from sqlmodel import Field, SQLModel

class UserBase(SQLModel):
    email: str

class UserUpdate(UserBase):
    password: str | None = None

class User(UserBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    hashed_password: str
