from flask import Flask, redirect, request
from flask_login import LoginManager, login_required
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
csrf = CSRFProtect(app)
login_manager = LoginManager(app)


@app.route("/settings", methods=["POST"])
@login_required
def save_settings():
    return redirect("/")
