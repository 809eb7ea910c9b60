ROOT_URLCONF = "bank.urls"
INSTALLED_APPS = ["django.contrib.sessions", "django.contrib.auth", "bank"]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
