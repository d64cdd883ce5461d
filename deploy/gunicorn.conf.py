"""gunicorn settings for `make serve` and production; each can be changed by environment.

    gunicorn -c deploy/gunicorn.conf.py clinic_site.wsgi
"""

import hashlib
import os
import tempfile
from pathlib import Path

from gunicorn import glogging

# Loopback by default: a proxy (deploy/nginx.conf) or a load balancer faces the internet.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Sync workers: every request is short and nginx buffers slow clients. A request is CPU
# work (rendering; queries to a nearby database barely wait), so one worker per core and
# one more to cover the waits. gunicorn's rule of thumb, 2 x cores + 1, is for requests
# that wait: here extra workers only take turns on the cores. Past 8 a host is better
# spent on another machine.
workers = int(
    os.environ.get("WEB_CONCURRENCY")
    or os.environ.get("GUNICORN_WORKERS")
    or min((os.cpu_count() or 1) + 1, 8)
)
# Workers are separate processes: with the default local-memory cache each would keep
# its own content version, and a save handled by one would leave the others' cached pages
# stale. Unless CACHE_URL names a shared cache (Redis, required for several hosts), the
# workers of this host share a file cache.
_project = str(Path(__file__).resolve().parent.parent)
os.environ.setdefault(
    "CACHE_URL",
    "filecache://" + os.path.join(
        tempfile.gettempdir(), "clinic-site-cache-" + hashlib.md5(_project.encode()).hexdigest()[:8]
    ),
)

# Load Django once in the master: faster start, and workers share its memory.
preload_app = True


def when_ready(server):
    """A (re)start is a deploy: pages cached by the code that ran before (its templates,
    its static file names) must not outlive it, whichever cache migrate wrote to."""
    from publishing.versions import bump_content_version

    bump_content_version()

timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak never becomes an outage.
max_requests = 10000
max_requests_jitter = 1000

# One line per event on stdout, laid out like Django's (clinic_site/settings.py LOGGING):
# time, level, logger, [request id], message.
# Access lines are written by what faces the visitors: nginx (deploy/nginx.conf.template)
# logs every request, its own cache hits included, buffered, with the request id Django
# logs too. GUNICORN_ACCESS_LOG=true has gunicorn write them on stdout too (gunicorn with
# nothing in front). Off, they cost nothing (Logger below): nginx already wrote the line.
access_lines = os.environ.get("GUNICORN_ACCESS_LOG", "").lower() in ("1", "true", "yes", "on")
access_log_format = '[%({x-request-id}o)s] %(h)s "%(r)s" %(s)s %(B)s %(M)sms'


class Logger(glogging.Logger):
    """gunicorn's logger, with access lines only when asked for. Given a logging config,
    gunicorn's own writes them whatever `accesslog` says, building each request's fields
    (every header, the times) even when the access logger's level drops the line."""

    def access(self, resp, req, environ, request_time):
        if access_lines:
            super().access(resp, req, environ, request_time)


logger_class = Logger
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": "INFO", "handlers": ["stdout"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
        # Django answers HEAD with the GET body and gunicorn drops it as it should, with a
        # warning each time (uptime checks send HEAD): nothing is wrong, so say nothing.
        "gunicorn.http.wsgi": {"level": "ERROR"},
    },
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "formatter": "line", "stream": "ext://sys.stdout"},
    },
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
}
