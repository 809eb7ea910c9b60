from django.db import models


class Booking(models.Model):
    slot_id = models.IntegerField()


class Payment(models.Model):
    booking = models.ForeignKey(Booking, on_delete=models.CASCADE)
    amount = models.IntegerField()
