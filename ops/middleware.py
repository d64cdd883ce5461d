import re
import secrets

from django.conf import settings

from .logs import request_id

# What we accept from a proxy's X-Request-ID: enough for a UUID or nginx's $request_id,
# nothing that could forge a log line.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class RequestIdMiddleware:
    """Give each request an id (the proxy's X-Request-ID, or a new one) for its log lines
    and its response, so a visitor's report or an access log line leads to the traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        current = incoming if VALID_REQUEST_ID.fullmatch(incoming) else secrets.token_hex(16)
        token = request_id.set(current)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = current
        return response


class PermissionsPolicyMiddleware:
    """Django has no setting for this header: the site uses no camera, microphone,
    location or payment API, and says so to the browser."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def client_ip(request):
    """The visitor's address, for the login lockout and the consultation rate limit:
    REMOTE_ADDR, or behind our own proxies (settings.PROXY_COUNT) the address the
    outermost one of them saw. Entries further left in X-Forwarded-For come from the
    visitor and are never trusted."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if settings.PROXY_COUNT and len(hops) >= settings.PROXY_COUNT:
        return hops[-settings.PROXY_COUNT]
    return request.META.get("REMOTE_ADDR")
