import httpx
from fastapi import FastAPI

app = FastAPI()


@app.get("/fx")
async def fx():
    async with httpx.AsyncClient() as client:
        r = await client.get("https://fx.example.com/latest")
    return r.json()
