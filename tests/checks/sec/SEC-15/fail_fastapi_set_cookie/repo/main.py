from fastapi import FastAPI, Response

app = FastAPI()


@app.post("/login")
def login(response: Response):
    token = issue_token()
    # Starlette's set_cookie defaults to samesite="lax"; secure and httponly are off by default.
    response.set_cookie(
        "access_token",
        token,
        httponly=True,
    )
    return {"ok": True}
