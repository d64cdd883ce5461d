import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def test_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # uploads from tests never touch media/
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"
    # Hashed static names need collectstatic; tests use plain names instead.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def empty_cache():
    # The consultation rate limit counts in the cache, which outlives a test.
    cache.clear()
    yield
    cache.clear()
