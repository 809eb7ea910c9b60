from flask import Flask, redirect
from flask_login import LoginManager, current_user, login_required
from flask_wtf import FlaskForm
from wtforms import StringField

app = Flask(__name__)
app.config["SECRET_KEY"] = "set-from-the-environment-in-production"
login = LoginManager(app)


class ThemeForm(FlaskForm):
    theme = StringField("Theme")


class NoTokenForm(FlaskForm):
    class Meta:
        csrf = False

    name = StringField("Name")


@app.route("/settings", methods=["POST"])
@login_required
def save_settings():
    form = ThemeForm()
    if form.validate_on_submit():
        current_user.theme = form.theme.data
    return redirect("/")


@app.route("/profile", methods=["POST"])
@login_required
def save_profile():
    form = NoTokenForm()
    if form.validate_on_submit():
        current_user.name = form.name.data
    return redirect("/")


@app.route("/nickname", methods=["POST"])
@login_required
def save_nickname():
    form = ThemeForm(meta={"csrf": False})
    if form.validate():
        current_user.nickname = form.theme.data
    return redirect("/")
