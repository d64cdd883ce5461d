import pytest

from pages.models import ClinicSettings
from tests.factories import PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_the_page_changelist_and_add_form_load(admin_client):
    PageFactory(title="Botox")
    assert "Botox" in admin_client.get("/admin/pages/page/").content.decode()
    assert admin_client.get("/admin/pages/page/add/").status_code == 200


def test_the_page_change_form_shows_its_sections_inline(admin_client):
    section = SectionFactory(heading="Recovery")
    html = admin_client.get(f"/admin/pages/page/{section.page.pk}/change/").content.decode()
    assert 'value="Recovery"' in html


def test_clinic_settings_opens_straight_on_its_one_row(admin_client):
    response = admin_client.get("/admin/pages/clinicsettings/")
    assert response.status_code == 302
    assert response.url == f"/admin/pages/clinicsettings/{ClinicSettings.load().pk}/change/"
