from django.urls import path

from . import views

urlpatterns = [
    path("admin-tools/stats/", views.StatsView.as_view(), name="stats"),
    path("admin-tools/members/<int:pk>/ban/", views.BanView.as_view(), name="ban"),
]
