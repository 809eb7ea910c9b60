from fastapi import FastAPI

app = FastAPI()


@app.get("/items")
def items():
    return []


@app.get("/health")
def health():
    return {"status": "ok"}
