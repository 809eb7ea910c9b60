from functools import wraps

from flask import Flask, abort, g, jsonify
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255))
    banned = db.Column(db.Boolean, default=False)


class AuditLog(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    actor_id = db.Column(db.Integer)
    action = db.Column(db.String(64))
    target_id = db.Column(db.Integer)


def admin_required(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        if not g.user or not g.user.is_admin:
            abort(403)
        return fn(*args, **kwargs)
    return wrapper


@app.route("/admin/users/<int:user_id>/ban", methods=["POST"])
@admin_required
def ban_user(user_id):
    user = User.query.get_or_404(user_id)
    user.banned = True
    db.session.add(AuditLog(actor_id=g.user.id, action="user.ban", target_id=user_id))
    db.session.commit()
    return jsonify(ok=True)
