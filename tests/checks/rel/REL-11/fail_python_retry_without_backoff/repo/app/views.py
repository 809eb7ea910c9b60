from flask import Flask

from .mail import send_alert

app = Flask(__name__)


@app.route("/alert", methods=["POST"])
def alert():
    send_alert("ops@example.com", "disk full")
    return "", 204
