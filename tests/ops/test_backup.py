import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from pages.models import Page

pytestmark = pytest.mark.django_db(transaction=True)


def dump():
    out = StringIO()
    call_command("dumpdata", *settings.BACKUP_LABELS, natural_foreign=True, natural_primary=True, stdout=out)
    return sorted(json.loads(out.getvalue()), key=lambda row: (row["model"], str(row.get("pk")), str(row["fields"])))


def test_backup_then_restore_reproduces_the_content_and_media_byte_for_byte(tmp_path, django_user_model, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    original = settings.PRIVATE_MEDIA_ROOT / "originals" / "case-1.jpg"
    original.parent.mkdir(parents=True)
    original.write_bytes(b"\xff\xd8 an original photo, never public")
    call_command("load_demo_content")
    django_user_model.objects.create_superuser("staff", "staff@example.com", "a-long-test-password")
    photo = settings.MEDIA_ROOT / "renditions" / "abc123.webp"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(bytes(range(256)) * 40)
    before = dump()
    archive = tmp_path / "backups" / "site.tar.gz"

    call_command("backup_site", str(archive), stdout=StringIO())
    call_command("flush", interactive=False)
    photo.unlink()
    original.unlink()
    assert not Page.objects.exists()
    call_command("restore_site", str(archive), stdout=StringIO())

    assert dump() == before
    assert photo.read_bytes() == bytes(range(256)) * 40
    assert original.read_bytes() == b"\xff\xd8 an original photo, never public"
    assert (archive.stat().st_mode & 0o777) == 0o600
    assert django_user_model.objects.get(username="staff").check_password("a-long-test-password")


def test_restore_refuses_a_database_that_has_content(tmp_path):
    call_command("load_demo_content")
    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), stdout=StringIO())
    with pytest.raises(CommandError, match="Not empty"):
        call_command("restore_site", str(archive), stdout=StringIO())
    call_command("restore_site", str(archive), force=True, stdout=StringIO())
    assert Page.objects.get(slug="botox").sections.count() == 4
