from flask import request

from app import app, db
from app.models import User


@app.route("/register", methods=["POST"])
def register():
    user = User(username=request.form["username"])
    user.set_password(request.form["password"])
    db.session.add(user)
    db.session.commit()
    return {"id": user.id}, 201


@app.route("/login", methods=["POST"])
def login():
    user = User.query.filter_by(username=request.form["username"]).first()
    if user is None or not user.check_password(request.form["password"]):
        return {"error": "invalid credentials"}, 401
    return {"id": user.id}
