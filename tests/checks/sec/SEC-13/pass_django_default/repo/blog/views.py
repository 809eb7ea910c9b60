from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

@login_required
def create_post(request):
    if request.method == "POST":
        return redirect("/posts/")
    return render(request, "new.html")
