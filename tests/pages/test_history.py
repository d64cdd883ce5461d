import pytest

from pages.drafts import create_draft, publish_draft
from pages.models import ClinicSettings, Page
from tests.admin_forms import admin_form
from tests.factories import ItemFactory, PageFactory, SectionFactory
from tests.pages.test_staff_admin import page_form

pytestmark = pytest.mark.django_db


def revert_form(client, url):
    """What the Revert form posts: the page's fields as the chosen version had them."""
    return admin_form(client, url)


def test_reverting_a_page_restores_its_fields_and_sections_as_they_were(editor_client, client):
    page = PageFactory(summary="Old summary.")
    section = SectionFactory(page=page, heading="Old heading")
    ItemFactory(section=section, lead="Old use")
    editor_client.post(f"/admin/pages/page/{page.pk}/change/", page_form(editor_client, page))  # version 1, as it is
    first_version = page.history.latest()
    editor_client.post(
        f"/admin/pages/page/{page.pk}/change/",
        page_form(editor_client, page, **{"summary": "New summary.", "sections-0-heading": "New heading"}),
    )
    section.items.all().delete()

    url = f"/admin/pages/page/{page.pk}/history/{first_version.history_id}/"
    response = editor_client.post(url, revert_form(editor_client, url), follow=True)

    assert "as they were then" in response.content.decode()
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Old summary." in html
    assert "Old heading" in html
    assert "Old use" in html
    assert "New heading" not in html


def test_reverting_after_a_draft_was_published_brings_back_the_old_content(editor_client, client):
    live = PageFactory(summary="Old summary.")
    SectionFactory(page=live, heading="Old section")
    before_draft = live.history.latest()
    draft = create_draft(live)
    draft.summary = "New summary."
    draft.save()
    draft.sections.get().delete()
    SectionFactory(page=draft, heading="New section")
    publish_draft(draft)
    assert "New section" in client.get(live.get_absolute_url()).content.decode()

    url = f"/admin/pages/page/{live.pk}/history/{before_draft.history_id}/"
    editor_client.post(url, revert_form(editor_client, url))

    html = client.get(live.get_absolute_url()).content.decode()
    assert "Old summary." in html
    assert "Old section" in html
    assert "New section" not in html
    assert list(Page.objects.all()) == [live]


def test_the_history_page_lists_who_changed_what(editor_client, editor):
    page = PageFactory(summary="Old summary.")
    editor_client.post(f"/admin/pages/page/{page.pk}/change/", page_form(editor_client, page, summary="New summary."))
    html = editor_client.get(f"/admin/pages/page/{page.pk}/history/").content.decode()
    assert "editor" in html
    assert "Old summary." in html and "New summary." in html


def test_the_revert_form_explains_that_sections_come_back_too(editor_client):
    page = PageFactory()
    record = page.history.latest()
    html = editor_client.get(f"/admin/pages/page/{page.pk}/history/{record.history_id}/").content.decode()
    assert "and so are its sections and list items as they were until" in html


def test_the_page_history_shows_each_section_and_item_change_field_by_field(editor_client, editor):
    page = PageFactory()
    section = SectionFactory(page=page, heading="Recovery")
    ItemFactory(section=section, lead="Redness", body="Slight redness.")
    data = page_form(editor_client, page, **{"sections-0-heading": "Aftercare", "sections-0-items-0-body": "Mild redness."})
    editor_client.post(f"/admin/pages/page/{page.pk}/change/", data)
    html = editor_client.get(f"/admin/pages/page/{page.pk}/history/").content.decode()
    table = " ".join(html.split("Changes to this page's sections", 1)[1].split())
    assert "<strong>Heading:</strong> <del>Recovery</del> → <ins>Aftercare</ins>" in table
    assert "<strong>Body:</strong> <del>Slight redness.</del> → <ins>Mild redness.</ins>" in table
    assert "List item “Redness”" in table
    assert "<td>editor</td>" in table


def test_no_history_column_reads_none(editor_client):
    page = PageFactory(summary="Old summary.", meta_description="")
    editor_client.post(f"/admin/pages/page/{page.pk}/change/", page_form(editor_client, page, meta_description="New."))
    html = editor_client.get(f"/admin/pages/page/{page.pk}/history/").content.decode()
    assert "None" not in html.split('id="change-history"', 1)[1]
    assert "<del>(empty)</del> → <ins>New.</ins>" in html
    assert "Change reason" not in html


def test_publishing_a_draft_is_one_change_in_the_page_history(editor_client):
    live = PageFactory()
    SectionFactory(page=live, heading="Old section")
    draft = create_draft(live)
    draft.summary = "New summary."
    draft.save()
    publish_draft(draft)
    html = editor_client.get(f"/admin/pages/page/{live.pk}/history/").content.decode()
    assert html.count("Published the draft of") == 1
    assert "Deleted" not in html


def test_clinic_settings_changes_record_the_editor(editor_client, editor):
    settings_row = ClinicSettings.load()
    data = {"name": "Clinic", "tagline": "", "phone": "555-0100", "notification_email": "",
            "site_notice": settings_row.site_notice, "gallery_disclaimer": settings_row.gallery_disclaimer}
    response = editor_client.post(f"/admin/pages/clinicsettings/{settings_row.pk}/change/", data)
    assert response.status_code == 302
    record = ClinicSettings.history.latest()
    assert (record.phone, record.history_user) == ("555-0100", editor)
