import logging
from logging.handlers import RotatingFileHandler

logger = logging.getLogger(__name__)
logger.addHandler(RotatingFileHandler("jobs.log", maxBytes=10240, backupCount=10))


def run():
    logger.info("job ran")
