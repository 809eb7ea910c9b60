import os

from flask import Flask

PAYMENT_API_KEY = os.getenv("PAYMENT_API_KEY")
app = Flask(__name__)


@app.get("/health")
def health():
    return {"ok": bool(PAYMENT_API_KEY)}
