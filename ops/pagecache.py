"""The page cache: anonymous GETs of public pages, stale the moment content changes.

The content version is a random token kept in the shared cache under `content-version`;
any save or delete in a content app (settings.CONTENT_APPS), any staff POST to the admin
and every migrate replace it. A page is stored under `page:<md5 of its absolute URL>`
stamped with that version and the day, and served only while both still hold, so every
page cached by every worker is stale at once. Entries also carry their own end:
settings.PAGE_CACHE_SECONDS, cut short by the next scheduled change, which no save
announces.

The version is read from the shared cache on every request; the pages themselves are also
kept in each process (LocalPages, at most settings.PAGE_CACHE_MEMORY bytes), so a hit
moves only the version's few bytes across the cache. A kept page is served under the same
rule as a shared one (its stamp equals the current one, its end has not passed), so it is
stale the moment any process, on any host, moves the version.
"""

import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.http import HttpResponse
from django.http.cookie import parse_cookie
from django.utils import timezone
from django.utils.cache import get_conditional_response

from pages.publishing import next_visibility_change

from .middleware import incoming_request_id

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


# Per process, like the template fragments; a DummyCache under DEBUG, so `make run` reads
# rows at every visit.
kept = caches["template_fragments"]


def kept_until_next_change(request, name, load):
    """`load()`'s result, kept in this process per content version until the next scheduled
    change or midnight (page_timeout), like the template fragments that follow the clock:
    for rows a visit reads that only a save or the clock can change. An exception from
    `load()` (a 404) is never kept."""
    key = f"{name}:{content_version(request)}"
    value = kept.get(key)
    if value is None:
        value = load()
        kept.set(key, value, page_timeout(request))
    return value


class PageCacheMiddleware:
    """Answer anonymous GET and HEAD requests of public pages from the shared cache.

    It sits right after the request id middleware so that what it stores carries every
    header the rest of the stack adds, and a hit runs nothing else (lookup(): the version
    from the shared cache, the page from this process when it holds it; no session, no
    database). Under gunicorn, serve_cached_pages() answers
    hits even earlier; this middleware stores the pages and answers hits under any other
    server (the test client, the live test server). Only a plain 200 that sets no cookie,
    does not vary on Cookie and carries no CSP nonce is stored; requests with a session or
    a pending message, and the admin, always go through the full stack.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if page_path(request.path_info):
            # Read before the view reads any rows: what is kept under this version (the page,
            # template fragments) is then never older than it, whatever a save does meanwhile.
            content_version(request)
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

        key = page_key(request.META)
        page, stamp = lookup(key, request.content_version)
        if page is not None:
            return self.cached_response(request, page)
        response = self.get_response(request)
        if request.method == "GET" and self.cacheable_response(response):
            timeout = page_timeout(request)
            # The entry carries its own end, so it holds whatever clock the backend keeps.
            entry = (stamp, list(response.items()), response.content, time.time() + timeout)
            cache.set(key, entry, timeout)
            local_pages.put(key, CachedPage(entry))
            set_accel_expires(response)
        return response

    def cacheable_request(self, request):
        return shared_request(request.META["PATH_INFO"], request.COOKIES)

    def cacheable_response(self, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in response.get("Cache-Control", "") for word in PER_VISITOR)
            and "cookie" not in response.get("Vary", "").lower()
            and "'nonce-" not in response.get("Content-Security-Policy", "")
        )

    def cached_response(self, request, page):
        response = HttpResponse(page.content, headers=page.headers)
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
    end = local_day()[1]  # the clinic's next midnight
    if change is not None:
        end = min(end, change.timestamp())
    return max(1, min(settings.PAGE_CACHE_SECONDS, int(end - now.timestamp())))


def set_accel_expires(response):
    """Let nginx's micro-cache (deploy/nginx.conf.template) keep this page only until the
    end of the current second, so a staff edit reaches every visitor within a second.
    nginx removes the header; a client never sees it. Only set on responses the page cache
    finds shareable, and nginx stores nothing without it: X-Accel-Expires outranks
    Cache-Control in nginx, so this is where Django says what may be shared."""
    response["X-Accel-Expires"] = accel_expires()


def accel_expires():
    return f"@{int(time.time())}"  # nginx: valid until the end of this second


def shared_request(path, cookies):
    """A request whose answer may be shared: no session or pending message, and a page."""
    return (
        settings.SESSION_COOKIE_NAME not in cookies
        and not any(name in cookies for name in BYPASS_COOKIES)
        and page_path(path)
    )


def page_path(path):
    """A public page's path: not the admin, health checks or static files (which WhiteNoise
    serves). settings.STATIC_URL reads with its leading slash."""
    return not path.startswith(("/" + settings.ADMIN_URL, "/healthz", settings.STATIC_URL))


def lookup(key, version=None):
    """The cached page (a CachedPage) for `key` while it is current, and the stamp a new
    one gets.

    The version is read from the shared cache every time (unless the caller just did); the
    page is taken from this process's LocalPages when it holds it under that stamp, else from the shared cache
    (and then kept here). The day counts too: photo authorizations expire by the day, so
    nothing cached yesterday is served today, whatever the backend's own expiry says.
    """
    stamp = (version or cache.get(VERSION_KEY) or content_version(), today())
    now = time.time()
    page = local_pages.get(key, stamp, now)
    if page is None and (entry := cache.get(key)) is not None:
        page = CachedPage(entry)
        if not page.is_current(stamp, now):
            return None, stamp
        local_pages.put(key, page)
    return page, stamp


_day = (0.0, 0.0, None)  # this process's local day: (its start, its end, its date)


def local_day():
    """The clinic's current day as (its start, its end, its date), start and end as
    timestamps; worked out again only when the clock leaves it (either way: tests move the
    clock back). Every hit asks for the date; cached copies end at the day's end."""
    global _day
    if not _day[0] <= time.time() < _day[1]:
        local = timezone.localtime()
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        _day = (midnight.timestamp(), (midnight + timedelta(days=1)).timestamp(), local.date())
    return _day


