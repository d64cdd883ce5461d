import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publishing.versions import bump_content_version


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
    # Test rows are rolled back without a save announcing it: no page cached by one test
    # may answer in the next.
    cache.clear()


@pytest.fixture
def editors_group(db):
    """The group made by the data migration; run again because a transactional test's flush
    (browser tests) empties every table, migration rows included."""
    from django.apps import apps
    from django.contrib.auth.models import Group

    from pages.roles import EDITOR_PERMISSIONS, EDITORS, grant_to_editors

    for app_label in EDITOR_PERMISSIONS:
        grant_to_editors(apps, app_label)
    return Group.objects.get(name=EDITORS)


@pytest.fixture
def editor(django_user_model, editors_group):
    """A staff user with only the Editors group's permissions, as create_editor makes them."""
    user = django_user_model.objects.create_user("editor", "editor@example.com", "a-long-test-password")
    user.is_staff = True
    user.save()
    user.groups.add(editors_group)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def count_queries(client, settings):
    """The queries a GET of a URL runs with the page cache off, as (the first visit after a
    content change, every visit after it). The first also reads the rows every page shows
    (the clinic's settings, offices, physicians), kept until the next change."""
    settings.PAGE_CACHE = False

    def count(url):
        bump_content_version()  # as a save does: nothing kept is current
        with CaptureQueriesContext(connection) as first:
            assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as then:
            assert client.get(url).status_code == 200
        return len(first), len(then)

    return count
