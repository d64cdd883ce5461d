"""The admin as the clinic's editors use it: drafts, preview, ordering, history, role."""

import datetime

import pytest
from django.contrib.auth.models import Group

from pages.drafts import create_draft
from pages.models import Page, Section
from tests.admin_forms import admin_form
from tests.factories import ItemFactory, PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def page_form(client, page, **changes):
    """The POST data of the page change form, as the browser sends it, with its sections."""
    return admin_form(client, f"/admin/pages/page/{page.pk}/change/", **changes)


def test_the_preview_shows_the_page_with_a_banner_and_noindex_to_staff(editor_client):
    page = PageFactory(title="Botox", is_published=False)
    SectionFactory(page=page, heading="Benefits")
    response = editor_client.get(f"/admin/pages/page/{page.pk}/preview/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview — not published." in html
    assert '<meta name="robots" content="noindex">' in html
    assert "<h1>Botox</h1>" in html
    assert "Benefits" in html


def test_a_draft_preview_shows_the_draft_text_and_says_whose_draft_it_is(editor_client):
    draft = create_draft(PageFactory(title="Botox"))
    SectionFactory(page=draft, body="Only in the draft.")
    html = editor_client.get(f"/admin/pages/page/{draft.pk}/preview/").content.decode()
    assert "This is a draft of “Botox”" in html
    assert "Only in the draft." in html
    assert f'href="/admin/pages/page/{draft.pk}/change/">Back to editing' in html


def test_the_public_page_has_no_preview_banner(client):
    page = PageFactory()
    assert "Preview — not published" not in client.get(page.get_absolute_url()).content.decode()


def test_an_anonymous_visitor_is_sent_to_the_login_instead_of_a_preview(client):
    page = PageFactory(summary="Secret draft text.")
    response = client.get(f"/admin/pages/page/{create_draft(page).pk}/preview/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_create_a_draft_button_opens_the_new_draft(editor_client):
    page = PageFactory(title="Botox")
    response = editor_client.post(f"/admin/pages/page/{page.pk}/create-draft/", follow=True)
    draft = Page.objects.get(draft_of=page)
    assert response.redirect_chain[-1][0] == f"/admin/pages/page/{draft.pk}/change/"
    html = response.content.decode()
    assert "Draft created." in html
    assert "Publish this draft" in html


def test_creating_a_draft_needs_a_post(editor_client):
    page = PageFactory()
    assert editor_client.get(f"/admin/pages/page/{page.pk}/create-draft/").status_code == 405
    assert not Page.objects.filter(draft_of=page).exists()


def test_publish_this_draft_saves_the_form_publishes_and_returns_to_the_live_page(editor_client):
    live = PageFactory(summary="Old summary.")
    draft = create_draft(live)
    url = f"/admin/pages/page/{draft.pk}/change/"
    data = page_form(editor_client, draft, summary="New summary.", _publish_draft="Publish this draft")
    response = editor_client.post(url, data, follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/pages/page/{live.pk}/change/"
    assert "is live with the draft&#x27;s content" in response.content.decode()
    live.refresh_from_db()
    assert live.summary == "New summary."
    assert not Page.objects.filter(pk=draft.pk).exists()


def test_publish_this_draft_refuses_a_blocked_draft_with_the_reason(editor_client):
    draft = create_draft(PageFactory())
    Page.objects.filter(pk=draft.pk).update(safety_information=None)
    data = page_form(editor_client, draft, _publish_draft="Publish this draft")
    response = editor_client.post(f"/admin/pages/page/{draft.pk}/change/", data, follow=True)
    assert "Saved, but not published. Safety information missing" in response.content.decode()
    assert Page.objects.filter(pk=draft.pk).exists()


def test_a_page_has_at_most_one_draft_and_the_button_then_continues_it(editor_client):
    page = PageFactory(title="Botox")
    editor_client.post(f"/admin/pages/page/{page.pk}/create-draft/")
    response = editor_client.post(f"/admin/pages/page/{page.pk}/create-draft/", follow=True)
    draft = Page.objects.get(draft_of=page)
    assert response.redirect_chain[-1][0] == f"/admin/pages/page/{draft.pk}/change/"
    assert "already has a draft" in response.content.decode()
    html = editor_client.get(f"/admin/pages/page/{page.pk}/change/").content.decode()
    assert "Continue the draft" in html
    assert "Create a draft of this page" not in html


def test_a_drafts_form_shows_the_live_address_and_views_on_site_as_a_preview(editor_client):
    draft = create_draft(PageFactory(slug="botox"))
    html = editor_client.get(f"/admin/pages/page/{draft.pk}/change/").content.decode()
    assert "/treatments/botox/ (the live page" in html
    assert draft.slug not in html
    assert f'href="/admin/pages/page/{draft.pk}/preview/" class="viewsitelink"' in html


def test_the_change_list_says_which_pages_are_drafts_and_which_are_scheduled(editor_client):
    create_draft(PageFactory(title="Botox"))
    PageFactory(title="Peels", publish_from=datetime.datetime(2999, 1, 1, 9, 0, tzinfo=datetime.UTC))
    html = editor_client.get("/admin/pages/page/").content.decode()
    assert "Draft of “Botox”" in html
    assert "Scheduled for Jan. 1, 2999" in html


def test_a_draft_warns_when_the_live_page_changed_after_it_was_made(editor_client):
    live = PageFactory()
    draft = create_draft(live)
    live.summary = "Edited on the live page."
    live.save()
    html = editor_client.get(f"/admin/pages/page/{draft.pk}/change/").content.decode()
    assert "The live page was changed after this draft was made" in html


def test_move_down_reorders_sections_and_keeps_the_other_edits(editor_client):
    page = PageFactory()
    first = SectionFactory(page=page, heading="First", position=0)
    second = SectionFactory(page=page, heading="Second", position=5)
    data = page_form(editor_client, page, **{"summary": "Edited too.", "_move": f"pages.section:{first.pk}:down"})
    response = editor_client.post(f"/admin/pages/page/{page.pk}/change/", data, follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/pages/page/{page.pk}/change/"
    assert "Moved “First” down." in response.content.decode()
    assert [s.heading for s in page.sections.all()] == ["Second", "First"]
    assert Page.objects.get(pk=page.pk).summary == "Edited too."
    assert [s.position for s in page.sections.all()] == [0, 1]
    assert second.pk != first.pk


def test_move_up_on_the_first_item_says_it_is_already_first(editor_client):
    item = ItemFactory(lead="Only one")
    page = item.section.page
    data = page_form(editor_client, page, _move=f"pages.item:{item.pk}:up")
    response = editor_client.post(f"/admin/pages/page/{page.pk}/change/", data, follow=True)
    assert "“Only one” is already first." in response.content.decode()


def test_move_down_on_a_list_item_reorders_the_items_of_its_section(editor_client, client):
    first = ItemFactory(lead="First use")
    ItemFactory(section=first.section, lead="Second use")
    page = first.section.page
    data = page_form(editor_client, page, _move=f"pages.item:{first.pk}:down")
    editor_client.post(f"/admin/pages/page/{page.pk}/change/", data)
    html = client.get(page.get_absolute_url()).content.decode()
    assert html.index("Second use") < html.index("First use")


def test_the_dashboard_links_to_the_website(editor_client):
    html = editor_client.get("/admin/").content.decode()
    assert '<a href="/">View the website</a>' in html


def test_an_editor_cannot_open_the_users_admin(editor_client):
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/auth/group/").status_code == 403


def test_an_editor_can_edit_a_page(editor_client):
    page = PageFactory(summary="Old.")
    response = editor_client.post(f"/admin/pages/page/{page.pk}/change/", page_form(editor_client, page, summary="New."))
    assert response.status_code == 302
    assert Page.objects.get(pk=page.pk).summary == "New."


def test_the_editors_group_has_content_permissions_only():
    codenames = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    assert {"change_page", "add_section", "delete_item", "change_clinicsettings", "view_historicalpage"} <= codenames
    assert not {"delete_safetyinformation", "delete_clinicsettings"} & codenames
    assert not [codename for codename in codenames if codename.endswith(("_user", "_group", "_permission"))]


def test_each_admin_change_records_the_editor_who_made_it(editor_client, editor):
    page = PageFactory()
    section = SectionFactory(page=page, heading="Before")
    editor_client.post(f"/admin/pages/page/{page.pk}/change/",
                       page_form(editor_client, page, **{"summary": "Changed.", "sections-0-heading": "After"}))
    assert page.history.latest().history_user == editor
    assert section.history.latest().history_user == editor
    assert section.history.latest().heading == "After"
    assert Section.history.filter(history_user=editor).count() == 1


def test_the_list_item_form_previews_its_markdown(editor_client):
    item = ItemFactory(body="Reduces *wrinkles*.")
    html = editor_client.get(f"/admin/pages/item/{item.pk}/change/").content.decode()
    assert '<div class="markdown-preview">Reduces <em>wrinkles</em>.</div>' in html


def test_the_bulk_publish_action_refuses_a_draft(editor_client):
    draft = create_draft(PageFactory(title="Botox"))
    response = editor_client.post(
        "/admin/pages/page/", {"action": "publish", "_selected_action": [draft.pk]}, follow=True
    )
    assert "“Botox (draft)” not published. A draft" in response.content.decode()
    assert not Page.objects.get(pk=draft.pk).is_published
