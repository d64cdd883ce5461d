import json
import shutil
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from gallery.models import Case
from pages.models import Page

pytestmark = pytest.mark.django_db(transaction=True)


def dump():
    out = StringIO()
    call_command("dumpdata", *settings.BACKUP_LABELS, natural_foreign=True, natural_primary=True, stdout=out)
    return sorted(json.loads(out.getvalue()), key=lambda row: (row["model"], str(row.get("pk")), str(row["fields"])))


def files(*roots):
    """Every file under the upload folders, as {path: bytes}."""
    return {path: path.read_bytes() for root in roots for path in sorted(root.rglob("*")) if path.is_file()}


def test_backup_then_restore_reproduces_the_content_and_media_byte_for_byte(
    tmp_path, django_user_model, settings, client
):
    call_command("load_demo_content")  # the Botox page and its gallery cases, photos included
    django_user_model.objects.create_superuser("staff", "staff@example.com", "a-long-test-password")
    photo = settings.MEDIA_ROOT / "physicians" / "portrait.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(bytes(range(256)) * 40)
    case = Case.objects.published().first()
    image_url = f"{case.get_absolute_url()}images/{case.before_renditions[0]['name'].rsplit('/', 1)[-1]}"
    served_before = b"".join(client.get(image_url).streaming_content)
    before, uploads = dump(), files(settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT)
    assert any("private" in str(path) for path in uploads)  # the gallery's photos are in it
    archive = tmp_path / "backups" / "site.tar.gz"

    call_command("backup_site", str(archive), stdout=StringIO())
    call_command("flush", interactive=False)
    shutil.rmtree(settings.MEDIA_ROOT)
    shutil.rmtree(settings.PRIVATE_MEDIA_ROOT)
    assert not Page.objects.exists()
    call_command("restore_site", str(archive), stdout=StringIO())

    assert dump() == before
    assert files(settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT) == uploads
    assert b"".join(client.get(image_url).streaming_content) == served_before
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
