from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def transfer(request):
    if request.method == "POST":
        return JsonResponse({"ok": True})
    return JsonResponse({}, status=405)
