import sentry_sdk
from fastapi import FastAPI

sentry_sdk.init("https://8f3a9c2b7d4e4f1a9b0c6d5e4f3a2b1c@o12345.ingest.sentry.io/67890", traces_sample_rate=0.1)

app = FastAPI()


@app.get("/ok")
def ok():
    return {"ok": True}
