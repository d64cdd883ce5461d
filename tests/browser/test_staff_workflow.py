import os
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OLD_TEXT = "Botox is a highly safe and effective treatment"
NEW_TEXT = "Botox takes about ten minutes, as the clinic's editor wrote in a draft."
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "admin-page.png"


@pytest.fixture
def visitor(browser, live_server):
    """An anonymous patient's browser, apart from the editor's session."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_an_editor_drafts_previews_publishes_and_reverts_while_patients_see_only_live_text(
    page, visitor, live_server, editor_login
):
    call_command("load_demo_content")
    botox = f"{live_server.url}/treatments/botox/"
    editor_login()

    page.goto(f"{live_server.url}/admin/pages/page/")
    page.get_by_role("link", name="Botox", exact=True).click()
    page.get_by_role("button", name="Create a draft of this page").click()
    expect(page.locator(".messagelist")).to_contain_text("Draft created.")
    page.locator("textarea[name='sections-0-body']").fill(NEW_TEXT)
    page.get_by_role("button", name="Save and continue editing").first.click()

    page.get_by_role("link", name="Preview", exact=True).click()
    expect(page.get_by_text("Preview — not published.")).to_be_visible()
    expect(page.get_by_text(NEW_TEXT)).to_be_visible()

    visitor.goto(botox)
    expect(visitor.get_by_text(OLD_TEXT)).to_be_visible()
    expect(visitor.get_by_text(NEW_TEXT)).to_have_count(0)

    page.get_by_role("link", name="Back to editing").click()
    page.get_by_role("button", name="Publish this draft").click()
    expect(page.locator(".messagelist")).to_contain_text("is live with the draft's content")

    visitor.reload()
    expect(visitor.get_by_text(NEW_TEXT)).to_be_visible()
    expect(visitor.get_by_text("Preview — not published.")).to_have_count(0)

    page.get_by_role("link", name="History").click()
    expect(page.locator("#change-history")).to_contain_text("editor")
    page.locator("#change-history tbody tr").nth(1).get_by_role("link").click()  # the version before
    page.get_by_role("button", name="Revert").first.click()
    expect(page.locator(".messagelist")).to_contain_text("as they were then")

    visitor.reload()
    expect(visitor.get_by_text(OLD_TEXT)).to_be_visible()
    expect(visitor.get_by_text(NEW_TEXT)).to_have_count(0)

    assert page.goto(f"{live_server.url}/admin/auth/user/").status == 403


def test_the_page_form_as_editors_see_it(page, live_server, editor_login, tmp_path):
    call_command("load_demo_content")
    editor_login()
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(f"{live_server.url}/admin/pages/page/")
    page.get_by_role("link", name="Botox", exact=True).click()
    expect(page.get_by_role("button", name="Create a draft of this page")).to_be_visible()
    expect(page.get_by_role("button", name="Move down").first).to_be_visible()
    # UPDATE_SCREENSHOTS=1 refreshes the picture in docs/content.md; otherwise it is only taken.
    target = SCREENSHOT if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path / "admin-page.png"
    page.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": 1200, "height": 2000}, full_page=True)
    Image.open(target).quantize(colors=64).save(target, optimize=True)  # a few dozen KB in git
    assert target.stat().st_size > 10_000
