import pytest

from pages.models import ClinicSettings, Page
from tests.factories import ItemFactory, PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_published_excludes_unpublished_pages():
    shown = PageFactory(is_published=True)
    PageFactory(is_published=False)
    assert list(Page.objects.published()) == [shown]


def test_section_markdown_is_rendered_on_save():
    section = SectionFactory(body="Quick and **easy**.")
    assert section.body_html == "<p>Quick and <strong>easy</strong>.</p>"


def test_item_body_is_rendered_inline_on_save():
    item = ItemFactory(body="Reduces *wrinkles*.")
    assert item.body_html == "Reduces <em>wrinkles</em>."


def test_description_falls_back_to_the_summary():
    page = PageFactory(summary="Short summary.", meta_description="")
    assert page.description == "Short summary."


def test_clinic_settings_is_a_single_row():
    ClinicSettings(name="One").save()
    ClinicSettings(name="Two").save()
    assert ClinicSettings.objects.count() == 1
    assert ClinicSettings.load().name == "Two"
