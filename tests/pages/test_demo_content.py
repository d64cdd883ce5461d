import pytest
from django.core.management import call_command

from pages.models import Item, Page, Section

pytestmark = pytest.mark.django_db


def counts():
    return Page.objects.count(), Section.objects.count(), Item.objects.count()


def test_demo_content_builds_the_botox_page_with_four_sections_and_three_uses():
    call_command("load_demo_content")
    page = Page.objects.get(slug="botox")
    assert page.is_published
    assert [s.heading for s in page.sections.all()] == [
        "What Are the Benefits of Botox?",
        "Who Makes a Good Candidate for Botox?",
        "What Can Botox Be Used For?",
        "What is Recovery Like for Botox?",
    ]
    uses = page.sections.get(heading="What Can Botox Be Used For?")
    assert [item.lead for item in uses.main_items] == [
        "Cosmetic Treatment",
        "Anti-Migraine Protection",
        "Care for Muscle Spasms",
    ]
    assert [(item.lead, item.indication) for item in uses.other_items] == [
        ("Excessive sweat", Item.Indication.APPROVED),
        ("Enlarged prostate", Item.Indication.OFF_LABEL),
        ("Bell's palsy", Item.Indication.OFF_LABEL),
    ]


def test_demo_content_flags_its_safety_text_and_indications_for_clinic_review():
    call_command("load_demo_content")
    page = Page.objects.get(slug="botox")
    assert page.safety_information.needs_review
    assert "distant spread of toxin effect" in page.safety_information.body_html
    assert not Item.objects.filter(indication_needs_review=False).exists()


def test_loading_demo_content_twice_changes_nothing():
    call_command("load_demo_content")
    before = counts(), list(Page.objects.values_list("updated_at", flat=True))
    call_command("load_demo_content")
    after = counts(), list(Page.objects.values_list("updated_at", flat=True))
    assert before == after


def test_demo_loading_never_overwrites_staff_edits():
    call_command("load_demo_content")
    Section.objects.filter(heading__startswith="What Are the Benefits").update(body="Edited by staff.")
    call_command("load_demo_content")
    assert Section.objects.filter(body="Edited by staff.").exists()


def test_if_empty_skips_a_database_that_has_pages():
    Page.objects.create(title="Fillers", slug="fillers")
    call_command("load_demo_content", if_empty=True)
    assert not Page.objects.filter(slug="botox").exists()


def test_the_botox_page_shows_the_clinics_facts(client):
    call_command("load_demo_content")
    html = client.get("/treatments/botox/").content.decode()
    for fact in [
        "Patients must be at least 18 years old.",
        "15 or more days monthly",
        "Bell&#x27;s palsy",
        "about 7-14 days for optimal results",
        "Dr. Katayoun Motlagh",
    ]:
        assert fact in html or fact.replace("&#x27;", "'") in html


@pytest.mark.parametrize("url", ["/", "/treatments/botox/", "/gallery/", "/about/"])
def test_no_note_meant_for_staff_reaches_patients(client, url):
    call_command("load_demo_content")
    html = client.get(url).content.decode()
    for marker in ("Demo text", "to be reviewed", "(demo)", "Demo illustration", "check against"):
        assert marker not in html, marker
