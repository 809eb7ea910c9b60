import logging

from flask import Flask, request

log = logging.getLogger(__name__)
app = Flask(__name__)


@app.route("/webhook", methods=["POST"])
def webhook():
    token = request.headers.get("X-Token")
    log.info("webhook received token=%s", token)
    return "", 204
