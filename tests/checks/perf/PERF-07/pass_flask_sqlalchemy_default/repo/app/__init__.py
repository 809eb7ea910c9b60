import os

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    db.init_app(app)

    @app.route("/orders")
    def orders():
        return {"count": db.session.execute(db.text("SELECT count(*) FROM orders")).scalar()}

    return app
