from django.contrib import admin

from .models import Booking


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    actions = ["refund_bookings"]

    @admin.action(description="Refund selected bookings")
    def refund_bookings(self, request, queryset):
        for booking in queryset:
            booking.status = "refunded"
            booking.save()
            self.log_change(request, booking, "Refunded")
