from django.shortcuts import render
from django.utils.html import format_html


def product(request, pk):
    label = format_html("<b>{}</b>", request.GET.get("name", ""))
    return render(request, "product.html", {"label": label, "name": request.GET.get("name")})
