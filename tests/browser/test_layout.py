"""Layout facts a patient on a phone or a laptop relies on, measured in the browser."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

@pytest.fixture
def demo(live_server):
    call_command("load_demo_content")
    return live_server.url


def test_on_a_phone_the_header_is_one_row_and_its_menu_opens_and_closes(page, demo):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo + "/")
    assert page.locator(".site-header").bounding_box()["height"] <= 64
    menu = page.locator(".site-menu summary")
    expect(menu).to_have_attribute("aria-expanded", "false")
    links = page.get_by_role("navigation", name="Main").get_by_role("link", name="Treatments")
    expect(links).to_be_hidden()

    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(links).to_be_visible()
    page.keyboard.press("Tab")  # focus moves into the menu, in reading order
    expect(links).to_be_focused()
    page.keyboard.press("Escape")
    expect(links).to_be_hidden()
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")


def test_the_menu_opens_without_javascript(browser, demo):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(demo + "/")
    page.locator(".site-menu summary").click()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Before & after")).to_be_visible()
    context.close()


def test_on_a_laptop_the_navigation_is_always_shown(page, demo):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(demo + "/")
    expect(page.locator(".site-menu summary")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Treatments")).to_be_visible()
    assert page.locator(".site-header").bounding_box()["height"] <= 80


def test_the_phone_booking_bar_never_hides_a_focused_link(page, demo):
    page.set_viewport_size({"width": 390, "height": 700})
    page.goto(demo + "/treatments/botox/")
    bar = page.locator(".booking-bar")
    expect(bar.get_by_role("link", name="Book a consultation")).to_be_visible()
    bar_top = bar.bounding_box()["y"]
    for _ in range(25):
        page.keyboard.press("Tab")
        box = page.evaluate("""() => {
            const el = document.activeElement;
            if (!el || el.closest('.booking-bar') || el === document.body) return null;
            const r = el.getBoundingClientRect();
            return {top: r.top, bottom: r.bottom};
        }""")
        if box:
            assert box["top"] < bar_top, "a focused element is entirely under the booking bar"


def test_the_footer_sits_at_the_bottom_of_a_short_page(page, live_server):
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(live_server.url + "/consultation/thanks/")
    footer = page.locator(".site-footer").bounding_box()
    assert footer["y"] + footer["height"] >= 1000 - 1


def test_a_lone_treatment_card_uses_the_row(page, demo):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(demo + "/treatments/")
    card = page.locator(".treatment-card").bounding_box()
    row = page.locator(".treatment-list").bounding_box()
    assert card["width"] >= 0.3 * row["width"]


def test_on_a_laptop_the_treatment_page_has_a_side_card_with_the_booking_button(page, demo):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(demo + "/treatments/botox/")
    side = page.locator(".side-card")
    body = page.locator(".treatment__body").bounding_box()
    box = side.bounding_box()
    assert box["x"] > body["x"] + body["width"]  # beside the content, not under it
    expect(side.get_by_role("link", name="Book a consultation")).to_be_visible()
    page.mouse.wheel(0, 1500)
    expect(side.get_by_role("link", name="Book a consultation")).to_be_in_viewport()
