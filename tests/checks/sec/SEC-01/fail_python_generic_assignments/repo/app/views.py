def login(request):
    password = request.POST["password"]
    token_type = "bearer-refresh-token-v2"
    if password == "":
        return None
    return token_type
