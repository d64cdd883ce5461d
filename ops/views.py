from pathlib import PurePosixPath

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils._os import safe_join

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
