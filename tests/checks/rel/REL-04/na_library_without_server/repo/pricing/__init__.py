def price(amount: int, rate: float) -> int:
    return round(amount * (1 + rate))
