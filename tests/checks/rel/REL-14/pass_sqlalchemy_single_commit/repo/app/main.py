from fastapi import FastAPI
from sqlalchemy.orm import Session

from .models import Booking, Payment, engine

app = FastAPI()


@app.post("/bookings")
def create_booking(slot: int):
    with Session(engine) as session:
        booking = Booking(slot_id=slot)
        session.add(booking)
        session.add(Payment(booking=booking, amount=5000))
        session.commit()
        return {"id": booking.id}
