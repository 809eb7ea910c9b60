from django.contrib.auth.mixins import UserPassesTestMixin
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views import View

from .models import Member


class StatsView(UserPassesTestMixin, View):
    """Read-only: counts for the staff dashboard."""

    def test_func(self):
        return self.request.user.is_superuser

    def get(self, request):
        return JsonResponse({"members": Member.objects.count()})


class BanView(UserPassesTestMixin, View):
    def test_func(self):
        return self.request.user.is_superuser

    def post(self, request, pk):
        member = get_object_or_404(Member, pk=pk)
        member.banned = True
        member.save()
        return JsonResponse({"ok": True})
