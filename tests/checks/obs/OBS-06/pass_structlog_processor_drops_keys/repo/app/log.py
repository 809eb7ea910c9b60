import structlog


def drop_credentials(logger, method_name, event_dict):
    for key in ("password", "token", "authorization"):
        event_dict.pop(key, None)
    return event_dict


structlog.configure(processors=[drop_credentials, structlog.processors.JSONRenderer()])
log = structlog.get_logger()
