import pytest
from django.urls import reverse

from pages.models import ClinicSettings
from tests.factories import (
    CaseFactory,
    FaqItemFactory,
    FaqSectionFactory,
    ItemFactory,
    LocationFactory,
    PageFactory,
    PhysicianFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def test_the_detail_page_renders_what_is_in_the_database(client):
    section = SectionFactory(heading="Who is a candidate?", body="Adults in good health.")
    url = section.page.get_absolute_url()
    assert "Adults in good health." in client.get(url).content.decode()

    section.body = "Patients must be at least 18 years old."
    section.save()

    html = client.get(url).content.decode()
    assert "Patients must be at least 18 years old." in html
    assert "Adults in good health." not in html


def test_sections_render_in_their_order(client):
    page = PageFactory()
    SectionFactory(page=page, heading="Second", position=2)
    SectionFactory(page=page, heading="First", position=1)
    html = client.get(page.get_absolute_url()).content.decode()
    assert html.index("First") < html.index("Second")


def test_list_items_render_with_their_bold_lead(client):
    item = ItemFactory(lead="Cosmetic Treatment", body="Reduces wrinkles.")
    html = client.get(item.section.page.get_absolute_url()).content.decode()
    assert "<strong>Cosmetic Treatment:</strong> Reduces wrinkles." in html


def test_an_unpublished_page_is_not_found(client):
    page = PageFactory(is_published=False)
    assert client.get(page.get_absolute_url()).status_code == 404


def test_an_unknown_slug_is_not_found(client):
    assert client.get("/treatments/no-such-thing/").status_code == 404


@pytest.mark.parametrize("payload", ["<script>alert('x')</script>", '<img src=x onerror="alert(1)">'])
def test_a_section_body_with_script_renders_inert(client, payload):
    section = SectionFactory(body=f"Hello {payload} world")
    html = client.get(section.page.get_absolute_url()).content.decode()
    assert "alert(" not in html.split("<main", 1)[1]
    assert "onerror" not in html


def test_the_treatment_list_shows_only_published_pages(client):
    PageFactory(title="Shown treatment")
    PageFactory(title="Hidden treatment", is_published=False)
    html = client.get(reverse("pages:list")).content.decode()
    assert "Shown treatment" in html
    assert "Hidden treatment" not in html


def test_the_home_page_links_to_published_treatments(client):
    page = PageFactory(title="Botox", slug="botox")
    html = client.get("/").content.decode()
    assert f'href="{page.get_absolute_url()}"' in html


def test_the_footer_carries_the_site_notice_from_clinic_settings(client):
    settings_row = ClinicSettings.load()
    settings_row.site_notice = "All information subject to change."
    settings_row.save()
    assert "All information subject to change." in client.get("/").content.decode()


def test_an_faq_section_shows_its_items_as_questions_and_answers(client):
    question = FaqItemFactory(lead="Does it hurt?", body="Most patients feel a **pinch**.")
    html = client.get(question.section.page.get_absolute_url()).content.decode()
    assert '<h3 class="faq__question">Does it hurt?</h3>' in html
    assert '<div class="faq__answer">Most patients feel a <strong>pinch</strong>.</div>' in html
    assert "<strong>Does it hurt?" not in html  # not also shown as a list item


def add_botox_like_content(page, times):
    """`times` the content of a Botox page: sections with list items, an FAQ section, cases."""
    for section in SectionFactory.create_batch(2 * times, page=page):
        ItemFactory.create_batch(3, section=section)
    FaqItemFactory.create_batch(3 * times, section=FaqSectionFactory(page=page))
    CaseFactory.create_batch(times, treatment=page)


def test_the_detail_page_runs_at_most_4_queries_and_no_more_with_3_times_the_content(count_queries):
    ClinicSettings.load()
    page = PageFactory(title="Botox", slug="botox")
    add_botox_like_content(page, 1)
    once = count_queries(page.get_absolute_url())
    add_botox_like_content(page, 2)
    thrice = count_queries(page.get_absolute_url())
    assert once == thrice
    assert thrice[1] <= 4  # the page with its safety information, its teaser's cases


def add_clinic_content(times):
    """`times` treatments, each with a case, offices and a physician."""
    for _ in range(times):
        CaseFactory(treatment=PageFactory())
    LocationFactory.create_batch(times)
    PhysicianFactory.create_batch(times)


@pytest.mark.parametrize("url", ["/", "/treatments/", "/about/"])
def test_the_other_pages_run_at_most_4_queries_and_no_more_with_3_times_the_content(count_queries, url):
    ClinicSettings.load()
    add_clinic_content(1)
    once = count_queries(url)
    add_clinic_content(2)
    thrice = count_queries(url)
    assert once == thrice
    assert thrice[1] <= 4


def test_healthz_answers_ok_when_the_database_and_the_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"database ok, cache ok"
    assert client.get("/healthz?full=1").status_code == 200


def test_browsers_asking_for_favicon_ico_are_sent_to_the_clinics_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response.url.endswith("img/favicon.png")
    assert 'rel="icon"' in client.get("/").content.decode()
