import logging
import re


class RedactSecrets(logging.Filter):
    PATTERN = re.compile(r"(?i)(password|token|secret)=\S+")

    def filter(self, record):
        record.msg = self.PATTERN.sub(r"\1=[REDACTED]", str(record.msg))
        return True


handler = logging.StreamHandler()
handler.addFilter(RedactSecrets())
logging.getLogger().addHandler(handler)
