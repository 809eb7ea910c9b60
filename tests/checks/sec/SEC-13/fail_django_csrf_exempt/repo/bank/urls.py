from django.urls import path
from bank import views

urlpatterns = [path("transfer/", views.transfer)]
