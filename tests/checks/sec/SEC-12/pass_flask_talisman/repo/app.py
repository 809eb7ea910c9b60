from flask import Flask, jsonify
from flask_talisman import Talisman

app = Flask(__name__)
Talisman(app, content_security_policy=None)

@app.get("/api/status")
def status():
    return jsonify(ok=True)
