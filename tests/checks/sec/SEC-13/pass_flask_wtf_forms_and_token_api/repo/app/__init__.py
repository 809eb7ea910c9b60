from flask import Flask
from flask_login import LoginManager

app = Flask(__name__)
app.config["SECRET_KEY"] = "set-from-the-environment-in-production"
login = LoginManager(app)

from app import routes, api  # noqa: E402,F401
