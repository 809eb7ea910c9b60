from django.db import models


class Member(models.Model):
    email = models.EmailField(unique=True)
    banned = models.BooleanField(default=False)
