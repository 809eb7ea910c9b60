from django.db import models


class Booking(models.Model):
    guest_email = models.EmailField()
    status = models.CharField(max_length=20)
