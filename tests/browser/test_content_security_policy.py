import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def csp_reports(page):
    """Every console message and page error that mentions the Content Security Policy."""
    reports = []
    page.on("console", lambda message: reports.append(message.text))
    page.on("pageerror", lambda error: reports.append(str(error)))
    yield lambda: [text for text in reports if "Content Security Policy" in text]


def test_public_pages_work_under_the_csp_without_violations(page, live_server, csp_reports):
    call_command("load_demo_content")
    page.goto(live_server.url + "/")
    expect(page.get_by_role("link", name="Botox").first).to_be_visible()
    page.goto(live_server.url + "/treatments/botox/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Botox")
    # The stylesheet applied: it is a file from our origin, which the policy allows.
    assert page.evaluate("getComputedStyle(document.body).marginTop") == "0px"
    assert csp_reports() == []


def test_the_admin_login_and_change_form_work_under_the_csp(page, live_server, staff_login, csp_reports):
    call_command("load_demo_content")
    page.goto(live_server.url + "/admin/login/")
    expect(page.get_by_role("button", name="Log in")).to_be_visible()
    staff_login()
    page.goto(f"{live_server.url}/admin/pages/page/")
    page.get_by_role("link", name="Botox").click()
    # Admin scripts run: the collapsed fieldset opens and inline rows can be added.
    page.get_by_text("Search engines and ordering").click()
    expect(page.locator("#id_position")).to_be_visible()
    page.get_by_role("link", name="Add another Section").click()
    expect(page.locator("#sections-4")).to_be_visible()
    page.locator("#sections-4").get_by_role("link", name="Add another List Item").click()  # nested
    expect(page.locator("#sections-4-items-0")).to_be_visible()
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert csp_reports() == []
