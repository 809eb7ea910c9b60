from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired


class BaseForm(FlaskForm):
    submit = SubmitField("Save")


class PostForm(BaseForm):
    body = StringField("Say something", validators=[DataRequired()])


class EmptyForm(FlaskForm):
    submit = SubmitField("Submit")
