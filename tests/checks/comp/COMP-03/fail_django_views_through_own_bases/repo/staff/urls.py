from django.urls import path

from . import views

urlpatterns = [
    path("admin-tools/reports/signups/", views.SignupReportView.as_view(), name="signups"),
    path("admin-tools/members/<int:pk>/reset/", views.ResetMemberView.as_view(), name="reset"),
]
