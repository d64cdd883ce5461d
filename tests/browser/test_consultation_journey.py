import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from consultations.models import ConsultationRequest
from pages.models import Page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_request(page, *, email="jane@example.com"):
    page.get_by_label("Your name").fill("Jane Patient")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Phone number").fill("661-555-0199")
    page.get_by_label("Preferred office").select_option(label="Encino")
    page.get_by_label("I agree to be contacted").check()


def test_a_patient_goes_from_home_to_botox_to_the_offices_and_asks_for_a_consultation_staff_see(
    page, live_server, staff_login
):
    call_command("load_demo_content")
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Botox").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Botox")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="About & offices").click()
    expect(page.get_by_role("heading", name="Encino office")).to_be_visible()
    expect(page.get_by_role("main").get_by_text("Call")).to_have_count(0)  # no number to call yet

    page.goto(live_server.url + "/treatments/botox/")
    page.get_by_role("main").get_by_role("link", name="Book a consultation").first.click()
    expect(page.get_by_label("Treatment you are interested in")).to_have_value(str(Page.objects.get(slug="botox").pk))
    fill_request(page)
    page.get_by_role("button", name="Send my request").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, your request is on its way")

    staff_login()
    page.goto(f"{live_server.url}/admin/consultations/consultationrequest/")
    expect(page.locator("#result_list")).to_contain_text("Jane Patient")
    expect(page.locator("#result_list")).to_contain_text("Encino")
    expect(page.locator("#result_list")).to_contain_text("Botox")


def test_a_wrong_email_shows_the_error_on_the_field_and_keeps_what_was_typed(page, live_server):
    call_command("load_demo_content")
    page.goto(live_server.url + "/consultation/")
    fill_request(page, email="jane@")
    page.get_by_role("button", name="Send my request").click()

    email = page.get_by_label("Email")
    expect(email).to_have_value("jane@")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_accessible_description(
        "An email address or a phone number is enough; give both if you like. Enter a valid email address."
    )
    expect(page.get_by_label("Your name")).to_have_value("Jane Patient")
    expect(page.get_by_label("Phone number")).to_have_value("661-555-0199")
    expect(page.get_by_label("I agree to be contacted")).to_be_checked()
    assert not ConsultationRequest.objects.exists()


def test_a_bot_filling_the_honeypot_is_thanked_but_nothing_is_stored(page, live_server):
    call_command("load_demo_content")
    page.goto(live_server.url + "/consultation/")
    fill_request(page)
    page.locator("#id_website").fill("http://spam.example", force=True)
    page.get_by_role("button", name="Send my request").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, your request is on its way")
    assert not ConsultationRequest.objects.exists()


def test_a_bot_sending_request_after_request_meets_the_429_page(page, live_server, settings):
    call_command("load_demo_content")
    settings.CONSULTATION_RATE_LIMIT = 2
    for _ in range(2):
        page.goto(live_server.url + "/consultation/")
        fill_request(page)
        page.get_by_role("button", name="Send my request").click()
        expect(page).to_have_url(live_server.url + "/consultation/thanks/")
    page.goto(live_server.url + "/consultation/")
    fill_request(page)
    with page.expect_response(live_server.url + "/consultation/") as response:
        page.get_by_role("button", name="Send my request").click()
    assert response.value.status == 429
    expect(page.get_by_role("heading", level=1)).to_have_text("We already have your requests")
    assert ConsultationRequest.objects.count() == 2
