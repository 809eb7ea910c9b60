from fastapi import FastAPI
from loguru import logger

app = FastAPI()


@app.get("/orders/{order_id}")
def order(order_id: int):
    logger.info("order {} read", order_id)
    return {"id": order_id}
