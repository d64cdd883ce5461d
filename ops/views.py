import logging
from pathlib import PurePosixPath

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils._os import safe_join

logger = logging.getLogger(__name__)

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
    """Answer 200 when the database and the cache answer, else 503 naming what is down;
    for load balancers and uptime checks."""
    down = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        logger.exception("Health check: the database is down")
        down.append("database")
    try:
        cache.set("healthz", "ok", 10)
        if cache.get("healthz") != "ok":
            raise RuntimeError("a value written to the cache did not come back")
    except Exception:
        logger.exception("Health check: the cache is down")
        down.append("cache")
    if down:
        return HttpResponse(" and ".join(down) + " down", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
