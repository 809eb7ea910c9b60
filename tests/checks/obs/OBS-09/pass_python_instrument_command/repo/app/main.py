import httpx
from fastapi import FastAPI

app = FastAPI()


@app.get("/rates")
async def rates():
    async with httpx.AsyncClient(timeout=5) as client:
        r = await client.get("https://rates.example.com/latest")
    return r.json()
