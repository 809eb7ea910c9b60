from flask import request
from flask_httpauth import HTTPTokenAuth

from app import app

token_auth = HTTPTokenAuth()


@token_auth.verify_token
def verify_token(token):
    return token == request.headers.get("X-Expected")


@app.route("/api/posts", methods=["POST"])
@token_auth.login_required
def create_post():
    return {"created": request.get_json()["body"]}, 201


@app.route("/api/signup", methods=["POST"])
def signup():
    data = request.get_json()
    return {"user": data["name"]}, 201
