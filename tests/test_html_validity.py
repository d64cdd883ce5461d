"""Every public page type passes the Nu HTML Checker (vnu.jar from npm's vnu-jar, run with Java)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.views.defaults import server_error

from gallery.models import Case
from pages.models import Page
from tests.factories import FaqItemFactory, FaqSectionFactory

pytestmark = pytest.mark.django_db

VNU = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

PAGES = {
    "home": "/",
    "treatments": "/treatments/",
    "botox": "/treatments/botox/",
    "gallery": "/gallery/",
    "gallery-botox": "/gallery/botox/",
    "about": "/about/",
    "consultation": "/consultation/",
    "thanks": "/consultation/thanks/",
    "not-found": "/no-such-page/",
}


@pytest.fixture
def validator():
    if not shutil.which("java"):
        if os.environ.get("CI"):
            pytest.fail("Java is missing; the HTML checker must run in CI.")
        pytest.skip("Java is missing (the Nu HTML Checker needs it)")
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: make test installs it with npm ci")
    return VNU


def test_every_public_page_type_is_valid_html(client, settings, tmp_path, validator):
    settings.CONSULTATION_RATE_LIMIT = 1
    call_command("load_demo_content")
    case = Case.objects.published().first()
    for name, url in {**PAGES, "case": case.get_absolute_url()}.items():
        (tmp_path / f"{name}.html").write_bytes(client.get(url).content)
    # The demo has no FAQ; a Botox page with one checks the questions-and-answers markup.
    FaqItemFactory.create_batch(2, section=FaqSectionFactory(page=Page.objects.get(slug="botox")))
    (tmp_path / "botox-faq.html").write_bytes(client.get("/treatments/botox/").content)
    (tmp_path / "case.html").write_bytes(client.get(Case.objects.published()[0].get_absolute_url()).content)
    invalid = client.post("/consultation/", {"name": "Jane", "email": "jane@"})
    (tmp_path / "consultation-errors.html").write_bytes(invalid.content)
    client.post("/consultation/", {"name": "Jane", "email": "jane@example.com", "consent_to_contact": "on"})
    too_many = client.post("/consultation/", {"name": "Jane", "email": "jane@example.com", "consent_to_contact": "on"})
    assert too_many.status_code == 429
    (tmp_path / "rate-limited.html").write_bytes(too_many.content)
    (tmp_path / "server-error.html").write_bytes(server_error(RequestFactory().get("/")).content)

    result = subprocess.run(
        ["java", "-jar", str(validator), "--errors-only", "--skip-non-html", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
