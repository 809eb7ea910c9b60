import requests


def rates():
    return requests.get("https://rates.example.com/v1", timeout=10, verify=False).json()


def rates_pinned():
    return requests.get("https://rates.example.com/v1", timeout=10, verify="/etc/ssl/certs/internal-ca.pem").json()
