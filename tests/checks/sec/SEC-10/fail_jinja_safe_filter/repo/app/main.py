from flask import Flask, render_template, request

app = Flask(__name__)


@app.get("/comment")
def comment():
    return render_template("comment.html", comment=request.args.get("c", ""))
