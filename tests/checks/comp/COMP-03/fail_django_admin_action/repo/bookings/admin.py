from django.contrib import admin

from .models import Booking


@admin.action(description="Refund selected bookings")
def refund_bookings(modeladmin, request, queryset):
    queryset.update(status="refunded")


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    actions = [refund_bookings]
