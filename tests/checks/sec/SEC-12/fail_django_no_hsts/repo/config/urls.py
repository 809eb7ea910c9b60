from django.urls import path
from catalog.views import items

urlpatterns = [path("items/", items)]
