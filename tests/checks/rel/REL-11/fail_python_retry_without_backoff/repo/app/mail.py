import smtplib

from tenacity import retry, stop_after_attempt


@retry(stop=stop_after_attempt(3))
def send_alert(to: str, body: str) -> None:
    with smtplib.SMTP("smtp.example.com", 587, timeout=10) as smtp:
        smtp.login("alerts", "x")
        smtp.sendmail("alerts@example.com", [to], body)
