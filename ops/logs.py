"""Log records on one line each, carrying the id of the request that made them."""

import contextvars
import logging

# Set by ops.middleware.RequestIdMiddleware for the time of one request.
request_id = contextvars.ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True


class OneLineFormatter(logging.Formatter):
    """Tracebacks are kept but their newlines escaped: one event is one line for any log
    collector, and `sed 's/\\\\n/\\n/g'` unfolds it for a person."""

    def format(self, record):
        return super().format(record).replace("\n", "\\n")
