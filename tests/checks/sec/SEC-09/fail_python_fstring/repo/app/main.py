from fastapi import FastAPI
import psycopg2

app = FastAPI()
conn = psycopg2.connect("dbname=shop")


@app.get("/products")
def products(name: str):
    cursor = conn.cursor()
    # f-string: the name becomes part of the SQL text
    sql = f"SELECT id, title FROM products WHERE title LIKE '%{name}%'"
    cursor.execute(sql)
    return cursor.fetchall()
