"""ops/cache.py: Django's Redis cache with one client per connection pool."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from ops.cache import FileBasedCache, RedisCache


def test_the_redis_cache_builds_one_client_per_pool_not_one_per_call():
    backend = RedisCache("redis://127.0.0.1:9/0", {})  # no connection is made here
    client = backend._cache.get_client("a")
    assert backend._cache.get_client("b") is client
    assert backend._cache.get_client("c", write=True) is client  # one server: one pool
    assert DjangoRedisCache("redis://127.0.0.1:9/0", {})._cache.get_client() is not client


@pytest.mark.parametrize("url, backend", [
    ("redis://127.0.0.1:6379/1", "ops.cache.RedisCache"),
    ("filecache:///tmp/clinic-test-cache", "ops.cache.FileBasedCache"),
    ("locmemcache://", "django.core.cache.backends.locmem.LocMemCache"),
])
def test_a_redis_cache_url_gets_the_reusing_backend(url, backend):
    script = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    env = {**os.environ, "CACHE_URL": url, "DJANGO_SETTINGS_MODULE": "clinic_site.settings"}
    out = subprocess.run([sys.executable, "-c", script], env=env, cwd=settings.BASE_DIR,
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == backend


def test_the_file_cache_reads_each_key_from_its_own_file_as_another_process_left_it(tmp_path):
    ours, theirs = FileBasedCache(str(tmp_path), {}), FileBasedCache(str(tmp_path), {})
    for version in ("a", "b"):  # file names are remembered, values never are
        ours.set("content-version", version)
        ours.set("page:1", f"page {version}")
        assert theirs.get("content-version") == version
        assert theirs.get("page:1") == f"page {version}"
    ours.delete("content-version")
    assert theirs.get("content-version") is None
