from flask import Flask

app = Flask(__name__)

@app.get("/api/items")
def items():
    return {"items": []}
