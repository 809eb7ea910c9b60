import requests


def fetch_profile(user_id):
    r = requests.get(f"https://profiles.internal/users/{user_id}")
    r.raise_for_status()
    return r.json()
