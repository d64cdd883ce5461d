import pytest
from django.core.exceptions import ValidationError

from pages.models import BLOCKED_SAFETY_MISSING, Item, Page
from tests.factories import ItemFactory, PageFactory, SafetyInformationFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_a_page_that_requires_safety_information_cannot_be_published_without_it():
    page = PageFactory.build(slug="botox", safety_information=None, requires_safety_information=True)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert BLOCKED_SAFETY_MISSING in error.value.message_dict["safety_information"]


def test_a_page_without_its_safety_information_is_never_public_whatever_its_flag(client):
    page = PageFactory(safety_information=None, requires_safety_information=True, is_published=True)
    assert page not in Page.objects.published()
    assert client.get(page.get_absolute_url()).status_code == 404


def test_a_page_that_does_not_require_safety_information_can_be_public_without_it():
    page = PageFactory(safety_information=None, requires_safety_information=False)
    page.full_clean()
    assert page in Page.objects.published()


def test_the_safety_information_renders_on_the_treatment_page(client):
    safety = SafetyInformationFactory(body="Risk of **distant spread**.", source="Label, boxed warning")
    page = PageFactory(safety_information=safety)
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Important Safety Information" in html
    assert "Risk of <strong>distant spread</strong>." in html
    assert "Source: Label, boxed warning" in html


def test_the_queryset_and_the_per_page_check_agree():
    blocked = PageFactory(safety_information=None, requires_safety_information=True)
    fine = PageFactory()
    assert list(Page.objects.blocked()) == [blocked]
    assert blocked.publication_blockers() == [BLOCKED_SAFETY_MISSING]
    assert fine.publication_blockers() == []


@pytest.mark.parametrize(
    "indication, note, label",
    [
        (Item.Indication.APPROVED, "for chronic migraine", "FDA-approved use for chronic migraine"),
        (Item.Indication.OFF_LABEL, "", "Off-label use"),
    ],
)
def test_a_use_shows_its_indication_status_in_plain_words(client, indication, note, label):
    item = ItemFactory(lead="Migraine", indication=indication, indication_note=note)
    html = client.get(item.section.page.get_absolute_url()).content.decode()
    assert f'indication--{indication}">{label}</span>' in html


def test_a_use_without_a_status_shows_no_label(client):
    item = ItemFactory(indication=Item.Indication.NOT_SPECIFIED)
    html = client.get(item.section.page.get_absolute_url()).content.decode()
    assert 'class="indication' not in html


def test_a_plain_text_sections_list_shows_no_indication_status(client):
    item = ItemFactory(section=SectionFactory(kind="text"), lead="Quick", indication=Item.Indication.APPROVED)
    html = client.get(item.section.page.get_absolute_url()).content.decode()
    assert "<strong>Quick:</strong>" in html
    assert 'class="indication' not in html


def test_other_uses_are_listed_after_the_closing_text(client):
    section = SectionFactory(kind="uses", closing="Bell's palsy may respond too.")
    ItemFactory(section=section, lead="Main use")
    ItemFactory(section=section, lead="Palsy", body="", is_other_use=True,
                indication=Item.Indication.OFF_LABEL)
    html = client.get(section.page.get_absolute_url()).content.decode()
    assert html.index("Main use") < html.index("may respond too") < html.index("Palsy")


def test_bulk_publish_refuses_a_blocked_page_naming_the_reason(admin_client):
    blocked = PageFactory(title="Fillers", is_published=False, safety_information=None)
    ready = PageFactory(title="Peels", is_published=False)
    response = admin_client.post(
        "/admin/pages/page/",
        {"action": "publish", "_selected_action": [blocked.pk, ready.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "“Fillers” not published. Safety information missing" in html
    blocked.refresh_from_db()
    ready.refresh_from_db()
    assert not blocked.is_published
    assert ready.is_published


def test_the_admin_lists_and_filters_blocked_pages_with_their_reason(admin_client):
    PageFactory(title="Fillers", safety_information=None)
    PageFactory(title="Peels")
    html = admin_client.get("/admin/pages/page/?check=0").content.decode()
    assert "Fillers" in html
    assert "Peels" not in html
    assert "Safety information missing" in html


def test_the_admin_change_form_refuses_to_publish_without_safety_information(admin_client):
    page = PageFactory(is_published=False, safety_information=None)
    data = {
        "title": page.title, "slug": page.slug, "summary": "", "is_published": "on",
        "requires_safety_information": "on", "safety_information": "", "call_to_action": "",
        "meta_description": "", "position": 0,
        "sections-TOTAL_FORMS": 0, "sections-INITIAL_FORMS": 0,
    }
    response = admin_client.post(f"/admin/pages/page/{page.pk}/change/", data)
    assert response.status_code == 200
    assert "Safety information missing" in response.content.decode()
    page.refresh_from_db()
    assert not page.is_published
