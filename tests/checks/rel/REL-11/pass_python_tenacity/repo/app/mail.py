import smtplib
from email.message import EmailMessage

from tenacity import retry, stop_after_attempt, wait_random_exponential


@retry(stop=stop_after_attempt(5), wait=wait_random_exponential(multiplier=0.5, max=10))
def send_receipt(to: str) -> None:
    msg = EmailMessage()
    msg["To"] = to
    with smtplib.SMTP("smtp.example.com", 587, timeout=10) as smtp:
        smtp.send_message(msg)
