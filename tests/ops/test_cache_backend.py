"""ops/cache.py: Django's Redis cache with one client per connection pool."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from ops.cache import RedisCache


def test_the_redis_cache_builds_one_client_per_pool_not_one_per_call():
    backend = RedisCache("redis://127.0.0.1:9/0", {})  # no connection is made here
    client = backend._cache.get_client("a")
    assert backend._cache.get_client("b") is client
    assert backend._cache.get_client("c", write=True) is client  # one server: one pool
    assert DjangoRedisCache("redis://127.0.0.1:9/0", {})._cache.get_client() is not client


@pytest.mark.parametrize("url, backend", [
    ("redis://127.0.0.1:6379/1", "ops.cache.RedisCache"),
    ("filecache:///tmp/clinic-test-cache", "django.core.cache.backends.filebased.FileBasedCache"),
    ("locmemcache://", "django.core.cache.backends.locmem.LocMemCache"),
])
def test_a_redis_cache_url_gets_the_reusing_backend(url, backend):
    script = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    env = {**os.environ, "CACHE_URL": url, "DJANGO_SETTINGS_MODULE": "clinic_site.settings"}
    out = subprocess.run([sys.executable, "-c", script], env=env, cwd=settings.BASE_DIR,
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == backend
