"""Django's Redis cache with one client per connection pool instead of one per call: the
page cache reads the content version on every request (ops/pagecache.py).

Django's RedisCacheClient.get_client() builds a new redis.Redis for every cache call, and
redis-py's constructor fills a table of ~170 response callbacks each time: about 0.07 ms
of CPU per call, as much as the round trip itself, on a page cache hit. A redis.Redis holds no
connection of its own (it takes one from its pool for each command, and the pool starts
afresh in a forked worker), so one per pool may serve every call of the process.

settings.CACHES uses this backend wherever CACHE_URL names Redis, and FileBasedCache below
wherever it names a folder.
"""

import functools

from django.core.cache.backends.filebased import FileBasedCache as DjangoFileBasedCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}  # id(pool) -> a redis.Redis on that pool

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            # Keyed by the pool object, which self._pools keeps alive for as long as this.
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient


class FileBasedCache(DjangoFileBasedCache):
    """Django's file cache, with the file of each recent key worked out once: the page cache
    reads the content version on every request, and Django checks the key and hashes it to
    a file name every time. Bounded, because page keys come from the URLs visitors ask for."""

    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._key_to_file = functools.lru_cache(maxsize=256)(self._key_to_file)
