import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def test_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # uploads from tests never touch media/
    # Hashed static names need collectstatic; tests use plain names instead.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def empty_cache():
    # Test rows are rolled back without a save announcing it: no page cached by one test
    # may answer in the next.
    cache.clear()
