from flask import Flask, request
import sqlite3
from sqlalchemy import text

app = Flask(__name__)


@app.get("/products")
def products():
    cursor = sqlite3.connect("shop.db").cursor()
    cursor.execute("SELECT id, title FROM products WHERE title = ?", (request.args.get("name"),))
    return {"rows": cursor.fetchall()}


@app.get("/orders")
def orders(session):
    return session.execute(text("SELECT id FROM orders WHERE email = :email"), {"email": request.args["e"]}).all()
