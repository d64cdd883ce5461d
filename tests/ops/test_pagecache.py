import pytest
from django.core.cache import cache

from ops.pagecache import VERSION_KEY, content_version
from pages.models import ClinicSettings
from tests.factories import PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_an_anonymous_page_is_answered_from_the_cache_the_second_time(client, django_assert_num_queries):
    ClinicSettings.load()
    page = PageFactory()
    assert "X-Page-Cache" not in client.get(page.get_absolute_url())
    with django_assert_num_queries(0):
        response = client.get(page.get_absolute_url())
    assert response["X-Page-Cache"] == "hit"
    assert page.title in response.content.decode()


def test_a_saved_section_shows_on_the_next_request(client):
    section = SectionFactory(body="Before the edit.")
    url = section.page.get_absolute_url()
    client.get(url)
    section.body = "After the edit."
    section.save()
    assert "After the edit." in client.get(url).content.decode()


def test_a_deleted_page_is_gone_on_the_next_request(client):
    page = PageFactory()
    client.get(page.get_absolute_url())
    page.delete()
    assert client.get(page.get_absolute_url()).status_code == 404


def test_clinic_settings_changed_show_on_every_cached_page(client):
    page = PageFactory()
    client.get(page.get_absolute_url())
    clinic = ClinicSettings.load()
    clinic.site_notice = "Closed on public holidays."
    clinic.save()
    assert "Closed on public holidays." in client.get(page.get_absolute_url()).content.decode()


def test_a_page_deleted_with_an_admin_action_is_gone_from_the_cached_list(admin_client, client):
    page = PageFactory(title="Fillers")
    client.get("/treatments/")
    response = admin_client.post(
        "/admin/pages/page/", {"action": "delete_selected", "_selected_action": [page.pk], "post": "yes"}
    )
    assert response.status_code == 302
    assert "Fillers" not in client.get("/treatments/").content.decode()


def test_any_successful_admin_post_moves_the_content_version(admin_client):
    # Admin actions may change rows with queryset.update(), which sends no signal.
    before = content_version()
    assert admin_client.post("/admin/logout/").status_code == 200
    assert cache.get(VERSION_KEY) != before


def test_the_version_moves_again_when_the_save_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        PageFactory()
    before = cache.get(VERSION_KEY)
    for callback in callbacks:
        callback()
    assert cache.get(VERSION_KEY) != before


def test_logged_in_staff_never_get_a_cached_page(admin_client, client):
    page = PageFactory()
    client.get(page.get_absolute_url())
    assert "X-Page-Cache" not in admin_client.get(page.get_absolute_url())


def test_a_response_that_sets_a_cookie_is_not_cached(client, admin_user):
    client.get("/admin/login/")
    response = client.get("/admin/login/")
    assert "X-Page-Cache" not in response
    assert "csrftoken" in response.cookies


def test_the_page_cache_can_be_turned_off(client, settings):
    settings.PAGE_CACHE = False
    page = PageFactory()
    client.get(page.get_absolute_url())
    assert "X-Page-Cache" not in client.get(page.get_absolute_url())


@pytest.mark.parametrize("cached", [False, True])
def test_an_unchanged_page_answers_304_to_its_etag(client, cached):
    page = PageFactory()
    etag = client.get(page.get_absolute_url())["ETag"]
    if not cached:
        cache.clear()
    response = client.get(page.get_absolute_url(), headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_a_changed_page_does_not_answer_304_to_its_old_etag(client):
    section = SectionFactory()
    url = section.page.get_absolute_url()
    etag = client.get(url)["ETag"]
    section.heading = "A new heading"
    section.save()
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert "A new heading" in response.content.decode()


def test_a_host_outside_allowed_hosts_is_refused_every_time(client):
    page = PageFactory()
    for _ in range(2):
        assert client.get(page.get_absolute_url(), headers={"Host": "evil.example"}).status_code == 400
