ROOT_URLCONF = "api.urls"
INSTALLED_APPS = ["django.contrib.contenttypes", "corsheaders", "shop"]
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
]

# Convenient in development, dangerous in production.
CORS_ALLOW_CREDENTIALS = True
CORS_ALLOW_ALL_ORIGINS = True
