import logging
import sys
from pathlib import PurePosixPath

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.http import FileResponse, Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect
from django.template import loader
from django.templatetags.static import static
from django.utils._os import safe_join

logger = logging.getLogger(__name__)

DATABASE_RETRY_SECONDS = 30

# Uploads are served as one of these or not at all: never HTML, SVG or script, whatever
# an uploaded file's bytes or name claim.
SAFE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".gif": "image/gif",
}


def media(request, path):
    """Serve a file from MEDIA_ROOT when settings.SERVE_MEDIA is on (no nginx or object
    store in front). Private files live outside MEDIA_ROOT and cannot be reached here."""
    content_type = SAFE_TYPES.get(PurePosixPath(path).suffix.lower())
    if not settings.SERVE_MEDIA or content_type is None:
        raise Http404
    try:
        file = open(safe_join(settings.MEDIA_ROOT, path), "rb")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise Http404
    response = FileResponse(file, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=86400"
    return response


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin's)."""
    response = redirect(static("img/favicon.png"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


def healthz(request):
    """For load balancers: 200 while this host can serve (its database answers), else 503.
    A cache outage only slows pages (ops/cache.py), so it is reported ("cache degraded")
    without taking the host out of rotation; `?full=1`, for monitoring, fails on it too."""
    database = cache_state = "ok"
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        logger.exception("Health check: the database is down")
        database = "down"
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        cache_state = "degraded"
    failing = database != "ok" or (cache_state != "ok" and "full" in request.GET)
    body = f"database {database}, cache {cache_state}"
    return HttpResponse(body, status=503 if failing else 200, content_type="text/plain")


def server_error(request):
    """Django's 500 page, except while the database is unreachable: a restart or failover
    lasts seconds, so the visitor gets the branded 503 page, told when to come back."""
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):  # unreachable, not a bug
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(DATABASE_RETRY_SECONDS)
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
