from sqlalchemy import create_engine

engine = create_engine("postgresql://localhost/app")


class Booking:
    pass


class Payment:
    pass
