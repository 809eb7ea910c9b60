import os

from dotenv import load_dotenv
from fastapi import FastAPI

load_dotenv()
app = FastAPI()
DATABASE_URL = os.getenv("DATABASE_URL")


@app.get("/health")
def health():
    return {"ok": True}
