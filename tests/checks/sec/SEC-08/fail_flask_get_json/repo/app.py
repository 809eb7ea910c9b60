from flask import Flask, request, jsonify

app = Flask(__name__)
ITEMS = []

@app.post("/items")
def create_item():
    data = request.get_json()
    ITEMS.append(data)
    return jsonify(data), 201
