import pytest

from pages.models import ClinicSettings
from tests.factories import FaqItemFactory, LocationFactory, PageFactory, PhysicianFactory, SectionFactory

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


def test_the_physician_and_office_changelists_and_add_forms_load(admin_client):
    PhysicianFactory(name="Dr. Katayoun Motlagh")
    LocationFactory(name="Encino")
    assert "Dr. Katayoun Motlagh" in admin_client.get("/admin/pages/physician/").content.decode()
    assert "Encino" in admin_client.get("/admin/pages/location/").content.decode()
    assert admin_client.get("/admin/pages/physician/add/").status_code == 200
    assert admin_client.get("/admin/pages/location/add/").status_code == 200


def test_the_page_change_form_lets_staff_mark_a_section_as_questions_and_answers(admin_client):
    section = SectionFactory()
    html = admin_client.get(f"/admin/pages/page/{section.page.pk}/change/").content.decode()
    assert 'name="sections-0-kind"' in html
    assert "Questions and answers (FAQ)" in html


def test_the_page_form_edits_each_sections_list_items_in_place(admin_client):
    question = FaqItemFactory(lead="Does it hurt?")
    html = admin_client.get(f"/admin/pages/page/{question.section.page.pk}/change/").content.decode()
    assert 'value="Does it hurt?"' in html
    assert 'name="sections-0-items-0-body"' in html

