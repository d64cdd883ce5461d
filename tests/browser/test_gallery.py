import pytest
from playwright.sync_api import expect

from pages.models import ClinicSettings
from tests.factories import CaseFactory, MarketingAuthorizationFactory, PageFactory, image_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DISCLAIMER = "Images may contain models. Individual results are not guaranteed and may vary."


def jpeg(name, color):
    return {"name": name, "mimeType": "image/jpeg", "buffer": image_bytes(size=(1600, 1200), color=color)}


def test_staff_upload_and_publish_a_case_and_a_patient_sees_it_with_the_disclaimer(
    page, visitor, live_server, staff_login, admin_action
):
    ClinicSettings.load()
    PageFactory(title="Botox", slug="botox")
    authorization = MarketingAuthorizationFactory(reference="CH-1042")
    staff_login()
    page.goto(f"{live_server.url}/admin/gallery/case/add/")
    page.locator("#id_treatment").select_option(label="Botox")
    page.get_by_label("Treated area").fill("Forehead lines")
    page.get_by_label("Procedure performed").fill("Botox injections")
    page.get_by_label("Before image").set_input_files(jpeg("before.jpg", "sienna"))
    page.get_by_label("Before photo description").fill("Forehead with deep lines, before Botox")
    page.get_by_label("After image").set_input_files(jpeg("after.jpg", "peachpuff"))
    page.get_by_label("After photo description").fill("The same forehead, smooth, 2 weeks after Botox")
    page.get_by_label("Photo authorization").select_option(label=str(authorization))
    page.get_by_label("Photos unaltered: confirmed by").fill("Dr. Motlagh")
    page.get_by_label("Photos unaltered: confirmed on").fill("2026-11-20")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    admin_action("Forehead lines", "Publish selected before-and-after cases")
    expect(page.locator(".messagelist")).to_contain_text("1 before-and-after case(s) published.")

    visitor.goto(f"{live_server.url}/gallery/")
    case = visitor.locator("article.case").filter(has_text="Botox: Forehead lines")
    expect(case).to_be_visible()
    expect(case.locator(".case__disclaimer")).to_have_text(DISCLAIMER)
    before = case.get_by_role("img", name="Forehead with deep lines, before Botox")
    before.scroll_into_view_if_needed()
    expect(before).to_be_visible()
    # The stripped AVIF rendition really arrives (naturalWidth is 0 for a failed image).
    visitor.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=before.element_handle())
    assert before.evaluate("img => img.currentSrc").endswith(".avif")


def test_a_patient_compares_the_photos_with_the_keyboard_slider_on_the_case_page(page, live_server):
    ClinicSettings.load()
    case = CaseFactory()
    page.goto(live_server.url + case.get_absolute_url())
    expect(page.get_by_role("figure").filter(has_text="Before")).to_be_visible()
    expect(page.get_by_role("figure").filter(has_text="After")).to_be_visible()

    page.get_by_role("button", name="Compare with a slider").click()
    slider = page.get_by_role("slider", name="Slide between before and after")
    slider.focus()
    for _ in range(10):
        page.keyboard.press("ArrowLeft")
    expect(slider).to_have_attribute("aria-valuetext", "40% before, 60% after")
    after = page.locator(".case__photo + .case__photo img")
    assert after.evaluate("img => getComputedStyle(img).clipPath") == "inset(0px 0px 0px 40%)"
    # The divider's handle is drawn on the photo, where the split is.
    photo, handle = after.bounding_box(), page.locator(".case__handle").bounding_box()
    assert abs(handle["x"] + handle["width"] / 2 - (photo["x"] + 0.4 * photo["width"])) < 2

    page.get_by_role("button", name="Show side by side").click()
    expect(slider).to_be_hidden()


@pytest.mark.parametrize("width", [320, 390, 1440])
def test_the_sliders_labels_never_overlap_at_any_value(page, live_server, width):
    ClinicSettings.load()
    case = CaseFactory()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + case.get_absolute_url())
    page.get_by_role("button", name="Compare with a slider").click()
    slider = page.get_by_role("slider", name="Slide between before and after")
    for value in (0, 20, 50, 80, 100):
        slider.fill(str(value))
        before, after = (page.locator(".case__sides span").nth(n).bounding_box() for n in (0, 1))
        assert before["x"] + before["width"] <= after["x"], value
        assert after["x"] + after["width"] <= width, value


def test_a_photo_enlarges_in_a_dialog_that_keeps_focus_and_closes_on_escape(page, live_server):
    ClinicSettings.load()
    case = CaseFactory()
    page.goto(live_server.url + case.get_absolute_url())
    link = page.locator("[data-enlarge]").first
    link.click()
    dialog = page.get_by_role("dialog", name="Enlarged photo")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name="Close")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('dialog').contains(document.activeElement) || document.activeElement === document.body")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(link).to_be_focused()
