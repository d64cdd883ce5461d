import datetime
import re

import pytest
import time_machine

from gallery.models import Case
from gallery.storage import private_storage
from pages.models import ClinicSettings
from tests.factories import CaseFactory, PageFactory

pytestmark = pytest.mark.django_db

DISCLAIMER = "Images may contain models. Individual results are not guaranteed and may vary."


def image_urls(case):
    return [f"{case.get_absolute_url()}images/{r['name'].rsplit('/', 1)[-1]}" for r in case.before_renditions]


def pair_pages(case):
    return {
        "gallery": "/gallery/",
        "treatment gallery": f"/gallery/{case.treatment.slug}/",
        "case page": case.get_absolute_url(),
        "treatment page teaser": case.treatment.get_absolute_url(),
        "home page teaser": "/",
    }


@pytest.mark.parametrize(
    "where", ["gallery", "treatment gallery", "case page", "treatment page teaser", "home page teaser"]
)
def test_every_public_page_showing_a_pair_shows_the_disclaimer_next_to_it(client, where):
    case = CaseFactory(disclaimer="Results after two sessions.")
    html = client.get(pair_pages(case)[where]).content.decode()
    assert case.before_alt in html and case.after_alt in html
    card = html[html.index('<article class="case'):]
    card = card[: card.index("</article>")]
    assert f"{DISCLAIMER} Results after two sessions." in card


def test_the_disclaimer_is_the_one_staff_edit_in_clinic_settings(client):
    clinic = ClinicSettings.load()
    clinic.gallery_disclaimer = "Individual results vary. Some images show models."
    clinic.save()
    CaseFactory()
    assert "Individual results vary. Some images show models." in client.get("/gallery/").content.decode()


def test_the_gallery_lists_published_cases_only(client):
    CaseFactory(treated_area="Crow’s feet")
    CaseFactory(treated_area="Hidden jawline", is_published=False)
    html = client.get("/gallery/").content.decode()
    assert "Crow’s feet" in html
    assert "Hidden jawline" not in html


def test_the_treatment_gallery_shows_only_that_treatments_cases(client):
    botox = PageFactory(title="Botox", slug="botox")
    CaseFactory(treatment=botox, treated_area="Frown lines")
    CaseFactory(treated_area="Lips")
    html = client.get("/gallery/botox/").content.decode()
    assert "Before &amp; After Botox Gallery" in html
    assert "Frown lines" in html
    assert "Lips" not in html


def test_the_gallery_offers_a_filter_for_each_treatment_with_published_cases(client):
    CaseFactory(treatment=PageFactory(title="Botox", slug="botox"))
    CaseFactory(treatment=PageFactory(title="Fillers", slug="fillers"))
    CaseFactory(treatment=PageFactory(title="Peels", slug="peels"), is_published=False)
    html = client.get("/gallery/").content.decode()
    assert '<a href="/gallery/botox/">Botox</a>' in html
    assert '<a href="/gallery/fillers/">Fillers</a>' in html
    assert "/gallery/peels/" not in html


def test_a_treatment_leaves_the_filter_when_its_last_case_ends(client):
    noon = datetime.datetime(2027, 3, 1, 12, 0, tzinfo=datetime.UTC)
    with time_machine.travel(noon, tick=False):
        ClinicSettings.load()  # created now, not during the first visit (a content change)
        CaseFactory(treatment=PageFactory(title="Botox", slug="botox"))
        CaseFactory(treatment=PageFactory(title="Fillers", slug="fillers"), unpublish_at=noon + datetime.timedelta(hours=1))
        assert '<a href="/gallery/fillers/">Fillers</a>' in client.get("/gallery/").content.decode()
    with time_machine.travel(noon + datetime.timedelta(hours=2), tick=False):
        assert "/gallery/fillers/" not in client.get("/gallery/").content.decode()


def test_a_treatment_query_parameter_redirects_to_the_treatment_gallery(client):
    PageFactory(slug="botox")
    response = client.get("/gallery/?treatment=botox")
    assert response.status_code == 302
    assert response.url == "/gallery/botox/"


def test_an_unknown_treatment_is_not_found(client):
    assert client.get("/gallery/no-such-thing/").status_code == 404
    assert client.get("/gallery/?treatment=no such thing").status_code == 404


def test_the_case_page_shows_labelled_before_and_after_pictures_with_srcset(client):
    case = CaseFactory()
    html = client.get(case.get_absolute_url()).content.decode()
    assert '<figcaption class="case__label">Before</figcaption>' in html
    assert '<figcaption class="case__label">After</figcaption>' in html
    assert '<source type="image/webp" srcset="' in html
    assert 'width="64" height="48"' in html
    assert "Botox injections" in html


