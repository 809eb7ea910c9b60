from fastapi import FastAPI

from .mail import send_receipt

app = FastAPI()


@app.post("/receipts")
def receipts(to: str):
    send_receipt(to)
    return {"ok": True}
