from flask import Flask, redirect, request
from flask_login import LoginManager, current_user, login_required

app = Flask(__name__)
app.config["SECRET_KEY"] = "dev-only"
login_manager = LoginManager(app)


@app.route("/settings", methods=["POST"])
@login_required
def save_settings():
    current_user.theme = request.form["theme"]
    return redirect("/")
