from django.db import transaction
from django.http import JsonResponse

from .models import Booking, Payment


def book(request):
    with transaction.atomic():
        booking = Booking.objects.create(slot_id=request.POST["slot"])
        Payment.objects.create(booking=booking, amount=5000)
    return JsonResponse({"id": booking.pk}, status=201)
