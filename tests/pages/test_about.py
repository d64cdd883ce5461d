import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from pages.models import ClinicSettings, Location, Physician
from tests.factories import LocationFactory, PhysicianFactory

pytestmark = pytest.mark.django_db


def test_demo_content_adds_the_physician_and_two_offices_without_inventing_facts():
    call_command("load_demo_content")
    physician = Physician.objects.get()
    assert (physician.name, physician.specialty) == ("Dr. Katayoun Motlagh", "Cosmetic services")
    assert list(Location.objects.values_list("name", "city", "region")) == [
        ("Palmdale", "Palmdale", "CA"),
        ("Encino", "Encino", "CA"),
    ]
    assert not Location.objects.exclude(street_address="", phone="", hours="", opening_hours="").exists()


def test_the_about_page_leaves_out_what_is_unknown_when_there_is_no_number_to_call(client):
    call_command("load_demo_content")
    html = client.get("/about/").content.decode()
    assert ">Dr. Katayoun Motlagh</h2>" in html
    assert "specializes in cosmetic services" in html
    assert "Call" not in html.split("<main")[1].split("</main>")[0]
    assert "Hours" not in html
    assert "https://www.google.com/maps/search/?api=1&amp;query=Encino%2C+CA" in html


def test_with_a_phone_number_the_about_page_asks_patients_to_call_for_what_is_unknown(client):
    call_command("load_demo_content")
    clinic = ClinicSettings.load()
    clinic.phone = "661-555-0100"
    clinic.save()
    html = client.get("/about/").content.decode()
    assert html.count("Call us for opening hours.") == 2
    assert html.count("Call us for the street address.") == 2
    assert html.count('href="tel:661-555-0100"') >= 2


def test_an_office_shows_its_address_and_hours_once_staff_enter_them(client):
    LocationFactory(name="Encino", street_address="16400 Ventura Blvd\nSuite 100", city="Encino",
                    postal_code="91436", hours="Monday to Friday, 9 to 5")
    html = client.get("/about/").content.decode()
    assert "16400 Ventura Blvd<br>Suite 100<br>" in html
    assert "Encino, CA 91436" in html
    assert "Monday to Friday, 9 to 5" in html
    assert "Call us" not in html


def test_the_physician_bio_is_rendered_from_markdown_on_save():
    physician = PhysicianFactory(bio="Board **certified**.")
    assert physician.bio_html == "<p>Board <strong>certified</strong>.</p>"


def test_a_physician_portrait_needs_a_description():
    physician = PhysicianFactory.build(image="site/masters/portrait.jpg", image_alt="")
    with pytest.raises(ValidationError, match="Describe the image"):
        physician.clean()


@pytest.mark.parametrize("url", ["/", "/treatments/", "/about/", "/consultation/"])
def test_every_page_lists_the_offices_in_the_footer_and_the_contact_links_in_the_header(client, url):
    LocationFactory(name="Palmdale")
    settings_row = ClinicSettings.load()
    settings_row.phone = "661-555-0100"
    settings_row.save()
    html = client.get(url).content.decode()
    header = html.split('<header class="site-header">')[1].split("</header>")[0]
    footer = html.split('<footer class="site-footer">')[1]
    assert '<a class="site-header__phone" href="tel:661-555-0100">' in header
    assert 'href="/consultation/">Book a consultation</a>' in header
    assert "Palmdale office</a><br>Palmdale, CA" in footer


def test_the_home_page_invites_a_consultation_and_shows_the_offices(client):
    call_command("load_demo_content")
    html = client.get("/").content.decode()
    main = html.split("<main")[1].split("</main>")[0]
    assert ">Book a consultation</a>" in main
    assert "Palmdale office" in main and "Encino office" in main
    assert 'href="/treatments/botox/"' in main


def test_the_botox_page_ends_with_a_consultation_link_for_botox(client):
    call_command("load_demo_content")
    html = client.get("/treatments/botox/").content.decode()
    assert 'href="/consultation/?treatment=botox">Book a consultation</a>' in html
