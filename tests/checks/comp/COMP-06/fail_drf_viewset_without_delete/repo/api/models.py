from django.db import models


class Customer(models.Model):
    email = models.EmailField(unique=True)
    phone_number = models.CharField(max_length=32, blank=True)
