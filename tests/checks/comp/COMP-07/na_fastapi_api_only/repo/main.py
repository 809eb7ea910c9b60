from fastapi import FastAPI

app = FastAPI()


@app.get("/bookings/{booking_id}")
def get_booking(booking_id: int):
    return {"id": booking_id, "html": "<img src='x'>"}