def today():
    """timezone.localdate(), without its time zone conversion on every hit."""
    return local_day()[2]


class CachedPage:
    """A stored entry, (stamp, headers, content, end), with what a hit needs worked out once."""

    __slots__ = ("stamp", "headers", "content", "end", "etag", "size")

    def __init__(self, entry):
        self.stamp, headers, self.content, self.end = entry
        self.headers = list(headers)
        self.etag = dict(self.headers).get("ETag")
        self.size = len(self.content) + sum(len(k) + len(v) for k, v in self.headers) + 200

    def is_current(self, stamp, now):
        """Stored under this version and day, and before its own end."""
        return self.stamp == stamp and self.end > now


class LocalPages:
    """The pages this process served or stored, most recently used last, within a byte
    budget. A page is handed out only while CachedPage.is_current(), the rule for shared
    entries too; any other is dropped."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.pages = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()  # the live test server answers in threads

    def get(self, key, stamp, now):
        with self.lock:
            page = self.pages.get(key)
            if page is None:
                return None
            if not page.is_current(stamp, now):
                self._drop(key)
                return None
            self.pages.move_to_end(key)
            return page

    def put(self, key, page):
        with self.lock:
            if key in self.pages:
                self._drop(key)
            if page.size > self.max_bytes:
                return
            self.pages[key] = page
            self.size += page.size
            while self.size > self.max_bytes:
                self._drop(next(iter(self.pages)))

    def _drop(self, key):
        self.size -= self.pages.pop(key).size


local_pages = LocalPages(settings.PAGE_CACHE_MEMORY)


def page_key(meta):
    # From the WSGI environ, so the fast path below and the middleware agree. The raw Host
    # header is safe in the key: a page is only stored after the full stack rendered it,
    # and that validates the host against ALLOWED_HOSTS.
    url = f"{_scheme(meta)}://{meta.get('HTTP_HOST', '')}{meta.get('PATH_INFO', '')}?{meta.get('QUERY_STRING', '')}"
    return "page:" + hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def _scheme(meta):
    # As HttpRequest.scheme decides it, behind a proxy that says https.
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure = settings.SECURE_PROXY_SSL_HEADER
        if (value := meta.get(header)) is not None:
            return "https" if value.split(",", 1)[0].strip() == secure else "http"
    return meta.get("wsgi.url_scheme", "http")


def serve_cached_pages(django_app):
    """Wrap the WSGI application: a cached page is sent before Django builds a request.

    The lean path for anonymous visitors (issue: a cached hit must cost a fraction of a
    millisecond): one cache round trip (the version; the page itself is usually kept in
    this process) and the stored bytes, which already carry every header the full stack
    added (PageCacheMiddleware sits right after the request id middleware). Everything
    else, and every miss, goes to Django unchanged.
    """

    def application(environ, start_response):
        if (
            settings.PAGE_CACHE
            and environ["REQUEST_METHOD"] in ("GET", "HEAD")
            and shared_request(environ.get("PATH_INFO", ""), parse_cookie(environ.get("HTTP_COOKIE", "")))
        ):
            page, _ = lookup(page_key(environ))
            if page is not None:
                return _send(environ, start_response, page)
        return django_app(environ, start_response)

    return application


NOT_MODIFIED_HEADERS = {"etag", "cache-control", "vary", "x-request-id", "x-page-cache", "x-accel-expires"}


def _send(environ, start_response, page):
    headers = [
        *page.headers,
        ("X-Page-Cache", "hit"),
        ("X-Accel-Expires", accel_expires()),
        ("X-Request-ID", incoming_request_id(environ)),
    ]
    if page.etag and page.etag in environ.get("HTTP_IF_NONE_MATCH", ""):
        start_response("304 Not Modified", [(k, v) for k, v in headers if k.lower() in NOT_MODIFIED_HEADERS])
        return []
    start_response("200 OK", headers)
    return [] if environ["REQUEST_METHOD"] == "HEAD" else [page.content]
