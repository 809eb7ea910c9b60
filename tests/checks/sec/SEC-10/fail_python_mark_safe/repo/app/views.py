from django.http import HttpResponse
from django.utils.safestring import mark_safe


def greet(request):
    msg = mark_safe(f"<b>{request.GET['name']}</b>")
    ok = mark_safe("<br>")
    return HttpResponse(msg + ok)
