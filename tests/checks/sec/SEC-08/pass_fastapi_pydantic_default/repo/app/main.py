from fastapi import FastAPI, Depends
from pydantic import BaseModel, Field

app = FastAPI()


class Booking(BaseModel):
    slot_id: str
    guests: int = Field(ge=1, le=20)


def current_user():
    return {"id": 1}


@app.post("/bookings", status_code=201)
async def create_booking(booking: Booking, user: dict = Depends(current_user)):
    return booking


@app.get("/health")
def health():
    return {"ok": True}
