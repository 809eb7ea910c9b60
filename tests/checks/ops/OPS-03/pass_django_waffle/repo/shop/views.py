import waffle
from django.http import JsonResponse


def checkout(request):
    if waffle.flag_is_active(request, "new_checkout"):
        return JsonResponse({"flow": "new"})
    return JsonResponse({"flow": "legacy"})
