import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECTIONS = [
    "What Are the Benefits of Botox?",
    "Who Makes a Good Candidate for Botox?",
    "What Can Botox Be Used For?",
    "What is Recovery Like for Botox?",
]


def test_a_patient_reaches_the_botox_page_from_home_and_reads_all_four_sections(page, live_server):
    call_command("load_demo_content")
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Botox").first.click()
    expect(page).to_have_url(f"{live_server.url}/treatments/botox/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Botox")
    for heading in SECTIONS:
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.get_by_text("Patients must be at least 18 years old.")).to_be_visible()
    expect(page.get_by_text("Anti-Migraine Protection:")).to_be_visible()
    expect(page.get_by_text("All information subject to change.")).to_be_visible()


def test_staff_edit_a_section_in_the_admin_and_the_public_page_shows_it(page, live_server, staff_login):
    call_command("load_demo_content")
    staff_login()
    page.goto(f"{live_server.url}/admin/pages/page/")
    page.get_by_role("link", name="Botox").click()
    body = page.locator("textarea[name$='-body']").first
    body.fill("Botox is quick, and this sentence was edited by staff.")
    page.get_by_role("button", name="Save", exact=True).first.click()  # top and bottom of the form
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(f"{live_server.url}/treatments/botox/")
    expect(page.get_by_text("this sentence was edited by staff.")).to_be_visible()
