from flask import redirect, render_template, request
from flask_login import current_user, login_required

from app import app
from app.forms import EmptyForm, PostForm


@app.route("/", methods=["GET", "POST"])
@login_required
def index():
    form = PostForm()
    if form.validate_on_submit():
        current_user.add_post(form.body.data)
        return redirect("/")
    return render_template("index.html", form=form)


@app.route("/follow/<name>", methods=["POST"])
@login_required
def follow(name):
    form = EmptyForm()
    if form.validate_on_submit():
        current_user.follow(name)
    return redirect("/")


@app.route("/translate", methods=["POST"])
@login_required
def translate():
    data = request.get_json()
    return {"text": data["text"].upper()}
