"""What staff change reaches the next visitor, and what differs per page stays apart.

The rows every page shows (the clinic's settings, offices, physicians) are kept per content
version; the page cache is off here, so each request renders its page from them."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from pages.models import ClinicSettings
from tests.factories import CaseFactory, LocationFactory, PageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE = False


def html(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_phone_number_reaches_header_and_footer_at_the_next_visit(client):
    html(client, "/")
    clinic = ClinicSettings.load()
    clinic.phone = "(661) 555-0199"
    clinic.save()
    page = html(client, "/")
    header = page.split('<header class="site-header">')[1].split("</header>")[0]
    footer = page.split('<footer class="site-footer">')[1].split("</footer>")[0]
    assert "Call (661) 555-0199" in header
    assert "(661) 555-0199" in footer


def test_a_new_office_reaches_the_footer_and_the_structured_data(client):
    html(client, "/")
    LocationFactory(name="Lancaster")
    head, body = html(client, "/").split("</head>")
    assert "Lancaster office" in body
    assert f'"name": "{ClinicSettings.load().name}, Lancaster"' in head


def test_each_page_marks_only_its_own_menu_entry_as_current(client):
    html(client, "/gallery/")
    treatments = html(client, "/treatments/")
    assert '<a href="/treatments/" aria-current="page">Treatments</a>' in treatments
    assert '<a href="/gallery/" aria-current="page">' not in treatments
    gallery = html(client, "/gallery/")
    assert '<a href="/gallery/" aria-current="page">Before &amp; after</a>' in gallery
    assert '<a href="/treatments/" aria-current="page">' not in gallery


def test_the_clinic_structured_data_names_the_host_it_was_asked_on(client, settings):
    settings.ALLOWED_HOSTS = ["clinic.example", "www.clinic.example"]
    LocationFactory()
    assert "http://clinic.example/" in html(client, "/", HTTP_HOST="clinic.example").split("</head>")[0]
    head = html(client, "/", HTTP_HOST="www.clinic.example").split("</head>")[0]
    assert "http://www.clinic.example/" in head
    assert "http://clinic.example/" not in head


def test_an_edited_caption_shows_on_the_card_at_the_next_visit(client):
    case = CaseFactory(caption="Softer frown lines")
    assert "Softer frown lines" in html(client, "/gallery/")
    case.caption = "Smoother forehead"
    case.save()
    gallery = html(client, "/gallery/")
    assert "Smoother forehead" in gallery
    assert "Softer frown lines" not in gallery


def test_a_renamed_treatment_renames_its_cards(client):
    case = CaseFactory(treated_area="Forehead")
    assert f"{case.treatment.title}: Forehead" in html(client, "/gallery/")
    case.treatment.title = "Botulinum toxin"
    case.treatment.save()
    assert "Botulinum toxin: Forehead" in html(client, "/gallery/")


def test_a_card_keeps_each_layout_apart(client):
    case = CaseFactory()
    assert "case--detail" not in html(client, "/gallery/")
    assert "case--detail" in html(client, case.get_absolute_url())
    assert "case--detail" not in html(client, "/gallery/")


def test_a_new_gallery_disclaimer_reaches_every_card(client):
    CaseFactory()
    html(client, "/gallery/")
    clinic = ClinicSettings.load()
    clinic.gallery_disclaimer = "Results shown are from real patients of this clinic."
    clinic.save()
    assert "Results shown are from real patients of this clinic." in html(client, "/gallery/")


def test_a_new_case_joins_the_treatment_pages_teaser_at_the_next_visit(client):
    case = CaseFactory(treated_area="Forehead")
    assert "Forehead" in html(client, case.treatment.get_absolute_url())
    CaseFactory(treatment=case.treatment, treated_area="Crow’s feet")
    assert "Crow’s feet" in html(client, case.treatment.get_absolute_url())


def test_a_case_leaves_the_teaser_when_its_authorization_expires_overnight(client):
    # Kept until the next scheduled change or midnight: no save announces an expiry.
    evening = datetime.datetime(2027, 3, 1, 20, 0, tzinfo=timezone.get_current_timezone())
    with time_machine.travel(evening, tick=False):
        ClinicSettings.load()
        case = CaseFactory(authorization__expires_on=evening.date())
        assert f'id="case-{case.pk}-title"' in html(client, case.treatment.get_absolute_url())
    with time_machine.travel(evening + datetime.timedelta(hours=5), tick=False):
        assert f'id="case-{case.pk}-title"' not in html(client, case.treatment.get_absolute_url())


def test_each_treatment_page_keeps_its_own_teaser(client):
    botox, fillers = CaseFactory(), CaseFactory()
    assert f'id="case-{fillers.pk}-title"' not in html(client, botox.treatment.get_absolute_url())
    assert f'id="case-{botox.pk}-title"' not in html(client, fillers.treatment.get_absolute_url())
    assert f'id="case-{fillers.pk}-title"' in html(client, fillers.treatment.get_absolute_url())


def test_a_case_leaves_the_home_page_when_its_showing_ends(client):
    noon = datetime.datetime(2027, 3, 1, 12, 0, tzinfo=datetime.UTC)
    with time_machine.travel(noon, tick=False):
        ClinicSettings.load()
        case = CaseFactory(unpublish_at=noon + datetime.timedelta(hours=1))
        assert f'id="case-{case.pk}-title"' in html(client, "/")
    with time_machine.travel(noon + datetime.timedelta(hours=2), tick=False):
        assert f'id="case-{case.pk}-title"' not in html(client, "/")


def test_a_new_case_reaches_the_home_page_at_the_next_visit(client):
    ClinicSettings.load()
    assert 'class="home-gallery"' not in html(client, "/")
    case = CaseFactory()
    assert f'id="case-{case.pk}-title"' in html(client, "/")


def test_an_edited_treatment_page_shows_the_edit_at_the_next_visit(client):
    page = PageFactory(summary="Softens frown lines.")
    assert "Softens frown lines." in html(client, page.get_absolute_url())
    page.summary = "Relaxes the muscles behind frown lines."
    page.save()
    assert "Relaxes the muscles behind frown lines." in html(client, page.get_absolute_url())


def test_edited_safety_information_reaches_its_treatment_page_at_the_next_visit(client):
    page = PageFactory(safety_information__body="Do not use if you are pregnant.")
    assert "Do not use if you are pregnant." in html(client, page.get_absolute_url())
    safety = page.safety_information
    safety.body = "Tell your doctor about any muscle or nerve condition."
    safety.save()
    treatment = html(client, page.get_absolute_url())
    assert "Tell your doctor about any muscle or nerve condition." in treatment
    assert "Do not use if you are pregnant." not in treatment


def test_each_treatment_page_keeps_its_own_call_to_action_and_booking_link(client):
    ClinicSettings.load()
    botox = PageFactory(slug="botox", call_to_action="Ask about Botox.")
    fillers = PageFactory(slug="fillers", call_to_action="Ask about fillers.")
    html(client, botox.get_absolute_url())
    page = html(client, fillers.get_absolute_url())
    assert "Ask about fillers." in page
    assert "?treatment=fillers" in page
    assert "Ask about Botox." not in page


def test_the_treatment_structured_data_names_the_host_it_was_asked_on(client, settings):
    settings.ALLOWED_HOSTS = ["clinic.example", "www.clinic.example"]
    ClinicSettings.load()
    page = PageFactory()
    url = page.get_absolute_url()
    html(client, url, HTTP_HOST="clinic.example")
    head = html(client, url, HTTP_HOST="www.clinic.example").split("</head>")[0]
    assert f'"url": "http://www.clinic.example{url}"' in head
    assert "http://clinic.example/" not in head


@pytest.mark.parametrize(
    "schedule, now, later", [("unpublish_at", 200, 404), ("publish_from", 404, 200)], ids=["ends", "starts"]
)
def test_a_treatment_page_follows_its_schedule(client, schedule, now, later):
    # A hidden page is never kept; a shown one only until its next scheduled change.
    noon = datetime.datetime(2027, 3, 1, 12, 0, tzinfo=datetime.UTC)
    with time_machine.travel(noon, tick=False):
        ClinicSettings.load()
        page = PageFactory(**{schedule: noon + datetime.timedelta(hours=1)})
        assert client.get(page.get_absolute_url()).status_code == now
    with time_machine.travel(noon + datetime.timedelta(hours=2), tick=False):
        assert client.get(page.get_absolute_url()).status_code == later
