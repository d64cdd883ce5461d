"""A page's sections are rendered when they change, not per visit (pages/rendering.py):
every way a section or item changes must reach the public page."""

import pytest
from django.core.management import call_command

from pages.drafts import create_draft, publish_draft
from pages.models import Item, Page, Section
from tests.factories import FaqItemFactory, ItemFactory, PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def page_html(client, page):
    response = client.get(page.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_item_appears_on_its_page(client):
    section = SectionFactory(heading="Uses")
    ItemFactory(section=section, lead="Migraine relief")
    assert "Migraine relief" in page_html(client, section.page)


def test_an_edited_item_shows_its_new_words(client):
    item = ItemFactory(lead="Crow's feet")
    item.lead = "Frown lines"
    item.save()
    html = page_html(client, item.section.page)
    assert "Frown lines" in html
    assert "Crow&#x27;s feet" not in html


def test_a_deleted_item_leaves_the_page(client):
    item = ItemFactory(lead="Excessive sweating")
    assert "Excessive sweating" in page_html(client, item.section.page)
    item.delete()
    assert "Excessive sweating" not in page_html(client, item.section.page)


def test_items_deleted_in_bulk_leave_the_page(client):
    item = ItemFactory(lead="Excessive sweating")
    assert "Excessive sweating" in page_html(client, item.section.page)
    Item.objects.filter(pk=item.pk).delete()
    assert "Excessive sweating" not in page_html(client, item.section.page)


def test_a_deleted_section_leaves_the_page_with_its_items(client):
    item = ItemFactory(lead="Excessive sweating", section__heading="Other uses")
    assert "Other uses" in page_html(client, item.section.page)
    item.section.delete()
    html = page_html(client, item.section.page)
    assert "Other uses" not in html
    assert "Excessive sweating" not in html


def test_a_section_moved_to_another_page_leaves_the_first(client):
    section = SectionFactory(heading="Recovery")
    assert "Recovery" in page_html(client, section.page)
    other = PageFactory(slug="fillers")
    section.page = other
    section.save()
    assert "Recovery" not in page_html(client, Page.objects.exclude(pk=other.pk).get())
    assert "Recovery" in page_html(client, other)


def test_a_page_deletes_with_its_sections():
    item = ItemFactory()
    item.section.page.delete()
    assert not Section.objects.exists()


def test_a_published_draft_puts_its_sections_on_the_live_page(client):
    live = SectionFactory(heading="Old heading").page
    draft = create_draft(live)
    section = draft.sections.get()
    section.heading = "New heading"
    section.save()
    publish_draft(draft)
    html = page_html(client, live)
    assert "New heading" in html
    assert "Old heading" not in html


def test_the_faq_structured_data_follows_the_questions():
    question = FaqItemFactory(lead="Does it hurt?")
    question.lead = "How long does it last?"
    question.save()
    page = Page.objects.get(pk=question.section.page_id)
    assert [q["name"] for q in page.faq_structured_data["mainEntity"]] == ["How long does it last?"]


def test_migrate_renders_every_page_again(client):
    # A deploy may change the section template: what was stored must not outlive it.
    section = SectionFactory(heading="Recovery")
    Page.objects.update(sections_html="")
    call_command("migrate", verbosity=0)
    assert "Recovery" in page_html(client, section.page)
