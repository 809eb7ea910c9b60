import os

import jwt

SECRET = os.environ["JWT_SECRET"]

def issue(user_id: str) -> str:
    return jwt.encode({"sub": user_id}, SECRET, algorithm="HS256")


def read(token: str) -> dict:
    return jwt.decode(token, SECRET)
