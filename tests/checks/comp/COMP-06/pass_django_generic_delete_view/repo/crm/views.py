import json

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse
from django.urls import reverse_lazy
from django.views import generic

from .models import Contact, Tag


class TagDeleteView(LoginRequiredMixin, generic.DeleteView):
    model = Tag
    success_url = reverse_lazy("tag-list")


class ContactDeleteView(LoginRequiredMixin, generic.DeleteView):
    model = Contact
    success_url = reverse_lazy("contact-list")


def export_contact(request, pk):
    contact = Contact.objects.get(pk=pk)
    body = json.dumps({"name": contact.name, "email": contact.email, "phone": contact.phone})
    return HttpResponse(body, content_type="application/json")
