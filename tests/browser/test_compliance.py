import datetime

import pytest
from playwright.sync_api import expect

from gallery.models import Case
from pages.models import ClinicSettings
from tests.factories import CaseFactory, MarketingAuthorizationFactory, PageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def central(box, share):
    """The middle `share` of a box, where a photo's subject is."""
    margin_x, margin_y = box["width"] * (1 - share) / 2, box["height"] * (1 - share) / 2
    return {"x": box["x"] + margin_x, "y": box["y"] + margin_y,
            "width": box["width"] * share, "height": box["height"] * share}


def overlaps(a, b):
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


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
        subject=Case.Subject.MODEL,
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
    # The model notice sits right under the pair, once, and no label covers a photo's subject.
    notice = case.get_by_text("Model — not a patient")
    expect(notice).to_have_count(1)
    pair, box = case.locator(".case__pair").bounding_box(), notice.bounding_box()
    assert pair["y"] + pair["height"] - 1 <= box["y"] <= pair["y"] + pair["height"] + 16
    for figure in case.get_by_role("figure").all():
        image, label = figure.locator("img").bounding_box(), figure.locator("figcaption").bounding_box()
        assert not overlaps(label, central(image, 0.6))
