"""The shared cache, failing soft: losing it costs speed, never the site.

settings.CACHES wraps whatever CACHE_URL names (Redis, Memcached, a file cache) in
FailSoftCache. When the backend fails, each call answers as a miss, so pages are rendered
from the database and staff saves go through; the backend is then left alone for
RETRY_SECONDS, so a Redis that hangs delays one request by one socket timeout, not every
call of every request. One warning per outage names the cause. Once the backend answers
again, the content version is moved, so nothing cached before or during the outage is
served after it.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5


class FailSoftCache(BaseCache):
    def __init__(self, location, params):
        options = dict(params.get("OPTIONS", {}))
        backend = import_string(options.pop("BACKEND"))
        super().__init__(params)
        self.backend = backend(location, {**params, "OPTIONS": options})
        self.failed_at = None  # when the last call failed, while the backend is away

    @property
    def is_failing(self):
        return self.failed_at is not None

    def call(self, name, *args, default=None, **kwargs):
        if self.failed_at is not None and time.monotonic() - self.failed_at < RETRY_SECONDS:
            return default
        try:
            result = getattr(self.backend, name)(*args, **kwargs)
        except Exception as error:
            if self.failed_at is None:
                logger.warning("The cache is unavailable, pages are rendered without it: %r", error)
            self.failed_at = time.monotonic()
            return default
        if self.failed_at is not None:
            self.failed_at = None
            logger.warning("The cache is back; the content version moves so nothing stale is served")
            from publishing.versions import bump_content_version

            bump_content_version()
            # Asked again, after the move: a request's first call reads the version.
            result = getattr(self.backend, name)(*args, **kwargs)
        return result

    def get(self, key, default=None, version=None):
        return self.call("get", key, default, version=version, default=default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.call("set", key, value, timeout, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.call("add", key, value, timeout, version=version, default=False)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.call("touch", key, timeout, version=version, default=False)

    def delete(self, key, version=None):
        return self.call("delete", key, version=version, default=False)

    def has_key(self, key, version=None):
        return self.call("has_key", key, version=version, default=False)

    def incr(self, key, delta=1, version=None):
        return self.call("incr", key, delta, version=version, default=delta)

    def get_many(self, keys, version=None):
        return self.call("get_many", keys, version=version, default={})

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self.call("set_many", data, timeout, version=version, default=list(data))

    def delete_many(self, keys, version=None):
        return self.call("delete_many", keys, version=version)

    def clear(self):
        return self.call("clear")

    def close(self, **kwargs):
        return self.call("close", **kwargs)
