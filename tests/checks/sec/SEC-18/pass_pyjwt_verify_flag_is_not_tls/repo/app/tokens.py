import jwt
import requests


def peek(token):
    # Reads claims without checking the signature (a JWT concern, not TLS).
    return jwt.decode(token, verify=False)


def rates():
    return requests.get("https://rates.example.com/v1", timeout=10).json()
