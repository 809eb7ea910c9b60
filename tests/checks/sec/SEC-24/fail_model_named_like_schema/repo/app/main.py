from fastapi import FastAPI
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()
app = FastAPI()


class AccountIn(Base):
    __tablename__ = "accounts"
    id = Column(Integer, primary_key=True)
    email = Column(String, unique=True)
    password = Column(String)


@app.post("/signup")
def signup(body: dict):
    from app.db import session
    account = AccountIn(email=body["email"],
                        password=body["password"])
    session.add(account)
    session.commit()
    return {"id": account.id}
