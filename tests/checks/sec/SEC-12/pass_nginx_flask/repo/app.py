from flask import Flask, jsonify

app = Flask(__name__)

@app.route("/api/notes")
def notes():
    return jsonify([])
