import csv

from django.http import HttpResponse
from rest_framework import viewsets

from .models import Customer
from .serializers import CustomerSerializer


class CustomerViewSet(viewsets.ModelViewSet):
    # Customers may be created and edited through the API, never deleted.
    http_method_names = ["get", "post", "patch", "head", "options"]
    queryset = Customer.objects.all()
    serializer_class = CustomerSerializer


def export_customer(request, pk):
    customer = Customer.objects.get(pk=pk)
    response = HttpResponse(content_type="text/csv")
    csv.writer(response).writerow([customer.email, customer.phone_number])
    return response
