import psycopg2
from flask import Flask

app = Flask(__name__)


@app.route("/users")
def users():
    with psycopg2.connect() as conn:
        return {"count": conn.cursor().execute("select count(*) from users")}
