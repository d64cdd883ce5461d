import importlib

import pytest


@pytest.fixture(autouse=True)
def test_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # uploads from tests never touch media/
    # Hashed static names need collectstatic; tests use plain names instead.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def editors_group(db):
    """The group made by the data migration; run again because a transactional test's flush
    (browser tests) empties every table, migration rows included."""
    from django.apps import apps
    from django.contrib.auth.models import Group

    importlib.import_module("pages.migrations.0004_editors_group").create_editors(apps, None)
    return Group.objects.get(name="Editors")


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
