from fastapi import FastAPI

from .upstream import fetch_profile

app = FastAPI()


@app.get("/users/{user_id}")
def user(user_id: int):
    return fetch_profile(user_id)
