from django.urls import path
from blog import views

urlpatterns = [
    path("posts/new/", views.create_post),
]
