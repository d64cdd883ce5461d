import datetime

import pytest
from playwright.sync_api import expect

from pages.models import ClinicSettings
from tests.factories import CaseFactory, MarketingAuthorizationFactory, PageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_see_why_a_case_is_blocked_fix_it_and_publish_it_and_a_patient_sees_it(
    page, visitor, live_server, staff_login, admin_action
):
    ClinicSettings.load()
    authorization = MarketingAuthorizationFactory(
        reference="CH-7007", signed_on=datetime.date(2024, 1, 1), expires_on=datetime.date(2025, 1, 1)
    )
    CaseFactory(
        treatment=PageFactory(title="Botox", slug="botox"),
        treated_area="Crow’s feet",
        authorization=authorization,
        is_published=False,
        is_model=True,
    )
    staff_login()

    page.goto(f"{live_server.url}/admin/gallery/case/")
    page.get_by_role("link", name="Blocked: authorization expired").click()
    expect(page.get_by_role("row", name="Crow’s feet")).to_contain_text("Blocked: Authorization expired")
    admin_action("Crow’s feet", "Publish selected before-and-after cases")
    expect(page.locator(".messagelist")).to_contain_text("not published. Authorization expired")

    # The patient signed a renewal: staff record its new expiry date.
    page.goto(f"{live_server.url}/admin/gallery/marketingauthorization/")
    page.get_by_role("link", name="CH-7007").click()
    page.get_by_label("Expires on").fill("2099-12-31")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(f"{live_server.url}/admin/gallery/case/")
    expect(page.get_by_role("row", name="Crow’s feet")).to_contain_text("Can be public")
    admin_action("Crow’s feet", "Publish selected before-and-after cases")
    expect(page.locator(".messagelist")).to_contain_text("1 before-and-after case(s) published.")

    visitor.goto(f"{live_server.url}/gallery/")
    case = visitor.locator("article.case").filter(has_text="Botox: Crow’s feet")
    expect(case).to_be_visible()
    # The model label is drawn on each photo, not only written below it.
    for figure in case.get_by_role("figure").all():
        label = figure.get_by_text("Model — not a patient")
        expect(label).to_be_visible()
        image, box = figure.locator("img").bounding_box(), label.bounding_box()
        assert image["x"] <= box["x"] and box["x"] + box["width"] <= image["x"] + image["width"]
        assert image["y"] <= box["y"] and box["y"] + box["height"] <= image["y"] + image["height"]
