import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from tests.factories import PageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

PRODUCTION_ENV = {
    **{name: value for name, value in os.environ.items() if not name.startswith("DJANGO_")},
    "DJANGO_DEBUG": "false",  # whatever a developer's .env says
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "clinic.example.com",
}


def run_django(code, **env):
    """Import the settings afresh in another process, as a deployment with this env would."""
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "clinic_site.settings", **env},
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_check_deploy_reports_nothing_under_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=PRODUCTION_ENV,
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_uploads_go_to_s3_compatible_storage_when_a_bucket_is_configured():
    out = run_django(
        "import json; from django.conf import settings; from django.core.files.storage import default_storage;"
        "print(json.dumps([settings.STORAGES['default']['BACKEND'], default_storage.url('r/a.webp'),"
        " settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']]))",
        DJANGO_S3_BUCKET="clinic-media",
        DJANGO_S3_ENDPOINT_URL="https://s3.example.com",
        DJANGO_S3_CUSTOM_DOMAIN="media.example.com",
    )
    backend, url, img_src = json.loads(out)
    assert backend == "storages.backends.s3.S3Storage"
    assert url == "https://media.example.com/r/a.webp"
    assert "https://media.example.com" in img_src


def test_uploads_stay_on_the_local_disk_without_a_bucket():
    out = run_django("from django.conf import settings; print(settings.STORAGES['default']['BACKEND'])")
    assert out.strip() == "django.core.files.storage.FileSystemStorage"


def test_the_admin_url_comes_from_the_environment():
    out = run_django("from django.urls import reverse; print(reverse('admin:index'))", DJANGO_ADMIN_URL="staff-door/")
    assert out.strip() == "/staff-door/"


def test_a_public_page_carries_the_security_headers(client):
    page = PageFactory()
    response = client.get(page.get_absolute_url(), secure=True)
    csp = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert "'unsafe-inline'" not in csp["script-src"]
    assert csp["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_the_sixth_login_attempt_is_refused_even_with_the_right_password(client, django_user_model, fast_hashing):
    django_user_model.objects.create_superuser("staff", "staff@example.com", "the-right-password-42")
    for _ in range(5):
        client.post("/admin/login/", {"username": "staff", "password": "a-wrong-guess"})
    response = client.post("/admin/login/", {"username": "staff", "password": "the-right-password-42"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lockout_is_per_username_and_lifted_by_axes_reset(client, django_user_model, fast_hashing):
    django_user_model.objects.create_superuser("staff", "staff@example.com", "the-right-password-42")
    django_user_model.objects.create_superuser("other", "other@example.com", "the-right-password-43")
    for _ in range(6):
        client.post("/admin/login/", {"username": "staff", "password": "a-wrong-guess"})
    assert client.post("/admin/login/", {"username": "other", "password": "the-right-password-43"}).status_code == 302
    client.logout()
    call_command("axes_reset", verbosity=0)
    assert client.post("/admin/login/", {"username": "staff", "password": "the-right-password-42"}).status_code == 302


def test_an_uploaded_image_is_served_with_its_type_and_nosniff(client, settings):
    settings.SERVE_MEDIA = True
    (settings.MEDIA_ROOT / "r").mkdir(parents=True)
    (settings.MEDIA_ROOT / "r" / "a.webp").write_bytes(b"RIFF....WEBP")
    response = client.get("/media/r/a.webp")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == b"RIFF....WEBP"


@pytest.mark.parametrize("name", ["page.html", "logo.svg", "run.js", "shell.php", "noext"])
def test_an_upload_that_is_not_an_image_type_is_never_served(client, settings, name):
    settings.SERVE_MEDIA = True
    settings.MEDIA_ROOT.mkdir(parents=True)
    (settings.MEDIA_ROOT / name).write_text("<script>alert(1)</script>")
    assert client.get(f"/media/{name}").status_code == 404


def test_media_outside_the_media_folder_cannot_be_reached(client, settings):
    settings.SERVE_MEDIA = True
    settings.MEDIA_ROOT.mkdir(parents=True)
    (settings.MEDIA_ROOT.parent / "private.jpg").write_bytes(b"original photo")
    assert client.get("/media/../private.jpg").status_code in (400, 404)
    assert client.get("/media/%2E%2E/private.jpg").status_code in (400, 404)


def test_media_is_not_served_by_django_unless_asked(client, settings):
    settings.SERVE_MEDIA = False
    settings.MEDIA_ROOT.mkdir(parents=True)
    (settings.MEDIA_ROOT / "a.jpg").write_bytes(b"jpeg")
    assert client.get("/media/a.jpg").status_code == 404
