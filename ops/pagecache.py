"""The page cache: anonymous GETs of public pages, stale the moment content changes.

The content version is a random token kept in the shared cache under `content-version`;
any save or delete in a content app (settings.CONTENT_APPS), any staff POST to the admin
and every migrate replace it. A page is stored under `page:<md5 of its absolute URL>`
together with the version it was rendered at, and served only while that version is still
the current one, so every page cached by every worker is stale at once. Both keys are read
in one round trip (get_many). Entries also expire after settings.PAGE_CACHE_SECONDS, which
bounds how late a page can show a change that no save announces (time-based publishing).
"""

import hashlib
import secrets
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response

from pages.publishing import next_visibility_change

VERSION_KEY = "content-version"
# Set by a response that differs per visitor (session, CSRF token): never shared.
PER_VISITOR = ("private", "no-store", "no-cache")
BYPASS_COOKIES = ("messages",)  # a flash message waits for this visitor


def content_version(request=None):
    """The current content version, read once per request when a request is given."""
    version = getattr(request, "content_version", None)
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, secrets.token_hex(8), None)
            version = cache.get(VERSION_KEY)
        if request is not None:
            request.content_version = version
    return version


def bump_content_version(**kwargs):
    # A random token, not a counter: an evicted counter could restart at a number whose
    # old pages are still cached.
    cache.set(VERSION_KEY, secrets.token_hex(8), None)


def content_changed(sender, instance, using=None, **kwargs):
    # For m2m_changed the sender is the through model; the instance is the changed row.
    if instance._meta.app_label not in settings.CONTENT_APPS:
        return
    bump_content_version()
    if transaction.get_connection(using).in_atomic_block:
        # Again once the rows are committed: a page rendered from the old rows between
        # the save and the commit must not stay cached under the new version.
        transaction.on_commit(bump_content_version, using=using)


_memo = {}


def per_content_version(request, name, load):
    """`load()`'s result, computed once per process for each content version: for rows read
    on every page (the clinic's settings) that only a content save can change."""
    version = content_version(request)
    entry = _memo.get(name)
    if entry is None or entry[0] != version:
        entry = _memo[name] = (version, load())
    return entry[1]


class PageCacheMiddleware:
    """Answer anonymous GET and HEAD requests of public pages from the shared cache.

    It sits right after SecurityMiddleware and WhiteNoise so that a hit runs nothing else
    (the lean path: two cache reads, no session, no database). Only a plain 200 that sets
    no cookie, does not vary on Cookie and carries no CSP nonce is stored; requests with a
    session or a pending message, and the admin, always go through the full stack.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            response = self.get_response(request)
            if request.path.startswith("/" + settings.ADMIN_URL) and response.status_code < 400:
                # Admin actions may change rows with queryset.update(), which sends no
                # signal; a staff POST that succeeded is taken as a content change.
                bump_content_version()
            return response
        if not self.cacheable_request(request):
            return self.get_response(request)
        if not settings.PAGE_CACHE:
            response = self.get_response(request)
            if self.cacheable_response(response):
                set_accel_expires(response)
            return response

        key = "page:" + _url_hash(request)
        found = cache.get_many([VERSION_KEY, key])
        version = request.content_version = found.get(VERSION_KEY) or content_version()
        entry = found.get(key)
        # The day counts too: photo authorizations expire by the day, so nothing cached
        # yesterday is served today, whatever the backend's own expiry says.
        stamp = (version, timezone.localdate())
        if entry is not None and entry[0] == stamp:
            return self.cached_response(request, entry)
        response = self.get_response(request)
        if request.method == "GET" and self.cacheable_response(response):
            entry = (stamp, list(response.items()), response.content)
            cache.set(key, entry, page_timeout(request))
            set_accel_expires(response)
        return response

    def cacheable_request(self, request):
        return (
            settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not any(name in request.COOKIES for name in BYPASS_COOKIES)
            and not request.path.startswith(("/" + settings.ADMIN_URL, "/healthz"))
        )

    def cacheable_response(self, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in response.get("Cache-Control", "") for word in PER_VISITOR)
            and "cookie" not in response.get("Vary", "").lower()
            and "'nonce-" not in response.get("Content-Security-Policy", "")
        )

    def cached_response(self, request, entry):
        _, headers, content = entry
        response = HttpResponse(content, headers=headers)
        response["X-Page-Cache"] = "hit"
        set_accel_expires(response)
        # The stored ETag answers If-None-Match with a 304 here, as ConditionalGetMiddleware
        # does on the uncached path.
        return get_conditional_response(request, etag=response.get("ETag"), response=response)


def page_timeout(request):
    """settings.PAGE_CACHE_SECONDS, cut short when a scheduled page or case appears or
    disappears sooner, or at the clinic's midnight (photo authorizations expire by the
    day): no save announces those, so the cached copy must not outlive them."""
    now = timezone.now()
    change = per_content_version(request, "visibility-change", next_visibility_change)
    if change is not None and change <= now:  # that moment has passed: look for the next
        _memo.pop("visibility-change", None)
        change = per_content_version(request, "visibility-change", next_visibility_change)
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    change = min(change, midnight) if change else midnight
    return max(1, min(settings.PAGE_CACHE_SECONDS, int((change - now).total_seconds())))


def set_accel_expires(response):
    """Let nginx's micro-cache (deploy/nginx.conf.template) keep this page only until the
    end of the current second, so a staff edit reaches every visitor within a second.
    nginx removes the header; a client never sees it. Only set on responses the page cache
    finds shareable, and nginx stores nothing without it: X-Accel-Expires outranks
    Cache-Control in nginx, so this is where Django says what may be shared."""
    response["X-Accel-Expires"] = f"@{int(time.time())}"


def _url_hash(request):
    # The raw Host header is safe in the key: a page is only stored after the full stack
    # rendered it, and that validates the host against ALLOWED_HOSTS.
    meta = request.META
    url = f"{request.scheme}://{meta.get('HTTP_HOST', '')}{request.path}?{meta.get('QUERY_STRING', '')}"
    return hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()
