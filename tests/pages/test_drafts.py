import pytest
from django.core.exceptions import ValidationError

from pages.drafts import create_draft, publish_draft
from pages.models import BLOCKED_DRAFT, Page
from tests.factories import FaqItemFactory, ItemFactory, PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_a_draft_copies_the_page_with_its_sections_and_items():
    item = ItemFactory(lead="Migraine", section__heading="Uses", section__page__title="Botox")
    draft = create_draft(item.section.page)
    assert draft.title == "Botox"
    assert draft.draft_of == item.section.page
    assert [section.heading for section in draft.sections.all()] == ["Uses"]
    assert [i.lead for i in draft.sections.get().items.all()] == ["Migraine"]
    assert Page.objects.get(pk=item.section.page.pk).sections.get().items.count() == 1


def test_a_draft_copies_the_faq_section_with_its_questions():
    question = FaqItemFactory(lead="Does it hurt?", body="Only a pinch.")
    draft = create_draft(question.section.page)
    [(section, items)] = [(s, list(s.items.all())) for s in draft.sections.all()]
    assert [(item.lead, item.body) for item in items] == [("Does it hurt?", "Only a pinch.")]
    assert section.is_faq
    draft.refresh_from_db()
    assert draft.faq_structured_data["mainEntity"][0]["name"] == "Does it hurt?"


def test_a_draft_is_never_public_even_when_ticked_as_published(client):
    page = PageFactory(title="Botox")
    draft = create_draft(page)
    Page.objects.filter(pk=draft.pk).update(is_published=True)
    assert list(Page.objects.published()) == [page]
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert draft.get_absolute_url() not in client.get("/").content.decode()
    assert draft.get_absolute_url() not in client.get("/treatments/").content.decode()


def test_a_draft_cannot_be_ticked_as_published_in_the_form():
    draft = create_draft(PageFactory())
    draft.is_published = True
    with pytest.raises(ValidationError) as error:
        draft.full_clean()
    assert BLOCKED_DRAFT in error.value.message_dict["is_published"]


def test_editing_a_draft_leaves_the_live_page_unchanged(client):
    section = SectionFactory(body="Old text.")
    draft = create_draft(section.page)
    draft_section = draft.sections.get()
    draft_section.body = "New text."
    draft_section.save()
    html = client.get(section.page.get_absolute_url()).content.decode()
    assert "Old text." in html
    assert "New text." not in html


def test_publishing_a_draft_puts_its_content_on_the_live_address_and_deletes_it(client):
    live = PageFactory(title="Botox", slug="botox", summary="Old summary.")
    SectionFactory(page=live, heading="Old section")
    draft = create_draft(live)
    draft.summary = "New summary."
    draft.save()
    draft.sections.update(heading="New section")

    publish_draft(draft)

    html = client.get("/treatments/botox/").content.decode()
    assert "New summary." in html
    assert "New section" in html
    assert "Old section" not in html
    assert list(Page.objects.values_list("slug", flat=True)) == ["botox"]


def test_a_draft_without_safety_information_is_not_published_and_nothing_changes():
    live = PageFactory(summary="Old summary.")
    draft = create_draft(live)
    draft.summary = "New summary."
    draft.safety_information = None
    draft.save()
    with pytest.raises(ValidationError, match="Safety information missing"):
        publish_draft(draft)
    live.refresh_from_db()
    assert live.summary == "Old summary."
    assert Page.objects.filter(pk=draft.pk).exists()
