"""The page cache: anonymous GETs of public pages, kept in the default cache.

One rule decides what a cached page is worth: it is stored under its URL, the content
version (publishing.versions) and the clinic's local date, and kept until the next
scheduled change or the clinic's midnight, whichever comes first. A save moves the version,
so every page cached by every worker is stale at once; the date and the timeout cover what
no save announces (a page's "show from" time, an authorization that expires by the day).

Nothing personal is ever stored: requests with a session or a pending message and the
admin always go through the whole stack, and only a plain 200 that sets no cookie, does
not vary on Cookie, is not private and carries no CSP nonce is kept.
"""

import hashlib
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response

from publishing.models import next_visibility_change
from publishing.versions import KEEP_SECONDS, bump_content_version, content_version

PER_VISITOR = ("private", "no-store", "no-cache")  # in Cache-Control: never shared
BYPASS_COOKIES = ("messages",)  # a flash message waits for this visitor
NOT_YET = object()


class PageCacheMiddleware:
    """Sits right after the request id middleware, so what it stores carries every header
    the rest of the stack adds, and a hit runs nothing else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            response = self.get_response(request)
            if is_admin(request.path) and response.status_code < 400:
                # Admin actions may change rows with queryset.update(), which sends no
                # signal; a staff POST that succeeded is taken as a content change.
                bump_content_version()
            return response
        if not shared_request(request):
            return self.get_response(request)

        # Read before the view reads any rows, so nothing is kept under a newer version
        # than the rows it was made from.
        version = content_version(request)
        key = page_key(request, version) if settings.PAGE_CACHE else None
        if key and (entry := cache.get(key)) is not None:
            end, headers, content = entry
            if end > time.time():
                return cached_response(request, headers, content)

        response = self.get_response(request)
        if not shareable(response):
            return response
        set_accel_expires(response)
        if key and request.method == "GET":
            timeout = page_timeout(request)
            # The entry carries its own end, so it holds whatever clock the backend keeps.
            cache.set(key, (time.time() + timeout, list(response.items()), response.content), timeout)
        return response


def shared_request(request):
    """A request whose answer may be shared: a public page, no session or pending message."""
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not any(name in request.COOKIES for name in BYPASS_COOKIES)
        and not is_admin(request.path_info)
        and not request.path_info.startswith(("/healthz", "/" + settings.STATIC_URL.lstrip("/")))
    )


def is_admin(path):
    return path.startswith("/" + settings.ADMIN_URL)


def shareable(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in response.get("Cache-Control", "") for word in PER_VISITOR)
        and "cookie" not in response.get("Vary", "").lower()
        and "'nonce-" not in response.get("Content-Security-Policy", "")
    )


def page_key(request, version):
    # build_absolute_uri() validates the host against ALLOWED_HOSTS before it is keyed on.
    url = request.build_absolute_uri()
    digest = hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()
    return f"page:{version}:{timezone.localdate().isoformat()}:{digest}"


def cached_response(request, headers, content):
    response = HttpResponse(content, headers=headers)
    response["X-Page-Cache"] = "hit"
    set_accel_expires(response)
    # The stored ETag answers If-None-Match with a 304, as ConditionalGetMiddleware does
    # on the uncached path.
    return get_conditional_response(request, etag=response.get("ETag"), response=response)


def page_timeout(request):
    """Seconds until the next scheduled change or the clinic's midnight, whichever is first."""
    now = timezone.localtime()
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    change = next_scheduled_change(request)
    end = min(midnight, change) if change else midnight
    return max(1, int((end - now).total_seconds()))


def next_scheduled_change(request):
    """next_visibility_change(), looked up once per content version and again when it passes."""
    key = f"next-visibility-change:{content_version(request)}"
    change = cache.get(key, NOT_YET)
    if change is NOT_YET or (change is not None and change <= timezone.now()):
        change = next_visibility_change()
        cache.set(key, change, KEEP_SECONDS)
    return change


def set_accel_expires(response):
    """Let nginx's micro-cache (deploy/nginx.conf.template) keep this page only until the
    end of the current second, so a staff edit reaches every visitor within a second.
    nginx removes the header; a client never sees it. X-Accel-Expires outranks
    Cache-Control in nginx, and nginx stores nothing without it: this is where Django says
    what may be shared."""
    response["X-Accel-Expires"] = f"@{int(time.time())}"
