PASSWORD_RESET_TEMPLATE = "emails/password_reset.html"
TOKEN = "refresh_token_cookie"
API_KEY_HEADER = "X-Api-Key"
