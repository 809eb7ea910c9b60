import hashlib
from flask import Flask, request

app = Flask(__name__)

def hash_password(password: str) -> str:
    return hashlib.md5(password.encode()).hexdigest()


@app.post("/signup")
def signup():
    return {"hash": hash_password(request.form["password"])}
