import os
from fastapi import FastAPI

BETA = os.getenv("ENABLE_BETA_SEARCH", "false") == "true"
app = FastAPI()


@app.get("/search")
def search(q: str):
    return {"beta": BETA, "q": q}
