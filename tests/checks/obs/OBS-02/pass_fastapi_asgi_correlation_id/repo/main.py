from asgi_correlation_id import CorrelationIdMiddleware
from fastapi import FastAPI

app = FastAPI()
app.add_middleware(CorrelationIdMiddleware, header_name="X-Request-ID")


@app.get("/health")
def health():
    return {"ok": True}
