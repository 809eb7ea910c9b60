from fastapi import FastAPI

from tasks import send_invoice

app = FastAPI()


@app.post("/invoices/{invoice_id}/send")
def send(invoice_id: int):
    send_invoice.delay(invoice_id)
    return {"queued": True}
