from fastapi import FastAPI
from sqlalchemy import create_engine

engine = create_engine("postgresql://db/app")
app = FastAPI()


@app.get("/orders")
def orders():
    return []
