"""Clinic staff edit the site alone, as an editor (not a superuser), in Chromium: nothing they
typed or uploaded is lost, and no task ends in a dead end."""

import io
import re

import pytest
from django.core import mail
from PIL import Image
from playwright.sync_api import expect

from consultations.models import ConsultationRequest
from gallery.models import Case
from pages.models import ClinicSettings, Page
from tests.factories import (
    ConsultationRequestFactory,
    ItemFactory,
    MarketingAuthorizationFactory,
    PageFactory,
    SectionFactory,
    image_bytes,
)
from tests.gallery.test_kept_photos import heic_with_gps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def save(page, name="Save"):
    page.get_by_role("button", name=name, exact=True).last.click()


def fill_case(page, tmp_path, before_bytes, before_name="IMG_0001.jpg"):
    (tmp_path / before_name).write_bytes(before_bytes)
    (tmp_path / "after.jpg").write_bytes(image_bytes(size=(900, 675), noise=True))
    page.locator("#id_treatment").select_option(label="Botox")
    page.locator("#id_treated_area").fill("Forehead lines")
    page.locator("#id_procedure").fill("Botox injections")
    page.locator("#id_before_image").set_input_files(str(tmp_path / before_name))
    page.locator("#id_before_alt").fill("Forehead with lines, before Botox")
    page.locator("#id_after_image").set_input_files(str(tmp_path / "after.jpg"))
    page.locator("#id_after_alt").fill("Smoother forehead, two weeks after Botox")
    page.locator("#id_unaltered_attested_by").fill("Dr. Motlagh")
    page.locator("#id_unaltered_attested_on").fill("2026-11-01")
    page.locator("#id_is_published").check()


def test_a_case_refused_for_want_of_an_authorization_saves_after_choosing_one_without_a_re_upload(
    page, visitor, live_server, editor_login, tmp_path
):
    PageFactory(title="Botox", slug="botox")
    authorization = MarketingAuthorizationFactory(reference="CH-1042")
    editor_login()
    page.goto(f"{live_server.url}/admin/gallery/case/add/")
    fill_case(page, tmp_path, image_bytes(size=(1200, 900), noise=True))
    save(page)

    # The reason sits at the authorization field; the summary at the top links there.
    expect(page.locator(".field-authorization .errorlist")).to_contain_text("No authorization")
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    summary.get_by_role("link", name="Photo authorization").click()
    expect(page.locator("#id_authorization")).to_be_focused()
    expect(page.locator(".kept-photo")).to_have_count(2)
    for thumbnail in page.locator(".kept-photo img").all():
        assert thumbnail.evaluate("image => image.naturalWidth") > 0
    assert not Case.objects.exists()

    page.locator("#id_authorization").select_option(value=str(authorization.pk))
    save(page)
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    case = Case.objects.get()
    visitor.goto(f"{live_server.url}{case.get_absolute_url()}")
    photos = visitor.locator("img[src*='/images/']")
    expect(photos.first).to_be_visible()
    for photo in photos.all():
        photo.scroll_into_view_if_needed()
        assert photo.evaluate("image => image.complete && image.naturalWidth") > 0


def test_an_iphone_heic_photo_with_gps_saves_and_its_renditions_carry_no_exif(
    page, live_server, editor_login, tmp_path
):
    PageFactory(title="Botox", slug="botox")
    authorization = MarketingAuthorizationFactory(reference="CH-1043")
    editor_login()
    page.goto(f"{live_server.url}/admin/gallery/case/add/")
    fill_case(page, tmp_path, heic_with_gps(), before_name="IMG_0420.HEIC")
    page.locator("#id_authorization").select_option(value=str(authorization.pk))
    save(page)
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    case = Case.objects.get()
    for rendition in case.before_renditions:
        url = f"{live_server.url}{case.images_url}{rendition['name'].rsplit('/', 1)[-1]}"
        image = Image.open(io.BytesIO(page.request.get(url).body()))
        assert not image.getexif()
        assert not {"exif", "xmp", "XML:com.adobe.xmp"} & image.info.keys()


def test_a_treatment_that_is_not_a_prescription_drug_is_created_in_one_save(
    page, visitor, live_server, editor_login
):
    editor_login()
    page.goto(f"{live_server.url}/admin/pages/page/add/")
    page.locator("#id_title").fill("Dermal fillers")
    page.get_by_label(re.compile("No: e.g. a facial")).check()
    page.locator("#id_is_published").check()
    save(page)
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    assert visitor.goto(f"{live_server.url}/treatments/dermal-fillers/").status == 200


def test_a_list_item_is_edited_on_the_page_form_and_live_at_the_next_request(
    page, visitor, live_server, editor_login
):
    uses = SectionFactory(page=PageFactory(title="Botox", slug="botox"), heading="Uses", kind="uses")
    ItemFactory(section=uses, lead="Migraine", body="Fewer headache days.")
    SectionFactory(page=uses.page, heading="Recovery", kind="text")
    editor_login()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/pages/page/{uses.page.pk}/change/")
    # Indication columns show for the uses section only.
    expect(page.locator("#id_sections-0-items-0-indication")).to_be_visible()
    page.locator("#sections-1").get_by_role("link", name="Add another List Item").click()
    expect(page.locator("#id_sections-1-items-0-indication")).to_be_hidden()
    page.locator("#id_sections-1-items-0-lead").fill("Slight redness")

    page.locator("textarea[name='sections-0-items-0-body']").fill("Fewer headache days, as staff now say.")
    save(page, "Save and continue editing")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    visitor.goto(f"{live_server.url}/treatments/botox/")
    expect(visitor.get_by_text("Fewer headache days, as staff now say.")).to_be_visible()
    expect(visitor.get_by_text("Slight redness")).to_be_visible()


