from django.http import JsonResponse

def items(request):
    return JsonResponse([], safe=False)
