from django.urls import path

from . import views

urlpatterns = [
    path("contacts/<int:pk>/delete/", views.ContactDeleteView.as_view(), name="contact-delete"),
    path("contacts/<int:pk>/export/", views.export_contact, name="contact-export"),
    path("tags/<int:pk>/delete/", views.TagDeleteView.as_view(), name="tag-delete"),
]