def test_create_a_draft_twice_leaves_one_draft(page, live_server, editor_login, browser):
    live = PageFactory(title="Botox", slug="botox")
    editor_login()
    change = f"{live_server.url}/admin/pages/page/{live.pk}/change/"
    page.goto(change)
    stale = page.context.new_page()  # the same form, open in a second tab
    stale.goto(change)
    page.get_by_role("button", name="Create a draft of this page").click()
    expect(page.locator(".messagelist")).to_contain_text("Draft created.")
    stale.get_by_role("button", name="Create a draft of this page").click()
    expect(stale.locator(".messagelist")).to_contain_text("already has a draft")
    assert Page.objects.filter(draft_of=live).count() == 1

    page.goto(change)
    expect(page.get_by_role("link", name="Continue the draft")).to_be_visible()
    expect(page.get_by_role("button", name="Create a draft of this page")).to_have_count(0)
    page.get_by_role("link", name="Continue the draft").click()
    expect(page.get_by_text("/treatments/botox/ (the live page's address")).to_be_visible()
    expect(page.get_by_role("button", name="Publish this draft")).to_be_visible()


def test_the_history_shows_a_changed_fields_old_and_new_value(page, live_server, editor_login):
    live = PageFactory(title="Botox", summary="Quick and easy.")
    editor_login()
    page.goto(f"{live_server.url}/admin/pages/page/{live.pk}/change/")
    page.locator("#id_summary").fill("Quick, with no recovery time.")
    save(page, "Save and continue editing")
    page.get_by_role("link", name="History").click()
    changes = page.locator("#change-history .history-changes").first
    expect(changes.locator("del")).to_have_text("Quick and easy.")
    expect(changes.locator("ins")).to_have_text("Quick, with no recovery time.")
    expect(page.locator("#change-history")).not_to_contain_text("None")


def test_a_requests_status_select_is_in_view_at_1280_px(page, live_server, editor_login):
    for name in ("Jane Patient", "Maria Lopez", "A. Very-Long-Named Patient Person"):
        ConsultationRequestFactory(name=name, email=f"{name.split()[0].lower()}@example.com", phone="661 555 0100")
    editor_login()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/admin/consultations/consultationrequest/")
    results = page.locator(".results").bounding_box()  # the list's own scrolling box
    for select in page.locator("select[name$='-status']").all():
        box = select.bounding_box()
        assert results["x"] <= box["x"] and box["x"] + box["width"] <= results["x"] + results["width"], box
        # Nothing (the filter column) lies over it.
        assert select.evaluate(
            "element => { const r = element.getBoundingClientRect();"
            " return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === element; }"
        )
    expect(page.get_by_role("link", name="jane@example.com")).to_have_attribute("href", "mailto:jane@example.com")
    page.locator("select[name$='-status']").first.select_option(label="Contacted")
    save(page)
    assert ConsultationRequest.objects.filter(status="contacted").count() == 1


def test_the_lockout_page_names_the_clinic_and_how_long_it_lasts(page, live_server, editor):
    ClinicSettings.objects.update_or_create(pk=1, defaults={"name": "Motlagh Clinic", "phone": "661 555 0100"})
    page.goto(f"{live_server.url}/admin/login/")
    for attempt in range(1, 6):
        page.get_by_label("Username").fill("editor")
        page.get_by_label("Password").fill("not-the-password")
        page.get_by_role("button", name="Log in").click()
        if attempt == 4:
            expect(page.locator(".errornote, .errorlist").last).to_contain_text("one more wrong password")
    expect(page.get_by_role("link", name="Clinic site administration")).to_be_visible()  # the admin's look
    expect(page.locator("#content-main")).to_contain_text("locked for 1 hour")
    expect(page.locator("#content-main")).to_contain_text("Motlagh Clinic")


def test_a_forgotten_password_is_reset_by_email(page, live_server, editor):
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_role("link", name="Forgotten your login credentials?").click()
    page.get_by_label("Email address").fill("editor@example.com")
    page.get_by_role("button", name="Reset my password").click()
    expect(page.get_by_text("We’ve emailed you instructions")).to_be_visible()
    [email] = mail.outbox
    link = re.search(r"http://\S+/admin/password-reset/\S+/\S+/", email.body).group(0)
    page.goto(link)
    page.locator("#id_new_password1").fill("a-new-long-password")
    page.locator("#id_new_password2").fill("a-new-long-password")
    page.get_by_role("button", name="Change my password").click()
    expect(page.get_by_text("Your password has been set.")).to_be_visible()
    editor.refresh_from_db()
    assert editor.check_password("a-new-long-password")
