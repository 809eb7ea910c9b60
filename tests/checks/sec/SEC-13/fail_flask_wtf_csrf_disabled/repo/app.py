from flask import Flask, redirect
from flask_login import LoginManager, current_user, login_required
from flask_wtf import FlaskForm
from wtforms import StringField


class Config:
    SECRET_KEY = "set-from-the-environment-in-production"
    WTF_CSRF_ENABLED = False


class TestConfig(Config):
    WTF_CSRF_ENABLED = False


app = Flask(__name__)
app.config.from_object(Config)
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
