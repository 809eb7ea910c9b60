from .base import MemberActionView, ReportFormView
from .models import Member


class SignupReportView(ReportFormView):
    def report(self):
        return {"members": Member.objects.count()}


class ResetMemberView(MemberActionView):
    def act(self, pk):
        Member.objects.filter(pk=pk).update(banned=False)
