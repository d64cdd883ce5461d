"""ops/cache.py: Django's Redis and file caches with less work per read."""

import os
import subprocess
import sys
import time

import pytest
import time_machine
from django.conf import settings
from django.core.cache.backends.filebased import FileBasedCache as DjangoFileBasedCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from ops.cache import FileBasedCache, RedisCache


def test_the_redis_cache_builds_one_client_per_pool_not_one_per_call():
    backend = RedisCache("redis://127.0.0.1:9/0", {})  # no connection is made here
    client = backend._cache.get_client("a")
    assert backend._cache.get_client("b") is client
    assert backend._cache.get_client("c", write=True) is client  # one server: one pool
    assert DjangoRedisCache("redis://127.0.0.1:9/0", {})._cache.get_client() is not client


@pytest.fixture
def file_caches(tmp_path):
    return DjangoFileBasedCache(str(tmp_path), {}), FileBasedCache(str(tmp_path), {})


@pytest.mark.parametrize("value", ["v" * 16, {"page": b"x" * 200_000, "n": 3}, None, 0])
def test_the_file_cache_reads_what_django_wrote(file_caches, value):
    django_cache, lean = file_caches
    django_cache.set("k", value, None)
    assert lean.get("k", "missing") == value
    assert lean.get("other", "missing") == "missing"


def test_the_file_cache_drops_an_expired_or_empty_entry_as_django_does(file_caches, tmp_path):
    django_cache, lean = file_caches
    django_cache.set("old", "v", 60)
    with time_machine.travel(time.time() + 61):
        assert lean.get("old", "gone") == "gone"
    assert not os.path.exists(lean._key_to_file("old"))
    open(lean._key_to_file("empty"), "wb").close()
    assert lean.get("empty", "gone") == "gone"


@pytest.mark.parametrize("url, backend", [
    ("redis://127.0.0.1:6379/1", "ops.cache.RedisCache"),
    ("filecache:///tmp/clinic-test-cache", "ops.cache.FileBasedCache"),
    ("locmemcache://", "django.core.cache.backends.locmem.LocMemCache"),
])
def test_a_cache_url_gets_the_lean_backend(url, backend):
    script = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    env = {**os.environ, "CACHE_URL": url, "DJANGO_SETTINGS_MODULE": "clinic_site.settings"}
    out = subprocess.run([sys.executable, "-c", script], env=env, cwd=settings.BASE_DIR,
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == backend
