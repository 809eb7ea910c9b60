from django.contrib.auth.models import User
from django.http import JsonResponse


def signup(request):
    user = User(username=request.POST["username"])
    user.set_password(request.POST["password"])
    user.save()
    return JsonResponse({"id": user.id})
