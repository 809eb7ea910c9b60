import logging

from fastapi import FastAPI

logger = logging.getLogger(__name__)
app = FastAPI()


@app.post("/login")
def login(username: str, password: str):
    if not check(username, password):
        logger.warning("login failed for %s with %s", username, password)
        return {"ok": False}
    return {"ok": True}


def check(username, password):
    return False
