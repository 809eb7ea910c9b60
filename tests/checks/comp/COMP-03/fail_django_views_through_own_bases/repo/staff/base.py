from django.contrib.auth.mixins import UserPassesTestMixin
from django.http import JsonResponse
from django.views import View


class SuperuserView(UserPassesTestMixin, View):
    def test_func(self):
        return self.request.user.is_superuser


class ReportFormView(SuperuserView):
    """Renders a report; its name says Form, but it only reads."""

    def get(self, request):
        return JsonResponse(self.report())


class MemberActionView(SuperuserView):
    """Runs `act` on one member: the POST every staff action goes through."""

    def post(self, request, pk):
        self.act(pk)
        return JsonResponse({"ok": True})
