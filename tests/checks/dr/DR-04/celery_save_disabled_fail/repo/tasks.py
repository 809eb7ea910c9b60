from celery import Celery

celery = Celery("billing", broker="redis://redis:6379/0")


@celery.task
def send_invoice(invoice_id):
    return invoice_id
