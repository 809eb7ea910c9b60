import structlog
from fastapi import FastAPI

structlog.configure(
    processors=[
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso"),
        structlog.processors.JSONRenderer(),
    ]
)
log = structlog.get_logger()
app = FastAPI()


@app.get("/bookings/{booking_id}")
def get_booking(booking_id: int):
    log.info("booking_fetched", booking_id=booking_id)
    return {"id": booking_id}