def test_the_first_pair_in_the_list_loads_at_once_and_the_rest_lazily(client):
    CaseFactory.create_batch(3)
    html = client.get("/gallery/").content.decode()
    loading = re.findall(r'<img [^>]*alt="([^"]*)"[^>]*loading="(\w+)"', html)
    assert [how for _, how in loading] == ["eager", "eager", "lazy", "lazy", "lazy", "lazy"]
    assert html.count('fetchpriority="high"') == 2


def test_an_unpublished_case_and_its_images_are_not_found_for_visitors(client):
    case = CaseFactory(is_published=False)
    assert client.get(case.get_absolute_url()).status_code == 404
    for url in image_urls(case):
        assert client.get(url).status_code == 404


def test_a_case_without_an_authorization_and_its_images_are_not_found_even_if_flagged_published(client):
    case = CaseFactory()
    Case.objects.filter(pk=case.pk).update(authorization=None)
    assert client.get(case.get_absolute_url()).status_code == 404
    assert all(client.get(url).status_code == 404 for url in image_urls(case))


def test_staff_preview_an_unpublished_case_and_its_images(admin_client):
    case = CaseFactory(is_published=False)
    html = admin_client.get(case.get_absolute_url()).content.decode()
    assert "this case is not published" in html
    response = admin_client.get(image_urls(case)[0])
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_a_published_image_is_served_with_its_type_and_nosniff(client):
    case = CaseFactory()
    response = client.get(image_urls(case)[0])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/avif"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content)[4:12] == b"ftypavif"


def test_an_image_name_of_another_case_or_the_private_master_is_not_found(client):
    case, other = CaseFactory(), CaseFactory()
    stolen = other.before_renditions[0]["name"].rsplit("/", 1)[-1]
    master = case.before_image.name.rsplit("/", 1)[-1]
    assert client.get(f"{case.get_absolute_url()}images/{stolen}").status_code == 404
    assert client.get(f"{case.get_absolute_url()}images/{master}").status_code == 404


def test_no_page_mentions_where_the_private_files_are_kept(client):
    case = CaseFactory()
    for url in pair_pages(case).values():
        html = client.get(url).content.decode()
        assert case.before_image.name.rsplit("/", 1)[-1] not in html
        assert "originals" not in html


@pytest.mark.parametrize("url", ["/gallery/", "/gallery/botox/"])
def test_the_gallery_runs_at_most_4_queries_with_3_cases_or_50(count_queries, url):
    ClinicSettings.load()
    botox = PageFactory(slug="botox")
    CaseFactory.create_batch(3, treatment=botox)
    few = count_queries(url)
    CaseFactory.create_batch(47, treatment=botox)
    many = count_queries(url)
    assert few == many
    assert many[1] <= 4  # the cases, their count, the treatments with cases (and the one named)


def cards(html):
    return html.count('<article class="case')


def test_a_gallery_of_30_cases_shows_24_then_6(client):
    CaseFactory.create_batch(30)
    first = client.get("/gallery/").content.decode()
    assert cards(first) == 24
    assert "Page 1 of 2" in first
    assert 'href="?page=2" rel="next"' in first
    second = client.get("/gallery/?page=2").content.decode()
    assert cards(second) == 6
    assert "Page 2 of 2" in second
    assert client.get("/gallery/?page=3").status_code == 404


def test_a_gallery_that_fits_on_one_page_shows_no_page_links(client):
    CaseFactory.create_batch(24)
    html = client.get("/gallery/").content.decode()
    assert cards(html) == 24
    assert 'class="pagination"' not in html


def test_the_treatment_page_teases_three_cases_and_links_to_its_gallery(client):
    botox = PageFactory(title="Botox", slug="botox")
    CaseFactory.create_batch(4, treatment=botox)
    html = client.get(botox.get_absolute_url()).content.decode()
    assert html.count('<article class="case"') == 3
    assert '<a class="button button--secondary" href="/gallery/botox/">View our Before &amp; After Botox Gallery</a>' in html


def test_a_treatment_page_without_cases_shows_no_gallery_teaser(client):
    page = PageFactory()
    assert "Before &amp; After" not in client.get(page.get_absolute_url()).content.decode()


def test_the_header_links_to_the_gallery(client):
    assert '<a href="/gallery/"' in client.get("/").content.decode()


def test_an_image_whose_file_is_missing_is_not_found_rather_than_an_error(client):
    case = CaseFactory()
    private_storage.delete(case.before_renditions[0]["name"])
    assert client.get(image_urls(case)[0]).status_code == 404


def test_staff_previewing_a_blocked_case_read_why_patients_cannot_see_it(admin_client):
    case = CaseFactory(unaltered_attested_by="")
    html = admin_client.get(case.get_absolute_url()).content.decode()
    assert "Preview for staff: this case is hidden from patients. Unaltered-photo attestation missing" in html
