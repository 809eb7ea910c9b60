from django.shortcuts import render

from .forms import DeviceImportForm


def import_devices(request):
    return render(request, "import.html", {"form": DeviceImportForm()})
